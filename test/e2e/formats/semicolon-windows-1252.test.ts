import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { runCliAsync as runCli } from '../run-cli.js';

/*
 * What a SuiteCRM-style exporter in a German locale writes: `;` between cells, every value quoted, CRLF, Windows-1252
 * bytes (no BOM), decimal commas. The platform spec declares the delimiter and the encoding; nothing else is needed.
 */
const PLATFORM = `id: kontor-crm-export
name: Kontor CRM export
roles: [source]
summary: A German CRM whose export is Excel-flavoured CSV.
export:
  method: Export per module.
  delimiter: ";"
  encoding: windows-1252
  dateFormat: DD.MM.YYYY
  dateTimeFormat: DD.MM.YYYY HH:mm
  decimalSeparator: ","
  thousandsSeparator: "."
  currency: EUR
  references: id
  owners: user-name
objects:
  - name: firmen
    label: Firmen
    file: Firmen.csv
    key: Firmen-ID
    primaryName: Firmenname
    fields:
      - { name: Firmen-ID, type: id }
      - { name: Firmenname, type: text }
      - { name: Stadt, type: text }
      - { name: Jahresumsatz, type: money }
`;

const PAIR = `id: kontor-crm-export--salesforce-sales-cloud
source: kontor-crm-export
destination: salesforce-sales-cloud
summary: Firms into accounts.
overview: Each firm becomes an account.
objects:
  - id: firm
    source: Firma
    destination: Account
    mapping: "1:1"
    compatibility: fully-supported
    narrative: Each firm becomes an account.
    loads:
      - id: accounts
        from: firmen
        to: Account
        fields:
          - { from: Firmenname, to: Name, transform: trim }
          - { from: Stadt, to: BillingCity, transform: trim }
          - { from: Jahresumsatz, to: AnnualRevenue, transform: money }
challenges: []
approach:
  - { title: Load, detail: One load. }
`;

describe('a ;-delimited Windows-1252 export', () => {
  it('given apply, loads every firm with its accents and decimal-comma amounts intact', async () => {
    const root = mkdtempSync(join(tmpdir(), 'semicolon-1252-'));
    const specs = join(root, 'specs');
    const exportDir = join(root, 'export');
    const project = join(root, 'engagement');
    mkdirSync(join(specs, 'platforms'), { recursive: true });
    writeFileSync(join(specs, 'platforms', 'kontor-crm-export.yaml'), PLATFORM);
    writeFileSync(join(specs, 'kontor-crm-export--salesforce-sales-cloud.yaml'), PAIR);
    mkdirSync(exportDir, { recursive: true });
    const text =
      '"Firmen-ID";"Firmenname";"Stadt";"Jahresumsatz"\r\n' +
      '"F1";"Müller & Söhne GmbH";"Köln";"1.234,56 €"\r\n' +
      '"F2";"Café Größenwahn";"München";"(2.000,00)"\r\n' +
      '"F3";"Ærø Handel; Nord";"Flensburg";"342,09K"\r\n';
    writeFileSync(join(exportDir, 'Firmen.csv'), iconv.encode(text, 'windows-1252'));
    const init = await runCli(['init', project, '--pair', 'kontor-crm-export--salesforce-sales-cloud', '--source', exportDir, '--specs', specs]);
    expect(init.exitCode, init.stderr + init.stdout).toBe(0);
    const result = await runCli(['apply', '--project', project]);
    expect(result.exitCode, result.stderr + result.stdout.slice(0, 2000)).toBe(0);
    const db = new Database(join(project, 'sandbox.db'), { readonly: true });
    try {
      expect(db.prepare('SELECT Name, BillingCity, AnnualRevenue FROM Account ORDER BY Name').all()).toEqual([
        { Name: 'Café Größenwahn', BillingCity: 'München', AnnualRevenue: -2000 },
        { Name: 'Müller & Söhne GmbH', BillingCity: 'Köln', AnnualRevenue: 1234.56 },
        { Name: 'Ærø Handel; Nord', BillingCity: 'Flensburg', AnnualRevenue: 342090 },
      ]);
    } finally {
      db.close();
    }
  }, 120_000);
});
