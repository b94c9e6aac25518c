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
 * the line each record starts on so that every report can name `file:line`. A record spans as many lines as its
 * cells hold newlines, so the next record starts that many lines later; counting them here is far cheaper than
 * asking the parser for per-record position info.
 */
export async function openCsv(path: string, options: { delimiter?: string } = {}): Promise<CsvFile> {
  const parser = createReadStream(path, { highWaterMark: 1 << 20 }).pipe(
    parse({ bom: true, delimiter: options.delimiter ?? ',', relax_column_count: true }),
  );
  const iterator = parser[Symbol.asyncIterator]() as AsyncIterator<string[]>;
  const first = await iterator.next();
  if (first.done === true) return { headers: [], rows: (async function* () {})() };
  const headers = first.value.map((h) => h.trim());
  let next = 2 + newlines(first.value);
  const rows = {
    async *[Symbol.asyncIterator](): AsyncGenerator<CsvRow> {
      for (;;) {
        const item = await iterator.next();
        if (item.done === true) return;
        const line = next;
        next += 1 + newlines(item.value);
        yield { cells: item.value, line };
      }
    },
  };
  return { headers, rows };
}

function newlines(cells: readonly string[]): number {
  let n = 0;
  for (const cell of cells) {
    for (let at = cell.indexOf('\n'); at >= 0; at = cell.indexOf('\n', at + 1)) n += 1;
  }
  return n;
}
