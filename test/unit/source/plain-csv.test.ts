import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { plainCsvRecords, plainCsvShape } from '../../../engine/source/plain-csv.js';
import { Rng } from '../../../engine/util/rng.js';

/** Pieces real exports are made of, and the ones that break them: quotes, doubled quotes, every line ending, spaces. */
const PIECES = ['a', 'bc', 'é', ',', ',', '"', '""', '\n', '\n', '\r\n', '\r', ' ', ';'];
const dir = mkdtempSync(join(tmpdir(), 'plain-csv-'));

/** What the strict parser makes of the text: its records, or the code of the error it refuses the text with. */
function strict(text: string, delimiter: string): string[][] | string {
  try {
    return parse(text, { delimiter, relax_column_count: true, record_delimiter: ['\r\n', '\n', '\r'] }) as string[][];
  } catch (error) {
    return (error as { code?: string }).code ?? 'error';
  }
}

async function fast(text: string, delimiter: string, chunk: number): Promise<string[][] | undefined> {
  const file = join(dir, 'case.csv');
  writeFileSync(file, text);
  const shape = await plainCsvShape(file, delimiter, 'utf-8', chunk);
  if (shape === undefined) return undefined;
  // The text arrives in pieces of `chunk` characters, as a stream cuts it, so records span chunk boundaries.
  const pieces: string[] = [];
  for (let at = 0; at < text.length; at += chunk) pieces.push(text.slice(at, at + chunk));
  const records: string[][] = [];
  for await (const chunk of plainCsvRecords(Readable.from(pieces), delimiter, shape)) records.push(...chunk.records);
  return records;
}

describe('the fast CSV path', () => {
  it('given 3,000 random texts, reads every one it accepts exactly as csv-parse does, and accepts none that csv-parse refuses', async () => {
    const rng = new Rng(20261205);
    let accepted = 0;
    let refusedByStrict = 0;
    for (let n = 0; n < 3000; n += 1) {
      const delimiter = rng.next() < 0.8 ? ',' : ';';
      const text = Array.from({ length: Math.floor(rng.next() * 24) }, () => PIECES[Math.floor(rng.next() * PIECES.length)]).join('');
      const expected = strict(text, delimiter);
      const got = await fast(text, delimiter, 1 + Math.floor(rng.next() * 7));
      if (typeof expected === 'string') refusedByStrict += 1;
      if (got === undefined) continue;
      accepted += 1;
      expect({ text, records: got }).toEqual({ text, records: expected });
    }
    // Both paths are exercised: many texts are regular, many are not.
    expect(accepted).toBeGreaterThan(400);
    expect(refusedByStrict).toBeGreaterThan(400);
  });

  it('given the shapes real exports have, takes the fast path for LF and CRLF files and the strict one for mixed endings and stray quotes', async () => {
    expect(await fast('Id,Name\n1,"Kite ""Pharma"" plc"\n2,"Line one\nline two"\n', ',', 1 << 20)).toEqual([['Id', 'Name'], ['1', 'Kite "Pharma" plc'], ['2', 'Line one\nline two']]);
    expect(await fast('Id;Name\r\n1;"a;b"\r\n\r\n2;c', ';', 1 << 20)).toEqual([['Id', 'Name'], ['1', 'a;b'], [''], ['2', 'c']]);
    expect(await fast('Id,Name\r\n1,a\n2,b\n', ',', 1 << 20)).toBeUndefined();
    expect(await fast('Id,Name\n1,5\'10" tall\n', ',', 1 << 20)).toBeUndefined();
    expect(await fast('Id,Name\n1,"open\n', ',', 1 << 20)).toBeUndefined();
    expect(await fast('Id,Name\r1,a\r', ',', 1 << 20)).toBeUndefined();
  });
});
