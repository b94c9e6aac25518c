// The sandbox half of `npm run bench`: synthetic exports, apply through the CLI as a user runs it (timed, with the
// child's peak memory), the sqlite3 shell's `.import` of the same files, and an apply killed part-way and resumed.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { bundledPairsDir, loadCatalog } from '../engine/spec/catalog.js';
import { generateSample } from '../engine/sample/index.js';

export const PAIR = 'smart-crm-online--dynamics-365-sales';
const repo = join(import.meta.dirname, '..');

export interface ApplyFigures {
  ms: number;
  rssKiB: number;
}

/**
 * A synthetic export with these many contacts and companies (every other object header-only). Generating millions of
 * rows takes minutes, so an export already generated with the same counts is reused.
 */
export async function exportOf(root: string, contacts: number, companies: number): Promise<string> {
  const dir = join(root, `export-${contacts}-${companies}`);
  const done = join(dir, '.complete');
  if (existsSync(done)) return dir;
  rmSync(dir, { recursive: true, force: true });
  const catalog = await loadCatalog([bundledPairsDir()]);
  const pair = catalog.pairs.get(PAIR)?.spec;
  const source = catalog.platforms.get('smart-crm-online')?.index;
  const destination = catalog.platforms.get('dynamics-365-sales')?.index;
  if (!pair || !source || !destination) throw new Error(`bench: ${PAIR} is not in the bundled specs`);
  const counts = Object.fromEntries(source.objectNames().map((o) => [o, 0]));
  await generateSample({ pair, source, destination, outDir: dir, seed: 42, counts: { ...counts, company: companies, contact: contacts } });
  writeFileSync(done, '');
  return dir;
}

export function time<T>(work: () => T): { ms: number; value: T } {
  const start = process.hrtime.bigint();
  const value = work();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

/** A fresh engagement folder on the export, as `init` writes it, with the failure threshold out of the way. */
export function freshProject(root: string, exportDir: string, name: string): string {
  const project = join(root, name);
  rmSync(project, { recursive: true, force: true });
  mkdirSync(project, { recursive: true });
  const init = spawnSync(process.execPath, [join(repo, 'bin', 'run.js'), 'init', project, '--pair', PAIR, '--source', exportDir, '--force'], { encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`bench: init failed: ${init.stderr}`);
  const file = join(project, 'migration.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace('failThreshold: 0.05', 'failThreshold: 1'));
  return project;
}

/**
 * The engagement as it stands before anyone has mapped its owners: every destination user renamed, so that no export
 * owner matches one and every row is held for the owner queue (as on many a first run). Holding rows must not cost
 * memory per row.
 */
export function withoutOwners(project: string): string {
  const file = join(project, 'migration.yaml');
  const text = readFileSync(file, 'utf8');
  const renamed = text.replace(/^(\s*-?\s*email: )(\S+@)/gm, '$1former-$2');
  if (renamed === text) throw new Error('bench: the engagement lists no users to rename');
  writeFileSync(file, renamed);
  return project;
}

function applyArgs(project: string, flags: readonly string[]): string[] {
  return [join(repo, 'bench', 'measure.mjs'), 'apply', '--project', project, '--json', ...flags];
}

/** `apply` on an engagement folder through the CLI: the figures include start-up and spec loading. */
export function apply(project: string, flags: readonly string[] = []): ApplyFigures {
  const rssFile = join(project, 'rss.txt');
  const run = time(() =>
    spawnSync(process.execPath, applyArgs(project, flags), { encoding: 'utf8', env: { ...process.env, CRM_MIGRATE_RSS_FILE: rssFile }, maxBuffer: 256 * 1024 * 1024 }),
  );
  if ((run.value.status ?? 2) > 1) throw new Error(`bench: apply failed (${run.value.status}): ${run.value.stderr}`);
  return { ms: run.ms, rssKiB: Number(readFileSync(rssFile, 'utf8')) };
}

/**
 * Starts `apply` and kills it (SIGKILL, as a crash or `kill -9` would) once the ledger has recorded `share` of
 * `rows` written records. Returns the share it had reached when killed.
 */
export async function applyKilledAt(project: string, rows: number, share: number): Promise<number> {
  const child = spawn(process.execPath, applyArgs(project, []), { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  let reached = 0;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    if (child.exitCode !== null) throw new Error('bench: apply finished before it could be killed');
    const ledger = join(project, 'ledger.db');
    if (!existsSync(ledger)) continue;
    const db = new Database(ledger, { readonly: true, fileMustExist: true });
    try {
      reached = (db.prepare('SELECT count(*) FROM ledger').pluck().get() as number) / rows;
    } catch {
      reached = 0; // the tables are not there yet
    } finally {
      db.close();
    }
    if (reached >= share) break;
  }
  child.kill('SIGKILL');
  await exited;
  return reached;
}

/** The sqlite3 shell's `.import` of the companies and contacts files into a new database. */
export function sqliteImport(root: string, exportDir: string, name: string): number {
  const db = join(root, `${name}.db`);
  rmSync(db, { force: true });
  const run = time(() =>
    spawnSync('sqlite3', [db, '.mode csv', `.import ${join(exportDir, 'companies.csv')} companies`, `.import ${join(exportDir, 'contacts.csv')} contacts`], { encoding: 'utf8' }),
  );
  if (run.value.status !== 0) throw new Error(`bench: sqlite3 failed: ${run.value.stderr}`);
  rmSync(db, { force: true });
  return run.ms;
}

export const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
