import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { parse, CsvError } from 'csv-parse';
import { InputError } from '../util/input-error.js';
import { matchHeaders, type HeaderNote } from './header-match.js';
import { plainCsvRecords, plainCsvShape, type RecordChunk } from './plain-csv.js';
import { relationshipAliases, relationshipReason } from './relationship-columns.js';
import { sniffEncoding, textDecoder, type FileEncoding } from './text-encoding.js';

export { ROW_KEY } from '../model/row-key.js';

/** One data row of an export file: its cells in header order and the physical line the record starts on. */
export interface CsvRow {
  cells: string[];
  line: number;
  /** How many cells the line itself had, where the row-number column padded a shorter row to the header's width. */
  cellCount?: number;
}

/** Text that did not decode cleanly, by the line it is on: replaced characters or NUL bytes. */
export interface TextProblem {
  line: number;
  problem: string;
}

export interface CsvFile {
  /** The header row, with names the spec knows in the spec's spelling (see header-match). */
  headers: string[];
  headerNotes: HeaderNote[];
  /** The encoding the file was read in, and how that was decided. */
  encoding: FileEncoding;
  /**
   * The rows, a chunk of the file at a time: loops over millions of rows take each chunk without awaiting per row.
   * `rows` gives the same rows one by one; a file is read through one of the two, once.
   */
  chunks: AsyncIterable<CsvRow[]>;
  rows: AsyncIterable<CsvRow>;
  /** Filled in while the rows are read: what a person should hear about the file as a whole. */
  stats: { blankLines: number[]; textProblems: TextProblem[] };
}

export interface CsvOptions {
  delimiter?: string;
  /** The encoding the platform or engagement declares; a BOM overrides it. */
  encoding?: string;
  /** Column names the spec knows for this file, matched tolerantly (case, spaces, BOM, stray CR). */
  known?: readonly string[];
  /** Headers as this export writes them, to the spec's names (the engagement's `files[].headers`). */
  aliases?: Readonly<Record<string, string>>;
  /** A column appended to every row holding its line number, for files keyed by row (see ROW_KEY). */
  rowNumberColumn?: string;
  /** How the file is named in messages (`contacts.csv`); its base name by default. */
  displayName?: string;
  /**
   * Set for Salesforce-shaped exports: relationship columns (`Account.External_Id__c`) are read as the field they
   * stand for, and a file without this key column is keyed by its external id column (see relationship-columns).
   */
  relationshipColumns?: { key?: string };
}

const KEEP_PROBLEMS = 20;

/**
 * Streams an export file as arrays of cells (not objects: an array per row is much cheaper at millions of rows), with
 * the line each record starts on so that every report can name `file:line`. A record spans as many lines as its
 * cells hold newlines, so the next record starts that many lines later; counting them here is far cheaper than
 * asking the parser for per-record position info.
 *
 * Real files mix line endings (a CRLF header over LF rows), so every ending is a record end. A file the parser cannot
 * read (an unterminated quote) is a data error naming file and line, never a crash. Blank lines are passed over and
 * counted, so they neither become rows nor shift line numbers.
 */
