import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { killHalfway } from '../kill-apply.js';
import { COMPANY_HEADER, OWNER, company, engagementWith, expectEveryFileBalanced, json, lines, reportRows } from './export-harness.js';
import type { RunReport } from '../../../engine/run/run-report.js';

/**
 * The two kinds of run whose mapping thread mostly passes rows over, on exports written by hand: a delta, which finds
 * most rows unchanged, and a run resumed after a kill, which finds the rows its killed attempt wrote. Every row must
 * still end in the destination or in a report, and every file must balance.
 */
describe('a delta over an export edited by hand', () => {
  const rows = ['1', '2', '3', '4', '5'].map((id) => company(id, `Company ${id}`));
  const { project, exportDir } = engagementWith({ 'companies.csv': lines(COMPANY_HEADER, rows) });

  it('given a renamed row, a deleted row, a new row and one whose owner left, moves only those and names each', async () => {
    expect((await json<RunReport>(['apply', '--project', project])).exitCode).toBe(0);
    const edited = [
      company('1', 'Company 1'),
      company('2', 'Company Two').replace('03/15/2022 10:00', '07/01/2022 10:00'),
      company('3', 'Company 3'),
      company('4', 'Company 4 Moved').replace('03/15/2022 10:00', '07/01/2022 11:00').replace(OWNER, 'gone@acme.example'),
      company('6', 'Company 6'),
    ];
    writeFileSync(join(exportDir, 'companies.csv'), lines(COMPANY_HEADER, edited));

    const run = await json<RunReport>(['apply', '--delta', '--project', project]);
    expect(run.exitCode, run.raw.stderr).toBe(0);
    const report = run.result!;
    expectEveryFileBalanced(report, exportDir);
    const load = report.loads[0]!;
    expect([load.created, load.updated, load.unchanged, load.held, load.removed]).toEqual([1, 1, 2, 1, 1]);
    const held = reportRows(project, report.files.exceptions);
    expect(held.map((e) => [e['file'], e['line'], e['status'], e['source_key']])).toEqual([['companies.csv', '5', 'held', '4']]);
    expect(reportRows(project, report.files.removed).map((r) => r['source_key'])).toEqual(['5']);
  });
});

describe('an apply of an export written by hand, killed halfway and resumed', () => {
  // 400 companies: company 3's row has no key, company 7's owner is no destination user. Both lie in the part the
  // killed attempt gets through, which the resumed run passes over.
  const rows = Array.from({ length: 400 }, (_, i) => company(String(i + 1), `Company ${i + 1}`));
  rows[2] = (rows[2] as string).replace(/^3,/, ',');
  rows[6] = (rows[6] as string).replace(OWNER, 'gone@acme.example');
  // Batches of 4, so that the run lasts long enough to be killed in the middle.
  const { project, exportDir } = engagementWith({ 'companies.csv': lines(COMPANY_HEADER, rows) }, 'options:\n  batchSize: 4\n');

  it('given the resumed run, reports the rows the killed attempt could not load again, by line, and balances', async () => {
    const seen = await killHalfway(project, 200);
    expect(seen).toBeGreaterThanOrEqual(200);
    expect(seen).toBeLessThan(398);

    const run = await json<RunReport>(['apply', '--project', project]);
    expect(run.exitCode, run.raw.stderr).toBe(0);
    const report = run.result!;
    expect(report.resumed).toBe(true);
    expectEveryFileBalanced(report, exportDir);
    const load = report.loads[0]!;
    expect([load.created, load.unchanged, load.skipped, load.held]).toEqual([398, 0, 1, 1]);
    const exceptions = reportRows(project, report.files.exceptions);
    expect(exceptions.map((e) => [e['line'], e['status']])).toEqual([
      ['4', 'skipped'],
      ['8', 'held'],
    ]);
    const success = reportRows(project, report.files.success);
    expect(success.length).toBe(398);
    expect(new Set(success.map((s) => s['source_key'])).size).toBe(398);
    expect(success.every((s) => s['action'] === 'created')).toBe(true);
  });
});
