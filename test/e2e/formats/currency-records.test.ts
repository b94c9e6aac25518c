import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse, stringify } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectEveryFileBalanced } from '../real-exports/export-harness.js';
import { jsonResult, runCliAsync as runCli } from '../run-cli.js';
import type { RunReport } from '../../../engine/run/run-report.js';

/*
 * Deals in US dollars and euros, named by a currency column or by the amount's own symbol, and one in pounds that the
 * engagement has no rate for. The pairs map only names and amounts: the destination platforms say where a record's
 * currency goes (Dataverse's transactioncurrencyid lookup, a multi-currency Salesforce org's CurrencyIsoCode), and
 * the source platform says which column names it.
 */
const EXPORT = `id: ledger-deals-export
name: Deals ledger
roles: [source]
summary: One CSV of deals in several currencies.
export:
  method: Saved from a spreadsheet.
  dateFormat: YYYY-MM-DD
  dateTimeFormat: YYYY-MM-DD HH:mm
  references: id
  owners: user-name
objects:
  - name: deals
    label: Deals
    file: deals.csv
    key: Deal Id
    primaryName: Deal
    currencyColumn: Currency
    fields:
      - { name: Deal Id, type: id }
      - { name: Deal, type: text }
      - { name: Amount, type: money }
      - { name: Currency, type: text }
`;

const DEALS =
  'Deal Id,Deal,Amount,Currency\r\n' +
  'D1,Austin pilot,"$1,000.00",USD\r\n' +
  'D2,Dublin fit-out,"2,500.00",EUR\r\n' +
  'D3,Lyon renewal,€300.00,\r\n' +
  'D4,Leeds audit,"£4,000.00",GBP\r\n';

const pair = (destination: string, object: string, name: string, amount: string, extra = ''): string => `id: ledger-deals-export--${destination}
source: ledger-deals-export
destination: ${destination}
summary: Deals in several currencies.
overview: Each deal keeps its own currency.
objects:
  - id: deal
    source: Deal
    destination: ${object}
    mapping: "1:1"
    compatibility: fully-supported
    narrative: Each deal becomes a ${object}.
    loads:
      - id: deals
        from: deals
        to: ${object}
        fields:
          - { from: Deal, to: ${name}, transform: trim }
          - { from: Amount, to: ${amount}, transform: money }${extra}
challenges: []
approach:
  - { title: Load, detail: One load. }
`;

const MULTI_CURRENCY_ORG = `id: acme-multicurrency-org
name: Acme's multi-currency Salesforce org
extends: salesforce-sales-cloud
roles: [destination]
summary: Salesforce Sales Cloud with multi-currency enabled.
objects:
  - name: Opportunity
    label: Opportunity
    fields:
      - { name: CurrencyIsoCode, label: Opportunity Currency, type: picklist, writable: true, options: [{ value: USD, label: U.S. Dollar }, { value: EUR, label: Euro }, { value: GBP, label: British Pound }] }
`;

const root = mkdtempSync(join(tmpdir(), 'currency-records-'));
const specs = join(root, 'specs');
const exportDir = join(root, 'export');

function reportRows(project: string, file: string): Record<string, string>[] {
  return parseCsv(readFileSync(join(project, file), 'utf8'), { columns: true }) as Record<string, string>[];
}

async function engagement(pairId: string, name: string): Promise<string> {
  const project = join(root, name);
  const init = await runCli(['init', project, '--pair', pairId, '--source', exportDir, '--specs', specs]);
  expect(init.exitCode, init.stderr + init.stdout).toBe(0);
  const file = join(project, 'migration.yaml');
  const spec = parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  // One euro is worth 1.25 dollars; pounds have no rate.
  spec.options = { ...(spec.options as object), currency: 'USD', rates: [{ code: 'EUR', rate: 1.25 }], failThreshold: 0.5 };
  writeFileSync(file, stringify(spec));
  return project;
}

beforeAll(() => {
  mkdirSync(join(specs, 'platforms'), { recursive: true });
  writeFileSync(join(specs, 'platforms', 'ledger-deals-export.yaml'), EXPORT);
  writeFileSync(join(specs, 'platforms', 'acme-multicurrency-org.yaml'), MULTI_CURRENCY_ORG);
  writeFileSync(join(specs, 'ledger-deals-export--dynamics-365-sales.yaml'), pair('dynamics-365-sales', 'opportunity', 'name', 'estimatedvalue'));
  writeFileSync(join(specs, 'ledger-deals-export--acme-multicurrency-org.yaml'), pair('acme-multicurrency-org', 'Opportunity', 'Name', 'Amount', '\n          - { to: StageName, value: Prospecting }\n          - { to: CloseDate, value: "2021-06-30" }'));
  mkdirSync(exportDir, { recursive: true });
  writeFileSync(join(exportDir, 'deals.csv'), DEALS);
});

