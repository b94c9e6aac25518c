import type { Destination, DestinationRecord, OutgoingRecord, RecordResult } from '../destinations/destination.js';
import type { PlannedLoad } from '../plan/migration-plan.js';
import { ReasonTally, type LoadReconciliation } from './run-report.js';
import type { RowReportWriter } from '../util/row-report-writer.js';
import type { BatchSource } from './batch-source.js';
import type { BatchOutcome, Intent, Ledger } from './ledger.js';
import type { MappedBatch, MappedRecord, RowProblem, WrittenRecord } from './mapped-batches.js';
import type { LocatedValueIssue, ValueIssue } from './value-issue.js';
import type { QueueName, QueueRow } from './queue-resolutions.js';
import { conflictRows, findConflicts, type ConflictRow } from './conflicts.js';
import { reportValueIssues, type ValueReports } from './value-reports.js';
import { keepClosed, withoutCreateOnly } from './close-split.js';
import { checkHeap } from '../util/heap-budget.js';

export interface ExceptionRow extends Record<string, string | number> {
  file: string;
  line: number;
  load: string;
  object: string;
  source_key: string;
  status: string;
  reason: string;
  column: string;
  value: string;
}

/** A record the destination took, as `success.csv` lists it: the source row and the destination id. */
export interface SuccessRow extends Record<string, string | number> {
  file: string;
  line: number;
  load: string;
  source_key: string;
  object: string;
  dest_id: string;
  action: string;
}

export const SUCCESS_COLUMNS = ['file', 'line', 'load', 'source_key', 'object', 'dest_id', 'action'] as const;

export interface LoadRunContext {
  runId: number;
  destination: Destination;
  ledger: Ledger;
  /** Where mapped rows come from (a worker thread, or this one). */
  source: BatchSource;
  /** True when this run resumes an interrupted attempt, whose writes then count as this run's. */
  resumed?: boolean;
  /** Intents an interrupted attempt of this run left, by `load\0sourceKey`: what each record was before. */
  interrupted: ReadonlyMap<string, DestinationRecord | null>;
  exceptions: RowReportWriter<ExceptionRow>;
  /** Where values that did not arrive as written are itemised: lookups that were not clean matches, blanked fields. */
  valueReports: ValueReports;
  /** One line per record the destination took: where it came from and the id it has there (success.csv). */
  successes?: RowReportWriter<SuccessRow>;
  queues: Record<QueueName, RowReportWriter<QueueRow>>;
  /** Set in a delta run: where conflicts are reported, and whether they are overwritten anyway. */
  delta?: { conflicts: RowReportWriter<ConflictRow>; force: boolean };
  /** After each batch: the load's rows so far, and the rows of its file read so far (a shared file is read whole). */
  onRows?: (load: string, rows: number, fileRowsRead: number) => void;
}

/**
 * Sends one load's mapped batches to the destination. Before each batch it records an intent (what the records held
 * before); after it, the outcome, atomically in the ledger. A run killed between the two is resumed from the intent,
 * so no created or updated record escapes the ledger and rollback.
 */
export async function runLoad(ctx: LoadRunContext, load: PlannedLoad, counts: LoadReconciliation): Promise<void> {
  const reasons = new ReasonTally();
  const note = (reason: string): void => reasons.add(reason);
  const hasKeys = ctx.ledger.hasKeys(load.id);
  let batchNo = 0;

  for await (const batch of ctx.source.batches(load, 'first')) {
    counts.sourceRows += batch.sourceRows;
    counts.transformed += batch.records.length;
    counts.lookupsBlanked += batch.lookupsBlanked;
    counts.unchanged += batch.unchangedKeys.length;
    // Rows left alone or not loadable are still in the source: they must not be reported as removed.
    ctx.ledger.rows.markSeen(ctx.runId, load.id, [...batch.unchangedKeys, ...batch.problems.map((p) => p.sourceKey)]);
    for (const problem of batch.problems) {
      if (problem.status === 'incomplete') continue;
      counts[problem.status === 'duplicate' ? 'duplicates' : problem.status] += 1;
      note(problem.reason);
      report(ctx, load, problem);
    }
    reportValueIssues(ctx, load, batch.issues, counts);
    countWritten(ctx, load, batch.written, counts);
    const records = ctx.delta === undefined ? batch.records : await withoutConflicts(ctx, load, batch.records, counts, note);
    // A batch of only rows a killed attempt wrote, or of problems, sends nothing, yet still writes report lines.
    if (records.length > 0) {
      batchNo += 1;
      await writeBatch(ctx, load, batch, records, batchNo, hasKeys, counts, note);
    }
    ctx.onRows?.(load.id, counts.sourceRows, batch.fileRowsRead);
    checkHeap();
    await reportsDrained(ctx);
  }
  // The next load's lookups may name this load's rows by name or email.
  ctx.ledger.settleNames();
  counts.loaded = counts.created + counts.updated + counts.unchanged;
  counts.reasons = reasons.list();
}

