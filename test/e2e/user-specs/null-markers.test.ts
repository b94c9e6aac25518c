import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCliAsync as runCli } from '../run-cli.js';

/*
 * An export that writes "--None--" where a cell has no value, described by the user's own platform spec (the bundled
 * ones write nothing there). The marker must read as an empty cell: an empty optional field, a reference to nothing,
 * not a value or a key called "--None--". The export is written here by hand.
 */
const MARKED_OPENCRM = `id: marked-opencrm
name: OpenCRM with empty-cell markers
extends: opencrm
roles: [source]
summary: OpenCRM as a customer's old version exports it, writing --None-- for an empty cell.
export:
  nullValues: ["--None--"]
objects:
  - name: organisation
    label: Organisation
    fields:
      - { name: Region, type: text }
`;

const PAIR = `id: marked-opencrm--salesforce-sales-cloud
source: marked-opencrm
destination: salesforce-sales-cloud
summary: Organisations and their contacts from an OpenCRM that marks empty cells.
overview: Organisations become accounts; contacts keep their account.
objects:
  - id: company
    source: Organisation
    destination: Account
    mapping: "1:1"
    compatibility: fully-supported
    narrative: Each organisation becomes an account.
    loads:
      - id: accounts
        from: organisation
        to: Account
        fields:
          - { from: Organisation Name, to: Name, transform: trim }
          - { from: Region, to: Description, transform: trim }
  - id: person
    source: Contact
    destination: Contact
    mapping: "1:1"
    compatibility: fully-supported
    narrative: Each contact keeps its account.
    loads:
      - id: contacts
        from: contact
        to: Contact
        fields:
          - { from: Last Name, to: LastName, transform: trim }
        lookups:
          - { from: Organisation CRM ID, to: AccountId, load: accounts, by: key, onMissing: hold }
challenges: []
approach:
  - { title: Load, detail: "Accounts first, then contacts." }
`;

const root = mkdtempSync(join(tmpdir(), 'null-markers-'));
const specs = join(root, 'specs');
const exportDir = join(root, 'export');
const project = join(root, 'engagement');

describe('an export that marks empty cells', () => {
  beforeAll(async () => {
    mkdirSync(join(specs, 'platforms'), { recursive: true });
    writeFileSync(join(specs, 'platforms', 'marked-opencrm.yaml'), MARKED_OPENCRM);
    writeFileSync(join(specs, 'marked-opencrm--salesforce-sales-cloud.yaml'), PAIR);
    mkdirSync(exportDir, { recursive: true });
    writeFileSync(
      join(exportDir, 'organisations.csv'),
      'CRM ID,Organisation Name,Region,Assigned To\r\n' + 'ORG1,Harbour Freight Ltd,North,Sam Patel\r\n' + 'ORG2,Kestrel Foods,--None--,Sam Patel\r\n' + 'ORG3,Wren & Co, --None-- ,Sam Patel\r\n',
    );
    writeFileSync(
      join(exportDir, 'contacts.csv'),
      'CRM ID,First Name,Last Name,Organisation CRM ID,Assigned To\r\n' + 'CON1,Dana,Reyes,ORG2,Sam Patel\r\n' + 'CON2,Omar,Petrov,--None--,Sam Patel\r\n' + 'CON3,Lee,Marsh,ORG9,Sam Patel\r\n',
    );
    writeFileSync(join(root, 'users.csv'), 'Email,Full Name,Active\r\nsam.patel@acme.example,Sam Patel,true\r\n');
    const init = await runCli(['init', project, '--pair', 'marked-opencrm--salesforce-sales-cloud', '--source', exportDir, '--specs', specs, '--users', join(root, 'users.csv')]);
    expect(init.exitCode, init.stderr).toBe(0);
  });

  it('given apply, reads the marker as an empty cell, loads every row it can, holds the one orphan, and balances each file', async () => {
    const run = await runCli(['apply', '--project', project, '--json']);
    expect(run.exitCode, run.stderr).toBe(0);
    const report = (JSON.parse(run.stdout) as { result: { imbalances: unknown[]; accounting: { file: string; rows: number; balanced: boolean }[]; files: { exceptions: string } } }).result;
    expect(report.imbalances).toEqual([]);
    expect(report.accounting.map((a) => [a.file, a.rows, a.balanced])).toEqual([
      ['organisations.csv', 3, true],
      ['contacts.csv', 3, true],
    ]);

    const db = new Database(join(project, 'sandbox.db'), { readonly: true });
    const accounts = db.prepare('SELECT Name AS name, Description AS region FROM Account ORDER BY Name').all();
    const contacts = db.prepare('SELECT c.LastName AS last, a.Name AS account FROM Contact c LEFT JOIN Account a ON a.Id = c.AccountId ORDER BY c.LastName').all();
    db.close();
    expect(accounts).toEqual([
      { name: 'Harbour Freight Ltd', region: 'North' },
      { name: 'Kestrel Foods', region: null },
      { name: 'Wren & Co', region: null },
    ]);
    // Petrov's marker is no reference at all, so the contact loads without an account; Marsh's ORG9 is an orphan.
    expect(contacts).toEqual([
      { last: 'Petrov', account: null },
      { last: 'Reyes', account: 'Kestrel Foods' },
    ]);
    const exceptions = parse(readFileSync(join(project, report.files.exceptions)), { columns: true }) as Record<string, string>[];
    expect(exceptions.map((e) => [e['file'], e['line'], e['status'], e['value']])).toEqual([['contacts.csv', '4', 'held', 'ORG9']]);
  });
});