describe('a Dataverse destination, whose currencies are records', () => {
  let project = '';
  beforeAll(async () => {
    project = await engagement('ledger-deals-export--dynamics-365-sales', 'dataverse');
  }, 60_000);

  it('given apply, links each opportunity to the currency record of its own currency, and skips the row in pounds naming its line', async () => {
    const result = await runCli(['apply', '--project', project, '--json']);
    expect(result.exitCode, result.stderr + result.stdout.slice(0, 2000)).toBe(0);
    expectEveryFileBalanced(jsonResult(result.stdout) as RunReport, exportDir);
    const db = new Database(join(project, 'sandbox.db'), { readonly: true });
    try {
      expect(db.prepare('SELECT isocurrencycode, currencyname, exchangerate FROM transactioncurrency ORDER BY isocurrencycode').all()).toEqual([
        { isocurrencycode: 'EUR', currencyname: 'Euro', exchangerate: 0.8 },
        { isocurrencycode: 'USD', currencyname: 'US Dollar', exchangerate: 1 },
      ]);
      const rows = db.prepare('SELECT o.name, o.estimatedvalue, c.isocurrencycode FROM opportunity o JOIN transactioncurrency c ON c.transactioncurrencyid = o.transactioncurrencyid ORDER BY o.name').all();
      expect(rows).toEqual([
        { name: 'Austin pilot', estimatedvalue: 1000, isocurrencycode: 'USD' },
        { name: 'Dublin fit-out', estimatedvalue: 2500, isocurrencycode: 'EUR' },
        { name: 'Lyon renewal', estimatedvalue: 300, isocurrencycode: 'EUR' },
      ]);
    } finally {
      db.close();
    }
    const report = (JSON.parse(result.stdout) as { result: { files: { exceptions: string } } }).result;
    const skipped = reportRows(project, report.files.exceptions).map((r) => [r['file'], r['line'], r['status'], r['reason']]);
    expect(skipped).toEqual([['deals.csv', '5', 'skipped', expect.stringMatching(/^Currency \+ Amount: no exchange rate from GBP to USD: add \{ code: GBP, rate: … \} to options.rates/)]]);
  }, 120_000);

  it('given verify, compares each opportunity\'s currency as the record it links, and finds no mismatch', async () => {
    const result = await runCli(['verify', '--project', project, '--sample', '10', '--json']);
    expect(result.exitCode, result.stderr + result.stdout.slice(0, 2000)).toBe(0);
  }, 120_000);

  it('given a second apply, finds every opportunity unchanged', async () => {
    const result = await runCli(['apply', '--project', project, '--json']);
    expect(result.exitCode, result.stderr + result.stdout.slice(0, 2000)).toBe(0);
    const loads = (JSON.parse(result.stdout) as { result: { loads: { created: number; updated: number; unchanged: number }[] } }).result.loads;
    expect(loads).toEqual([expect.objectContaining({ created: 0, updated: 0, unchanged: 3 })]);
  }, 120_000);
});

describe('a multi-currency Salesforce org', () => {
  let project = '';
  beforeAll(async () => {
    project = await engagement('ledger-deals-export--acme-multicurrency-org', 'salesforce');
  }, 60_000);

  it('given a currency the engagement has no rate for, apply refuses before anything moves, naming the line and the rate to add', async () => {
    const result = await runCli(['apply', '--project', project]);
    expect(result.exitCode).toBe(3);
    expect(result.stdout + result.stderr).toMatch(/deals\.csv:5: Currency \+ Amount value "GBP £4,000\.00" \(1 rows\) cannot be written to Opportunity\.CurrencyIsoCode: no exchange rate from GBP to USD/);
  }, 120_000);

  it('given the rate added and no currency mapping in the pair, fills CurrencyIsoCode from the currency column or the amount', async () => {
    const file = join(project, 'migration.yaml');
    const spec = parse(readFileSync(file, 'utf8')) as { options: { rates: { code: string; rate: number }[] } };
    spec.options.rates.push({ code: 'GBP', rate: 1.4 });
    writeFileSync(file, stringify(spec));
    const result = await runCli(['apply', '--project', project]);
    expect(result.exitCode, result.stderr + result.stdout.slice(0, 2000)).toBe(0);
    const db = new Database(join(project, 'sandbox.db'), { readonly: true });
    try {
      expect(db.prepare('SELECT Name, Amount, CurrencyIsoCode FROM Opportunity ORDER BY Name').all()).toEqual([
        { Name: 'Austin pilot', Amount: 1000, CurrencyIsoCode: 'USD' },
        { Name: 'Dublin fit-out', Amount: 2500, CurrencyIsoCode: 'EUR' },
        { Name: 'Leeds audit', Amount: 4000, CurrencyIsoCode: 'GBP' },
        { Name: 'Lyon renewal', Amount: 300, CurrencyIsoCode: 'EUR' },
      ]);
    } finally {
      db.close();
    }
  }, 120_000);
});