/** Sends one batch's records and records each outcome: in the ledger, in the figures, and in the report files. */
async function writeBatch(
  ctx: LoadRunContext,
  load: PlannedLoad,
  batch: MappedBatch,
  records: MappedRecord[],
  batchNo: number,
  hasKeys: boolean,
  counts: LoadReconciliation,
  note: (reason: string) => void,
): Promise<void> {
  const results = await sendBatch(ctx, load, records, batchNo, hasKeys);
  const issuesOf = issuesByRow(batch.issues);
  const outcomes: BatchOutcome[] = [];
  for (let i = 0; i < results.length; i++) {
    const record = records[i] as MappedRecord;
    const result = results[i] as RecordResult;
    const outcome = classify(ctx, load, record, result);
    if (outcome === undefined) {
      const reason = result.error ?? 'rejected by the destination';
      counts.failed += 1;
      note(reason);
      ctx.exceptions.write(exception(load, record.line, record.sourceKey, 'failed', reason, '', ''));
      continue;
    }
    // The ledger keeps `unchanged` for a record the killed attempt wrote (its entry is there already); the figures
    // and the success file say what the run did to it.
    const earlier = outcome.action === 'unchanged' && ctx.resumed === true ? ctx.ledger.earlierAttempt(ctx.runId, load.id, record.sourceKey) : undefined;
    const action = earlier ?? outcome.action;
    counts[action === 'created' ? 'created' : action === 'updated' ? 'updated' : 'unchanged'] += 1;
    // Completed in place rather than copied: a run makes one of these per row.
    outcome.names = record.names;
    outcome.state = { fingerprint: record.fingerprint, modified: record.modified, version: result.version ?? null };
    if (record.close !== undefined) outcome.close = { ...record.close, line: record.line };
    const issues = issuesOf.get(record.line);
    if (issues !== undefined) outcome.issues = JSON.stringify(issues);
    outcomes.push(outcome);
    ctx.successes?.write({ file: load.fileName, line: record.line, load: load.id, source_key: record.sourceKey, object: load.object, dest_id: outcome.destId, action });
  }
  ctx.ledger.commitBatch(ctx.runId, { load: load.id, object: load.object, batch: batchNo }, outcomes);
}

/** Memory stays flat only if the report files keep up with the rows (see RowReportWriter.drained). */
async function reportsDrained(ctx: LoadRunContext): Promise<void> {
  await Promise.all([ctx.successes?.drained(), ctx.exceptions.drained(), ctx.valueReports.lookups.drained(), ctx.valueReports.blanked.drained()]);
}

/**
 * Rows the killed attempt of this run wrote, passed over by a resumed run: they count as what that attempt did to
 * them, and the success file lists them as an uninterrupted run would have.
 */
function countWritten(ctx: LoadRunContext, load: PlannedLoad, written: readonly WrittenRecord[], counts: LoadReconciliation): void {
  counts.transformed += written.length;
  const earlier = ctx.ledger.earlierAttempts(ctx.runId, load.id, written.map((row) => row.sourceKey));
  for (const row of written) {
    const action = earlier.get(row.sourceKey) ?? 'unchanged';
    counts[action] += 1;
    ctx.successes?.write({ file: load.fileName, line: row.line, load: load.id, source_key: row.sourceKey, object: load.object, dest_id: row.destId, action });
  }
}

/** A batch's value issues by the line of their row. */
function issuesByRow(issues: readonly LocatedValueIssue[]): Map<number, ValueIssue[]> {
  const byLine = new Map<number, ValueIssue[]>();
  for (const { line, sourceKey: _key, ...issue } of issues) {
    const list = byLine.get(line);
    if (list === undefined) byLine.set(line, [issue]);
    else list.push(issue);
  }
  return byLine;
}

/**
 * Delta runs: records someone edited in the destination since the engine wrote them are reported with both values.
 * They are held (left as the destination has them) unless the run was told to force, when they are written anyway.
 */
async function withoutConflicts(ctx: LoadRunContext, load: PlannedLoad, records: MappedRecord[], counts: LoadReconciliation, note: (reason: string) => void): Promise<MappedRecord[]> {
  const delta = ctx.delta as NonNullable<LoadRunContext['delta']>;
  const { clear, conflicts } = await findConflicts(ctx, load, records);
  for (const conflict of conflicts) {
    for (const row of conflictRows(load, conflict, delta.force ? 'overwritten (--force)' : 'kept the destination value')) delta.conflicts.write(row);
  }
  counts.conflicts = (counts.conflicts ?? 0) + conflicts.length;
  if (delta.force) return records;
  const reason = 'edited in the destination since the last run; kept as it is there (see conflicts.csv, or rerun with --force)';
  for (const conflict of conflicts) {
    counts.held += 1;
    note(reason);
    ctx.exceptions.write(exception(load, conflict.record.line, conflict.record.sourceKey, 'held', reason, '', ''));
  }
  ctx.ledger.rows.markSeen(ctx.runId, load.id, conflicts.map((c) => c.record.sourceKey));
  return clear;
}

