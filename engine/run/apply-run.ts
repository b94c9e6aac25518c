import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Destination, DestinationRecord } from '../destinations/destination.js';
import type { Engagement } from '../engagement/engagement.js';
import { compilePlan } from '../plan/migration-plan.js';
import { destinationSetup } from '../plan/destination-setup.js';
import { unconfirmed } from '../engagement/confirmation.js';
import type { LoadReconciliation, RunReport } from './run-report.js';
import { RowReportWriter } from '../util/row-report-writer.js';
import { Ledger } from './ledger.js';
import { runLoad, SUCCESS_COLUMNS, type ExceptionRow, type LoadRunContext, type SuccessRow } from './load-runner.js';
import { QUEUES, QueueWriter, queuePath, readQueues } from './queue-resolutions.js';
import { inThreadSource, workerAvailable, workerSource } from './batch-source.js';
import { mapperContext } from './mapper-context.js';
import { runSecondPass } from './second-pass.js';
import { runCloseStep } from './close-step.js';
import { runAttendees } from './attendee-pass.js';
import { runProcesses } from './process-pass.js';
import type { ConflictRow } from './conflicts.js';
import { DeltaFilter } from './delta-filter.js';
import { engagementData } from '../engagement/engagement-data.js';
import { exportCheckKey } from '../plan/export-check-key.js';
import { rememberCheck, rememberedCheck } from './export-check-memo.js';
import { checkExport } from '../plan/export-check.js';
import { blockers, describeFinding } from '../plan/shape-findings.js';
import { exportSummary, fileAccounting } from './file-accounting.js';
import { BLANKED_VALUE_COLUMNS, LOOKUP_ISSUE_COLUMNS, type BlankedValueRow, type LookupIssueRow, type ValueReports } from './value-reports.js';
import { acquireEngagementLock } from './engagement-lock.js';

/** A row the engine loaded once that the source no longer has: reported, not deleted. */
interface RemovedRow extends Record<string, string> {
  load: string;
  object: string;
  file: string;
  source_key: string;
  dest_id: string;
}

export const LEDGER_FILE = 'ledger.db';

export interface ApplyOptions {
  now?: () => Date;
  /** Move only rows new or changed since the last run, and report conflicts and rows gone from the source. */
  delta?: boolean;
  /** Delta runs: overwrite records edited in the destination since the engine wrote them. */
  force?: boolean;
  /** Called as rows go by, for progress displays. */
  onProgress?: (event: RunProgress) => void;
  /** While every file is read once before the run (see checkExport): the file being read, and rows read so far over all files. */
  onCheck?: (file: string, rowsRead: number) => void;
}

/**
 * Where a run is, for progress displays. `done` and `total` count file rows over the whole run (each load's file in
 * the first pass, then again for loads whose lookups wait for the second pass), so one bar covers it all.
 */
export interface RunProgress {
  phase: 'loading' | 'linking';
  load: string;
  loadIndex: number;
  loads: number;
  /** The load's own rows so far. */
  rows: number;
  done: number;
  total: number;
}

/**
 * One full run of an engagement: every load in dependency order, then the second pass for deferred lookups, then the
 * reconciliation. An interrupted run is resumed rather than started again, so its ledger stays whole.
 */
export async function applyRun(engagement: Engagement, destination: Destination, options: ApplyOptions = {}): Promise<RunReport> {
  // One writer per engagement: taken before the target or the ledger is touched, released whatever happens.
  const lock = acquireEngagementLock(engagement.dir, options.delta === true ? 'apply --delta' : 'apply', (options.now ?? (() => new Date()))());
  try {
    return await applyLocked(engagement, destination, { ...options, ...(lock.note === undefined ? {} : { notes: [lock.note] }) });
  } finally {
    lock.release();
  }
}

