import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';

/**
 * Streams records into a CSV file through csv-stringify, which quotes fields holding the delimiter, quotes or line
 * breaks the RFC 4180 way. `Readable.from` pulls one record at a time and stops pulling while the file stream is
 * full, so memory stays flat however many rows are written.
 */
export async function writeCsv(path: string, delimiter: string, records: AsyncIterable<string[]> | Iterable<string[]>): Promise<void> {
  await pipeline(Readable.from(records, { objectMode: true, highWaterMark: 256 }), stringify({ delimiter, record_delimiter: 'unix', eof: true }), createWriteStream(path, { highWaterMark: 1 << 20 }));
}

/** Physical lines a record takes: one, plus one for every line break inside its quoted fields. */
export function linesOf(cells: readonly string[]): number {
  let lines = 1;
  for (const cell of cells) {
    for (let at = cell.indexOf('\n'); at !== -1; at = cell.indexOf('\n', at + 1)) lines += 1;
  }
  return lines;
}
