import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';

/** One data row of an export file: its cells in header order and the physical line the record starts on. */
export interface CsvRow {
  cells: string[];
  line: number;
}

export interface CsvFile {
  headers: string[];
  rows: AsyncIterable<CsvRow>;
}

/**
 * Streams an export file as arrays of cells (not objects: an array per row is much cheaper at millions of rows), with
 * the line each record starts on so that every report can name `file:line`. Records may span lines when a quoted
 * field holds newlines; the start line is the previous record's end plus one.
 */
export async function openCsv(path: string, options: { delimiter?: string } = {}): Promise<CsvFile> {
  const parser = createReadStream(path).pipe(
    parse({ bom: true, delimiter: options.delimiter ?? ',', relax_column_count: true, info: true, skip_empty_lines: true }),
  );
  const iterator = parser[Symbol.asyncIterator]() as AsyncIterator<{ record: string[]; info: { lines: number } }>;
  const first = await iterator.next();
  if (first.done === true) return { headers: [], rows: (async function* () {})() };
  const headers = first.value.record.map((h) => h.trim());
  let lastLine = first.value.info.lines;
  const rows = {
    async *[Symbol.asyncIterator](): AsyncGenerator<CsvRow> {
      for (;;) {
        const next = await iterator.next();
        if (next.done === true) return;
        const line = lastLine + 1;
        lastLine = next.value.info.lines;
        yield { cells: next.value.record, line };
      }
    },
  };
  return { headers, rows };
}
