import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { CsvError } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { readSpreadsheetCsv } from '../../../engine/util/spreadsheet-csv.js';

/**
 * A queue as a spreadsheet saves it: `;`, CRLF, and every seventh row's reason quoted, holding a line break (a bare LF,
 * as Excel writes a break typed in a cell), a `;` and doubled quotes. Row `strayQuote` gets a quote in the middle of
 * an unquoted cell.
 */
function queueText(rows: number, strayQuote = -1): string {
  const lines = ['file;line;source_key;reason;resolution'];
  for (let i = 0; i < rows; i++) {
    const reason = i === strayQuote ? 'no "company' : i % 7 === 0 ? `"no company ""Müller; Söhne""\nsee row ${i}"` : `no company ${i}`;
    lines.push(`contacts.csv;${i + 2};K${i};${reason};${i % 1000 === 0 ? `Zoë ${i}` : ''}`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** The file line row `i` starts on: the header, then one line a row and one more for each quoted line break before. */
const lineOf = (i: number): number => 2 + i + Math.ceil(i / 7);

function written(text: Buffer): string {
  const path = join(mkdtempSync(join(tmpdir(), 'spreadsheet-csv-')), 'orphans.csv');
  writeFileSync(path, text);
  return path;
}

describe('a spreadsheet CSV several chunks long', () => {
  // 30,000 rows are about 2 MiB: records, quoted line breaks and CRLFs fall across the 1 MiB chunks.
  const rows = 30_000;

  it.each([
    ['UTF-8', (text: string) => Buffer.from(text, 'utf8')],
    ['Windows-1252', (text: string) => iconv.encode(text, 'windows-1252')],
    ['UTF-16 with BOM', (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')])],
  ])('given %s, reads every row whole, multi-line cells included', (_name, encode) => {
    const read = readSpreadsheetCsv(written(encode(queueText(rows))));
    expect(read).toHaveLength(rows);
    expect(read.map((r) => r['source_key'])).toEqual(Array.from({ length: rows }, (_, i) => `K${i}`));
    expect(read[7]?.['reason']).toBe('no company "Müller; Söhne"\nsee row 7');
    expect(read[29_996]?.['reason']).toBe('no company 29996');
  });

  it('given a filter, returns only the rows it keeps, in file order', () => {
    const read = readSpreadsheetCsv(written(Buffer.from(queueText(rows), 'utf8')), (row) => row['resolution'] !== '');
    expect(read.map((r) => [r['source_key'], r['resolution']])).toEqual(Array.from({ length: 30 }, (_, k) => [`K${k * 1000}`, `Zoë ${k * 1000}`]));
  });

  it("given a stray quote far into the file, names the file's line, not the chunk's", () => {
    let error: unknown;
    try {
      readSpreadsheetCsv(written(Buffer.from(queueText(rows, 25_000), 'utf8')));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CsvError);
    expect((error as CsvError & { lines: number }).lines).toBe(lineOf(25_000));
    expect((error as Error).message).toContain(`line ${lineOf(25_000)}`);
  });
});
