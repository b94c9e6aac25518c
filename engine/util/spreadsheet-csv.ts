import { closeSync, openSync, readSync } from 'node:fs';
import { CsvError, parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { restoreCell } from './spreadsheet-cell.js';

/**
 * Bytes read at a time: the file is never held whole, since a queue can have a row per source row. Small enough that
 * a chunk's text stays a young object: text of a megabyte goes to V8's large-object space, which only a full
 * collection empties, and reading a 57 MB queue in 1 MiB chunks piled up 150 MiB of spent text before one ran.
 */
const CHUNK_BYTES = 1 << 15;

type Bom = { name: 'utf-8' | 'utf-16le' | 'utf-16be'; bomBytes: number };

/**
 * Reads back a CSV we wrote for a person after a spreadsheet may have saved it again. Excel saves "CSV" with the
 * locale's list separator (`;` across most of Europe), in the machine's ANSI code page (Windows-1252) unless told
 * "CSV UTF-8" (which adds a BOM), and "Unicode Text" as UTF-16 with tabs. So the encoding comes from the BOM, else
 * UTF-8 when the bytes are valid UTF-8, else Windows-1252; the delimiter is whichever of `,` `;` tab the header row
 * uses most. Header names are matched trimmed and lower-cased, and every cell loses the quote `neutraliseCell` added.
 *
 * `keep` chooses the rows returned. The file is read a chunk at a time and parsed a stretch of whole records at a
 * time, so memory holds a chunk and the kept rows, not the file: a queue may have a row per source row, and reading
 * a 44 MB one whole took 220 MiB. A record that cannot be parsed throws csv-parse's error with the file's line.
 */
export function readSpreadsheetCsv(path: string, keep?: (row: Record<string, string>) => boolean): Record<string, string>[] {
  const bom = bomEncoding(path);
  if (bom !== undefined) return readDecoded(path, bom.bomBytes, iconv.getDecoder(bom.name), keep);
  // No BOM: UTF-8 when every byte decodes as UTF-8, found while reading, so a UTF-8 file is read once; else a
  // spreadsheet's ANSI save, read again. iconv-lite, because Node 20's TextDecoder reads windows-1252 as Latin-1.
  try {
    return readDecoded(path, 0, strictUtf8(), keep);
  } catch (error) {
    if (!(error instanceof TypeError && (error as TypeError & { code?: string }).code === 'ERR_ENCODING_INVALID_ENCODED_DATA')) throw error;
    return readDecoded(path, 0, iconv.getDecoder('windows-1252'), keep);
  }
}

interface TextDecoding {
  write(bytes: Buffer): string;
  end(): string | undefined;
}

/** UTF-8 that throws at the first byte that is not, a chunk at a time. */
function strictUtf8(): TextDecoding {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  return { write: (bytes) => decoder.decode(bytes, { stream: true }), end: () => decoder.decode() };
}

/** The rows of the file from byte `start` (past any BOM), decoded by `decoder`. */
function readDecoded(path: string, start: number, decoder: TextDecoding, keep: ((row: Record<string, string>) => boolean) | undefined): Record<string, string>[] {
  const rows: Record<string, string>[] = [];
  let columns: string[] | undefined;
  let delimiter: string | undefined;
  /** Decoded text not parsed yet: whatever follows the last whole record. */
  let pending = '';
  /** Lines before `pending`, so that an error names the file's line, not the stretch's. */
  let linesBefore = 0;
  const parseStretch = (text: string): void => {
    delimiter ??= headerDelimiter(text);
    let records: Record<string, string | undefined>[];
    try {
      records = parse(text, {
        delimiter,
        columns: columns ?? ((header: string[]) => (columns = header.map((h) => h.trim().toLowerCase()))),
        skip_empty_lines: true,
        relax_column_count: true,
        record_delimiter: ['\r\n', '\n', '\r'],
        // Rows `keep` refuses are dropped as they are read, not after.
        on_record: (record: Record<string, string | undefined>) => {
          const row = Object.fromEntries(Object.entries(record).map(([k, v]) => [k, restoreCell(v ?? '')]));
          return keep === undefined || keep(row) ? row : null;
        },
      }) as Record<string, string | undefined>[];
    } catch (error) {
      // csv-parse counts the stretch's lines; the file's are `linesBefore` more, in the message too.
      if (error instanceof CsvError) {
        const located = error as CsvError & { lines?: number };
        located.lines = linesBefore + (located.lines ?? 1);
        located.message = located.message.replace(/\bline (\d+)\b/g, (_all, n: string) => `line ${linesBefore + Number(n)}`);
      }
      throw error;
    }
    for (const record of records) rows.push(record as Record<string, string>);
    linesBefore += countLineFeeds(text);
  };
  forEachChunk(path, start, (bytes) => {
    pending += decoder.write(bytes);
    const end = lastRecordEnd(pending);
    // No whole record yet (the header's decides the delimiter): read on.
    if (end < 0) return;
    parseStretch(pending.slice(0, end));
    pending = pending.slice(end);
  });
  pending += decoder.end() ?? '';
  if (pending !== '' || columns === undefined) parseStretch(pending);
  return rows;
}

/** Reads the file from `start`, a chunk at a time. */
function forEachChunk(path: string, start: number, take: (bytes: Buffer) => void): void {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(CHUNK_BYTES);
    for (let position = start; ; ) {
      const read = readSync(fd, buffer, 0, CHUNK_BYTES, position);
      if (read === 0) return;
      take(buffer.subarray(0, read));
      position += read;
    }
  } finally {
    closeSync(fd);
  }
}

/** The encoding a byte-order mark names, or undefined when the file has none. */
function bomEncoding(path: string): Bom | undefined {
  const head = Buffer.alloc(3);
  const fd = openSync(path, 'r');
  let got: number;
  try {
    got = readSync(fd, head, 0, 3, 0);
  } finally {
    closeSync(fd);
  }
  if (got >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { name: 'utf-8', bomBytes: 3 };
  if (got >= 2 && head[0] === 0xff && head[1] === 0xfe) return { name: 'utf-16le', bomBytes: 2 };
  if (got >= 2 && head[0] === 0xfe && head[1] === 0xff) return { name: 'utf-16be', bomBytes: 2 };
  return undefined;
}

/**
 * Where the last whole record of `text` ends: just after the last line feed outside quotes (a doubled quote inside a
 * quoted cell flips the count twice), or -1 when there is none. Splitting after a line feed never parts a CRLF.
 */
function lastRecordEnd(text: string): number {
  let quoted = false;
  let end = -1;
  for (let at = text.indexOf('"'), from = 0; ; at = text.indexOf('"', from)) {
    const stop = at < 0 ? text.length : at;
    if (!quoted) {
      const feed = text.lastIndexOf('\n', stop - 1);
      if (feed >= from) end = feed + 1;
    }
    if (at < 0) return end;
    quoted = !quoted;
    from = at + 1;
  }
}

function countLineFeeds(text: string): number {
  let n = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) n += 1;
  return n;
}

/** The separator the first line uses most, counting only outside quotes. */
function headerDelimiter(text: string): string {
  const counts = new Map<string, number>([[',', 0], [';', 0], ['\t', 0]]);
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ',';
  for (const [ch, n] of counts) if (n > (counts.get(best) ?? 0)) best = ch;
  return best;
}
