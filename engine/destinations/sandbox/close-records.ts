import type { Database } from 'better-sqlite3';
import type { CloseRequest, CloseResult, DestinationRecord, RecordResult } from '../destination.js';
import { closeOutcome, type CloseRule } from '../../spec/close-rule.js';
import { quoteName } from './sqlite-tables.js';
import { closeDecision, closedValues, closeWatched } from '../close-values.js';
import type { TableWriter } from './table-writer.js';

/**
 * The platform's refusal of a closed state written directly (Dataverse: "use WinOpportunity or LoseOpportunity"),
 * for each record in order: the reason, or undefined when the record may be written.
 */
export function closedStateRefusals(rule: CloseRule | undefined, object: string, platform: string, records: readonly { values: DestinationRecord }[]): (string | undefined)[] {
  return records.map(({ values }) => {
    if (rule === undefined || rule.closedOnCreate || !(rule.state in values)) return undefined;
    const outcome = closeOutcome(rule, values[rule.state]);
    if (outcome === undefined) return undefined;
    const how = rule.messages === undefined ? 'its close operation' : `${rule.messages.won} or ${rule.messages.lost}`;
    return `Attribute ${rule.state} value ${JSON.stringify(values[rule.state])} (${outcome}) cannot be written on create or update: ${platform} closes a ${object} only through ${how}, which the run's close step calls after the load.`;
  });
}

/** Runs the writes that passed the refusal check and puts the refusals back in their places. */
export function withRefusals<T>(items: readonly T[], refusals: readonly (string | undefined)[], write: (allowed: T[]) => RecordResult[], sourceKey: (item: T) => string | undefined): RecordResult[] {
  if (refusals.every((r) => r === undefined)) return write([...items]);
  const written = write(items.filter((_, i) => refusals[i] === undefined));
  let next = 0;
  return items.map((item, i) => {
    const refusal = refusals[i];
    if (refusal === undefined) return written[next++] as RecordResult;
    const key = sourceKey(item);
    return { ...(key === undefined ? {} : { sourceKey: key }), status: 'failed', error: refusal };
  });
}

/** Thrown inside a request's savepoint to undo its close record when the state change is refused. */
class CloseRefused extends Error {}

/**
 * The sandbox's close, as the platform does it: the close record first (Dataverse's opportunityclose, with the actual
 * end and revenue), then the record's state, status, close date and revenue, all or nothing per record. A record
 * already closed the same way is `unchanged`, with the close record it has.
 */
export function closeInSandbox(db: Database, rule: CloseRule, writer: TableWriter, recordWriter: TableWriter | undefined, requests: readonly CloseRequest[]): CloseResult[] {
  const current = writer.read(requests.map((r) => r.id), closeWatched(rule));
  return requests.map((request): CloseResult => {
    const before = current.get(request.id);
    const decision = closeDecision(rule, writer.schema.object, request, before);
    if (decision === 'unchanged') {
      const found = recordWriter === undefined || rule.record === undefined ? undefined : latestCloseRecord(db, recordWriter, rule.record.parent, request.id);
      return { status: 'unchanged', ...(found === undefined ? {} : { closeRecord: found }) };
    }
    if (decision !== 'close' || before === undefined) return { status: 'failed', error: decision === 'close' ? 'no record' : decision.error };
    try {
      return db.transaction((): CloseResult => {
        let closeRecord: CloseResult['closeRecord'];
        if (rule.record !== undefined && recordWriter !== undefined) {
          const record = rule.record;
          const values: DestinationRecord = { [record.parent]: request.id };
          if (record.subject !== undefined) values[record.subject] = request.subject;
          if (record.date !== undefined && request.date !== null) values[record.date] = request.date;
          if (record.revenue !== undefined && request.revenue !== null) values[record.revenue] = request.revenue;
          const [created] = recordWriter.upsert([{ sourceKey: request.sourceKey, values }]);
          if (created === undefined || created.status === 'failed' || created.id === undefined) throw new CloseRefused(created?.error ?? 'the close record was refused');
          closeRecord = { object: record.object, id: created.id };
        }
        const [closed] = writer.patch([{ id: request.id, values: closedValues(rule, request) }], 'patch');
        if (closed === undefined || closed.status === 'failed') throw new CloseRefused(closed?.error ?? 'the state change was refused');
        return { status: 'closed', previous: before, ...(closeRecord === undefined ? {} : { closeRecord }), ...(closed.version === undefined ? {} : { version: closed.version }) };
      })();
    } catch (error) {
      if (!(error instanceof CloseRefused)) throw error;
      return { status: 'failed', error: error.message };
    }
  });
}

function latestCloseRecord(db: Database, recordWriter: TableWriter, parent: string, id: string): { object: string; id: string } | undefined {
  const { object, key } = recordWriter.schema;
  const found = db.prepare(`SELECT ${quoteName(key)} FROM ${quoteName(object)} WHERE ${quoteName(parent)} = ? ORDER BY rowid DESC LIMIT 1`).pluck().get(id);
  return typeof found === 'string' ? { object, id: found } : undefined;
}
