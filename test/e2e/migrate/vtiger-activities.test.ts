import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { stringify } from 'csv-stringify/sync';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledPairsDir, loadCatalog } from '../../../engine/spec/catalog.js';
import { runCliAsync } from '../run-cli.js';

/**
 * The Vtiger page promises activity history (calls, meetings, tasks and emails) linked to the record it was about,
 * with its original times. The export is written here by hand in Vtiger's shape (translated headers, joined date
 * and time, `Module::::label` references); columns the rows leave out are written empty, as Vtiger writes them.
 */
const ROWS: Record<string, Record<string, string>[]> = {
  accounts: [{ 'Organization Name': 'Acme Ltd', 'Organization Number': 'ACC1', 'Assigned To': 'Sarah Jones', 'Created Time': '2021-03-04 09:15:00' }],
  contacts: [{ 'First Name': 'Dana', 'Last Name': 'Reyes', 'Contact Id': 'CON1', 'Organization Name': 'Accounts::::Acme Ltd', 'Assigned To': 'Sarah Jones' }],
  leads: [{ 'First Name': 'Omar', 'Last Name': 'Petrov', 'Lead Number': 'LEA1', Company: 'Brightwater', 'Assigned To': 'Sarah Jones' }],
  potentials: [
    { 'Opportunity Name': 'Renewal 2026', 'Opportunity Number': 'POT1', 'Organization Name': 'Accounts::::Acme Ltd', 'Expected Close Date': '2026-06-30', 'Sales Stage': 'Prospecting', 'Assigned To': 'Sarah Jones' },
  ],
  events: [
    { Subject: 'Kick-off call', 'Assigned To': 'Sarah Jones', 'Start Date & Time': '2021-04-01 14:30:00', 'End Date & Time': '2021-04-01 15:00:00', 'Activity Type': 'Call', Status: 'Held', Duration: '0', 'Duration Minutes': '30', 'Related To': 'Accounts::::Acme Ltd', 'Created Time': '2021-03-30 08:00:00' },
    { Subject: 'Renewal review', 'Assigned To': 'Sarah Jones', 'Start Date & Time': '2021-05-10 10:00:00', 'End Date & Time': '2021-05-10 11:30:00', 'Activity Type': 'Meeting', Status: 'Planned', Duration: '1', 'Duration Minutes': '30', 'Related To': 'Potentials::::Renewal 2026', Location: 'Leeds office', 'Created Time': '2021-05-01 12:00:00' },
    { Subject: 'Spring promo call', 'Assigned To': 'Sarah Jones', 'Start Date & Time': '2021-06-02 09:00:00', 'End Date & Time': '2021-06-02 09:10:00', 'Activity Type': 'Call', Status: 'Held', Duration: '0', 'Duration Minutes': '10', 'Related To': 'Campaigns::::Spring 2021', 'Created Time': '2021-06-02 09:12:00' },
  ],
  calendar: [
    { Subject: 'Send the DPA', 'Assigned To': 'Sarah Jones', 'Start Date & Time': '2021-04-02 09:00:00', 'Due Date': '2021-04-09', 'Contact Name': 'Contacts::::Dana Reyes', Status: 'Completed', Priority: 'Medium', 'Activity Type': 'Task', 'Created Time': '2021-04-01 15:10:00' },
  ],
  emails: [
    { Subject: 'Your quote', 'Assigned To': 'Sarah Jones', 'Date & Time Sent': '2021-04-03 16:45:00', From: 'sarah@example.com', To: 'omar@brightwater.example', 'Related To': 'Leads::::Omar Petrov', 'Created Time': '2021-04-03 16:44:00' },
  ],
};

const root = mkdtempSync(join(tmpdir(), 'vtiger-activities-'));
const project = join(root, 'engagement');
let sandbox: Database.Database;
let ledger: Database.Database;
afterAll(() => {
  sandbox?.close();
  ledger?.close();
  rmSync(root, { recursive: true, force: true });
});