async function applyLocked(engagement: Engagement, destination: Destination, options: ApplyOptions & { notes?: string[] }): Promise<RunReport> {
  const now = options.now ?? (() => new Date());
  const spec = engagement.spec;
  const threshold = spec.options?.failThreshold ?? 0.05;
  // Nothing moves while a person has not confirmed every proposal in force: checked before the target is touched.
  const pending = unconfirmed(spec);
  if (pending.length > 0) return { ...emptyReport(engagement, destination.label, now().toISOString(), threshold, []), unconfirmed: pending };
  const plan = compilePlan(engagement);
  // Every file is read once before anything is written: a file that cannot be parsed throws here (exit 2), and what
  // would skip whole loads (a missing column, damaged text) refuses the run instead of costing rows.
  const read = new Map<string, number>();
  const ledgerPath = join(engagement.dir, LEDGER_FILE);
  const checkKey = await exportCheckKey(engagement, plan);
  const remembered = rememberedCheck(ledgerPath, checkKey);
  const check =
    remembered ??
    (await checkExport(engagement, plan, {
      onRows: (file, rows) => {
        read.set(file, rows);
        options.onCheck?.(file, [...read.values()].reduce((n, r) => n + r, 0));
      },
    }));
  const shapeBlockers = blockers(check).map(describeFinding);
  if (shapeBlockers.length > 0) return { ...emptyReport(engagement, destination.label, now().toISOString(), threshold, shapeBlockers), export: exportSummary(check) };
  const problems = await destination.open(destinationSetup(engagement, plan));
  const startedAt = now().toISOString();
  if (problems.length > 0) return emptyReport(engagement, destination.label, startedAt, threshold, problems.map((p) => p.message));

  const ledger = new Ledger(ledgerPath);
  try {
    if (remembered === undefined) rememberCheck(ledgerPath, checkKey, check);
    const kind = options.delta === true ? 'delta' : 'full';
    if (kind === 'delta' && !ledger.runs().some((r) => r.status === 'completed')) {
      return emptyReport(engagement, destination.label, startedAt, threshold, ['A delta run moves what changed since the last completed run, and there is none yet: run a full apply first.']);
    }
    const halfUndone = ledger.runs().find((r) => r.status === 'rolling-back');
    if (halfUndone !== undefined) {
      return emptyReport(engagement, destination.label, startedAt, threshold, [`Run ${halfUndone.id} is partly rolled back (its rollback was interrupted): run \`crm-migrate rollback\` to finish it first.`]);
    }
    const interrupted = ledger.interruptedRun(kind);
    const run = interrupted ?? ledger.startRun(kind, destination.label, engagement.pair.id, now());
    // Names a killed run recorded but did not settle: a load this run skips may still be named by one it runs.
    ledger.settleNames();
    const intents = new Map<string, DestinationRecord | null>();
    for (const intent of ledger.openIntents(run.id)) {
      for (const [key, before] of Object.entries(intent.before)) intents.set(`${intent.load}\u0000${key}`, before);
    }
    const runDir = join(engagement.dir, 'runs', String(run.id));
    mkdirSync(runDir, { recursive: true });
    const exceptions = new RowReportWriter<ExceptionRow>(join(runDir, 'exceptions.csv'), ['file', 'line', 'load', 'object', 'source_key', 'status', 'reason', 'column', 'value']);
    // Rows no load takes are counted in the figures as excluded; each is also named here, by line.
    for (const { file, notTaken } of check.files) {
      if (notTaken === undefined) continue;
      const { reason, column } = notTaken;
      for (const row of notTaken.rows) exceptions.write({ file, line: row.line, load: '', object: '', source_key: row.key, status: 'excluded', reason, column, value: row.value });
    }
    // Queues live beside migration.yaml, not per run: the admin fills them in once and every later run reads them.
    const { answered: previous, resolutions } = readQueues(engagement.dir);
    for (const queue of QUEUES) rmSync(queuePath(engagement.dir, queue), { force: true });
    const queues = { orphans: new QueueWriter(engagement.dir, 'orphans', resolutions), owners: new QueueWriter(engagement.dir, 'owners', resolutions) };
    const batchSize = spec.options?.batchSize ?? destination.preferredBatchSize;
    const delimiter = engagement.source.spec.export?.delimiter;
    const users = await destination.users();
    // Mapping runs in a worker thread when the compiled engine is in use, so it overlaps with writing.
    const deltaRunId = kind === 'delta' ? run.id : undefined;
    const duplicates = new Map(check.files.flatMap((f) => f.loads.map((l) => [l.load, l.duplicates] as const)));
    const source = workerAvailable()
      ? workerSource({ engagement: engagementData(engagement), plan, ledgerPath: join(engagement.dir, LEDGER_FILE), users: [...users], resolutions: [...resolutions], duplicates: [...duplicates], batchSize, ...(delimiter === undefined ? {} : { delimiter }), ...(deltaRunId === undefined ? {} : { deltaRunId }), ...(interrupted === undefined ? {} : { resumedRunId: run.id }) })
      : inThreadSource(await mapperContext(engagement, plan, ledger, users, resolutions, duplicates), batchSize, {
          ...(delimiter === undefined ? {} : { delimiter }),
          ...(deltaRunId === undefined ? {} : { delta: new DeltaFilter(ledger, deltaRunId) }),
          ...(interrupted === undefined ? {} : { resumed: { ledger, runId: run.id } }),
        });
    const conflicts = new RowReportWriter<ConflictRow>(join(runDir, 'conflicts.csv'), ['file', 'line', 'load', 'object', 'source_key', 'dest_id', 'attribute', 'destination_value', 'source_value', 'resolution']);
    const removed = new RowReportWriter<RemovedRow>(join(runDir, 'removed.csv'), ['load', 'object', 'file', 'source_key', 'dest_id']);
    const valueReports: ValueReports = {
      lookups: new RowReportWriter<LookupIssueRow>(join(runDir, 'lookups.csv'), [...LOOKUP_ISSUE_COLUMNS]),
      blanked: new RowReportWriter<BlankedValueRow>(join(runDir, 'blanked.csv'), [...BLANKED_VALUE_COLUMNS]),
    };
    const successes = new RowReportWriter<SuccessRow>(join(runDir, 'success.csv'), [...SUCCESS_COLUMNS]);
    const ctx: LoadRunContext = {
      runId: run.id, resumed: interrupted !== undefined, destination, ledger, source, interrupted: intents, exceptions, queues, valueReports, successes,
      ...(kind === 'delta' ? { delta: { conflicts, force: options.force === true } } : {}),
    };

    const reconciliation: LoadReconciliation[] = [];
    // Totals for progress bars: the export check has just counted every file's rows.
    const rowsByName = new Map(check.files.map((f) => [f.file, f.rows]));
    const fileRows = new Map(plan.loads.map((l) => [l.file, rowsByName.get(l.fileName) ?? 0]));
    const linked = plan.loads.filter((l) => l.lookups.some((k) => k.deferred));
    const total = [...plan.loads, ...linked].reduce((n, l) => n + (fileRows.get(l.file) ?? 0), 0);
    let before = 0;
    const progress = (phase: RunProgress['phase'], load: (typeof plan.loads)[number], index: number): void => {
      ctx.onRows = (id, rows, read) => options.onProgress?.({ phase, load: id, rows, loadIndex: index, loads: plan.loads.length, done: before + read, total });
      ctx.onRows(load.id, 0, 0);
    };
    try {
      for (const [index, load] of plan.loads.entries()) {
        const counts = emptyCounts(load.id, load.rowId, load.object, load.fileName);
        progress('loading', load, index);
        await runLoad(ctx, load, counts);
        before += fileRows.get(load.file) ?? 0;
        for (const row of ledger.rows.removed(run.id, load.id)) removed.write({ load: load.id, object: load.object, file: load.fileName, source_key: row.sourceKey, dest_id: row.destId ?? '' });
        counts.removed = removed.rows - reconciliation.reduce((n, c) => n + (c.removed ?? 0), 0);
        reconciliation.push(counts);
      }
      for (const [index, load] of plan.loads.entries()) {
        if (!linked.includes(load)) continue;
        progress('linking', load, index);
        await runSecondPass(ctx, load);
        before += fileRows.get(load.file) ?? 0;
      }
      // Each pipeline's process, then each deal's: the deals exist now, and a patch goes through the ledger like any write.
      // Before the close step, since a closed record no longer takes a process or stage.
      const pipelines = new Map(check.files.flatMap((f) => f.loads.map((l) => [l.load, l.pipelines ?? []] as const)));
      for (const [index, load] of plan.loads.entries()) {
        if (load.process === undefined) continue;
        progress('linking', load, index);
        const counts = reconciliation.find((c) => c.load === load.id);
        const processes = await runProcesses(ctx, engagement, plan, load, pipelines.get(load.id) ?? []);
        if (counts !== undefined) counts.processes = processes;
      }
      // Invitees name contacts, leads and users, which all exist once every load has run.
      for (const [index, load] of plan.loads.entries()) {
        if (load.attendees === undefined) continue;
        progress('linking', load, index);
        const counts = reconciliation.find((c) => c.load === load.id);
        const attendees = await runAttendees(ctx, engagement, plan, load, users);
        if (counts !== undefined) counts.attendees = attendees;
      }
      // Won and lost records close once every record and link is in place, as a person would close them.
      for (const [index, load] of plan.loads.entries()) {
        if (load.close !== undefined) await runCloseStep(ctx, load, reconciliation[index] as LoadReconciliation);
      }
    } finally {
      await source.close();
    }
    await Promise.all([exceptions.close(), conflicts.close(), removed.close(), valueReports.lookups.close(), valueReports.blanked.close(), successes.close()]);
    for (const queue of QUEUES) queues[queue].keepResolved(previous.get(queue) ?? []);
    await Promise.all(Object.values(queues).map((q) => q.close()));

    const totalsByObject = new Map<string, number>();
    for (const object of plan.objects) totalsByObject.set(object, await destination.count(object));
    for (const counts of reconciliation) counts.destinationCount = totalsByObject.get(counts.object) ?? 0;

    ledger.finishRun(run.id, 'completed', now());
    const report = buildReport(engagement, destination.label, run.id, run.startedAt, now().toISOString(), interrupted !== undefined, reconciliation, threshold);
    report.kind = kind;
    const notes = [...(options.notes ?? []), ...(destination.notes ?? [])];
    if (notes.length > 0) report.notes = [...notes];
    report.files = {
      reconciliation: relative(engagement.dir, join(runDir, 'reconciliation.json')),
      markdown: relative(engagement.dir, join(runDir, 'reconciliation.md')),
      ...(exceptions.rows > 0 ? { exceptions: relative(engagement.dir, exceptions.path) } : {}),
      ...(successes.rows > 0 ? { success: relative(engagement.dir, successes.path) } : {}),
      ...(valueReports.lookups.rows > 0 ? { lookups: relative(engagement.dir, valueReports.lookups.path) } : {}),
      ...(valueReports.blanked.rows > 0 ? { blanked: relative(engagement.dir, valueReports.blanked.path) } : {}),
      ...(conflicts.rows > 0 ? { conflicts: relative(engagement.dir, conflicts.path) } : {}),
      ...(removed.rows > 0 ? { removed: relative(engagement.dir, removed.path) } : {}),
      queues: Object.values(queues).filter((q) => q.rows > 0).map((q) => relative(engagement.dir, q.path)),
    };
    const accounting = fileAccounting(check, reconciliation);
    report.accounting = accounting.files;
    report.imbalances = accounting.imbalances;
    report.export = exportSummary(check);
    writeFileSync(join(runDir, 'reconciliation.json'), JSON.stringify(report, null, 2) + '\n');
    // reconciliation.md is rendered from this report by the caller (reports/reconciliation-markdown.ts).
    return report;
  } finally {
    ledger.close();
  }
}

