import { existsSync } from 'node:fs';
import type { AttendeeCounts } from './run-report.js';
import type { DestinationRecord, OutgoingRecord } from '../destinations/destination.js';
import type { Engagement } from '../engagement/engagement.js';
import { csvOptions, loadCsvOptions } from '../plan/csv-options.js';
import type { MigrationPlan, PlannedLoad } from '../plan/migration-plan.js';
import type { PlannedAttendees } from '../plan/planned-attendees.js';
import { RowFilter } from '../plan/row-filter.js';
import { openCsv } from '../source/csv-file.js';
import { parseReference } from '../source/reference.js';
import type { BatchOutcome } from './ledger.js';
import { destinationKey, type LoadRunContext } from './load-runner.js';
import { LookupResolver } from './lookup-resolver.js';

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
  value: string;
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
  plan: Pick<MigrationPlan, 'loads'>,
  load: PlannedLoad,
  users: ReadonlyMap<string, { id: string; name: string }>,
): Promise<AttendeeCounts> {
  const attendees = load.attendees;
  const counts: AttendeeCounts = { object: attendees?.storage.object ?? '', linked: 0, unresolved: 0, failed: 0, meetingNotLoaded: 0 };
  if (attendees === undefined || attendees.columns.length === 0 || !existsSync(load.file)) return counts;
  const csv = await openCsv(load.file, loadCsvOptions(csvOptions(engagement), load));
  const filter = new RowFilter(load, csv.headers);
  const keyAt = load.keyColumns.map((c) => csv.headers.indexOf(c));
  const columns = attendees.columns.map((c) => ({ ...c, at: c.column === undefined ? -1 : csv.headers.indexOf(c.column) })).filter((c) => c.column === undefined || c.at >= 0);
  const people = new People(ctx, engagement, plan, attendees, users);
  const ledgerLoad = attendeeLoadId(load);
  const object = attendees.storage.object;
  let pending: Pending[] = [];
  let batchNo = 0;

  const unresolved = (line: number, sourceKey: string, column: string, value: string, problem: string, outcome: string): void => {
    ctx.valueReports.lookups.write({ file: load.fileName, line, load: load.id, object, source_key: sourceKey, column, attribute: attendees.storage.party, value, targets: people.targets, problem, outcome, reason: outcome === 'not linked' ? `invitee ${problem}` : problem });
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
        unresolved(item.line, item.record.sourceKey, item.column, item.value, result.error ?? 'refused by the destination', 'refused');
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
      const entries = column.column === undefined ? ['(owner)'] : splitInvitees(row.cells[column.at] ?? '', column.separator ?? (column.by === 'email' ? DEFAULT_SEPARATORS : undefined));
      for (const entry of entries) {
        // A meeting that did not load is in the exceptions already; its invitees are counted, not listed again.
        if (meeting === undefined) {
          counts.meetingNotLoaded += 1;
          continue;
        }
        const shown = column.column ?? load.owner?.from ?? 'owner';
        const person = column.column === undefined ? await people.owner(load, meeting) : people.resolve(column.by, entry);
        if ('problem' in person) {
          counts.unresolved += 1;
          unresolved(row.line, meetingKey, shown, person.value ?? entry, person.problem, 'not linked');
          continue;
        }
        const id = `${column.role}|${person.id}`;
        if (seen.has(id)) continue;
        seen.add(id);
        const values: DestinationRecord = { [attendees.storage.party]: person.id, [attendees.storage.activity]: meeting };
        for (const [name, value] of Object.entries(attendees.storage.roles[column.role] ?? {})) if (value !== undefined) values[name] = value;
        if (attendees.storage.address !== undefined && person.email !== undefined) values[attendees.storage.address] = person.email;
        pending.push({ record: { sourceKey: `${meetingKey}|${column.role}|${person.email ?? person.id}`, values }, line: row.line, column: shown, value: person.email ?? entry });
        if (pending.length >= BATCH) await flush();
      }
    }
  }
  await flush();
  return counts;
}

type Person = { id: string; email?: string } | { problem: string; value?: string };

/**
 * Finds the person an invitee names: a contact or lead the run created (by email, name or source key, through the
 * same resolver lookups use, so a Vtiger `Contacts::::Dana Reyes` names its module), else a destination user.
 */
class People {
  private readonly resolver: LookupResolver;
  private readonly usersByName: Map<string, string>;
  readonly targets: string;

  constructor(
    private readonly ctx: LoadRunContext,
    private readonly engagement: Engagement,
    plan: Pick<MigrationPlan, 'loads'>,
    private readonly attendees: PlannedAttendees,
    private readonly users: ReadonlyMap<string, { id: string; name: string }>,
  ) {
    const moduleNames = new Map(plan.loads.map((l) => [l.id, [l.sourceObject, engagement.source.object(l.sourceObject)?.label ?? ''].filter((n) => n !== '')]));
    this.resolver = new LookupResolver(ctx.ledger, moduleNames);
    this.usersByName = new Map([...users].map(([, u]) => [u.name.trim().toLowerCase(), u.id]));
    this.targets = [...attendees.targetLoads, ...(attendees.users ? ['users'] : [])].join(' or ');
  }

  resolve(by: 'email' | 'name' | 'key', entry: string): Person {
    const value = by === 'email' ? emailOf(entry) : entry;
    if (value === undefined) return { problem: `"${entry}" is not an email address` };
    const reference = parseReference(value, this.engagement.source.spec.export);
    const found = this.resolver.resolve({ to: this.attendees.storage.party, column: '', columns: [], targets: this.attendees.targetLoads, by, onMissing: 'blank', deferred: false }, reference);
    if (found !== undefined && 'id' in found) return { id: found.id, ...(by === 'email' ? { email: value } : {}) };
    if (found !== undefined && found.outcome === 'ambiguous') return { problem: found.problem, value };
    if (this.attendees.users) {
      const id = by === 'email' ? this.users.get(value)?.id : by === 'name' ? this.usersByName.get(reference.value.toLowerCase()) : undefined;
      if (id !== undefined) return { id, ...(by === 'email' ? { email: value } : {}) };
    }
    return { problem: `"${reference.value}" names no ${this.targets}`, value };
  }

  /** The organizer as the run resolved the meeting's owner: whatever the meeting record holds. */
  async owner(load: PlannedLoad, meeting: string): Promise<Person> {
    const attribute = load.owner?.to;
    if (attribute === undefined) return { problem: 'the meeting has no owner mapping' };
    const value = (await this.ctx.destination.read(load.object, [meeting], [attribute])).get(meeting)?.[attribute];
    return typeof value === 'string' && value !== '' ? { id: value } : { problem: 'the meeting has no owner' };
  }
}

function splitInvitees(cell: string, separator: string | RegExp | undefined): string[] {
  return (separator === undefined ? [cell] : cell.split(separator))
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** `dana@acme.example` or `Dana Reyes <dana@acme.example>`, lower-cased; undefined when the entry holds no address. */
export function emailOf(entry: string): string | undefined {
  const bracketed = /<([^<>\s]+@[^<>\s]+)>/.exec(entry)?.[1];
  const address = bracketed ?? (/^[^\s@<>]+@[^\s@<>]+$/.test(entry) ? entry : undefined);
  return address?.toLowerCase();
}
