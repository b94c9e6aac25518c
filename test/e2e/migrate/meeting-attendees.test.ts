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
 * Smart CRM's pages promise attendee resolution by invitee email: on Dataverse one activity party per person
 * (required attendees, the owner as organizer), on Salesforce one EventRelation per invitee. Each pair's sample is
 * generated, then one meeting's invitees are written by hand: two contacts (one in another case, one also the
 * contact the meeting was logged against), a user in `Name <email>` form, and a guest nobody knows.
 */
const PAIRS = [
  { pair: 'smart-crm-online--dynamics-365-sales', meetings: 'appointments', table: 'activityparty', meeting: 'activityid', party: 'partyid', users: 'systemuser', userKey: 'systemuserid', userEmail: 'internalemailaddress' },
  { pair: 'smart-crm-online--salesforce-sales-cloud', meetings: 'events', table: 'EventRelation', meeting: 'EventId', party: 'RelationId', users: 'User', userKey: 'Id', userEmail: 'Email' },
] as const;

const USER = 'zoe.lindqvist@northwind-sales.example';
const GUEST = 'guest@nowhere.example';

type Row = Record<string, string>;

describe.each(PAIRS)('meeting attendees of a $pair sample in the sandbox', (p) => {
  const root = mkdtempSync(join(tmpdir(), `attendees-${p.pair}-`));
  const exportDir = join(root, 'export');
  const project = join(root, 'engagement');
  let report: RunReport;
  let meeting: Row;
  let line: number;
  let contacts: Row[];
  let sandbox: Database.Database;
  let ledger: Database.Database;
  afterAll(() => {
    sandbox?.close();
    ledger?.close();
    rmSync(root, { recursive: true, force: true });
  });

  beforeAll(async () => {
    expect((await runCliAsync(['sample', '--pair', p.pair, '--out', exportDir])).exitCode).toBe(0);
    const people = parse(readFileSync(join(exportDir, 'contacts.csv')), { columns: true, bom: true }) as Row[];
    const count = (email: string): number => people.filter((c) => c['Email']?.toLowerCase() === email.toLowerCase()).length;
    // Contacts whose email no other contact shares, from the top of the file.
    contacts = people.filter((c) => (c['Email'] ?? '') !== '' && count(c['Email'] as string) === 1).slice(0, 2);
    expect(contacts).toHaveLength(2);

    const file = join(exportDir, 'activities.csv');
    const records = parse(readFileSync(file), { bom: true, info: true }) as { record: string[]; info: { lines: number } }[];
    const header = (records[0] as { record: string[] }).record;
    const at = (name: string): number => header.indexOf(name);
    const index = records.findIndex((r, i) => i > 0 && r.record[at('Activity Type')] === 'Meeting' && /^(sarah\.jones|jose\.martinez)@/.test(r.record[at('Owner Email')] ?? '') && !r.record.some((c) => c.includes('\n')));
    expect(index).toBeGreaterThan(0);
    const target = records[index] as { record: string[]; info: { lines: number } };
    target.record[at('Contact Email')] = contacts[0]?.['Email'] as string;
    target.record[at('Attendees')] = [contacts[0]?.['Email'], (contacts[1]?.['Email'] as string).toUpperCase(), `Zoë Lindqvist <${USER}>`, `Mystery Guest <${GUEST}>`].join('; ');
    writeFileSync(file, stringify(records.map((r) => r.record)));
    meeting = Object.fromEntries(header.map((h, i) => [h, target.record[i] as string]));
    // Rewritten without changing any row's line count, so the row starts where csv-parse says it ends.
    line = target.info.lines;

    expect((await runCliAsync(['init', project, '--pair', p.pair, '--source', exportDir])).exitCode).toBe(0);
    const applied = await runCliAsync(['apply', '--project', project, '--json']);
    expect(applied.exitCode, applied.stderr).toBe(0);
    report = jsonResult<RunReport>(applied.stdout);
    sandbox = new Database(join(project, 'sandbox.db'), { readonly: true });
    ledger = new Database(join(project, 'ledger.db'), { readonly: true });
  }, 180_000);

  const idOf = (load: string, key: string): string | undefined =>
    ledger.prepare<[string, string], { dest_id: string }>('SELECT dest_id FROM keymap WHERE load = ? AND source_key = ?').get(load, key)?.dest_id;
  const userId = (email: string): string | undefined =>
    (sandbox.prepare(`SELECT "${p.userKey}" AS id FROM "${p.users}" WHERE lower("${p.userEmail}") = ?`).get(email) as { id: string } | undefined)?.id;

  it('given a meeting with two contacts and a user as invitees, writes one attendee record per person on that meeting', () => {
    const meetingId = idOf(p.meetings, meeting['Activity ID'] as string);
    expect(meetingId).toBeDefined();
    const rows = sandbox.prepare(`SELECT * FROM "${p.table}" WHERE "${p.meeting}" = ?`).all(meetingId) as Row[];
    const invitees = p.table === 'activityparty' ? rows.filter((r) => Number(r['participationtypemask']) === 5) : rows;
    const expected = [idOf('contacts', contacts[0]?.['Contact ID'] as string), idOf('contacts', contacts[1]?.['Contact ID'] as string), userId(USER)];
    expect(expected.every((id) => id !== undefined)).toBe(true);
    expect(invitees.map((r) => r[p.party]).sort()).toEqual([...expected].sort());
    if (p.table === 'EventRelation') expect(rows.every((r) => Number(r['IsInvitee']) === 1)).toBe(true);
    else expect(invitees.map((r) => r['addressused']).sort()).toEqual([contacts[0]?.['Email'], contacts[1]?.['Email'], USER].map((e) => (e as string).toLowerCase()).sort());
  });

  it.runIf(p.table === 'activityparty')('given the meeting owner, adds the owner as organizer (participation type 7)', () => {
    const meetingId = idOf(p.meetings, meeting['Activity ID'] as string);
    const organizers = sandbox.prepare('SELECT partyid FROM activityparty WHERE activityid = ? AND participationtypemask = 7').all(meetingId) as Row[];
    expect(organizers).toEqual([{ partyid: userId((meeting['Owner Email'] as string).toLowerCase()) }]);
  });

  it('given an invitee email that names no one, lists it in lookups.csv with file and line and counts it on the load', () => {
    const lookups = parse(readFileSync(join(project, report.files.lookups as string)), { columns: true }) as Row[];
    const unresolved = lookups.filter((r) => r['object'] === p.table);
    expect(unresolved).toHaveLength(1);
    expect(unresolved[0]).toMatchObject({ file: 'activities.csv', line: String(line), load: p.meetings, column: 'Attendees', value: GUEST, outcome: 'not linked' });
    expect(unresolved[0]?.['problem']).toContain(`"${GUEST}" names no`);
    const counts = report.loads.find((l) => l.load === p.meetings)?.attendees;
    expect(counts).toMatchObject({ unresolved: 1, failed: 0, meetingNotLoaded: 0 });
    expect(counts?.linked).toBe((sandbox.prepare(`SELECT COUNT(*) AS n FROM "${p.table}"`).get() as { n: number }).n);
  });

  it('given rollback, removes every attendee record with the meetings', async () => {
    sandbox.close();
    const rolled = await runCliAsync(['rollback', '--project', project, '--yes']);
    expect(rolled.exitCode, rolled.stderr).toBe(0);
    sandbox = new Database(join(project, 'sandbox.db'), { readonly: true });
    expect(sandbox.prepare(`SELECT COUNT(*) AS n FROM "${p.table}"`).get()).toEqual({ n: 0 });
  }, 120_000);
});
