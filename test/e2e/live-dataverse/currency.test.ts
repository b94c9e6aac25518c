import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledPairsDir, loadCatalog } from '../../../engine/spec/catalog.js';
import { startDataverseEmulator, type DataverseEmulator } from '../../emulators/dataverse/dataverse-emulator.js';
import { runCliAsync } from '../run-cli.js';
import { CLIENT_ID, CLIENT_SECRET, TENANT_ID } from './dataverse-harness.js';

/*
 * A live Dataverse organisation with US dollars and euros enabled, and deals in dollars, euros and pounds (which the
 * engagement has a rate for, but the organisation has not enabled). The pair maps only names and amounts: the
 * platform spec says the currency is a lookup to transactioncurrency, found by its ISO code.
 */
const EXPORT = `id: ledger-deals-export
name: Deals ledger
roles: [source]
summary: One CSV of deals in several currencies.
export: { method: Saved from a spreadsheet., dateFormat: YYYY-MM-DD, dateTimeFormat: YYYY-MM-DD HH:mm, references: id, owners: user-name }
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

const PAIR = `id: ledger-deals-export--dynamics-365-sales
source: ledger-deals-export
destination: dynamics-365-sales
summary: Deals in several currencies.
overview: Each deal keeps its own currency.
objects:
  - id: deal
    source: Deal
    destination: opportunity
    mapping: "1:1"
    compatibility: fully-supported
    narrative: Each deal becomes an opportunity.
    loads:
      - id: deals
        from: deals
        to: opportunity
        fields:
          - { from: Deal, to: name, transform: trim }
          - { from: Amount, to: estimatedvalue, transform: money }
challenges: []
approach:
  - { title: Load, detail: One load. }
`;

const root = mkdtempSync(join(tmpdir(), 'live-dv-currency-'));
const specs = join(root, 'specs');
const exportDir = join(root, 'export');
const project = join(root, 'engagement');
let emulator: DataverseEmulator;
const currencyIds = new Map<string, string>();

describe('a live Dataverse organisation with its own currencies', () => {
  beforeAll(async () => {
    mkdirSync(join(specs, 'platforms'), { recursive: true });
    writeFileSync(join(specs, 'platforms', 'ledger-deals-export.yaml'), EXPORT);
    writeFileSync(join(specs, 'ledger-deals-export--dynamics-365-sales.yaml'), PAIR);
    mkdirSync(exportDir, { recursive: true });
    writeFileSync(join(exportDir, 'deals.csv'), 'Deal Id,Deal,Amount,Currency\nD1,Austin pilot,"$1,000.00",USD\nD2,Dublin fit-out,"2,500.00",EUR\nD3,Leeds audit,"4,000.00",GBP\n');
    const spec = (await loadCatalog([bundledPairsDir()])).platforms.get('dynamics-365-sales')?.spec;
    if (spec === undefined) throw new Error('no bundled Dynamics 365 spec');
    emulator = await startDataverseEmulator({
      spec,
      users: [{ email: 'dana@acme.example', name: 'Dana Reyes' }],
      sourceKeyObjects: ['opportunity'],
      clients: [{ tenantId: TENANT_ID, clientId: CLIENT_ID, secret: CLIENT_SECRET }],
      latencyMs: 1,
    });
    for (const [code, name, rate] of [['USD', 'US Dollar', 1], ['EUR', 'Euro', 0.8]] as const) {
      currencyIds.set(code, emulator.store.seed('transactioncurrency', { isocurrencycode: code, currencyname: name, exchangerate: rate }));
    }
    mkdirSync(project, { recursive: true });
    writeFileSync(
      join(project, 'migration.yaml'),
      `pair: ledger-deals-export--dynamics-365-sales\nsource: ../export\ntarget: dataverse:${emulator.url}\nspecs: [../specs]\n` +
        'users:\n  - { email: dana@acme.example, name: Dana Reyes }\n' +
        'options:\n  currency: USD\n  failThreshold: 0.5\n  rates: [{ code: EUR, rate: 1.25 }, { code: GBP, rate: 1.4 }]\n',
    );
  }, 60_000);

  afterAll(async () => {
    await emulator?.close();
  });

  it('given apply, links each opportunity to the organisation\'s currency record, and fails the one in a currency it has not enabled, naming it', async () => {
    const env = { DATAVERSE_TENANT_ID: TENANT_ID, DATAVERSE_CLIENT_ID: CLIENT_ID, DATAVERSE_CLIENT_SECRET: CLIENT_SECRET, DATAVERSE_AUTHORITY_HOST: emulator.url };
    const result = await runCliAsync(['apply', '--project', project, '--json'], { env });
    expect(result.exitCode, result.stderr + result.stdout.slice(0, 2000)).toBe(0);
    const rows = [...emulator.store.tableOf('opportunity').rows.values()].map((r) => [r['name'], r['estimatedvalue'], r['transactioncurrencyid']]);
    expect(rows.sort()).toEqual([
      ['Austin pilot', 1000, currencyIds.get('USD')],
      ['Dublin fit-out', 2500, currencyIds.get('EUR')],
    ]);
    const report = (JSON.parse(result.stdout) as { result: { files: { exceptions: string } } }).result;
    const failed = (parseCsv(readFileSync(join(project, report.files.exceptions), 'utf8'), { columns: true }) as Record<string, string>[]).map((r) => [r['file'], r['line'], r['reason']]);
    expect(failed).toEqual([['deals.csv', '4', 'Currency GBP is not enabled in the destination (no transactioncurrency record with isocurrencycode GBP).']]);
  }, 120_000);
});
