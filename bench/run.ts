// npm run bench: apply into the SQLite sandbox (ledger on) against the sqlite3 shell's `.import` of the same files, run
// alternately, with an apply killed at 50% and resumed in each round; a delta over the unchanged export; apply's peak
// memory at 250,000 and 2,000,000 contacts; seconds per row at 250,000, 1,000,000 and 4,000,000 contacts. Figures go
// to stdout and bench/results.json. Then goodput of the Dataverse and Salesforce targets against their emulators.
// Goals: apply within 4x of .import; peak memory at most 350 MiB at 2M contacts and at most 1.1x that at 250k; seconds
// per row within 15%; an unchanged delta within 2.5x of .import; the resumed rest at most 0.6x a full run; goodput at
// least 95%.
//
// BENCH_SCALE=0.1 multiplies every row count (to iterate quickly; figures at another scale are not written to
// results.json unless BENCH_WRITE=1); BENCH_PARTS=apply,memory,linear,resume,goodput picks parts; BENCH_ROUNDS rounds.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apply, applyKilledAt, exportOf, freshProject, median, PAIR, sqliteImport, withoutOwners } from './apply-runs.js';
import { goodputFigures } from './goodput-figures.js';

const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);
const SCALE = Number(process.env['BENCH_SCALE'] ?? 1);
/** Which parts to run, e.g. BENCH_PARTS=goodput; all by default. */
const PARTS = new Set((process.env['BENCH_PARTS'] ?? 'apply,memory,linear,resume,goodput').split(',').map((p) => p.trim()));
const root = join(tmpdir(), 'crm-migrate-bench');
const repo = join(import.meta.dirname, '..');
const MiB = 1024;

/** Contacts at this scale, with a company for every five contacts as in a typical CRM. */
const sized = (contacts: number): { contacts: number; companies: number } => {
  const n = Math.round(contacts * SCALE);
  return { contacts: n, companies: Math.round(n / 5) };
};
const say = (line: string): void => void process.stdout.write(`${line}\n`);
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

mkdirSync(root, { recursive: true });
const results: Record<string, unknown> = { pair: PAIR };
/** Full applies by contacts, for the per-row figures: each size measured once, the 1M size by the median round. */
const fullRuns = new Map<number, { ms: number; rows: number }>();
/** Resumed rests at 1M, one a round. */
const resumes: { ms: number; killedAt: number }[] = [];

/** A fresh apply killed (SIGKILL) once half its rows are in the ledger, then resumed: how long the rest took. */
async function resumedRest(exportDir: string, rows: number, round: number): Promise<{ ms: number; killedAt: number }> {
  const project = freshProject(root, exportDir, `resume-${round}`);
  const killedAt = await applyKilledAt(project, rows, 0.5);
  const rest = apply(project);
  say(`round ${round}: killed at ${(killedAt * 100).toFixed(0)}%, the rest took ${seconds(rest.ms)}`);
  return { ms: rest.ms, killedAt };
}

if (PARTS.has('apply')) {
  const size = sized(1_000_000);
  const big = await exportOf(root, size.contacts, size.companies);
  const applyMs: number[] = [];
  const importMs: number[] = [];
  const rss: number[] = [];
  for (let round = 1; round <= ROUNDS; round += 1) {
    const a = apply(freshProject(root, big, `apply-${round}`));
    const i = sqliteImport(root, big, `import-${round}`);
    applyMs.push(a.ms);
    importMs.push(i);
    rss.push(a.rssKiB);
    say(`round ${round}: apply ${seconds(a.ms)} (peak ${(a.rssKiB / MiB).toFixed(0)} MiB), .import ${seconds(i)}`);
    // Each round's resume is timed beside that round's full apply, so both medians see the same machine.
    if (PARTS.has('resume')) resumes.push(await resumedRest(big, size.contacts + size.companies, round));
  }
  const ratio = median(applyMs) / median(importMs);
  fullRuns.set(1_000_000, { ms: median(applyMs), rows: size.contacts + size.companies });
  // Cutover: a delta over the same, unchanged export reads and fingerprints every row but sends none.
  const delta = apply(join(root, 'apply-1'), ['--delta']);
  const deltaRatio = delta.ms / median(importMs);
  say(`delta over the unchanged export: ${seconds(delta.ms)}, ${deltaRatio.toFixed(2)}x .import (goal <= 2.5x)`);
  say(`apply / .import (median of ${ROUNDS}): ${ratio.toFixed(2)}x (goal <= 4x)`);
  Object.assign(results, {
    rows: size,
    applySeconds: applyMs.map((ms) => ms / 1000),
    importSeconds: importMs.map((ms) => ms / 1000),
    ratio,
    ratioGoal: 4,
    unchangedDeltaSeconds: delta.ms / 1000,
    unchangedDeltaRatio: deltaRatio,
    unchangedDeltaRatioGoal: 2.5,
  });
}

