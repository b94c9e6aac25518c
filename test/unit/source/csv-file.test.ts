import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCsv } from '../../../engine/run/csv-rows.js';

async function rowsOf(text: string): Promise<{ headers: string[]; rows: { cells: string[]; line: number }[] }> {
  const file = join(mkdtempSync(join(tmpdir(), 'csv-rows-')), 'x.csv');
  writeFileSync(file, text);
  const csv = await openCsv(file);
  const rows: { cells: string[]; line: number }[] = [];
  for await (const row of csv.rows) rows.push(row);
  return { headers: csv.headers, rows };
}

describe('openCsv', () => {
  it('given quoted fields with newlines, commas and quotes, returns each record with the line it starts on', async () => {
    const { headers, rows } = await rowsOf('\uFEFFId,Note\n1,"two\nlines"\n2,"a, ""quoted"" word"\n3,"three\r\nmore\nlines"\n4,plain\n');
    expect(headers).toEqual(['Id', 'Note']);
    expect(rows.map((r) => [r.cells[0], r.line])).toEqual([
      ['1', 2],
      ['2', 4],
      ['3', 5],
      ['4', 8],
    ]);
    expect(rows[1]?.cells[1]).toBe('a, "quoted" word');
  });

  it('given a blank line in the middle, keeps it as an empty record so line numbers stay true', async () => {
    const { rows } = await rowsOf('Id\n1\n\n3\n');
    expect(rows.map((r) => [r.cells.join(''), r.line])).toEqual([
      ['1', 2],
      ['', 3],
      ['3', 4],
    ]);
  });
});
