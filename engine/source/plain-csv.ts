import { createReadStream } from 'node:fs';
import Papa from 'papaparse';

/** How a file that passed the scan ends its records. */
export interface PlainCsvShape {
  newline: '\n' | '\r\n';
}

/** Encodings in which the quote, the delimiters and the line breaks are the single ASCII bytes the scan looks for. */
const ASCII_COMPATIBLE = /^(utf-?8|windows-125\d|cp125\d|iso-8859-\d+|latin-?1|us-ascii|ascii)$/i;
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
/** Markers for `previous` that no byte can be. */
const FILE_START = -1;
const CLOSED = -2;

/**
 * Says whether a file can be read by the fast parser (papaparse) with exactly the result the strict one (csv-parse)
 * would give, reading its bytes once: every quote opens a field or closes one (or is doubled inside it), every closing
 * quote is followed by a delimiter or a line break, and every line break outside quotes is the same (all LF, or all
 * CRLF). csv-parse refuses a stray quote with an error naming the line, and reads a lone CR or a mix of breaks as
 * record ends; papaparse would read the first as text and the others as one kind, so any such file goes to csv-parse,
 * which then reads or refuses it as before.
 *
 * Why: csv-parse looks at every byte through its options and took 2.45 s for a 200,000-row, 80 MB contacts file where
 * papaparse took 0.60 s; each file is parsed twice (the export check, then the load). This scan costs a tenth of that.
 */
export async function plainCsvShape(path: string, delimiter: string, encoding: string, chunkBytes = 1 << 20): Promise<PlainCsvShape | undefined> {
  if (delimiter.length !== 1 || delimiter.charCodeAt(0) > 0x7f || delimiter === '"' || delimiter === '\r' || delimiter === '\n') return undefined;
  if (!ASCII_COMPATIBLE.test(encoding)) return undefined;
  const separator = delimiter.charCodeAt(0);
  let quoted = false;
  /** The last byte looked at outside quotes: FILE_START, CLOSED after a closing quote, or the byte itself. */
  let previous = FILE_START;
  let crlf = false;
  let bareLf = false;
  let first = true;
  for await (const piece of createReadStream(path, { highWaterMark: chunkBytes })) {
    let chunk = piece as Buffer;
    if (first && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
    first = false;
    let i = 0;
    while (i < chunk.length) {
      if (quoted) {
        // Inside quotes everything is text until the next quote.
        const at = chunk.indexOf(QUOTE, i);
        if (at < 0) break;
        quoted = false;
        previous = CLOSED;
        i = at + 1;
        continue;
      }
      if (previous === CLOSED) {
        // Right after a quote that closed a stretch: a second quote is a doubled one (text), else the field must end.
        if (chunk[i] === QUOTE) {
          quoted = true;
          i += 1;
          continue;
        }
        if (chunk[i] !== separator && chunk[i] !== LF && chunk[i] !== CR) return undefined;
      }
      if (previous === CR && chunk[i] !== LF) return undefined;
      // An unquoted stretch up to the next quote: its line breaks are looked up natively, never byte by byte.
      const q = chunk.indexOf(QUOTE, i);
      const end = q < 0 ? chunk.length : q;
      const stretch = chunk.subarray(i, end);
      for (let at = stretch.indexOf(CR); at >= 0; at = stretch.indexOf(CR, at + 1)) {
        if (i + at + 1 < chunk.length && chunk[i + at + 1] !== LF) return undefined;
        crlf = true;
      }
      for (let at = stretch.indexOf(LF); at >= 0; at = stretch.indexOf(LF, at + 1)) {
        if ((at > 0 ? stretch[at - 1] : previous) !== CR) bareLf = true;
      }
      if (end > i) previous = chunk[end - 1] as number;
      if (q < 0) break;
      // A quote opens a field only at its start: after a delimiter, a line break, or at the start of the file.
      if (previous !== FILE_START && previous !== separator && previous !== LF) return undefined;
      quoted = true;
      i = q + 1;
    }
  }
  if (quoted || previous === CR || (crlf && bareLf)) return undefined;
  return { newline: crlf ? '\r\n' : '\n' };
}

/** Records as the parsers give them, a chunk at a time, and whether the chunk can be numbered one line a record. */
export interface RecordChunk {
  records: string[][];
  /** True when no record in the chunk spans lines (no line break inside a quoted cell), so lines need no counting. */
  oneLineEach: boolean;
}

/**
 * The fast parser over decoded text, for a file plainCsvShape accepted: the records of each chunk of text, as arrays of
 * cells (as csv-parse gives them). A chunk's last record may be cut; it is carried over and parsed with the next, as
 * papaparse's own streamer does. Records come a chunk at a time, not one by one through a stream: a stream and an
 * async iterator step per record cost more than the parse itself (0.85 against 0.35 s for 200,000 contacts).
 */
export async function* plainCsvRecords(text: AsyncIterable<string>, delimiter: string, shape: PlainCsvShape): AsyncGenerator<RecordChunk> {
  const parser = new Papa.Parser({ delimiter, newline: shape.newline, quoteChar: '"', escapeChar: '"' });
  let cut = '';
  for await (const chunk of text) {
    const input = cut + chunk;
    const parsed = parser.parse(input, 0, true) as ParsedChunk;
    const end = parsed.meta.cursor;
    cut = input.slice(end);
    if (parsed.data.length > 0) yield { records: parsed.data, oneLineEach: oneBreakPerRecord(input, end, parsed.data.length, shape.newline === '\r\n') };
  }
  if (cut !== '') yield { records: (parser.parse(cut, 0, false) as ParsedChunk).data, oneLineEach: false };
}

/**
 * True when the text before `end` holds exactly one line break a record (each record's own ending) and no other CR or
 * LF: then no cell holds one. Counting a chunk's breaks costs a search per line; counting each record's cost one per
 * cell, twice, a tenth of reading a file.
 */
function oneBreakPerRecord(text: string, end: number, records: number, crlf: boolean): boolean {
  let lf = 0;
  for (let at = text.indexOf('\n'); at >= 0 && at < end; at = text.indexOf('\n', at + 1)) if (++lf > records) return false;
  const crs = crlf ? records : 0;
  let cr = 0;
  for (let at = text.indexOf('\r'); at >= 0 && at < end; at = text.indexOf('\r', at + 1)) if (++cr > crs) return false;
  return lf === records && cr === crs;
}

/** What Papa.Parser returns (its typings say `any`): the records, and where the last whole one ended. */
interface ParsedChunk {
  data: string[][];
  meta: { cursor: number };
}