/** Writes a row that did not load to the exceptions file and, when a person must decide, to its queue. */
export function report(ctx: Pick<LoadRunContext, 'exceptions' | 'queues'>, load: PlannedLoad, problem: RowProblem): void {
  ctx.exceptions.write(exception(load, problem.line, problem.sourceKey, problem.status, problem.reason, problem.column, problem.value));
  if (problem.queue === undefined) return;
  ctx.queues[problem.queue].write({
    file: load.fileName,
    line: problem.line,
    load: load.id,
    source_key: problem.sourceKey,
    column: problem.column,
    value: problem.value,
    reason: problem.reason,
    resolution: '',
  });
}

async function sendBatch(ctx: LoadRunContext, load: PlannedLoad, sent: readonly MappedRecord[], batchNo: number, hasKeys: boolean): Promise<RecordResult[]> {
  let records: readonly OutgoingRecord[] = sent;
  const before: Intent['before'] = {};
  if (hasKeys) {
    const ids = new Map<string, string>();
    for (const r of records) {
      const id = ctx.ledger.destinationId(load.id, r.sourceKey);
      if (id !== undefined) ids.set(r.sourceKey, id);
    }
    const attributes = [...new Set(records.flatMap((r) => Object.keys(r.values)))];
    const existing = ids.size === 0 ? new Map<string, DestinationRecord>() : await ctx.destination.read(load.object, [...ids.values()], attributes);
    for (const r of records) {
      const id = ids.get(r.sourceKey);
      before[r.sourceKey] = id === undefined ? null : (existing.get(id) ?? null);
    }
    if (load.close !== undefined) records = keepClosed(load.close, records, (r) => existing.get(ids.get(r.sourceKey) ?? ''));
    // Audit fields (CreatedDate) are the platform's to keep once a record exists: an update never carries them.
    if (load.createOnly !== undefined) records = withoutCreateOnly(load.createOnly, records, (r) => ids.has(r.sourceKey));
  } else {
    for (const r of records) before[r.sourceKey] = null;
  }
  ctx.ledger.writeIntent(ctx.runId, { load: load.id, object: load.object, batch: batchNo, before });
  return ctx.destination.upsert(load.object, records.map((r) => ({ sourceKey: destinationKey(load.id, r.sourceKey), values: r.values })));
}

/**
 * The key stored with a destination record. Two loads may read the same source rows into the same object (a
 * campaign becomes a contact list and a lead list), so the key names the load as well as the source row.
 */
export function destinationKey(loadId: string, sourceKey: string): string {
  return `${loadId}:${sourceKey}`;
}

/**
 * The ledger outcome of one destination result. A record an interrupted attempt already wrote comes back
 * `unchanged`; its intent says whether that attempt created it or changed it, and that is what the ledger keeps.
 */
function classify(ctx: LoadRunContext, load: PlannedLoad, record: OutgoingRecord, result: RecordResult): BatchOutcome | undefined {
  if (result.status === 'failed' || result.id === undefined) return undefined;
  const key = result.status === 'unchanged' && ctx.interrupted.size > 0 ? `${load.id}\u0000${record.sourceKey}` : undefined;
  if (key !== undefined && ctx.interrupted.has(key)) {
    const before = ctx.interrupted.get(key) ?? null;
    if (before === null) return { sourceKey: record.sourceKey, destId: result.id, action: 'created' };
    if (JSON.stringify(before) !== JSON.stringify(pick(record.values, Object.keys(before)))) {
      return { sourceKey: record.sourceKey, destId: result.id, action: 'updated', previous: before };
    }
  }
  const action = result.status === 'created' || result.status === 'updated' ? result.status : 'unchanged';
  const outcome: BatchOutcome = { sourceKey: record.sourceKey, destId: result.id, action };
  if (result.previous) outcome.previous = result.previous;
  return outcome;
}

function pick(values: DestinationRecord, keys: readonly string[]): DestinationRecord {
  return Object.fromEntries(keys.map((k) => [k, values[k] ?? null]));
}

export function exception(load: PlannedLoad, line: number, sourceKey: string, status: string, reason: string, column: string, value: string): ExceptionRow {
  return { file: load.fileName, line, load: load.id, object: load.object, source_key: sourceKey, status, reason, column, value };
}
