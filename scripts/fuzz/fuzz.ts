import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { hashString, mix, Rng } from '../../engine/util/rng.js';
import { FUZZ_PAIR } from './base-export.js';
import { baseRows, CSV_KINDS, exportCase, writeCleanExport, type ExportCase } from './csv-mutations.js';
import { accounted, contentChecksum, parseApply, repoRoot, runCli, type ApplyJson } from './export-runner.js';
import { emptyTally, hasStackTrace, record, type Defect, type Tally, type Verdict } from './verdict.js';
import { YAML_KINDS, yamlCase } from './yaml-mutations.js';
import { YamlPool } from './yaml-runner.js';

export interface FuzzOptions {
  seed: number;
  /** Cases in all, export and YAML together. */
  cases: number;
  /** The share of cases that damage an export (each runs `apply` in its own process); the rest damage YAML. */
  exportShare: number;
  /** Processes at a time. */
  jobs: number;
  /** Time limit of one case; past it the case is a hang. */
  timeoutMs: number;
  /** Only these case numbers (to replay a failure). */
  only?: readonly number[];
  /** Keep the folders of defective cases here instead of deleting them. */
  keepDir?: string;
  onCase?: (verdict: Verdict, done: number, total: number) => void;
}

/** Users the base export's owners map to, so that its rows load rather than wait for an owner. */
const USERS = `users:
  - email: aiko.tanaka@northwind.example
    name: Aiko Tanaka
    active: true
  - email: jose.martinez@northwind.example
    name: José Martínez
    active: true`;

interface Baseline {
  root: string;
  /** An engagement that has applied the base export once: each export case starts from a copy. */
  engagement: string;
  checksums: { ledger: string; sandbox: string };
  sourceRows: Map<string, number>;
  migrationYaml: string;
  pairYaml: string;
}

/** Case `index` of a run seeded `seed`: export or YAML, and which kind, so any case can be replayed alone. */
function plan(seed: number, index: number, options: FuzzOptions): { rng: Rng; type: 'csv' | 'yaml'; kind: number } {
  const rng = new Rng(mix(seed, hashString('fuzz'), index));
  const exportEvery = options.exportShare <= 0 ? Infinity : Math.max(1, Math.round(1 / options.exportShare));
  const isExport = index % exportEvery === 0;
  const ordinal = isExport ? Math.floor(index / exportEvery) : index - Math.floor(index / exportEvery) - 1;
  return { rng, type: isExport ? 'csv' : 'yaml', kind: ordinal };
}

export async function runFuzz(options: FuzzOptions): Promise<Tally> {
  const baseline = await prepare(options.timeoutMs);
  const tally = emptyTally();
  const indexes = options.only ?? Array.from({ length: options.cases }, (_, i) => i);
  const pool = new YamlPool(options.jobs, options.timeoutMs);
  let done = 0;
  try {
    const queue = [...indexes];
    const worker = async (): Promise<void> => {
      for (let index = queue.shift(); index !== undefined; index = queue.shift()) {
        const { rng, type, kind } = plan(options.seed, index, options);
        const verdict =
          type === 'csv'
            ? await runExportCase(index, exportCase(rng, CSV_KINDS[kind % CSV_KINDS.length]), baseline, options)
            : await runYamlCase(index, rng, YAML_KINDS[kind % YAML_KINDS.length] as (typeof YAML_KINDS)[number], baseline, pool, options);
        record(tally, verdict);
        done += 1;
        options.onCase?.(verdict, done, indexes.length);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, options.jobs) }, () => worker()));
  } finally {
    pool.close();
    rmSync(baseline.root, { recursive: true, force: true });
  }
  return tally;
}

