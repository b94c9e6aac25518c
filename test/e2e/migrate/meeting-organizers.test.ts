import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../../../engine/run/run-report.js';
import { jsonResult, runCliAsync } from '../run-cli.js';

/**
 * Meetings of the other Dataverse pairs: the owner is the organizer (OpenCRM's page maps the Organizer to the resolved
 * owner), and where the export names the person met (LeadSmart's WhoId, Vtiger's Contact Name) that person is a
 * required attendee. Each sample is generated, and two meetings are edited by hand: one names a known contact, one a
 * person the export does not have.
 */
interface Plant {
  /** The meeting file, its type column and value, the column naming the person, and how the meeting's key is built. */
  file: string;
  typeColumn: string;
  meeting: string;
  column?: string;
  keyOf: (row: Record<string, string>) => string;
  /** The contact to name: its key, and the cell that names it. */
  contact?: (contacts: Record<string, string>[]) => { key: string; cell: string };
  unknown?: string;
}

const PAIRS: { pair: string; load: string; contacts: string; plant: Plant }[] = [
  {
    pair: 'opencrm--dynamics-365-sales',
    load: 'meetings',
    contacts: 'contacts.csv',
    plant: { file: 'activities.csv', typeColumn: 'Type', meeting: 'Meeting', keyOf: (r) => r['CRM ID'] as string },
  },
  {
    pair: 'leadsmart-channel-cloud--dynamics-365-sales',
    load: 'appointments',
    contacts: 'Contact.csv',
    plant: {
      file: 'Event.csv',
      typeColumn: 'IsChild',
      meeting: 'false',
      column: 'WhoId',
      keyOf: (r) => r['Id'] as string,
      contact: (contacts) => ({ key: contacts[0]?.['Id'] as string, cell: contacts[0]?.['Id'] as string }),
      unknown: '003000000000ZZZAAA',
    },
  },
  {
    pair: 'vtiger--dynamics-365-sales',
    load: 'meetings',
    contacts: 'Contacts.csv',
    plant: {
      file: 'Events.csv',
      typeColumn: 'Activity Type',
      meeting: 'Meeting',
      column: 'Contact Name',
      keyOf: (r) => [r['Subject'], r['Start Date & Time'], r['Related To']].map((v) => (v ?? '').trim()).join('|'),
      contact: (contacts) => {
        const name = (c: Record<string, string>): string => `${c['First Name']} ${c['Last Name']}`;
        const unique = contacts.find((c) => contacts.filter((o) => name(o) === name(c)).length === 1) as Record<string, string>;
        return { key: unique['Contact Id'] as string, cell: `Contacts::::${name(unique)}` };
      },
      unknown: 'Contacts::::Nobody Known',
    },
  },
];

describe.each(PAIRS)('meeting attendees of a $pair sample', ({ pair, load, contacts: contactsFile, plant }) => {
  const root = mkdtempSync(join(tmpdir(), `organizers-${pair}-`));
  const exportDir = join(root, 'export');
  const project = join(root, 'engagement');
  let report: RunReport;
  let planted: { key: string; contact: string; unknownKey: string; unknownLine: number } | undefined;
  let sandbox: Database.Database;
  let ledger: Database.Database;
  afterAll(() => {
    sandbox?.close();
    ledger?.close();
    rmSync(root, { recursive: true, force: true });
  });

  beforeAll(async () => {
    expect((await runCliAsync(['sample', '--pair', pair, '--out', exportDir])).exitCode).toBe(0);
    if (plant.column !== undefined && plant.contact !== undefined && plant.unknown !== undefined) {
      const people = parse(readFileSync(join(exportDir, contactsFile)), { columns: true, bom: true }) as Record<string, string>[];
      const contact = plant.contact(people);
      const file = join(exportDir, plant.file);
      const records = parse(readFileSync(file), { bom: true, info: true }) as { record: string[]; info: { lines: number } }[];
      const header = (records[0] as { record: string[] }).record;
      const asRow = (r: string[]): Record<string, string> => Object.fromEntries(header.map((h, i) => [h, r[i] as string]));
      const meetings = records.filter((r, i) => i > 0 && r.record[header.indexOf(plant.typeColumn)] === plant.meeting && !r.record.some((c) => c.includes('\n')));
      const [known, unknown] = meetings;
      expect(unknown).toBeDefined();
      (known as { record: string[] }).record[header.indexOf(plant.column)] = contact.cell;
      (unknown as { record: string[] }).record[header.indexOf(plant.column)] = plant.unknown;
      writeFileSync(file, stringify(records.map((r) => r.record)));
      planted = { key: plant.keyOf(asRow((known as { record: string[] }).record)), contact: contact.key, unknownKey: plant.keyOf(asRow((unknown as { record: string[] }).record)), unknownLine: (unknown as { info: { lines: number } }).info.lines };
    }
    expect((await runCliAsync(['init', project, '--pair', pair, '--source', exportDir])).exitCode).toBe(0);
    const applied = await runCliAsync(['apply', '--project', project, '--json']);
    expect(applied.exitCode, applied.stderr).toBe(0);
    report = jsonResult<RunReport>(applied.stdout);
    sandbox = new Database(join(project, 'sandbox.db'), { readonly: true });
    ledger = new Database(join(project, 'ledger.db'), { readonly: true });
  }, 180_000);

  const idOf = (from: string, key: string): string | undefined =>
    ledger.prepare<[string, string], { dest_id: string }>('SELECT dest_id FROM keymap WHERE load = ? AND source_key = ?').get(from, key)?.dest_id;

  it('given the run, makes the owner of every loaded meeting its one organizer (participation type 7)', () => {
    const meetings = (sandbox.prepare('SELECT COUNT(*) AS n FROM appointment').get() as { n: number }).n;
    expect(meetings).toBeGreaterThan(10);
    const organized = sandbox
      .prepare('SELECT COUNT(*) AS n FROM appointment a WHERE (SELECT COUNT(*) FROM activityparty p WHERE p.activityid = a.activityid AND p.participationtypemask = 7) = 1 AND EXISTS (SELECT 1 FROM activityparty p WHERE p.activityid = a.activityid AND p.participationtypemask = 7 AND p.partyid = a.ownerid)')
      .get() as { n: number };
    expect(organized.n).toBe(meetings);
  });

  it.runIf(plant.column !== undefined)('given a meeting naming a known contact, makes that contact its required attendee', () => {
    const meeting = idOf(load, planted?.key as string);
    const contact = idOf('contacts', planted?.contact as string);
    expect([meeting, contact].every((id) => id !== undefined)).toBe(true);
    expect(sandbox.prepare('SELECT partyid FROM activityparty WHERE activityid = ? AND participationtypemask = 5').all(meeting)).toEqual([{ partyid: contact }]);
  });

  it.runIf(plant.column !== undefined)('given a meeting naming a person the export does not have, lists it in lookups.csv at its line and counts it', () => {
    const lookups = parse(readFileSync(join(project, report.files.lookups as string)), { columns: true }) as Record<string, string>[];
    const unresolved = lookups.filter((r) => r['object'] === 'activityparty');
    expect(unresolved).toHaveLength(1);
    expect(unresolved[0]).toMatchObject({ file: plant.file, line: String(planted?.unknownLine), load, column: plant.column, source_key: planted?.unknownKey, outcome: 'not linked' });
    expect(report.loads.find((l) => l.load === load)?.attendees).toMatchObject({ unresolved: 1, failed: 0 });
  });
});
