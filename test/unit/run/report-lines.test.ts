import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectEveryFileBalanced } from '../../e2e/real-exports/export-harness.js';
import { companies } from '../../e2e/safety/small-engagement.js';
import { inProcessEngagement, refusing } from './in-process-engagement.js';

/**
 * A row that cannot move is reported at the line it starts on, even after rows whose quoted cells span lines: the
 * reader numbers records a chunk at a time, and counts the breaks inside cells only where a chunk has any.
 */
describe('apply in process: report lines after multi-line cells', () => {
  it('given two companies whose city spans two lines before one the sandbox refuses, reports the refused row at its own line and balances', async () => {
    const e = await inProcessEngagement({ companies: companies(6) });
    // Rewritten by hand as an export that quotes its multi-line cells: 101 and 102 take two lines each (an LF inside
    // quotes, in a CRLF file), so 103 starts on line 7.
    e.editExport('companies.csv', (lines) => lines.map((line, i) => (i === 2 || i === 3 ? line.replace(',Leeds,', ',"Leeds\nWest Yorkshire",') : line)));
    expect(readFileSync(join(e.exportDir, 'companies.csv'), 'utf8').split(/\r?\n/)[6]?.startsWith('103,')).toBe(true);

    const report = await e.apply({}, refusing('accounts:103'));
    expect(report.loads.find((l) => l.load === 'accounts')).toMatchObject({ sourceRows: 6, created: 5, failed: 1 });
    expectEveryFileBalanced(report, e.exportDir);
    const exceptions = e.report('exceptions');
    expect(exceptions.map((r) => [r['file'], r['line'], r['source_key'], r['status']])).toEqual([['companies.csv', '7', '103', 'failed']]);
    const success = e.report('success');
    expect(success.map((r) => [r['source_key'], r['line']])).toEqual([
      ['100', '2'],
      ['101', '3'],
      ['102', '5'],
      ['104', '8'],
      ['105', '9'],
    ]);
  });
});