/** `init` once, then `apply` of the undamaged export: the state every export case starts from, and its counts. */
async function prepare(timeoutMs: number): Promise<Baseline> {
  const root = mkdtempSync(join(tmpdir(), 'crm-migrate-fuzz-'));
  const exportDir = join(root, 'template', 'export');
  writeCleanExport(exportDir);
  // YAML cases write migration.yaml into <root>/case-N, whose `source: ../export` is this one.
  writeCleanExport(join(root, 'export'));
  const engagement = join(root, 'template', 'eng');
  const init = await runCli(['init', engagement, '--pair', FUZZ_PAIR, '--source', exportDir], timeoutMs);
  if (init.exitCode !== 0) throw new Error(`init failed: ${init.stderr}`);
  const file = join(engagement, 'migration.yaml');
  const migrationYaml = readFileSync(file, 'utf8').replace(/^users: \[\]$/m, USERS).replace(/^source: .*$/m, 'source: ../export');
  writeFileSync(file, migrationYaml);
  const apply = await runCli(['apply', '--project', engagement, '--json'], timeoutMs * 2);
  const loads = parseApply(apply.stdout)?.result?.loads;
  if (apply.exitCode !== 0 || loads === undefined) throw new Error(`The undamaged export does not apply cleanly (exit ${apply.exitCode}): ${apply.stderr}${apply.stdout.slice(0, 2000)}`);
  const unbalanced = loads.filter((l) => l.sourceRows !== accounted(l));
  if (unbalanced.length > 0) throw new Error(`The undamaged export's accounting does not balance: ${JSON.stringify(unbalanced)}`);
  return {
    root,
    engagement,
    checksums: { ledger: contentChecksum(join(engagement, 'ledger.db')), sandbox: contentChecksum(join(engagement, 'sandbox.db')) },
    sourceRows: new Map(loads.map((l) => [l.load, l.sourceRows])),
    migrationYaml,
    pairYaml: readFileSync(join(repoRoot, 'pairs', `${FUZZ_PAIR}.yaml`), 'utf8'),
  };
}

async function runExportCase(index: number, damaged: ExportCase, baseline: Baseline, options: FuzzOptions): Promise<Verdict> {
  const dir = join(baseline.root, `case-${index}`);
  const engagement = join(dir, 'eng');
  damaged.write(join(dir, 'export'));
  mkdirSync(engagement, { recursive: true });
  for (const name of ['migration.yaml', 'ledger.db', 'sandbox.db']) cpSync(join(baseline.engagement, name), join(engagement, name));

  let run = await runCli(['apply', '--project', engagement, '--json'], options.timeoutMs);
  if (run.exitCode === 127) {
    // oclif's "command not found": dist/ was being rebuilt under us (others build while the fuzzer runs). Once more.
    await new Promise((r) => setTimeout(r, 10_000));
    run = await runCli(['apply', '--project', engagement, '--json'], options.timeoutMs);
  }
  const verdict = judgeApply(run, damaged, baseline, engagement);
  const kept = { ...verdict, kind: `csv:${damaged.kind}`, caseIndex: index, detail: `${damaged.file}: ${damaged.detail}` };
  finish(dir, kept, options);
  return kept;
}

function judgeApply(run: Awaited<ReturnType<typeof runCli>>, damaged: ExportCase, baseline: Baseline, engagement: string): Omit<Verdict, 'kind' | 'caseIndex' | 'detail'> {
  const defects: Defect[] = [];
  const output = `${run.stdout}\n${run.stderr}`;
  if (run.timedOut) return { outcome: 'defect', defects: ['hang'], exitCode: null, message: `no answer within the time limit; stderr: ${run.stderr.slice(0, 300)}` };
  if (hasStackTrace(output)) defects.push('stack-trace');
  const json: ApplyJson | undefined = parseApply(run.stdout);
  const message = [json?.error?.file, json?.error?.message, json?.error?.hint, run.stderr.trim()].filter((s) => s !== undefined && s !== '').join(' | ');

  if (run.exitCode === 70) return { outcome: 'defect', defects: [...defects, 'exit-70'], exitCode: 70, message };
  if (run.exitCode === 2 || run.exitCode === 3) {
    if (!message.includes(damaged.file)) defects.push('file-not-named');
    const after = { ledger: contentChecksum(join(engagement, 'ledger.db')), sandbox: contentChecksum(join(engagement, 'sandbox.db')) };
    if (after.ledger !== baseline.checksums.ledger || after.sandbox !== baseline.checksums.sandbox) {
      defects.push('partial-write');
    }
    return { outcome: run.exitCode === 2 ? 'invalid' : 'refused', defects, exitCode: run.exitCode, message: message + (defects.includes('partial-write') ? ' (ledger or sandbox changed)' : '') };
  }
  if ((run.exitCode === 0 || run.exitCode === 1) && json?.result?.loads !== undefined) {
    const wrong = accountingProblems(json.result, damaged, baseline);
    if (wrong.length > 0) defects.push('silent-wrong-result');
    return { outcome: 'completed', defects, exitCode: run.exitCode, message: wrong.length > 0 ? wrong.join('; ') : message };
  }
  return { outcome: 'defect', defects: [...defects, 'unexpected-exit'], exitCode: run.exitCode, message: message || run.stdout.slice(0, 400) };
}

