import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { parse, stringify } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCliAsync as runCli } from '../run-cli.js';

/*
 * A Zoho-shaped export (label headers beside upper-case id columns) written by an exporter in New York: one date-time
 * column mixes three formats, amounts come as `$342.09K`, `(1.200,00)` and `1.234,56 €`, and close dates are split
 * between an actual and an expected column. The formats live in the platform spec (export-wide, per object, per
 * column) and in the engagement (time zone, one column's number format, currency and rates); the pair only says which
 * transforms read which columns. A real `apply` loads it into the sandbox.
 */
const PLATFORM = `id: acme-zoho
name: Acme's Zoho CRM export
roles: [source]
summary: Zoho CRM module exports as Acme's admin writes them.
export:
  method: Module export to CSV.
  dateFormat: DD MMM, YYYY
  dateTimeFormat: DD MMM, YYYY HH:mm:ss
  dateTimeFormats: ['DD MMM, YYYY HH:mm:ss', 'YYYY-MM-DD HH:mm:ss', 'MM/DD/YYYY hh:mm A']   # quoted: the commas
  references: id
  owners: user-name
objects:
  - name: accounts
    label: Accounts
    file: Accounts.csv
    key: ACCOUNTID
    primaryName: Account Name
    fields:
      - { name: ACCOUNTID, type: id }
      - { name: Account Name, type: text }
      - { name: Annual Revenue, type: money }
      - { name: Created Time, type: datetime }
  - name: deals
    label: Deals
    file: Potentials.csv
    key: POTENTIALID
    primaryName: Deal Name
    formats: { currency: EUR }
    fields:
      - { name: POTENTIALID, type: id }
      - { name: Deal Name, type: text }
      - { name: ACCOUNTID, type: lookup, targets: [accounts] }
      - { name: Stage, type: picklist }
      - { name: Amount, type: money }
      - { name: Currency, type: text }
      - { name: Closing Date, type: date, formats: { dateFormats: [DD.MM.YYYY] } }
      - { name: Expected Closing Date, type: date, formats: { dateFormats: [DD.MM.YYYY] } }
      - { name: Created Time, type: datetime }
`;

const PAIR = `id: acme-zoho--dynamics-365-sales
source: acme-zoho
destination: dynamics-365-sales
summary: Acme's Zoho accounts and deals into Dynamics 365 Sales.
overview: Accounts keep their revenue and creation time; deals keep amounts, close dates and rating.
objects:
  - id: account
    source: Account
    destination: Account
    mapping: "1:1"
    compatibility: fully-supported
    narrative: Each account becomes an account.
    loads:
      - id: accounts
        from: accounts
        to: account
        fields:
          - { from: Account Name, to: name, transform: trim }
          - { from: Annual Revenue, to: revenue, transform: money }
          - { from: Created Time, to: overriddencreatedon, transform: datetime }
  - id: deal
    source: Deal
    destination: Opportunity
    mapping: "1:1"
    compatibility: fully-supported
    narrative: Each deal becomes an opportunity on its account.
    loads:
      - id: opportunities
        from: deals
        to: opportunity
        fields:
          - { from: Deal Name, to: name, transform: trim }
          - { from: Amount, to: actualvalue, transform: money }
          - { from: [Amount, Currency], to: estimatedvalue, transform: { name: money, convert: true } }
          - { from: [Stage, Closing Date], to: actualclosedate, transform: [{ name: if, in: [Closed Won, Closed Lost] }, date] }
          - { from: [Closing Date, Expected Closing Date], to: estimatedclosedate, transform: [first-non-empty, datetime] }
          - { from: Stage, to: opportunityratingcode, transform: { name: if, in: [Closed Won, Negotiation], value: Hot, otherwise: Cold } }
          - { from: Created Time, to: overriddencreatedon, transform: datetime }
        lookups:
          - { from: ACCOUNTID, to: parentaccountid, load: accounts, by: key }
challenges: []
approach:
  - { title: Load, detail: "Accounts first, then deals." }
`;

const root = mkdtempSync(join(tmpdir(), 'formats-apply-'));
const specs = join(root, 'specs');
const exportDir = join(root, 'export');
const project = join(root, 'engagement');

function writeFiles(): void {
  mkdirSync(join(specs, 'platforms'), { recursive: true });
  writeFileSync(join(specs, 'platforms', 'acme-zoho.yaml'), PLATFORM);
  writeFileSync(join(specs, 'acme-zoho--dynamics-365-sales.yaml'), PAIR);
  mkdirSync(exportDir, { recursive: true });
  writeFileSync(
    join(exportDir, 'Accounts.csv'),
    'ACCOUNTID,Account Name,Annual Revenue,Created Time\n' +
      'zcrm_4001,Harbour Freight,$342.09K,"16 Apr, 2021 00:02:00"\n' +
      // The day before and the day of the change to summer time, at the same wall-clock noon.
      'zcrm_4002,Kestrel Foods,"$22,700.00 ",2021-03-13 12:00:00\n' +
      'zcrm_4003,Osprey Labs,"\u200b$1,234.56\u00a0",03/14/2021 12:00 PM\n',
  );
  writeFileSync(
    join(exportDir, 'Potentials.csv'),
    'POTENTIALID,Deal Name,ACCOUNTID,Stage,Amount,Currency,Closing Date,Expected Closing Date,Created Time\n' +
      'zcrm_5001,Renewal,zcrm_4001,Closed Won,"1.234,56 €",EUR,15.04.2021,30.04.2021,04/15/2021 11:03 PM\n' +
      'zcrm_5002,Expansion,zcrm_4002,Negotiation,"(1.200,00)",USD,,31.05.2021,2021-04-15 23:03:00\n' +
      'zcrm_5003,Pilot,zcrm_4003,Qualification,"342,09K",,,,"16 Apr, 2021 00:02:00"\n',
  );
}

