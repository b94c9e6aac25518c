import { describe, expect, it } from 'vitest';
import { expectBalanced } from '../../e2e/real-exports/export-harness.js';
import { companies } from '../../e2e/safety/small-engagement.js';
import { inProcessEngagement, type InProcessEngagement } from './in-process-engagement.js';

/**
 * Rows whose cells do not line up with the header, as exports written by hand-rolled scripts have them: a row cut
 * in two by a line break inside an unquoted cell, and a row shifted by an unquoted comma. Neither may load with its
 * values in the wrong columns, or with its later columns silently empty: each is skipped and named by line.
 */
describe('apply in process: rows that do not line up with the header', () => {
  it('given two companies cut in two by an unquoted line break, skips all four halves by line and loads the rest', async () => {
    const e = await inProcessEngagement({ companies: companies(6) });
    // A CRLF export whose writer left the LF inside 101's and 102's city unquoted. Every line ending ends a record
    // (the reader cannot tell this LF from a file's own LF endings), so each of those rows reads as two short records.
    e.editExport('companies.csv', (lines) => lines.map((line, i) => (i === 2 || i === 3 ? line.replace(',Leeds,', ',Leeds\nWest Yorkshire,') : line)));

    const report = await e.apply();
    expect(report.loads.find((l) => l.load === 'accounts')).toMatchObject({ sourceRows: 8, created: 4, skipped: 4 });
    // The engine reads 8 records from the 9 lines; csv-parse's own guess (CRLF only) would read 6, so the count is
    // given here rather than taken from it.
    expectBalanced(report, 'companies.csv', 8);
    expect(e.accounts()).toEqual(new Map([['accounts:100', 'Company 100'], ['accounts:103', 'Company 103'], ['accounts:104', 'Company 104'], ['accounts:105', 'Company 105']]));

    const exceptions = e.report('exceptions');
    expect(exceptions.map((r) => [r['file'], r['line'], r['source_key'], r['status']])).toEqual([
      ['companies.csv', '3', '101', 'skipped'],
      ['companies.csv', '4', 'West Yorkshire', 'skipped'],
      ['companies.csv', '5', '102', 'skipped'],
      ['companies.csv', '6', 'West Yorkshire', 'skipped'],
    ]);
    expect(exceptions[0]?.['reason']).toMatch(/^the row ends after 9 of the header's 16 cells, so it has no "State", .*"Last Modified Date": a line break inside an unquoted cell/);
    expect(exceptions[0]?.['column']).toBe('State, Postal Code, Country, Description, Owner Email, Created Date, Last Modified Date');
    expect(exceptions[1]?.['reason']).toMatch(/^the row ends after 8 of the header's 16 cells/);
    // The two continuations share a key, but a row skipped for its shape claims no key: neither is called a repeat.
    expect(report.export?.findings.filter((f) => f.code === 'duplicate-key')).toEqual([]);
    expect(report.export?.findings.find((f) => f.code === 'short-row')).toMatchObject({ file: 'companies.csv', count: 4, lines: [3, 4, 5, 6] });
    // verify reads the rows as the run does: the halves are rightly absent, the rest match.
    await expectVerified(e, { checked: 4, matching: 4, notLoaded: 4 });
  });

  it('given a company name with an unquoted comma, skips that row by line as shifted and loads a whole row with its key', async () => {
    const e = await inProcessEngagement({ companies: companies(3) });
    // 101 is written twice: shifted by the comma on line 3, whole on line 5. The whole row is not its repeat.
    e.editExport('companies.csv', (lines) => [...lines.slice(0, -1).map((line) => line.replace('Company 101', 'Smith, Jones and Co')), lines[2] as string, '']);

    const report = await e.apply();
    expect(report.loads.find((l) => l.load === 'accounts')).toMatchObject({ sourceRows: 4, created: 3, skipped: 1, duplicates: 0 });
    expectBalanced(report, 'companies.csv', 4);
    expect(e.accounts().get('accounts:101')).toBe('Company 101');
    const exceptions = e.report('exceptions');
    expect(exceptions.map((r) => [r['line'], r['source_key'], r['status']])).toEqual([['3', '101', 'skipped']]);
    expect(exceptions[0]?.['reason']).toMatch(/1 more filled cells than the header has columns \(16\)/);
    expect(report.export?.findings.find((f) => f.code === 'wide-row')).toMatchObject({ count: 1, lines: [3] });
    // verify expects the shifted row absent and the whole 101 present, as the run loaded it.
    await expectVerified(e, { checked: 3, matching: 3, notLoaded: 1 });
  });

  it('given a header with an empty trailing column that the rows leave out, loads every row', async () => {
    const e = await inProcessEngagement({ companies: companies(3) });
    // A spreadsheet's stray column: the header has it, the rows stop one cell earlier. No column the load reads is lost.
    e.editExport('companies.csv', ([header, ...rest]) => [`${header as string},`, ...rest]);

    const report = await e.apply();
    expect(report.loads.find((l) => l.load === 'accounts')).toMatchObject({ sourceRows: 3, created: 3, skipped: 0 });
    expectBalanced(report, 'companies.csv', 3);
    expect(report.export?.findings.filter((f) => f.code === 'short-row')).toEqual([]);
  });
});

/** verify over every row of the export finds no mismatch, and counts the companies as given. */
async function expectVerified(e: InProcessEngagement, accounts: { checked: number; matching: number; notLoaded: number }): Promise<void> {
  const verified = await e.verify(100);
  expect(verified.mismatches).toEqual([]);
  expect(verified.loads.find((l) => l.load === 'accounts')).toMatchObject(accounts);
}