export async function openCsv(path: string, options: CsvOptions = {}): Promise<CsvFile> {
  const name = options.displayName ?? basename(path);
  const encoding = detectEncoding(path, options.encoding, name);
  const stats: CsvFile['stats'] = { blankLines: [], textProblems: [] };
  const decoder = decodingStream(encoding.name, stats.textProblems);
  const delimiter = options.delimiter ?? ',';
  // A file whose quoting and line breaks are regular goes to the fast parser; any other to the strict one (plain-csv).
  const shape = await plainCsvShape(path, delimiter, encoding.name);
  // A read error (the file vanished, a disk fault) is passed along the pipe, so the rows' reader rejects with it. Chunks
  // of 64 KiB, not 1 MiB: every cell papaparse cuts is a slice of its chunk's text, which stays alive as long as any
  // cell does; at 1 MiB that held 45 MiB more at a run's peak, for no measurable speed.
  const file = createReadStream(path, { highWaterMark: 1 << 16 }).on('error', (error) => text.destroy(error));
  const text = file.pipe(decoder);
  const records = (shape === undefined ? strictRecords(text, delimiter) : plainCsvRecords(text, delimiter, shape))[Symbol.asyncIterator]();
  /** The line the next record starts on: records are numbered as they are taken, a chunk at a time. */
  let next = 1;
  const readChunk = async (): Promise<RecordChunk | undefined> => {
    try {
      const item = await records.next();
      return item.done === true ? undefined : item.value;
    } catch (error) {
      throw csvError(error, name, next);
    }
  };
  let pending: RecordChunk = { records: [], oneLineEach: true };
  let at = 0;
  let header: string[] | undefined;
  while (header === undefined) {
    if (at >= pending.records.length) {
      const chunk = await readChunk();
      if (chunk === undefined) return { headers: [], headerNotes: [], encoding, chunks: (async function* () {})(), rows: (async function* () {})(), stats };
      [pending, at] = [chunk, 0];
      continue;
    }
    const record = pending.records[at++] as string[];
    if (isBlank(record)) {
      stats.blankLines.push(next);
      next += 1;
    } else {
      header = record;
      next += 1 + newlines(record);
    }
  }
  const relationships = options.relationshipColumns === undefined ? {} : relationshipAliases(header, options.known ?? [], options.relationshipColumns.key);
  const reasons = Object.fromEntries(Object.entries(relationships).map(([found, name]) => [found, relationshipReason(found, name)]));
  const matched = matchHeaders(header, options.known ?? [], { ...relationships, ...options.aliases }, reasons);
  const { notes } = matched;
  const rowColumn = options.rowNumberColumn;
  const headers = rowColumn === undefined ? matched.headers : [...matched.headers, rowColumn];
  const toRows = (chunk: RecordChunk, from: number): CsvRow[] => {
    const rows: CsvRow[] = [];
    for (let i = from; i < chunk.records.length; i += 1) {
      const cells = chunk.records[i] as string[];
      const line = next;
      next += chunk.oneLineEach ? 1 : 1 + newlines(cells);
      if (isBlank(cells)) stats.blankLines.push(line);
      else if (rowColumn === undefined) rows.push({ cells, line });
      else rows.push({ cells: withRowNumber(cells, headers.length, line), line, ...(cells.length < headers.length - 1 ? { cellCount: cells.length } : {}) });
    }
    return rows;
  };
  const chunks = (async function* (): AsyncGenerator<CsvRow[]> {
    try {
      const rest = toRows(pending, at);
      if (rest.length > 0) yield rest;
      for (let chunk = await readChunk(); chunk !== undefined; chunk = await readChunk()) {
        const rows = toRows(chunk, 0);
        if (rows.length > 0) yield rows;
      }
    } finally {
      // A reader that stops early (a sample of rows) closes the file now, not when the stream is collected; a pipe
      // does not pass the end back to its source.
      await records.return?.(undefined);
      file.destroy();
    }
  })();
  const rows = (async function* (): AsyncGenerator<CsvRow> {
    for await (const chunk of chunks) yield* chunk;
  })();
  return { headers, headerNotes: notes, encoding, chunks, rows, stats };
}

/** The row-number cell goes at the header's width, so a short row is padded rather than misplaced. */
function withRowNumber(cells: string[], width: number, line: number): string[] {
  const padded = cells.slice(0, width - 1);
  while (padded.length < width - 1) padded.push('');
  return [...padded, String(line), ...cells.slice(width - 1)];
}

/**
 * csv-parse, reading every ending (CRLF, LF, lone CR) as a record end and refusing stray quotes with their line. Its
 * records come one to a chunk, so a refused record is the next one after every record already taken.
 */
async function* strictRecords(text: Readable, delimiter: string): AsyncGenerator<RecordChunk> {
  const parser = parse({ delimiter, relax_column_count: true, record_delimiter: ['\r\n', '\n', '\r'] });
  text.on('error', (error) => parser.destroy(error));
  for await (const record of text.pipe(parser)) yield { records: [record as string[]], oneLineEach: false };
}

/** How many cells a row's line had: fewer than its cells where the row-number column padded it. */
export function cellCount(row: CsvRow): number {
  return row.cellCount ?? row.cells.length;
}

