import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Discovery } from '../../../engine/discover/discovery.js';
import {
  COMPANY_HEADER,
  CONTACT_HEADER,
  DEAL_HEADER,
  NOTE_HEADER,
  apply,
  company,
  contact,
  deal,
  engagementWith,
  expectBalanced,
  json,
  lines,
  note,
  OWNER,
  checksum,
  reportRows,
} from './export-harness.js';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

async function discover(project: string): Promise<Discovery> {
  const run = await json<{ discovery: Discovery } & Discovery>(['discover', '--project', project]);
  expect(run.exitCode, run.raw.stderr).toBe(0);
  const result = run.result as { discovery?: Discovery } & Discovery;
  return result.discovery ?? result;
}

describe('rows that share a source key', () => {
  // 10 rows; lines 10 and 11 repeat the key of line 4 (company 3): one identical copy, one that differs.
  const rows = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => company(String(n), `Company ${n}`));
  rows.push(company('3', 'Company 3'), company('3', 'Company Three Renamed'));
  const { project } = engagementWith({ 'companies.csv': lines(COMPANY_HEADER, rows) });

  it('given discover, names the repeats with their lines before anything moves', async () => {
    const found = (await discover(project)).shape.warnings.filter((w) => w.code === 'duplicate-key');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: 'companies.csv', load: 'accounts', count: 2, lines: [10, 11] });
    expect(found[0]?.message).toContain('1 identical, 1 conflicting');
  });

  it('given apply, loads 8 records and reports 2 lines, each naming the line it repeats', async () => {
    const run = await apply(project);
    expect(run.exitCode, run.raw.stdout + run.raw.stderr).toBe(0);
    const report = run.result!;
    const account = expectBalanced(report, 'companies.csv', 10);
    expect(account.loads[0]).toMatchObject({ load: 'accounts', created: 8, duplicates: 2 });
    const repeats = reportRows(project, report.files.exceptions).filter((e) => e['status'] === 'duplicate');
    expect(repeats.map((e) => [e['line'], e['source_key']])).toEqual([
      ['10', '3'],
      ['11', '3'],
    ]);
    expect(repeats.map((e) => e['reason'])).toEqual([
      'repeats the source key of line 4 (an identical row)',
      'repeats the source key of line 4 (the rows differ)',
    ]);

    // The success file: one line per record the destination took, with the id it has there.
    const loaded = reportRows(project, report.files.success);
    expect(loaded.map((r) => [r['line'], r['source_key'], r['action']])).toEqual([2, 3, 4, 5, 6, 7, 8, 9].map((line) => [String(line), String(line - 1), 'created']));
    expect(loaded.every((r) => /^[0-9a-f-]{36}$/.test(r['dest_id'] ?? ''))).toBe(true);
  });

  it('given the duplicates policy "last", loads the last row of the key and reports the earlier ones', async () => {
    const last = engagementWith({ 'companies.csv': lines(COMPANY_HEADER, rows) }, 'options:\n  duplicates: last\n');
    const report = (await apply(last.project)).result!;
    expectBalanced(report, 'companies.csv', 10);
    const repeats = reportRows(last.project, report.files.exceptions).filter((e) => e['status'] === 'duplicate');
    expect(repeats.map((e) => [e['line'], e['reason']])).toEqual([
      ['4', 'repeats the source key of line 11 (the rows differ)'],
      ['10', 'repeats the source key of line 11 (the rows differ)'],
    ]);
  });
});

describe('rows that share a source key, held for a person', () => {
  const rows = [1, 2, 3, 4, 5].map((n) => company(String(n), `Company ${n}`));
  rows.push(company('3', 'Company Three Renamed'));

  it('given the duplicates policy "hold", loads neither row of the key, and verify counts them as rightly absent', async () => {
    const held = engagementWith({ 'companies.csv': lines(COMPANY_HEADER, rows) }, 'options:\n  duplicates: hold\n');
    const report = (await apply(held.project)).result!;
    const account = expectBalanced(report, 'companies.csv', 6);
    expect(account.loads[0]).toMatchObject({ created: 4, held: 2, duplicates: 0 });
    const verified = await json<{ loads: { load: string; checked: number; matching: number; notLoaded: number; mismatching: number }[] }>(['verify', '--project', held.project, '--sample', '100']);
    expect(verified.exitCode, verified.raw.stdout + verified.raw.stderr).toBe(0);
    // Six rows, five keys: the reservoir keeps one row per key; key 3 was held, so it is expected to be absent.
    expect(verified.result?.loads.find((l) => l.load === 'accounts')).toMatchObject({ checked: 4, matching: 4, notLoaded: 1, mismatching: 0 });
  });
});