if (PARTS.has('memory') || PARTS.has('linear')) {
  const memory: Record<string, number> = {};
  const sizes = [250_000, 2_000_000, 4_000_000].filter((c) => (c === 2_000_000 ? PARTS.has('memory') : c === 4_000_000 ? PARTS.has('linear') : true));
  for (const contacts of sizes) {
    const size = sized(contacts);
    const a = apply(freshProject(root, await exportOf(root, size.contacts, size.companies), `size-${contacts}`));
    memory[String(contacts)] = a.rssKiB / MiB;
    fullRuns.set(contacts, { ms: a.ms, rows: size.contacts + size.companies });
    say(`apply at ${size.contacts.toLocaleString('en-US')} contacts + ${size.companies.toLocaleString('en-US')} companies: ${seconds(a.ms)}, peak memory ${(a.rssKiB / MiB).toFixed(0)} MiB`);
  }
  if (PARTS.has('memory')) {
    const growth = (memory['2000000'] as number) / (memory['250000'] as number);
    say(`peak memory at 2M contacts: ${(memory['2000000'] as number).toFixed(0)} MiB (goal <= 350), 2M / 250k: ${growth.toFixed(2)}x (goal <= 1.1x)`);
    // The same 250k export with no owner mapped: every row is held, and holding must not cost memory per row.
    const size = sized(250_000);
    const heldProject = withoutOwners(freshProject(root, await exportOf(root, size.contacts, size.companies), 'held-250000'));
    const held = apply(heldProject).rssKiB / MiB;
    // The rerun reads the orphan queue the first run wrote, a row per held contact.
    const rerun = apply(heldProject).rssKiB / MiB;
    say(`peak memory at 250k contacts with every row held for its owner: ${held.toFixed(0)} MiB, rerun over its queues ${rerun.toFixed(0)} MiB; ${(Math.max(held, rerun) / (memory['250000'] as number)).toFixed(2)}x the loading run's`);
    Object.assign(results, { peakMemoryMiB: memory, peakMemoryGoalMiB: 350, memoryGrowth: growth, memoryGrowthGoal: 1.1, heldPeakMemoryMiB: { first: held, rerun } });
  }
  if (PARTS.has('linear')) {
    if (!fullRuns.has(1_000_000)) {
      const size = sized(1_000_000);
      const a = apply(freshProject(root, await exportOf(root, size.contacts, size.companies), 'size-1000000'));
      fullRuns.set(1_000_000, { ms: a.ms, rows: size.contacts + size.companies });
    }
    const perRow = Object.fromEntries([...fullRuns].filter(([contacts]) => contacts !== 2_000_000).sort(([a], [b]) => a - b).map(([contacts, run]) => [String(contacts), (run.ms / 1000 / run.rows) * 1e6]));
    const values = Object.values(perRow);
    const spread = Math.max(...values) / Math.min(...values);
    say(`microseconds per row: ${Object.entries(perRow).map(([c, us]) => `${c}: ${us.toFixed(1)}`).join(', ')}; largest / smallest ${spread.toFixed(2)} (goal <= 1.15)`);
    Object.assign(results, { microsecondsPerRow: perRow, perRowSpread: spread, perRowSpreadGoal: 1.15 });
  }
}

if (PARTS.has('resume')) {
  // The rest of a run killed at half its rows, against a full run: medians of ROUNDS, the same rounds as apply's
  // when both parts run, since a single pair of runs moved by several seconds on a busy machine.
  const size = sized(1_000_000);
  const dir = await exportOf(root, size.contacts, size.companies);
  const fullMs: number[] = [];
  const applied = results['applySeconds'] as number[] | undefined;
  if (applied !== undefined && resumes.length > 0) fullMs.push(...applied.map((s) => s * 1000));
  else {
    for (let round = 1; round <= ROUNDS; round += 1) {
      fullMs.push(apply(freshProject(root, dir, `resume-full-${round}`)).ms);
      resumes.push(await resumedRest(dir, size.contacts + size.companies, round));
    }
  }
  const rest = median(resumes.map((r) => r.ms));
  const full = median(fullMs);
  const share = rest / full;
  say(`resume after a kill at ${resumes.map((r) => `${(r.killedAt * 100).toFixed(0)}%`).join(', ')}: ${resumes.map((r) => seconds(r.ms)).join(', ')}; median ${seconds(rest)}, ${share.toFixed(2)}x the median full run of ${seconds(full)} (goal <= 0.6x)`);
  Object.assign(results, { resume: { killedAt: resumes.map((r) => r.killedAt), resumeSeconds: resumes.map((r) => r.ms / 1000), fullSeconds: fullMs.map((ms) => ms / 1000), share, goal: 0.6 } });
}

if (PARTS.has('goodput')) {
  // Live targets against their emulators, service protection scaled down (bench/goodput-figures.ts).
  results['goodput'] = await goodputFigures();
}

// A partial run (BENCH_PARTS) keeps the figures of the parts it did not measure.
const file = join(repo, 'bench', 'results.json');
if (SCALE !== 1 && process.env['BENCH_WRITE'] !== '1') {
  say(`scale ${SCALE}: figures not written to bench/results.json (BENCH_WRITE=1 writes them)`);
  process.exit(0);
}
const previous = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
// Each part's figures say when they were measured, and the scale (1: the sizes the goals name) where rows are counted;
// goodput's emulators run for a fixed time at any scale.
const at = new Date().toISOString();
const measured = Object.fromEntries([...PARTS].map((p) => [p, p === 'goodput' ? { at } : { scale: SCALE, at }]));
const { scale: _stale, ...kept } = previous;
const merged = { ...kept, ...results, measured: { ...((previous['measured'] as object | undefined) ?? {}), ...measured } };
writeFileSync(file, JSON.stringify(merged, null, 2) + '\n');
