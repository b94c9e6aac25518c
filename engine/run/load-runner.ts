import type { Destination, DestinationRecord, OutgoingRecord, RecordResult } from '../destinations/destination.js';
import type { PlannedLoad } from '../plan/migration-plan.js';
import { reasonCategory, type LoadReconciliation } from '../reports/reconciliation.js';
import type { RowReportWriter } from '../reports/row-report-writer.js';
import { openCsv } from './csv-rows.js';
import type { BatchOutcome, Intent, Ledger } from './ledger.js';
import { RowMapper, type RowMapperContext, type QueueName } from './row-mapper.js';

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

export interface QueueRow extends Record<string, string | number> {
  file: string;
  line: number;
  load: string;
  source_key: string;
  column: string;
  value: string;
  reason: string;
  /** Left empty for the admin: the record key, account or user email to use instead. */
  resolution: string;
}

export interface LoadRunContext {
  runId: number;
  destination: Destination;
  ledger: Ledger;
  batchSize: number;
  /** Intents an interrupted attempt of this run left, by `load\0sourceKey`: what each record was before. */
  interrupted: ReadonlyMap<string, DestinationRecord | null>;
  exceptions: RowReportWriter<ExceptionRow>;
  queues: Record<QueueName, RowReportWriter<QueueRow>>;
  onRows?: (load: string, rows: number) => void;
  mapper: Omit<RowMapperContext, 'load' | 'headers'>;
  delimiter?: string;
}

interface Pending {
  record: OutgoingRecord;
  line: number;
  names: BatchOutcome['names'];
}

/**
 * Streams one load's file through the row mapper into the destination in batches. Before each batch it records an
 * intent (what the records held before); after it, the outcome, atomically in the ledger. A run killed between the
 * two is resumed from the intent, so no created or updated record escapes the ledger and rollback.
 */
export async function runLoad(ctx: LoadRunContext, load: PlannedLoad, counts: LoadReconciliation): Promise<void> {
  const csv = await openCsv(load.file, ctx.delimiter === undefined ? {} : { delimiter: ctx.delimiter });
  const mapper = new RowMapper({ ...ctx.mapper, load, headers: csv.headers });
  const missing = mapper.missingColumns();
  const reasons = new Map<string, number>();
  const note = (reason: string): void => {
    const category = reasonCategory(reason);
    reasons.set(category, (reasons.get(category) ?? 0) + 1);
  };
  const hasKeys = ctx.ledger.hasKeys(load.id);
  let batch: Pending[] = [];
  let batchNo = 0;

  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const current = batch;
    batch = [];
    batchNo += 1;
    const results = await sendBatch(ctx, load, current.map((p) => p.record), batchNo, hasKeys);
    const outcomes: BatchOutcome[] = [];
    results.forEach((result, i) => {
      const pending = current[i] as Pending;
      const outcome = classify(ctx, load, pending.record, result);
      if (outcome === undefined) {
        counts.failed += 1;
        note(result.error ?? 'rejected by the destination');
        ctx.exceptions.write(exception(load, pending.line, pending.record.sourceKey, 'failed', result.error ?? 'rejected by the destination', '', ''));
        return;
      }
      counts[outcome.action === 'created' ? 'created' : outcome.action === 'updated' ? 'updated' : 'unchanged'] += 1;
      outcomes.push({ ...outcome, names: pending.names });
    });
    ctx.ledger.commitBatch(ctx.runId, { load: load.id, object: load.object, batch: batchNo }, outcomes);
    ctx.onRows?.(load.id, counts.sourceRows);
  };

  for await (const row of csv.rows) {
    if (missing.length > 0) {
      if (!mapper.belongsHere(row.cells)) continue;
      counts.sourceRows += 1;
      counts.skipped += 1;
      const reason = `the file has no column ${missing.map((m) => `"${m}"`).join(', ')}`;
      note(reason);
      ctx.exceptions.write(exception(load, row.line, mapper.sourceKey(row.cells), 'skipped', reason, missing.join(', '), ''));
      continue;
    }
    const outcome = mapper.map(row.cells);
    if (outcome.kind === 'filtered') continue;
    counts.sourceRows += 1;
    if (outcome.kind === 'record') {
      counts.transformed += 1;
      counts.lookupsBlanked += outcome.blanked.length;
      batch.push({ record: { sourceKey: outcome.sourceKey, values: outcome.values }, line: row.line, names: mapper.indexValues(row.cells) });
      if (batch.length >= ctx.batchSize) await flush();
      continue;
    }
    counts[outcome.kind] += 1;
    note(outcome.reason);
    ctx.exceptions.write(exception(load, row.line, outcome.sourceKey, outcome.kind, outcome.reason, outcome.column ?? '', outcome.value ?? ''));
    if (outcome.kind === 'held' && outcome.queue !== undefined) {
      ctx.queues[outcome.queue].write({
        file: load.fileName,
        line: row.line,
        load: load.id,
        source_key: outcome.sourceKey,
        column: outcome.column ?? '',
        value: outcome.value ?? '',
        reason: outcome.reason,
        resolution: '',
      });
    }
  }
  await flush();
  counts.loaded = counts.created + counts.updated + counts.unchanged;
  counts.reasons = [...reasons].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count);
}

async function sendBatch(ctx: LoadRunContext, load: PlannedLoad, records: OutgoingRecord[], batchNo: number, hasKeys: boolean): Promise<RecordResult[]> {
  const before: Intent['before'] = {};
  if (hasKeys) {
    const ids = new Map<string, string>();
    for (const r of records) {
      const id = ctx.ledger.destinationId(load.id, r.sourceKey);
      if (id !== undefined) ids.set(r.sourceKey, id);
    }
    const attributes = [...new Set(records.flatMap((r) => Object.keys(r.values)))];
    const existing = ids.size === 0 ? new Map() : await ctx.destination.read(load.object, [...ids.values()], attributes);
    for (const r of records) {
      const id = ids.get(r.sourceKey);
      before[r.sourceKey] = id === undefined ? null : (existing.get(id) ?? null);
    }
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
  const key = `${load.id}\u0000${record.sourceKey}`;
  if (result.status === 'unchanged' && ctx.interrupted.has(key)) {
    const before = ctx.interrupted.get(key) ?? null;
    if (before === null) return { sourceKey: record.sourceKey, destId: result.id, action: 'created' };
    if (JSON.stringify(before) !== JSON.stringify(pick(record.values, Object.keys(before)))) {
      return { sourceKey: record.sourceKey, destId: result.id, action: 'updated', previous: before };
    }
  }
  const action = result.status === 'created' || result.status === 'updated' ? result.status : 'unchanged';
  return { sourceKey: record.sourceKey, destId: result.id, action, ...(result.previous ? { previous: result.previous } : {}) };
}

function pick(values: DestinationRecord, keys: readonly string[]): DestinationRecord {
  return Object.fromEntries(keys.map((k) => [k, values[k] ?? null]));
}

export function exception(load: PlannedLoad, line: number, sourceKey: string, status: string, reason: string, column: string, value: string): ExceptionRow {
  return { file: load.fileName, line, load: load.id, object: load.object, source_key: sourceKey, status, reason, column, value };
}