describe('files the pair does not read, and files that are empty or missing', () => {
  const { project } = engagementWith({
    'companies.csv': lines(COMPANY_HEADER, [company('1', 'Acme')]),
    'contacts.csv': '',
    'campaigns.csv': lines('Campaign ID,Name', ['1,Spring', '2,Summer', '3,Autumn', '4,Winter', '5,Launch']),
    'NUL.bin': Buffer.alloc(64),
  });

  it('given discover, lists the file not in scope with its rows, the empty file and the missing ones', async () => {
    const shape = (await discover(project)).shape;
    expect(shape.notInScope).toEqual([
      { file: 'NUL.bin', rows: null, reason: 'not a CSV file, so not read' },
      { file: 'campaigns.csv', rows: 5, reason: 'not a file of the Smart CRM Online export this pair describes' },
    ]);
    expect(shape.warnings.filter((w) => w.code === 'empty-file').map((w) => w.file)).toEqual(['contacts.csv']);
    expect(shape.warnings.filter((w) => w.code === 'missing-file').map((w) => w.file).sort()).toEqual(['activities.csv', 'attachments.csv', 'deals.csv', 'notes.csv']);
  });

  it('given apply, loads what is there, says what was not in scope, and balances the empty file at 0 rows', async () => {
    const report = (await apply(project)).result!;
    expect(report.export?.notInScope.map((f) => [f.file, f.rows])).toEqual([
      ['NUL.bin', null],
      ['campaigns.csv', 5],
    ]);
    expectBalanced(report, 'companies.csv', 1);
    expectBalanced(report, 'contacts.csv', 0);
  });
});

describe('headers as other systems write them', () => {
  it('given a CRLF header over LF rows, loads all 45 companies', async () => {
    const rows = Array.from({ length: 45 }, (_, i) => company(String(i + 1), `Company ${i + 1}`));
    const { project } = engagementWith({ 'companies.csv': `${COMPANY_HEADER}\r\n${rows.join('\n')}\n` });
    const report = (await apply(project)).result!;
    expect(expectBalanced(report, 'companies.csv', 45).loads[0]?.created).toBe(45);
  });

  it('given a lower-cased header, loads every row and notes the spelling', async () => {
    const { project } = engagementWith({ 'companies.csv': lines(COMPANY_HEADER.toLowerCase(), [company('1', 'Acme'), company('2', 'Globex')]) });
    const variants = (await discover(project)).shape.notes.filter((n) => n.code === 'header-variant');
    expect(variants.length).toBe(COMPANY_HEADER.split(',').length);
    const report = (await apply(project)).result!;
    expect(expectBalanced(report, 'companies.csv', 2).loads[0]?.created).toBe(2);
  });

  it('given a header naming a mapped column twice, refuses to start (exit 3) and writes nothing', async () => {
    const { project } = engagementWith({ 'companies.csv': lines(`${COMPANY_HEADER},Company Name`, [`${company('1', 'Acme')},Acme Again`]) });
    const run = await apply(project);
    expect(run.exitCode).toBe(3);
    expect(run.result?.blockers.join('\n')).toContain('companies.csv:1: the header names "Company Name" in 2 columns (2, 17)');
    expect(existsSync(join(project, 'sandbox.db'))).toBe(false);
    expect(existsSync(join(project, 'ledger.db'))).toBe(false);
  });

  it('given a file lacking a column the load cannot do without (the owner), plan and apply block on it with a did-you-mean', async () => {
    const header = COMPANY_HEADER.replace('Owner Email', 'Owner E-mail');
    const { project } = engagementWith({ 'companies.csv': lines(header, [company('1', 'Acme')]) });
    const expected = 'companies.csv:1: accounts reads column "Owner Email", which the file does not have. Did you mean "Owner E-mail"?';
    expect((await discover(project)).shape.blockers.map((b) => `${b.file}:1: ${b.message}`)).toContain(expected);
    const plan = await json<{ blockers: string[] }>(['plan', '--project', project]);
    expect(plan.exitCode).toBe(2);
    const run = await apply(project);
    expect(run.exitCode).toBe(3);
    expect(run.result?.blockers).toContain(expected);
  });

  it('given a file lacking an optional column, loads every row without it and says so once for the file', async () => {
    const header = COMPANY_HEADER.replace('Website,', '');
    const row = (id: string, name: string): string => company(id, name).replace(/,https:[^,]*,/, ',');
    const { project } = engagementWith({ 'companies.csv': lines(header, [row('1', 'Acme'), row('2', 'Globex')]) });
    const report = (await apply(project)).result!;
    expect(expectBalanced(report, 'companies.csv', 2).loads[0]?.created).toBe(2);
    const warning = report.export?.findings.find((f) => f.code === 'missing-column');
    expect(warning?.message).toBe('accounts reads column "Website", which the file does not have: websiteurl stays blank on every record');
  });

  it('given a file of NUL bytes where companies.csv should be, refuses to start and names it', async () => {
    const { project } = engagementWith({ 'companies.csv': Buffer.alloc(200) });
    const run = await apply(project);
    expect(run.exitCode).toBe(3);
    expect(run.result?.blockers.join('\n')).toMatch(/^companies\.csv: the file holds NUL bytes/);
  });
});

