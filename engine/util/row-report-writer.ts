import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { dirname } from 'node:path';
import { stringify, type Stringifier } from 'csv-stringify';
import { neutraliseCell } from './spreadsheet-cell.js';
import { diskFullError } from './disk-full.js';

/**
 * A CSV written row by row as the run goes (exceptions, queues), so a run with millions of problem rows keeps a flat
 * memory profile. The file is created on the first row only: no problems, no file. These files are opened by people
 * in a spreadsheet, so every text cell is neutralised against formula injection (see util/spreadsheet-cell.ts); numbers
 * (line numbers, counts) are written as they are.
 */
export class RowReportWriter<T extends Record<string, string | number>> {
  private stringifier: Stringifier | undefined;
  private out: WriteStream | undefined;
  /** A write that failed (a full disk): kept until close(), since a stream error with no listener ends the process. */
  private failure: Error | undefined;
  rows = 0;

  constructor(
    readonly path: string,
    private readonly columns: readonly (keyof T & string)[],
  ) {}

  write(row: T): void {
    if (this.stringifier === undefined) {
      mkdirSync(dirname(this.path), { recursive: true });
      this.out = createWriteStream(this.path).on('error', (error) => {
        this.failure ??= error;
      });
      this.stringifier = stringify({ header: true, columns: [...this.columns] });
      this.stringifier.pipe(this.out);
    }
    this.rows += 1;
    const safe: Record<string, string | number> = {};
    for (const column of this.columns) {
      const value: string | number | undefined = row[column];
      safe[column] = typeof value === 'string' ? neutraliseCell(value) : (value ?? '');
    }
    this.stringifier.write(safe);
  }

  /**
   * Resolves once the rows written so far are on their way to the file. `write` is synchronous and buffers; a run
   * awaits this after each batch, so that when the disk is slower than the run (a loaded machine, a network drive)
   * the buffer of a million-row success file does not grow in memory instead.
   */
  async drained(): Promise<void> {
    const { stringifier, out } = this;
    if (stringifier === undefined || out === undefined || this.failure !== undefined) return;
    // A failed file (a full disk) never drains: its error ends the wait, and close() reports it.
    const settle = (stream: NodeJS.WritableStream & { writableNeedDrain: boolean }): Promise<void> | undefined =>
      stream.writableNeedDrain
        ? new Promise<void>((resolve) => {
            const done = (): void => {
              stream.off('drain', done);
              out.off('error', done);
              resolve();
            };
            stream.once('drain', done);
            out.once('error', done);
          })
        : undefined;
    await settle(stringifier);
    await settle(out);
  }

  async close(): Promise<void> {
    const { stringifier, out } = this;
    if (stringifier === undefined || out === undefined) return;
    await new Promise<void>((resolve, reject) => {
      if (this.failure !== undefined) reject(this.failure);
      out.on('finish', resolve);
      out.on('error', reject);
      stringifier.end();
    }).catch((error: unknown) => {
      throw diskFullError(error, this.path) ?? error;
    });
  }
}
