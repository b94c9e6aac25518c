import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCsv, type CsvFile, type CsvOptions } from '../../../engine/source/csv-file.js';
import { InputError } from '../../../engine/util/input-error.js';

async function rowsOf(text: string | Buffer, options: CsvOptions = {}): Promise<{ headers: string[]; rows: { cells: string[]; line: number }[]; blankLines: number[]; csv: CsvFile }> {
  const file = join(mkdtempSync(join(tmpdir(), 'csv-rows-')), 'x.csv');
  writeFileSync(file, text);
  const csv = await openCsv(file, options);
  const rows: { cells: string[]; line: number }[] = [];
  for await (const row of csv.rows) rows.push(row);
  return { headers: csv.headers, rows, blankLines: csv.stats.blankLines, csv };
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

  it('given a blank line in the middle, passes over it, counts it, and keeps the lines of later rows true', async () => {
    const { rows, blankLines } = await rowsOf('Id\n1\n\n3\n');
    expect(rows.map((r) => [r.cells.join(''), r.line])).toEqual([
      ['1', 2],
      ['3', 4],
    ]);
    expect(blankLines).toEqual([3]);
  });
});

describe('openCsv on files other systems wrote', () => {
  it('given a CRLF header over LF rows (Excel re-saved the header only), reads all 45 rows', async () => {
    const body = Array.from({ length: 45 }, (_, i) => `${i + 1},Company ${i + 1}`).join('\n');
    const { headers, rows } = await rowsOf(`Id,Name\r\n${body}\n`);
    expect(headers).toEqual(['Id', 'Name']);
    expect(rows).toHaveLength(45);
    expect(rows[44]).toEqual({ cells: ['45', 'Company 45'], line: 46 });
  });

  it('given a lower-cased, padded header with a BOM and a zero-width space, reads it in the spelling the spec knows and says so', async () => {
    const { headers, csv } = await rowsOf('\uFEFForganization name , \u200BWEBSITE,Extra\nAcme,acme.example,x\n', { known: ['Organization Name', 'Website'] });
    expect(headers).toEqual(['Organization Name', 'Website', 'Extra']);
    expect(csv.headerNotes.filter((n) => n.kind === 'variant').map((n) => (n.kind === 'variant' ? n.expected : ''))).toEqual(['Organization Name', 'Website']);
  });

  it('given a header naming one column twice, reports both positions', async () => {
    const { csv } = await rowsOf('Id,Email,Email\n1,a@x.example,b@x.example\n', { known: ['Email'] });
    expect(csv.headerNotes).toEqual([{ kind: 'duplicate', name: 'Email', columns: [1, 2] }]);
  });

  it('given an unterminated quote, throws an InputError naming the file and the line the record starts on', async () => {
    const error = await rowsOf('Id,Note\n1,fine\n2,"never closed\n3,more\n').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).code).toBe('csv/parse');
    expect((error as InputError).file).toBe('x.csv');
    expect((error as InputError).line).toBe(3);
  });

  it('given a semicolon-delimited Windows-1252 file, decodes the accents when the encoding is declared', async () => {
    const bytes = Buffer.from('Name;City;Price\nCaf\xe9 Fran\xe7ois;K\xf6ln;\x80 5\n', 'latin1');
    const { rows, csv } = await rowsOf(bytes, { delimiter: ';', encoding: 'windows-1252' });
    expect(rows[0]?.cells).toEqual(['Café François', 'Köln', '€ 5']);
    expect(csv.stats.textProblems).toEqual([]);
  });

  it('given Windows-1252 bytes read as UTF-8, names the lines whose text is not valid', async () => {
    const bytes = Buffer.from('Name,City\nplain,row\nCaf\xe9,K\xf6ln\n', 'latin1');
    const { csv } = await rowsOf(bytes);
    expect(csv.stats.textProblems).toEqual([{ line: 3, problem: 'bytes that are not valid utf-8' }]);
  });

  it('given UTF-16 with a byte-order mark, reads it as UTF-16', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Id,Name\r\n1,Zoë\r\n', 'utf16le')]);
    const { rows, csv } = await rowsOf(bytes);
    expect(csv.encoding).toEqual({ name: 'utf-16le', source: 'bom' });
    expect(rows[0]?.cells).toEqual(['1', 'Zoë']);
  });
});