describe('one bad value in an optional field', () => {
  const { project } = engagementWith({
    'companies.csv': lines(COMPANY_HEADER, [
      company('1', 'Acme', { website: 'www.acme .example' }),
      company('2', 'Globex', { created: '31/31/2022 25:00' }),
      company('3', 'Initech', { industry: 'Aerospace' }),
      company('4', 'Umbrella'),
    ]),
  });

  it('given discover, warns of the value the value table refuses, with its count and line', async () => {
    const refused = (await discover(project)).shape.warnings.filter((w) => w.code === 'refused-value');
    expect(refused.map((r) => [r.column, r.value, r.count, r.lines])).toEqual([['Industry', 'Aerospace', 1, [4]]]);
  });

  it('given apply, loads every row with that field blank, and lists each blanked value by line and column', async () => {
    const report = (await apply(project)).result!;
    expect(expectBalanced(report, 'companies.csv', 4).loads[0]?.created).toBe(4);
    const blanked = reportRows(project, report.files.blanked);
    expect(blanked.map((b) => [b['line'], b['column'], b['attribute'], b['value']])).toEqual([
      ['2', 'Website', 'websiteurl', 'www.acme .example'],
      ['3', 'Created Date', 'overriddencreatedon', '31/31/2022 25:00'],
      ['4', 'Industry', 'industrycode', 'Aerospace'],
    ]);
    expect(report.loads[0]?.fieldsBlanked).toBe(3);
  });
});

describe('lookups that are not a clean match', () => {
  const { project } = engagementWith({
    'companies.csv': lines(COMPANY_HEADER, [company('1', 'Acme'), company('2', 'Globex'), company('3', 'Initech').replace(OWNER, 'gone@acme.example')]),
    'contacts.csv': lines(CONTACT_HEADER, [contact('11', 'One', 'one@acme.example', '1'), contact('12', 'Two', 'shared@acme.example', '1'), contact('13', 'Three', 'shared@acme.example', '2'), contact('14', 'Four', 'four@acme.example', '3')]),
    'deals.csv': lines(DEAL_HEADER, [deal('21', 'Renewal', '1', 'nobody@acme.example')]),
    'notes.csv': lines(NOTE_HEADER, [note('31', 'ghost@acme.example', '', '1'), note('32', 'shared@acme.example', '', '2'), note('33', '', '', '99'), note('34', 'one@acme.example', '', '')]),
  });

  it('given apply, itemises each one with file, line, column, value, targets and what the run did', async () => {
    const report = (await apply(project)).result!;
    expectBalanced(report, 'notes.csv', 4);
    expectBalanced(report, 'deals.csv', 1);
    const issues = reportRows(project, report.files.lookups).map((r) => [r['file'], r['line'], r['column'], r['value'], r['problem'], r['outcome']]);
    expect(issues).toEqual([
      ['contacts.csv', '5', 'Company ID', '3', 'not-loaded', 'held'],
      ['deals.csv', '2', 'Contact Email', 'nobody@acme.example', 'missing', 'blanked'],
      ['notes.csv', '2', 'Contact Email', 'ghost@acme.example', 'missing', 'fallback: Company ID'],
      ['notes.csv', '3', 'Contact Email', 'shared@acme.example', 'ambiguous', 'fallback: Company ID'],
      ['notes.csv', '4', 'Company ID', '99', 'missing', 'held'],
    ]);
    expect(report.loads.find((l) => l.load === 'notes')).toMatchObject({ created: 3, held: 1, lookupIssues: 3 });
    // The contact is held because its company was: the reason says so, with the company's own line and reason.
    const held = reportRows(project, report.files.exceptions).find((e) => e['file'] === 'contacts.csv');
    expect(held?.['reason']).toBe('Company ID: the accounts row with key "3" did not load (companies.csv:4 was held: owner "gone@acme.example" has no user in the destination)');
  });
});

