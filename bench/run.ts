// npm run bench: apply into the SQLite sandbox (ledger on) against the sqlite3 shell's `.import` of the same files, run
// alternately; a delta over the unchanged export; and apply's peak memory at 250,000 and 2,000,000 contacts. Figures
// go to stdout and bench/results.json. Then goodput of the Dataverse and Salesforce targets against their emulators.
// Goals: apply within 4x of .import; peak memory at 2M within 1.25x of that at 250k; goodput at least 95%.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundledPairsDir, loadCatalog } from '../engine/spec/catalog.js';
import { generateSample } from '../engine/sample/index.js';
import { goodputFigures } from './goodput-figures.js';

const PAIR = 'smart-crm-online--dynamics-365-sales';
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);
/** Which parts to run, e.g. BENCH_PARTS=goodput; all by default. */
const PARTS = new Set((process.env['BENCH_PARTS'] ?? 'apply,memory,goodput').split(',').map((p) => p.trim()));
const root = join(tmpdir(), 'crm-migrate-bench');
const repo = join(import.meta.dirname, '..');

async function exportOf(contacts: number, companies: number): Promise<string> {
  const dir = join(root, `export-${contacts}`);
  rmSync(dir, { recursive: true, force: true });
  const catalog = await loadCatalog([bundledPairsDir()]);
  const pair = catalog.pairs.get(PAIR)?.spec;
  const source = catalog.platforms.get('smart-crm-online')?.index;
  const destination = catalog.platforms.get('dynamics-365-sales')?.index;
  if (!pair || !source || !destination) throw new Error(`bench: ${PAIR} is not in the bundled specs`);
  // Every other object gets a header-only file, so the run has the whole pair's shape but only these rows.
  const counts = Object.fromEntries(source.objectNames().map((o) => [o, 0]));
  await generateSample({ pair, source, destination, outDir: dir, seed: 42, counts: { ...counts, company: companies, contact: contacts } });
  return dir;
}

function time<T>(work: () => T): { ms: number; value: T } {
  const start = process.hrtime.bigint();
  const value = work();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

function apply(exportDir: string, name: string, flags: string[] = []): { ms: number; rssKiB: number } {
  const project = join(root, name);
  // A delta runs on the engagement a full apply left; everything else starts from an empty folder.
  if (!flags.includes('--delta')) {
    rmSync(project, { recursive: true, force: true });
    mkdirSync(project, { recursive: true });
    // Through the CLI, as a user runs it: the figures include start-up and spec loading.
    const init = spawnSync(process.execPath, [join(repo, 'bin', 'run.js'), 'init', project, '--pair', PAIR, '--source', exportDir, '--force'], { encoding: 'utf8' });
    if (init.status !== 0) throw new Error(`bench: init failed: ${init.stderr}`);
    const file = join(project, 'migration.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('failThreshold: 0.05', 'failThreshold: 1'));
  }
  const rssFile = join(project, 'rss.txt');
  const run = time(() =>
    spawnSync(process.execPath, [join(repo, 'bench', 'measure.mjs'), 'apply', '--project', project, '--json', ...flags], {
      encoding: 'utf8',
      env: { ...process.env, CRM_MIGRATE_RSS_FILE: rssFile },
      maxBuffer: 256 * 1024 * 1024,
    }),
  );
  if ((run.value.status ?? 2) > 1) throw new Error(`bench: apply failed: ${run.value.stderr}`);
  return { ms: run.ms, rssKiB: Number(readFileSync(rssFile, 'utf8')) };
}

function sqliteImport(exportDir: string, name: string): number {
  const db = join(root, `${name}.db`);
  rmSync(db, { force: true });
  const run = time(() =>
    spawnSync('sqlite3', [db, '.mode csv', `.import ${join(exportDir, 'companies.csv')} companies`, `.import ${join(exportDir, 'contacts.csv')} contacts`], { encoding: 'utf8' }),
  );
  if (run.value.status !== 0) throw new Error(`bench: sqlite3 failed: ${run.value.stderr}`);
  return run.ms;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

mkdirSync(root, { recursive: true });
const results: Record<string, unknown> = { pair: PAIR };

if (PARTS.has('apply')) {
  const big = await exportOf(1_000_000, 200_000);
  const applyMs: number[] = [];
  const importMs: number[] = [];
  for (let round = 1; round <= ROUNDS; round += 1) {
    const a = apply(big, `apply-${round}`);
    const i = sqliteImport(big, `import-${round}`);
    applyMs.push(a.ms);
    importMs.push(i);
    process.stdout.write(`round ${round}: apply ${(a.ms / 1000).toFixed(1)} s, .import ${(i / 1000).toFixed(1)} s\n`);
  }
  const ratio = median(applyMs) / median(importMs);
  // Cutover: a delta over the same, unchanged export reads and fingerprints every row but sends none.
  const delta = apply(big, 'apply-1', ['--delta']);
  process.stdout.write(`delta over the unchanged export: ${(delta.ms / 1000).toFixed(1)} s\n`);
  process.stdout.write(`apply / .import (median of ${ROUNDS}): ${ratio.toFixed(2)}x (goal <= 4x)\n`);
  Object.assign(results, {
    rows: { contacts: 1_000_000, companies: 200_000 },
    applySeconds: applyMs.map((ms) => ms / 1000),
    importSeconds: importMs.map((ms) => ms / 1000),
    ratio,
    ratioGoal: 4,
    unchangedDeltaSeconds: delta.ms / 1000,
  });
}

if (PARTS.has('memory')) {
  const memory: Record<string, number> = {};
  for (const contacts of [250_000, 2_000_000]) {
    const dir = await exportOf(contacts, 200_000);
    memory[String(contacts)] = apply(dir, `memory-${contacts}`).rssKiB;
    process.stdout.write(`peak memory at ${contacts.toLocaleString('en-US')} contacts: ${((memory[String(contacts)] as number) / 1024).toFixed(0)} MiB\n`);
  }
  const growth = (memory['2000000'] as number) / (memory['250000'] as number);
  process.stdout.write(`peak memory 2M / 250k contacts: ${growth.toFixed(2)}x (goal <= 1.25x)\n`);
  Object.assign(results, {
    peakMemoryMiB: Object.fromEntries(Object.entries(memory).map(([k, v]) => [k, v / 1024])),
    memoryGrowth: growth,
    memoryGrowthGoal: 1.25,
  });
}

if (PARTS.has('goodput')) {
  // Live targets against their emulators, service protection scaled down (bench/goodput-figures.ts).
  results['goodput'] = await goodputFigures();
}

// A partial run (BENCH_PARTS) keeps the figures of the parts it did not measure.
const file = join(repo, 'bench', 'results.json');
const previous = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
writeFileSync(file, JSON.stringify({ ...previous, ...results }, null, 2) + '\n');
