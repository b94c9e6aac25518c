import { accessSync, constants, realpathSync, statSync, statfsSync } from 'node:fs';
import { basename, dirname, join, sep } from 'node:path';
import { InputError } from '../util/input-error.js';

/**
 * Kernel file systems whose files are not storage: writing there hangs (a FIFO-like `/proc` entry), fails halfway
 * (`/dev/full`) or touches the machine's own state. Magic numbers from linux/magic.h.
 */
const VIRTUAL_FILE_SYSTEMS = new Map<number, string>([
  [0x9fa0, 'proc'],
  [0x62656572, 'sysfs'],
  [0x64626720, 'debugfs'],
  [0x27e0eb, 'cgroup'],
  [0x63677270, 'cgroup2'],
  [0x1cd1, 'devpts'],
  [0x73636673, 'securityfs'],
]);
const VIRTUAL_ROOTS = ['/proc', '/sys', '/dev'];

/**
 * Refuses, before anything is written, a target path that cannot hold a crm-migrate file: the sandbox (`kind:
 * 'file'`) must be a plain file or not exist yet, a package (`kind: 'folder'`) a folder or not exist yet, and either
 * way in an existing, writable folder on a real file system. `shown` is the path as the engagement names it.
 */
export function checkTargetPath(path: string, kind: 'file' | 'folder', shown: string): void {
  const refuse = (message: string, hint: string): never => {
    throw new InputError(message, { code: 'target/unusable', kind: 'refused', file: shown, hint });
  };
  const fix = 'Point `target:` in migration.yaml at a path inside a folder you can write, e.g. `sqlite:sandbox.db`.';
  if (basename(path) === '' || path.endsWith(sep) || path.endsWith(`${sep}.`) || path.endsWith(`${sep}..`)) {
    refuse(`The target names a folder, not a ${kind === 'file' ? 'file' : 'package folder'}.`, fix);
  }
  const existing = statOrUndefined(path);
  if (existing !== undefined) {
    if (kind === 'file' && existing.isDirectory()) refuse(`The target is a folder; the sandbox must be a file.`, fix);
    if (kind === 'file' && !existing.isFile()) refuse(`The target is not a plain file (a device, FIFO or socket).`, fix);
    if (kind === 'folder' && !existing.isDirectory()) refuse(`The target exists and is not a folder; a package is written into a folder.`, fix);
  }
  const parent = dirname(path);
  const folder = statOrUndefined(parent);
  if (folder === undefined) return refuse(`The target's folder ${parent} does not exist.`, `Create it first, or ${fix.charAt(0).toLowerCase()}${fix.slice(1)}`);
  if (!folder.isDirectory()) refuse(`The target is inside ${parent}, which is not a folder.`, fix);
  const real = realpathSync(parent);
  const virtual = VIRTUAL_FILE_SYSTEMS.get(statfsSync(real).type);
  if (virtual !== undefined || VIRTUAL_ROOTS.some((root) => real === root || real.startsWith(root + sep))) {
    refuse(`The target is on a system file system (${virtual ?? real}), which cannot hold a crm-migrate ${kind === 'file' ? 'sandbox' : 'package'}.`, fix);
  }
  try {
    accessSync(parent, constants.W_OK | constants.X_OK);
    if (existing !== undefined) accessSync(kind === 'file' ? path : join(path, '.'), constants.W_OK);
  } catch {
    refuse(`The target cannot be written: ${existing === undefined ? `its folder ${parent}` : 'it'} is read-only for this user.`, `Make it writable (chmod u+w) or ${fix.charAt(0).toLowerCase()}${fix.slice(1)}`);
  }
}

function statOrUndefined(path: string): ReturnType<typeof statSync> | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}