/** The engagement's own facts about this export: the exporter's zone, one column's number format, the rates. */
function recordEngagementFormats(): void {
  const file = join(project, 'migration.yaml');
  const spec = parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  spec.options = { ...(spec.options as object), timeZone: 'America/New_York', currency: 'USD', rates: [{ code: 'EUR', rate: 1.1 }] };
  spec.formats = [{ object: 'deals', column: 'Amount', decimalSeparator: ',', thousandsSeparator: '.' }];
  writeFileSync(file, stringify(spec));
}

function rows(sql: string): unknown[] {
  const db = new Database(join(project, 'sandbox.db'), { readonly: true });
  try {
    return db.prepare(sql).all();
  } finally {
    db.close();
  }
}

describe('apply on an export whose formats are declared as data', () => {
  beforeAll(async () => {
    writeFiles();
    const init = await (await runCli(['init', project, '--pair', 'acme-zoho--dynamics-365-sales', '--source', exportDir, '--specs', specs]));
    expect(init.exitCode, init.stderr + init.stdout).toBe(0);
    recordEngagementFormats();
  }, 60_000);

  it('given the specs and the engagement, validate finds nothing wrong with the formats', async () => {
    const result = await (await runCli(['validate', '--specs', specs, '--format', 'text']));
    expect(result.stdout).toMatch(/\d+ files checked: 0 errors, 0 warnings\.\n$/);
    expect(result.exitCode).toBe(0);
  });

  it('given discover, reads every date and amount with the same formats as the run: nothing is malformed', async () => {
    const result = await (await runCli(['discover', '--project', project]));
    expect(result.exitCode, result.stderr).toBe(0);
    const discovery = JSON.parse(readFileSync(join(project, 'discovery', 'discovery.json'), 'utf8')) as { findings: unknown[] };
    expect(discovery.findings).toEqual([]);
  }, 60_000);

  it('given apply, loads every row with dates in UTC, amounts read and converted, and the expressions applied', async () => {
    const result = await (await runCli(['apply', '--project', project, '--json']));
    expect(result.exitCode, result.stderr + result.stdout.slice(0, 2000)).toBe(0);

    expect(rows('SELECT name, revenue, overriddencreatedon FROM account ORDER BY name')).toEqual([
      { name: 'Harbour Freight', revenue: 342090, overriddencreatedon: '2021-04-16T04:02:00Z' },
      // EST (UTC-5) the day before the change, EDT (UTC-4) on the day: noon is 17:00 and then 16:00 UTC.
      { name: 'Kestrel Foods', revenue: 22700, overriddencreatedon: '2021-03-13T17:00:00Z' },
      { name: 'Osprey Labs', revenue: 1234.56, overriddencreatedon: '2021-03-14T16:00:00Z' },
    ]);

    expect(
      rows(`SELECT o.name, o.actualvalue, o.estimatedvalue, o.actualclosedate, o.estimatedclosedate, o.opportunityratingcode,
                   o.overriddencreatedon, a.name AS account
            FROM opportunity o JOIN account a ON a.accountid = o.parentaccountid ORDER BY o.name`),
    ).toEqual([
      {
        name: 'Expansion',
        actualvalue: -1200,
        estimatedvalue: -1200,
        actualclosedate: null,
        estimatedclosedate: '2021-05-31T04:00:00Z',
        opportunityratingcode: 1,
        overriddencreatedon: '2021-04-16T03:03:00Z',
        account: 'Kestrel Foods',
      },
      {
        // No currency column value: the object's currency (EUR), converted at 1.1.
        name: 'Pilot',
        actualvalue: 342090,
        estimatedvalue: 376299,
        actualclosedate: null,
        estimatedclosedate: null,
        opportunityratingcode: 3,
        overriddencreatedon: '2021-04-16T04:02:00Z',
        account: 'Osprey Labs',
      },
      {
        name: 'Renewal',
        actualvalue: 1234.56,
        estimatedvalue: 1358.016,
        actualclosedate: '2021-04-15',
        estimatedclosedate: '2021-04-15T04:00:00Z',
        opportunityratingcode: 1,
        overriddencreatedon: '2021-04-16T03:03:00Z',
        account: 'Harbour Freight',
      },
    ]);
  }, 120_000);

  it('given verify after that apply, maps the sampled rows with the same formats and finds no mismatch', async () => {
    const result = await (await runCli(['verify', '--project', project, '--sample', '6']));
    expect(result.exitCode, result.stderr + result.stdout).toBe(0);
  }, 60_000);

  it('given an engagement whose time zone and format column are misspelt, refuses it at those lines with the names meant', async () => {
    const typo = join(root, 'engagement-typo');
    mkdirSync(typo, { recursive: true });
    const yaml = readFileSync(join(project, 'migration.yaml'), 'utf8').replace('America/New_York', 'America/NewYork').replace('column: Amount', 'column: Amout');
    writeFileSync(join(typo, 'migration.yaml'), yaml);
    const result = await (await runCli(['plan', '--project', typo]));
    expect(result.exitCode).toBe(2);
    const lines = (result.stdout + result.stderr).split('\n');
    const zone = lines.find((l) => l.includes('spec/time-zone')) ?? '';
    expect(zone).toMatch(/migration\.yaml:\d+:\d+ error spec\/time-zone Time zone "America\/NewYork" does not exist in the IANA time zone database/);
    expect(zone).toContain('Did you mean "America/New_York"?');
    expect(lines.find((l) => l.includes('spec/unknown-column'))).toMatch(/migration\.yaml:\d+:\d+ warning spec\/unknown-column Column "Amout" .* Did you mean "Amount"\?/);
  }, 60_000);
});
