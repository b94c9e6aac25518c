import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { restoreCell } from './spreadsheet-cell.js';

/**
 * Reads back a CSV we wrote for a person after a spreadsheet may have saved it again. Excel saves "CSV" with the
 * locale's list separator (`;` across most of Europe), in the machine's ANSI code page (Windows-1252) unless told
 * "CSV UTF-8" (which adds a BOM), and "Unicode Text" as UTF-16 with tabs. So the encoding comes from the BOM, else
 * UTF-8 when the bytes are valid UTF-8, else Windows-1252; the delimiter is whichever of `,` `;` tab the header row
 * uses most. Header names are matched trimmed and lower-cased, and every cell loses the quote `neutraliseCell` added.
 * `keep` chooses the rows returned.
 */
export function readSpreadsheetCsv(bytes: Buffer, keep?: (row: Record<string, string>) => boolean): Record<string, string>[] {
  const text = decode(bytes);
  const delimiter = headerDelimiter(text);
  return parse(text, {
    delimiter,
    columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
    skip_empty_lines: true,
    relax_column_count: true,
    record_delimiter: ['\r\n', '\n', '\r'],
    // Rows `keep` refuses are dropped as they are read, not after: a queue may hold a row per source row.
    on_record: (record: Record<string, string | undefined>) => {
      const row = Object.fromEntries(Object.entries(record).map(([k, v]) => [k, restoreCell(v ?? '')]));
      return keep === undefined || keep(row) ? row : null;
    },
  }) as Record<string, string>[];
}

function decode(bytes: Buffer): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return iconv.decode(bytes.subarray(2), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return iconv.decode(bytes.subarray(2), 'utf-16be');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8: a spreadsheet's ANSI save. iconv-lite, because Node 20's TextDecoder reads windows-1252 as Latin-1.
    return iconv.decode(bytes, 'windows-1252');
  }
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
