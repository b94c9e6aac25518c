import { mkdtempSync, readdirSync, readlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cellCount, openCsv, type CsvFile, type CsvOptions, type CsvRow } from '../../../engine/source/csv-file.js';
import { InputError } from '../../../engine/util/input-error.js';

async function rowsOf(text: string | Buffer, options: CsvOptions = {}): Promise<{ headers: string[]; rows: CsvRow[]; blankLines: number[]; csv: CsvFile }> {
  const file = join(mkdtempSync(join(tmpdir(), 'csv-rows-')), 'x.csv');
  writeFileSync(file, text);
  const csv = await openCsv(file, options);
  const rows: CsvRow[] = [];
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
  it('given a lone carriage return inside a quoted note (an old Mac line break), counts it as the line break editors show', async () => {
    const { rows } = await rowsOf('Id,Note\n1,"before\rafter"\n2,plain\n');
    expect(rows.map((r) => [r.cells[0], r.line])).toEqual([
      ['1', 2],
      ['2', 4],
    ]);
  });

  it('given a file of many 64 KiB chunks with multi-line notes, blank lines and a 100 KiB cell, numbers every row by the line it starts on', async () => {
    // Written here line by line, so each row's true line is known without the parser: records and cells cross the
    // boundaries of the chunks the file is read in, which is where a line count or a cut record would go wrong.
    const lines = ['Id,Note,Owner'];
    const expected: [string, number][] = [];
    for (let id = 1; id <= 6000; id += 1) {
      if (id % 500 === 0) lines.push('');
      expected.push([String(id), lines.length + 1]);
      if (id === 1234) lines.push(`${id},"${'long '.repeat(20_000)}`, 'end",big@x.example');
      else if (id % 7 === 0) lines.push(`${id},"first line, with a comma`, `second ""quoted"" line`, `third",o${id}@x.example`);
      else lines.push(`${id},plain note ${'x'.repeat(id % 90)},o${id}@x.example`);
    }
    const text = `${lines.join('\n')}\n`;
    expect(text.length).toBeGreaterThan(6 * 65_536);
    const { rows, blankLines } = await rowsOf(text, { rowNumberColumn: 'Row' });
    expect(rows.map((r) => [r.cells[0], r.line])).toEqual(expected);
    expect(rows.every((r) => r.cells[3] === String(r.line))).toBe(true);
    expect(rows[1233]?.cells[1]).toBe(`${'long '.repeat(20_000)}\nend`);
    expect(rows[6]?.cells[1]).toBe('first line, with a comma\nsecond "quoted" line\nthird');
    expect(blankLines).toEqual(expected.filter(([id]) => Number(id) % 500 === 0).map(([, line]) => line - 1));

    // The same file a chunk at a time gives the same rows.
    const file = join(mkdtempSync(join(tmpdir(), 'csv-chunks-')), 'x.csv');
    writeFileSync(file, text);
    const chunked: [string | undefined, number][] = [];
    let chunks = 0;
    for await (const chunk of (await openCsv(file)).chunks) {
      chunks += 1;
      for (const row of chunk) chunked.push([row.cells[0], row.line]);
    }
    expect(chunked).toEqual(expected);
    expect(chunks).toBeGreaterThan(5);
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

describe('openCsv with a row-number column', () => {
  it('given a row shorter than the header, puts the line number at the header\'s width and keeps how many cells the line had', async () => {
    const { headers, rows } = await rowsOf('Name,City,Country\nAnn,Leeds,UK\nBob\nCy,York,UK,extra\n', { rowNumberColumn: 'Row' });
    expect(headers).toEqual(['Name', 'City', 'Country', 'Row']);
    expect(rows.map((r) => [r.cells, cellCount(r)])).toEqual([
      [['Ann', 'Leeds', 'UK', '2'], 4],
      [['Bob', '', '', '3'], 1],
      [['Cy', 'York', 'UK', '4', 'extra'], 5],
    ]);
  });
});

describe('openCsv read in part', () => {
  const openFds = (path: string): number =>
    readdirSync('/proc/self/fd').filter((fd) => {
      try {
        return readlinkSync(`/proc/self/fd/${fd}`) === path;
      } catch {
        return false;
      }
    }).length;

  it.skipIf(process.platform !== 'linux')('given a reader that stops after the first rows of a large file, closes the file', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'csv-part-')), 'big.csv');
    writeFileSync(file, `Id,Note\n${Array.from({ length: 50_000 }, (_, i) => `${i},note ${i}`).join('\n')}\n`);
    const csv = await openCsv(file);
    const taken: string[] = [];
    for await (const row of csv.rows) {
      taken.push(row.cells[0] ?? '');
      if (taken.length === 3) break;
    }
    expect(taken).toEqual(['0', '1', '2']);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(openFds(file)).toBe(0);
  });
});
