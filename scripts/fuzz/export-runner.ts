import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

export const repoRoot = join(import.meta.dirname, '..', '..');

export interface CliRun {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

/** The built CLI, as a user runs it, killed when it outlives `timeoutMs`. */
export function runCli(args: readonly string[], timeoutMs: number): Promise<CliRun> {
  const child = spawn(process.execPath, [join(repoRoot, 'bin', 'run.js'), ...args], {
    cwd: repoRoot,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on('data', (b: Buffer) => out.push(b));
  child.stderr.on('data', (b: Buffer) => err.push(b));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, timeoutMs);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ exitCode: code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), timedOut });
    });
  });
}

/** One load's line of `apply --json`. */
export interface LoadCounts {
  load: string;
  file: string;
  sourceRows: number;
  loaded: number;
  skipped: number;
  held: number;
  failed: number;
  duplicates?: number;
  excluded?: number;
}

/** The report's per-file accounting: every record of the file, and whether the loads reading it account for all. */
export interface FileAccounting {
  file: string;
  rows: number;
  balanced: boolean;
}

export interface ApplyJson {
  result?: {
    loads: LoadCounts[];
    blockers?: string[];
    accounting?: FileAccounting[];
    imbalances?: unknown[];
    export?: { findings?: { file?: string; message?: string }[] };
  };
  error?: { message?: string; file?: string; line?: number; hint?: string };
}

/** `apply --json` output, in the envelope (`{ status, result, error }`) or as the bare report older builds print. */
export function parseApply(stdout: string): ApplyJson | undefined {
  try {
    const data = JSON.parse(stdout) as Record<string, unknown>;
    if ('status' in data || 'error' in data) return data as ApplyJson;
    if ('loads' in data) return { result: data as unknown as ApplyJson['result'] };
    return undefined;
  } catch {
    return undefined;
  }
}

/** Rows a load accounted for, by every outcome the report knows. */
export function accounted(load: LoadCounts): number {
  return load.loaded + load.skipped + load.held + load.failed + (load.duplicates ?? 0) + (load.excluded ?? 0);
}

/**
 * A checksum of a SQLite file's content: every table's rows in rowid order, row versions included, so that any write
 * (even one that only bumps a version) shows. Byte checksums would also see SQLite's own header bookkeeping.
 */
export function contentChecksum(path: string): string {
  if (!existsSync(path)) return 'absent';
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const hash = createHash('sha256');
    const tables = db.prepare<[], { name: string; sql: string }>("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all();
    for (const { name, sql } of tables) {
      hash.update(`${name}\n${sql}\n`);
      for (const row of db.prepare(`SELECT * FROM "${name.replaceAll('"', '""')}"`).raw().iterate()) hash.update(JSON.stringify(row));
    }
    return hash.digest('hex');
  } finally {
    db.close();
  }
}