beforeAll(async () => {
  const vtiger = (await loadCatalog([bundledPairsDir()])).platforms.get('vtiger')?.spec;
  const exportDir = join(root, 'export');
  mkdirSync(exportDir, { recursive: true });
  expect(Object.keys(ROWS).every((name) => vtiger?.objects.some((o) => o.name === name))).toBe(true);
  // Modules this test has no rows for are exported with their header only, as Vtiger exports an empty list view.
  for (const object of vtiger?.objects ?? []) {
    if (object.file === undefined) continue;
    const header = object.fields.map((f) => f.name);
    const rows = ROWS[object.name] ?? [];
    writeFileSync(join(exportDir, object.file), stringify([header, ...rows.map((r) => header.map((h) => r[h] ?? ''))]));
  }
  const init = await runCliAsync(['init', project, '--pair', 'vtiger--dynamics-365-sales', '--source', exportDir]);
  expect(init.exitCode, init.stderr).toBe(0);
  const file = join(project, 'migration.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace('users: []', 'users:\n  - { email: sarah@example.com, name: Sarah Jones }'));
  const apply = await runCliAsync(['apply', '--project', project]);
  expect(apply.exitCode, apply.stdout + apply.stderr).toBe(0);
  sandbox = new Database(join(project, 'sandbox.db'), { readonly: true });
  ledger = new Database(join(project, 'ledger.db'), { readonly: true });
}, 120_000);

/** The destination id the run gave a source record, from the ledger's key map. */
const idOf = (load: string, key: string): string | undefined =>
  ledger.prepare<[string, string], { dest_id: string }>('SELECT dest_id FROM keymap WHERE load = ? AND source_key = ?').get(load, key)?.dest_id;
const activity = (table: string, subject: string): Record<string, unknown> => {
  const rows = sandbox.prepare(`SELECT * FROM ${table} WHERE subject = ?`).all(subject) as Record<string, unknown>[];
  expect(rows, `${table} "${subject}"`).toHaveLength(1);
  return rows[0] as Record<string, unknown>;
};

describe('Vtiger calls, meetings, tasks and emails in the sandbox', () => {
  it('given a held call about an organization, writes a completed phone call regarding that account at its original times', () => {
    const call = activity('phonecall', 'Kick-off call');
    expect(idOf('accounts', 'ACC1')).toBeDefined();
    expect(call['regardingobjectid']).toBe(idOf('accounts', 'ACC1'));
    expect([call['actualstart'], call['actualend'], call['overriddencreatedon']]).toEqual(['2021-04-01T14:30:00Z', '2021-04-01T15:00:00Z', '2021-03-30T08:00:00Z']);
    expect(call['statuscode']).toBe(2); // Made
  });

  it('given a meeting about an opportunity, writes an appointment regarding it with its start, end and place', () => {
    const meeting = activity('appointment', 'Renewal review');
    expect(meeting['regardingobjectid']).toBe(idOf('opportunities', 'POT1'));
    expect([meeting['scheduledstart'], meeting['scheduledend'], meeting['location']]).toEqual(['2021-05-10T10:00:00Z', '2021-05-10T11:30:00Z', 'Leeds office']);
  });

  it('given a to-do with only a contact, writes a task regarding that contact with its start and creation time', () => {
    const task = activity('task', 'Send the DPA');
    expect(task['regardingobjectid']).toBe(idOf('contacts', 'CON1'));
    expect([task['scheduledstart'], task['overriddencreatedon']]).toEqual(['2021-04-02T09:00:00Z', '2021-04-01T15:10:00Z']);
  });

  it('given an email about a lead, writes an email activity regarding the lead with its sent time', () => {
    const email = activity('email', 'Your quote');
    expect(email['regardingobjectid']).toBe(idOf('leads', 'LEA1'));
    expect([email['actualend'], email['sender'], email['torecipients']]).toEqual(['2021-04-03T16:45:00Z', 'sarah@example.com', 'omar@brightwater.example']);
  });

  it('given a call about a campaign, which is not migrated, loads it without a link and reports the reference by file and line', () => {
    const call = activity('phonecall', 'Spring promo call');
    expect(call['regardingobjectid']).toBeNull();
    const report = parse(readFileSync(join(project, 'runs', '1', 'lookups.csv')), { columns: true }) as Record<string, string>[];
    const line = report.find((r) => r['value'] === 'Campaigns::::Spring 2021');
    expect(line).toMatchObject({ file: 'Events.csv', line: '4', load: 'calls', attribute: 'regardingobjectid' });
  });
});