function emptyCounts(load: string, row: string, object: string, file: string): LoadReconciliation {
  return { load, row, object, file, sourceRows: 0, transformed: 0, created: 0, updated: 0, unchanged: 0, loaded: 0, skipped: 0, held: 0, failed: 0, duplicates: 0, lookupsBlanked: 0, reasons: [], destinationCount: 0, conflicts: 0, removed: 0 };
}

function buildReport(
  engagement: Engagement,
  target: string,
  runId: number,
  startedAt: string,
  finishedAt: string,
  resumed: boolean,
  loads: LoadReconciliation[],
  threshold: number,
): RunReport {
  const sum = (k: 'sourceRows' | 'loaded' | 'skipped' | 'held' | 'failed'): number => loads.reduce((n, l) => n + l[k], 0);
  const totals = { sourceRows: sum('sourceRows'), loaded: sum('loaded'), skipped: sum('skipped'), held: sum('held'), failed: sum('failed') };
  const failureRate = totals.sourceRows === 0 ? 0 : (totals.skipped + totals.failed) / totals.sourceRows;
  return { runId, kind: 'full', pair: engagement.pair.id, target, startedAt, finishedAt, resumed, loads, blockers: [], unconfirmed: [], totals, files: { reconciliation: '', markdown: '', queues: [] }, failureRate, threshold };
}

function emptyReport(engagement: Engagement, target: string, at: string, threshold: number, blockers: string[]): RunReport {
  return { ...buildReport(engagement, target, 0, at, at, false, [], threshold), blockers };
}