/** Cells past the header's width that hold something: a row shifted by an unquoted delimiter, most often. */
export function extraCells(cells: readonly string[], width: number): number {
  let n = 0;
  for (let i = width; i < cells.length; i += 1) if ((cells[i] ?? '').trim() !== '') n += 1;
  return n;
}

function isBlank(cells: readonly string[]): boolean {
  return cells.length === 1 && cells[0] === '';
}

function newlines(cells: readonly string[]): number {
  let n = 0;
  for (const cell of cells) {
    for (let at = cell.indexOf('\n'); at >= 0; at = cell.indexOf('\n', at + 1)) n += 1;
    // A lone CR ends a line too (the parser takes it as a record end outside quotes).
    for (let at = cell.indexOf('\r'); at >= 0; at = cell.indexOf('\r', at + 1)) if (cell[at + 1] !== '\n') n += 1;
  }
  return n;
}

function detectEncoding(path: string, declared: string | undefined, name: string): CsvFile['encoding'] {
  // A folder, device or pipe where an export file should be is the export's fault: said so, never opened.
  let isFile = false;
  try {
    isFile = statSync(path).isFile();
  } catch {
    throw new InputError('the file cannot be read: it does not exist.', { code: 'io/unreadable', file: name, hint: 'Check the export folder.' });
  }
  if (!isFile) throw new InputError('this is not a regular file (a folder, device or pipe stands where the export file should be).', { code: 'io/unreadable', file: name, hint: 'Replace it with the exported CSV file.' });
  const head = Buffer.alloc(4096);
  const fd = openSync(path, 'r');
  let size = 0;
  try {
    size = readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  return sniffEncoding(head.subarray(0, size), declared);
}

/**
 * Decodes bytes into text in the file's encoding. Bytes that are not valid there become U+FFFD and NUL bytes are
 * kept; both are noted with their line, because a value carrying them would reach the destination damaged.
 */
function decodingStream(encoding: string, problems: TextProblem[]): Transform {
  const decoder = textDecoder(encoding);
  let line = 1;
  const scan = (text: string): string => {
    if (text.includes('\uFFFD') || text.includes('\u0000')) {
      for (let i = 0; i < text.length; i += 1) {
        const c = text.charCodeAt(i);
        if (c === 10) line += 1;
        else if ((c === 0xfffd || c === 0) && problems.length < KEEP_PROBLEMS && problems.at(-1)?.line !== line) {
          problems.push({ line, problem: c === 0 ? 'a NUL byte' : `bytes that are not valid ${encoding}` });
        }
      }
    } else {
      for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) line += 1;
    }
    return text;
  };
  // The decoded text leaves as string chunks (object mode): pushed as bytes, it was encoded again only for the parser
  // to decode it a second time, a tenth of a parse. Two chunks may wait, as with bytes.
  const pass = (text: string): string | undefined => (text === '' ? undefined : text);
  return new Transform({
    readableObjectMode: true,
    readableHighWaterMark: 2,
    decodeStrings: true,
    transform(chunk: Buffer, _encoding, done) {
      done(null, pass(scan(decoder.write(chunk))));
    },
    flush(done) {
      done(null, pass(scan(decoder.end() ?? '')));
    },
  });
}

function csvError(error: unknown, file: string, line: number): Error {
  if (error instanceof CsvError) {
    const what =
      error.code === 'CSV_QUOTE_NOT_CLOSED'
        ? 'a quoted value starts here and is never closed'
        : error.code === 'INVALID_OPENING_QUOTE'
          ? 'a quote appears inside a value that does not start with one'
          : error.code === 'CSV_INVALID_CLOSING_QUOTE'
            ? 'a closing quote is followed by more text in the same value'
            : error.message.replace(/ at line \d+.*$/s, '');
    return new InputError(`the file cannot be read as CSV: ${what}.`, {
      code: 'csv/parse',
      file,
      line,
      hint: 'Fix the quoting of that record (or export the file again), then rerun; nothing was written.',
    });
  }
  if (error instanceof Error && 'code' in error && (error.code === 'EISDIR' || error.code === 'ENOENT' || error.code === 'EACCES')) {
    return new InputError(`the file cannot be read (${String(error.code)}).`, { code: 'io/unreadable', file, hint: 'Check the export folder.' });
  }
  return error instanceof Error ? error : new Error(String(error));
}
