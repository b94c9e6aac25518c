import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { dirname } from 'node:path';
import { neutraliseCell } from './spreadsheet-cell.js';
import { diskFullError } from './disk-full.js';

/** Rows held before they are written even if no batch ends: bounds memory for a writer nobody drains. */
const FLUSH_ROWS = 1000;

/**
 * A CSV written row by row as the run goes (exceptions, queues), so a run with millions of problem rows keeps a flat
 * memory profile. The file is created on the first row only: no problems, no file. These files are opened by people
 * in a spreadsheet, so every text cell is neutralised against formula injection (see util/spreadsheet-cell.ts); numbers
 * (line numbers, counts) are written as they are.
 */
export class RowReportWriter<T extends Record<string, string | number>> {
  private out: WriteStream | undefined;
  /**
   * Lines written since the last flush, each already CSV text. They go to the file as one text a batch (at `drained`,
   * `close`, or every FLUSH_ROWS): csv-stringify's stream form cost a Transform step per row (0.5 s of a
   * 240,000-row run), and its sync form, given the rows as objects, still 0.3 s plus the copies; `csvLine` below takes
   * 0.04 s for the same rows.
   */
  private pending: string[] = [];
  /** A write that failed (a full disk): kept until close(), since a stream error with no listener ends the process. */
  private failure: Error | undefined;
  rows = 0;

  constructor(
    readonly path: string,
    private readonly columns: readonly (keyof T & string)[],
  ) {}

  write(row: T): void {
    if (this.out === undefined) {
      mkdirSync(dirname(this.path), { recursive: true });
      this.out = createWriteStream(this.path).on('error', (error) => {
        this.failure ??= error;
      });
      this.pending.push(csvLine(this.columns, (column) => column));
    }
    this.rows += 1;
    this.pending.push(
      csvLine(this.columns, (column) => {
        const value: string | number | undefined = row[column];
        return typeof value === 'string' ? neutraliseCell(value) : value === undefined ? '' : String(value);
      }),
    );
    if (this.pending.length >= FLUSH_ROWS) this.flush();
  }

  private flush(): void {
    if (this.out === undefined || this.pending.length === 0) return;
    this.out.write(this.pending.join(''));
    this.pending = [];
  }

  /**
   * Resolves once the rows written so far are on their way to the file. `write` is synchronous and buffers; a run
   * awaits this after each batch, so that when the disk is slower than the run (a loaded machine, a network drive)
   * the buffer of a million-row success file does not grow in memory instead.
   */
  async drained(): Promise<void> {
    this.flush();
    const { out } = this;
    if (out === undefined || this.failure !== undefined) return;
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
    await settle(out);
  }

  async close(): Promise<void> {
    this.flush();
    const { out } = this;
    if (out === undefined) return;
    await new Promise<void>((resolve, reject) => {
      if (this.failure !== undefined) reject(this.failure);
      out.on('finish', resolve);
      out.on('error', reject);
      out.end();
    }).catch((error: unknown) => {
      throw diskFullError(error, this.path) ?? error;
    });
  }
}

/** A cell that holds the delimiter, a quote or a line break is quoted (RFC 4180), as csv-stringify quotes it. */
const NEEDS_QUOTES = /[",\r\n]/;

/** One CSV record, ending in a line feed: each column's cell from `cell`, quoted where RFC 4180 requires. */
function csvLine<C extends string>(columns: readonly C[], cell: (column: C) => string): string {
  let line = '';
  for (let i = 0; i < columns.length; i++) {
    const text = cell(columns[i] as C);
    if (i > 0) line += ',';
    line += NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  }
  return line + '\n';
}
