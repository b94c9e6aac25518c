import { createReadStream } from 'node:fs';

const QUOTE = 0x22;
const NEWLINE = 0x0a;

/**
 * How many records a CSV file holds below its header, without parsing it: a byte scan that counts line ends outside
 * quotes, so a cell holding newlines still counts as one record. About as fast as the disk reads; it gives progress
 * bars their totals before a run starts.
 */
export async function countCsvRecords(path: string): Promise<number> {
  let inQuotes = false;
  let lines = 0;
  let lastByte = NEWLINE;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    for (let i = 0; i < chunk.length; i += 1) {
      const byte = chunk[i] as number;
      if (byte === QUOTE) inQuotes = !inQuotes;
      else if (byte === NEWLINE && !inQuotes) lines += 1;
    }
    if (chunk.length > 0) lastByte = chunk[chunk.length - 1] as number;
  }
  // A last record without a final line end is a record all the same.
  if (lastByte !== NEWLINE) lines += 1;
  return Math.max(0, lines - 1);
}

/** Counts each distinct file once (loads that split one shared file read it whole). */
export async function countFileRecords(paths: readonly string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const path of new Set(paths)) counts.set(path, await countCsvRecords(path));
  return counts;
}