/**
 * What a finished run got wrong without saying so: a load whose outcomes do not add up to its rows, a file whose
 * records the report does not account for, a file the damage left whole (or only changed inside its cells) read with
 * another number of records, an undamaged file's load reading another number of rows, or an emptied file nobody
 * mentions. A load filtered on a column (Vtiger Events into calls and meetings) may see its share change when the
 * damage lands in that column, so damaged files are held to their file-level total where the report gives one.
 */
function accountingProblems(report: NonNullable<ApplyJson['result']>, damaged: ExportCase, baseline: Baseline): string[] {
  const problems: string[] = [];
  for (const load of report.loads) {
    if (load.sourceRows !== accounted(load)) {
      problems.push(`${load.load} (${load.file}): ${load.sourceRows} rows but ${accounted(load)} accounted for (loaded ${load.loaded}, skipped ${load.skipped}, held ${load.held}, failed ${load.failed})`);
    }
    const expected = baseline.sourceRows.get(load.load);
    const damagedFile = basename(load.file) === damaged.file;
    const checkLoad = !damagedFile || (damaged.rowsKept && report.accounting === undefined);
    if (expected !== undefined && checkLoad && load.sourceRows !== expected) problems.push(`${load.load} (${load.file}): read ${load.sourceRows} rows, the file holds ${expected}`);
  }
  for (const file of report.accounting ?? []) {
    if (!file.balanced) problems.push(`${file.file}: the report's accounting does not balance`);
    const expected = baseRows(file.file);
    if ((file.file !== damaged.file || damaged.rowsKept) && file.rows !== expected) problems.push(`${file.file}: counted ${file.rows} records, the file holds ${expected}`);
  }
  if ((report.imbalances ?? []).length > 0) problems.push(`imbalances: ${JSON.stringify(report.imbalances).slice(0, 300)}`);
  if (damaged.kind === 'empty-file' && !(report.export?.findings ?? []).some((f) => f.file === damaged.file)) {
    problems.push(`${damaged.file} is empty and the report does not say so`);
  }
  return problems;
}

async function runYamlCase(index: number, rng: Rng, kind: (typeof YAML_KINDS)[number], baseline: Baseline, pool: YamlPool, options: FuzzOptions): Promise<Verdict> {
  const damaged = yamlCase(rng, { engagement: baseline.migrationYaml, pair: baseline.pairYaml }, kind);
  const dir = join(baseline.root, `case-${index}`);
  mkdirSync(dir, { recursive: true });
  const name = damaged.document === 'engagement' ? 'migration.yaml' : `${FUZZ_PAIR}.yaml`;
  const file = join(dir, name);
  writeFileSync(file, damaged.bytes);
  const result = await pool.run({ id: index, document: damaged.document, file });
  const base = { kind: `yaml:${damaged.kind}`, caseIndex: index, detail: `${name}: ${damaged.detail}` };
  let verdict: Verdict;
  if (result === 'hang') verdict = { ...base, outcome: 'defect', defects: ['hang'], exitCode: null, message: 'no answer within the time limit' };
  else if ('died' in result) verdict = { ...base, outcome: 'defect', defects: ['exit-70'], exitCode: null, message: result.died };
  else if (result.outcome === 'crash') verdict = { ...base, outcome: 'defect', defects: ['exit-70', 'stack-trace'], exitCode: 70, message: `${result.message}\n${result.stack ?? ''}` };
  else {
    const defects: Defect[] = [];
    // The file at fault may be the damaged spec, or what it names (a target path, a source folder): it must be named.
    if (result.outcome !== 'ok' && (result.files.length === 0 || result.files.some((f) => f === ''))) defects.push('file-not-named');
    const left = readdirSync(dir).filter((n) => n !== name);
    if (left.length > 0) defects.push('partial-write');
    const outcome = result.outcome === 'ok' ? 'completed' : result.outcome;
    verdict = { ...base, outcome, defects, exitCode: result.outcome === 'ok' ? 0 : result.outcome === 'invalid' ? 2 : 3, message: result.message + (left.length > 0 ? ` (wrote ${left.join(', ')})` : '') };
  }
  finish(dir, verdict, options);
  return verdict;
}

/** Deletes a case's folder, or keeps it when the case is defective and the caller asked for the evidence. */
function finish(dir: string, verdict: Verdict, options: FuzzOptions): void {
  if (verdict.defects.length > 0 && options.keepDir !== undefined) {
    mkdirSync(options.keepDir, { recursive: true });
    cpSync(dir, join(options.keepDir, basename(dir)), { recursive: true, verbatimSymlinks: true });
  }
  rmSync(dir, { recursive: true, force: true });
}
