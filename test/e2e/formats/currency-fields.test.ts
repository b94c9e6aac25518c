import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { parse, stringify } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCliAsync as runCli } from '../run-cli.js';

/*
 * A multi-currency Salesforce org: its Opportunity has CurrencyIsoCode (only multi-currency orgs do, so the bundled
 * spec leaves it out and the org's own spec extends it). Deals keep their own currency, named by a currency column,
 * by the amount's symbol, or by nothing (the engagement's currency). A closed deal's close date is its actual one,
 * an open deal's the expected one.
 */
const ORG = `id: acme-multicurrency-salesforce
name: Acme's multi-currency Salesforce org
extends: salesforce-sales-cloud
roles: [destination]
summary: Salesforce Sales Cloud with multi-currency enabled.
objects:
  - name: Opportunity
    label: Opportunity
    fields:
      - name: CurrencyIsoCode
        label: Opportunity Currency
        type: picklist
        writable: true
        options: [{ value: USD, label: U.S. Dollar }, { value: EUR, label: Euro }, { value: GBP, label: British Pound }]
`;

const EXPORT = `id: acme-deals-export
name: Acme's deals spreadsheet
roles: [source]
summary: One CSV of deals kept by hand.
export:
  method: Saved from a spreadsheet.
  dateFormat: MM/DD/YYYY
  dateTimeFormat: MM/DD/YYYY hh:mm A
  references: id
  owners: user-name
objects:
  - name: deals
    label: Deals
    file: deals.csv
    key: Deal Id
    primaryName: Deal
    fields:
      - { name: Deal Id, type: id }
      - { name: Deal, type: text }
      - { name: Status, type: picklist }
      - { name: Amount, type: money }
      - { name: Currency, type: text }
      - { name: Closed On, type: date }
      - { name: Expected Close, type: date }
`;

const PAIR = `id: acme-deals-export--acme-multicurrency-salesforce
source: acme-deals-export
destination: acme-multicurrency-salesforce
summary: Deals into a multi-currency org.
overview: Each deal keeps its amount in its own currency.
objects:
  - id: deal
    source: Deal
    destination: Opportunity
    mapping: "1:1"
    compatibility: fully-supported
    narrative: Each deal becomes an opportunity.
    loads:
      - id: opportunities
        from: deals
        to: Opportunity
        fields:
          - { from: Deal, to: Name, transform: trim }
          - { from: Status, to: StageName, transform: { name: if, in: [won], value: Closed Won, otherwise: Prospecting } }
          - { from: [Closed On, Expected Close], to: CloseDate, transform: [first-non-empty, date] }
          - { from: Amount, to: Amount, transform: money }
          - { from: [Currency, Amount], to: CurrencyIsoCode, transform: currency }
challenges: []
approach:
  - { title: Load, detail: One load. }
`;

const root = mkdtempSync(join(tmpdir(), 'formats-currency-'));
const specs = join(root, 'specs');
const exportDir = join(root, 'export');
const project = join(root, 'engagement');

describe('currency fields of a multi-currency destination', () => {
  beforeAll(async () => {
    mkdirSync(join(specs, 'platforms'), { recursive: true });
    writeFileSync(join(specs, 'platforms', 'acme-multicurrency-salesforce.yaml'), ORG);
    writeFileSync(join(specs, 'platforms', 'acme-deals-export.yaml'), EXPORT);
    writeFileSync(join(specs, 'acme-deals-export--acme-multicurrency-salesforce.yaml'), PAIR);
    mkdirSync(exportDir, { recursive: true });
    writeFileSync(
      join(exportDir, 'deals.csv'),
      'Deal Id,Deal,Status,Amount,Currency,Closed On,Expected Close\r\n' +
        'D1,Dublin fit-out,won,"€12,500.00",,04/30/2021,05/15/2021\r\n' +
        'D2,Leeds renewal,open,"£4,000.00",GBP,,06/30/2021\r\n' +
        'D3,Austin pilot,open,$342.09K,,,07/01/2021\r\n' +
        'D4,Boston audit,won,"(1,200.00)",usd,03/01/2021,\r\n',
    );
    const init = await runCli(['init', project, '--pair', 'acme-deals-export--acme-multicurrency-salesforce', '--source', exportDir, '--specs', specs]);
    expect(init.exitCode, init.stderr + init.stdout).toBe(0);
    const file = join(project, 'migration.yaml');
    const spec = parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    spec.options = { ...(spec.options as object), currency: 'USD' };
    writeFileSync(file, stringify(spec));
  }, 60_000);

  it('given apply, writes each deal with its own ISO currency, its amount as written and its close date', async () => {
    const result = await runCli(['apply', '--project', project]);
    expect(result.exitCode, result.stderr + result.stdout.slice(0, 2000)).toBe(0);
    const db = new Database(join(project, 'sandbox.db'), { readonly: true });
    try {
      expect(db.prepare('SELECT Name, StageName, CloseDate, Amount, CurrencyIsoCode FROM Opportunity ORDER BY Name').all()).toEqual([
        { Name: 'Austin pilot', StageName: 'Prospecting', CloseDate: '2021-07-01', Amount: 342090, CurrencyIsoCode: 'USD' },
        { Name: 'Boston audit', StageName: 'Closed Won', CloseDate: '2021-03-01', Amount: -1200, CurrencyIsoCode: 'USD' },
        { Name: 'Dublin fit-out', StageName: 'Closed Won', CloseDate: '2021-04-30', Amount: 12500, CurrencyIsoCode: 'EUR' },
        { Name: 'Leeds renewal', StageName: 'Prospecting', CloseDate: '2021-06-30', Amount: 4000, CurrencyIsoCode: 'GBP' },
      ]);
    } finally {
      db.close();
    }
  }, 120_000);
});
