import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';

/** Used when the destination's spec names no limit: Dataverse's default note attachment size (5,120 KB). */
export const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;

export type ExportFileResult = { ok: true; bytes: Buffer } | { ok: false; reason: string };

/** What an export row may point at: a regular file inside the export folder, at most `maxBytes` long. */
export interface ExportFileCheck {
  ok: boolean;
  /** Why the file cannot be used, in words for the exceptions report. */
  reason?: string;
  /** The file's real path and size, when it can be used. */
  real?: string;
  size?: number;
}

const realRoots = new Map<string, string>();

/**
 * Resolves a path named in an export row (an attachment's `File Path`) without reading it. Exports come from the
 * customer and are not trusted: a row may name `../../etc/passwd`, an absolute path, a symlink pointing out of the
 * export, a directory, a FIFO (opening it blocks forever) or `/dev/zero` (reading it never ends). The path must stay
 * inside the export folder after symlinks are followed, and must be a regular file no larger than the limit.
 */
export function checkExportFile(exportDir: string, named: string, maxBytes: number): ExportFileCheck {
  const path = named.trim();
  const shown = `"${path}"`;
  if (path === '') return { ok: false, reason: 'the file path is empty' };
  if (path.includes('\u0000')) return { ok: false, reason: `the file path ${JSON.stringify(path)} contains a NUL character` };
  if (isAbsolute(path) || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\\\')) {
    return { ok: false, reason: `the file ${shown} is an absolute path; attachment paths must be relative to the export folder` };
  }
  const root = realRoot(exportDir);
  if (root === undefined) return { ok: false, reason: `the export folder ${exportDir} cannot be read` };
  // Checked before touching the file system too, so that `../` never makes us stat something outside the export.
  if (!inside(root, resolve(root, path))) return { ok: false, reason: `the file ${shown} is outside the export folder` };
  let real: string;
  try {
    real = realpathSync(resolve(root, path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, reason: code === 'ENOENT' || code === 'ENOTDIR' ? `the file ${shown} is not in the export` : `the file ${shown} cannot be opened (${code ?? 'error'})` };
  }
  if (!inside(root, real)) return { ok: false, reason: `the file ${shown} is a link that points outside the export folder` };
  let stats: Stats;
  try {
    stats = statSync(real);
  } catch (error) {
    return { ok: false, reason: `the file ${shown} cannot be opened (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  const kind = notAFile(stats);
  if (kind !== undefined) return { ok: false, reason: `the file ${shown} is ${kind}, not a regular file` };
  if (stats.size > maxBytes) {
    return { ok: false, reason: `the file ${shown} is ${stats.size.toLocaleString('en')} bytes, over the destination's limit of ${maxBytes.toLocaleString('en')} bytes` };
  }
  return { ok: true, real, size: stats.size };
}

/**
 * Reads a file an export row names, or says why it will not. The file is opened without following a last-moment
 * symlink and without blocking (a FIFO swapped in after the check cannot hang the run), and the open descriptor is
 * checked again to be the same regular file before at most `maxBytes` are read.
 */
export function readExportFile(exportDir: string, named: string, maxBytes: number): ExportFileResult {
  const check = checkExportFile(exportDir, named, maxBytes);
  if (!check.ok || check.real === undefined) return { ok: false, reason: check.reason ?? 'the file cannot be read' };
  const shown = `"${named.trim()}"`;
  let fd: number;
  try {
    fd = openSync(check.real, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    return { ok: false, reason: `the file ${shown} cannot be opened (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { ok: false, reason: `the file ${shown} changed while it was read and is no longer a regular file` };
    if (stats.size > maxBytes) {
      return { ok: false, reason: `the file ${shown} is ${stats.size.toLocaleString('en')} bytes, over the destination's limit of ${maxBytes.toLocaleString('en')} bytes` };
    }
    const bytes = Buffer.alloc(stats.size);
    let at = 0;
    while (at < bytes.length) {
      const n = readSync(fd, bytes, at, bytes.length - at, at);
      if (n === 0) break;
      at += n;
    }
    return { ok: true, bytes: at === bytes.length ? bytes : bytes.subarray(0, at) };
  } catch (error) {
    return { ok: false, reason: `the file ${shown} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  } finally {
    closeSync(fd);
  }
}

function realRoot(exportDir: string): string | undefined {
  const cached = realRoots.get(exportDir);
  if (cached !== undefined) return cached;
  try {
    const real = realpathSync(exportDir);
    realRoots.set(exportDir, real);
    return real;
  } catch {
    return undefined;
  }
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

function notAFile(stats: Stats): string | undefined {
  if (stats.isFile()) return undefined;
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}