describe('a file the CSV parser cannot read', () => {
  it('given an unterminated quote, exits 2 naming file and line, and leaves the destination and ledger as they were', async () => {
    const good = [company('1', 'Acme'), company('2', 'Globex'), company('3', 'Initech')];
    const { project, exportDir } = engagementWith({ 'companies.csv': lines(COMPANY_HEADER, good) });
    expect((await apply(project)).exitCode).toBe(0);
    const before = [checksum(join(project, 'sandbox.db')), checksum(join(project, 'ledger.db'))];
    writeFileSync(join(exportDir, 'companies.csv'), lines(COMPANY_HEADER, [...good, company('4', 'Umbrella'), '5,"Hooli, Inc,https://hooli.example']));
    const run = await apply(project);
    expect(run.exitCode).toBe(2);
    expect(run.error).toMatchObject({ file: 'companies.csv', line: 6 });
    expect(run.error?.message).toContain('a quoted value starts here and is never closed');
    expect([checksum(join(project, 'sandbox.db')), checksum(join(project, 'ledger.db'))]).toEqual(before);
    expect(readdirSync(join(project, 'runs'))).toEqual(['1']);
  });
});

describe('files and headers named the way this export names them', () => {
  it('given timestamped file names, reads the newest, reports the older one as not read, and loads its rows', async () => {
    const { project } = engagementWith({
      'companies_2026-01-05_0900.csv': lines(COMPANY_HEADER, [company('1', 'Old Acme')]),
      'companies_2026-09-28_1157.csv': lines(COMPANY_HEADER, [company('1', 'Acme'), company('2', 'Globex')]),
    });
    const report = (await apply(project)).result!;
    expect(expectBalanced(report, 'companies_2026-09-28_1157.csv', 2).loads[0]?.created).toBe(2);
    expect(report.export?.notInScope).toEqual([{ file: 'companies_2026-01-05_0900.csv', rows: 1, reason: 'another file for company; companies_2026-09-28_1157.csv was read instead' }]);
  });

  it('given translated headers and the engagement naming the file and its headers, reads them as the spec names them', async () => {
    const spanish = COMPANY_HEADER.replace('Company ID', 'ID de empresa').replace('Company Name', 'Nombre de la empresa');
    const { project } = engagementWith(
      { 'Empresas.csv': lines(spanish, [company('1', 'Acme'), company('2', 'Globex')]) },
      'files:\n  - object: company\n    file: Empresas.csv\n    headers: { "ID de empresa": Company ID, "Nombre de la empresa": Company Name }\n',
    );
    const report = (await apply(project)).result!;
    expect(expectBalanced(report, 'Empresas.csv', 2).loads[0]?.created).toBe(2);
    const notes = report.export?.findings.filter((f) => f.code === 'header-variant').map((f) => f.column);
    expect(notes).toEqual(['Company ID', 'Company Name']);
  });
});

describe('rows held for an unknown owner, then answered in the queue', () => {
  // Company 3's owner is no destination user: it is held, and so is contact 14, whose company it is.
  const { project } = engagementWith({
    'companies.csv': lines(COMPANY_HEADER, [company('1', 'Acme'), company('2', 'Globex'), company('3', 'Initech').replace(OWNER, 'gone@acme.example')]),
    'contacts.csv': lines(CONTACT_HEADER, [contact('11', 'One', 'one@acme.example', '1'), contact('14', 'Four', 'four@acme.example', '3')]),
  });

  it('given a first run, holds both by line; given the owner answered, the rerun loads both, once, and keeps the answer', async () => {
    const first = (await apply(project)).result!;
    expectBalanced(first, 'companies.csv', 3);
    expectBalanced(first, 'contacts.csv', 2);
    expect(reportRows(project, first.files.exceptions).map((e) => [e['file'], e['line'], e['status']])).toEqual([
      ['companies.csv', '4', 'held'],
      ['contacts.csv', '3', 'held'],
    ]);
    expect(reportRows(project, 'queues/orphans.csv').map((r) => [r['file'], r['line'], r['source_key']])).toEqual([['contacts.csv', '3', '14']]);
    const owners = join(project, 'queues', 'owners.csv');
    expect(reportRows(project, 'queues/owners.csv').map((r) => [r['owner'], r['records']])).toEqual([['gone@acme.example', '1']]);
    writeFileSync(owners, readFileSync(owners, 'utf8').replace(/,$/m, `,${OWNER}`));

    const rerun = (await apply(project)).result!;
    expectBalanced(rerun, 'companies.csv', 3);
    expectBalanced(rerun, 'contacts.csv', 2);
    expect(rerun.loads.filter((l) => l.sourceRows > 0).map((l) => [l.load, l.created, l.unchanged, l.held])).toEqual([
      ['accounts', 1, 2, 0],
      ['contacts', 1, 1, 0],
    ]);
    expect(rerun.files.exceptions).toBeUndefined();
    // The answer that worked stays in the queue for later runs; the orphan, now linked, is gone from it.
    expect(reportRows(project, 'queues/owners.csv').map((r) => [r['owner'], r['resolution']])).toEqual([['gone@acme.example', OWNER]]);
    expect(reportRows(project, 'queues/orphans.csv')).toEqual([]);
  });
});
