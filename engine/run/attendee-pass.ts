import { existsSync } from 'node:fs';
import type { DestinationRecord, OutgoingRecord } from '../destinations/destination.js';
import type { Engagement } from '../engagement/engagement.js';
import { csvOptions, loadCsvOptions } from '../plan/csv-options.js';
import type { PlannedLoad } from '../plan/migration-plan.js';
import type { PlannedAttendees } from '../plan/planned-attendees.js';
import { RowFilter } from '../plan/row-filter.js';
import type { AttendeeCounts } from '../reports/reconciliation.js';
import { openCsv } from '../source/csv-file.js';
import type { BatchOutcome } from './ledger.js';
import { destinationKey, type LoadRunContext } from './load-runner.js';

const BATCH = 500;
const DEFAULT_SEPARATORS = /[;,]/;

/** The ledger's name for a meeting load's attendee records: rollback deletes them like any other record it created. */
export function attendeeLoadId(load: Pick<PlannedLoad, 'id'>): string {
  return `${load.id}.attendees`;
}

interface Pending {
  record: OutgoingRecord;
  line: number;
  column: string;
  email: string;
}

/**
 * Writes a meeting load's attendees once every load has run: each invitee email of each meeting that loaded is
 * resolved to a contact or lead the run created (by the email those loads indexed) or to a destination user, and one
 * attendee record (Dataverse activityparty, Salesforce EventRelation) is written per person and role. An email that
 * names no one, or several, is listed in lookups.csv with its file and line and counted on the load: nothing is
 * dropped without a word. The records go through the ledger, so rollback removes them and a rerun finds them again.
 */
export async function runAttendees(
  ctx: LoadRunContext,
  engagement: Engagement,
  load: PlannedLoad,
  users: ReadonlyMap<string, { id: string }>,
): Promise<AttendeeCounts> {
  const counts: AttendeeCounts = { linked: 0, unresolved: 0, failed: 0, meetingNotLoaded: 0 };
  const plan = load.attendees;
  if (plan === undefined || plan.columns.length === 0 || !existsSync(load.file)) return counts;
  const csv = await openCsv(load.file, loadCsvOptions(csvOptions(engagement), load));
  const filter = new RowFilter(load, csv.headers);
  const keyAt = load.keyColumns.map((c) => csv.headers.indexOf(c));
  const columns = plan.columns.map((c) => ({ ...c, at: csv.headers.indexOf(c.column) })).filter((c) => c.at >= 0);
  const ledgerLoad = attendeeLoadId(load);
  const object = plan.storage.object;
  let pending: Pending[] = [];
  let batchNo = 0;

  const unresolved = (line: number, sourceKey: string, column: string, email: string, problem: string, outcome: string): void => {
    ctx.valueReports.lookups.write({ file: load.fileName, line, load: load.id, object, source_key: sourceKey, column, attribute: plan.storage.party, value: email, targets: describeTargets(plan), problem, outcome, reason: outcome === 'not linked' ? `invitee ${problem}` : problem });
  };
  const flush = async (): Promise<void> => {
    if (pending.length === 0) return;
    batchNo += 1;
    const batch = pending;
    pending = [];
    ctx.ledger.writeIntent(ctx.runId, { load: ledgerLoad, object, batch: batchNo, before: Object.fromEntries(batch.map((p) => [p.record.sourceKey, null])) });
    const results = await ctx.destination.upsert(object, batch.map((p) => ({ sourceKey: destinationKey(ledgerLoad, p.record.sourceKey), values: p.record.values })));
    const outcomes: BatchOutcome[] = [];
    results.forEach((result, i) => {
      const item = batch[i] as Pending;
      if (result.status === 'failed' || result.id === undefined) {
        counts.failed += 1;
        unresolved(item.line, item.record.sourceKey, item.column, item.email, result.error ?? 'refused by the destination', 'refused');
        return;
      }
      counts.linked += 1;
      const action = result.status === 'created' || result.status === 'updated' ? result.status : 'unchanged';
      outcomes.push({ sourceKey: item.record.sourceKey, destId: result.id, action, ...(result.previous ? { previous: result.previous } : {}) });
    });
    ctx.ledger.commitBatch(ctx.runId, { load: ledgerLoad, object, batch: batchNo }, outcomes);
  };

  for await (const row of csv.rows) {
    if (!filter.belongsHere(row.cells)) continue;
    const meetingKey = keyAt.map((i) => (i < 0 ? '' : (row.cells[i] ?? '').trim())).join('|');
    const meeting = ctx.ledger.destinationId(load.id, meetingKey);
    const seen = new Set<string>();
    for (const column of columns) {
      for (const entry of splitInvitees(row.cells[column.at] ?? '', column.separator)) {
        const email = emailOf(entry);
        // A meeting that did not load is in the exceptions already; its invitees are counted, not listed again.
        if (meeting === undefined) {
          counts.meetingNotLoaded += 1;
          continue;
        }
        if (email === undefined) {
          counts.unresolved += 1;
          unresolved(row.line, meetingKey, column.column, entry, `"${entry}" is not an email address`, 'not linked');
          continue;
        }
        const id = `${column.role}|${email}`;
        if (seen.has(id)) continue;
        seen.add(id);
        const person = resolve(ctx, plan, users, email);
        if ('problem' in person) {
          counts.unresolved += 1;
          unresolved(row.line, meetingKey, column.column, email, person.problem, 'not linked');
          continue;
        }
        const values: DestinationRecord = { [plan.storage.activity]: meeting, [plan.storage.party]: person.id };
        for (const [name, value] of Object.entries(plan.storage.roles[column.role] ?? {})) if (value !== undefined) values[name] = value;
        if (plan.storage.address !== undefined) values[plan.storage.address] = email;
        pending.push({ record: { sourceKey: `${meetingKey}|${id}`, values }, line: row.line, column: column.column, email });
        if (pending.length >= BATCH) await flush();
      }
    }
  }
  await flush();
  return counts;
}

/** Contacts and leads the run created first (in the destination's target order), then users. */
function resolve(ctx: LoadRunContext, plan: PlannedAttendees, users: ReadonlyMap<string, { id: string }>, email: string): { id: string } | { problem: string } {
  for (const target of plan.targetLoads) {
    const keys = ctx.ledger.keysNamed(target, 'email', email);
    if (keys.length > 1) return { problem: `"${email}" is ambiguous: ${keys.length} ${target} records have it` };
    const id = keys[0] === undefined ? undefined : ctx.ledger.destinationId(target, keys[0]);
    if (id !== undefined) return { id };
  }
  const user = plan.users ? users.get(email) : undefined;
  if (user !== undefined) return { id: user.id };
  return { problem: `"${email}" names no ${describeTargets(plan)}` };
}

function describeTargets(plan: PlannedAttendees): string {
  return [...plan.targetLoads, ...(plan.users ? ['users'] : [])].join(' or ');
}

function splitInvitees(cell: string, separator: string | undefined): string[] {
  return cell
    .split(separator ?? DEFAULT_SEPARATORS)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** `dana@acme.example` or `Dana Reyes <dana@acme.example>`, lower-cased; undefined when the entry holds no address. */
export function emailOf(entry: string): string | undefined {
  const bracketed = /<([^<>\s]+@[^<>\s]+)>/.exec(entry)?.[1];
  const address = bracketed ?? (/^[^\s@<>]+@[^\s@<>]+$/.test(entry) ? entry : undefined);
  return address?.toLowerCase();
}
