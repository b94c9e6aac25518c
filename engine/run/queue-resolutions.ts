import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CsvError } from 'csv-parse/sync';
import { RowReportWriter } from '../util/row-report-writer.js';
import { readSpreadsheetCsv } from '../util/spreadsheet-csv.js';
import { InputError } from '../util/input-error.js';

export type QueueName = 'orphans' | 'owners';

/** One row of a queue file: a source row a person must answer for, and the answer's cell. */
export interface QueueRow extends Record<string, string | number> {
  file: string;
  line: number;
  load: string;
  source_key: string;
  column: string;
  value: string;
  reason: string;
  /** Left empty for the admin: the record key, account or user email to use instead. */
  resolution: string;
}

export const QUEUES: readonly QueueName[] = ['orphans', 'owners'];

export function queuePath(engagementDir: string, queue: QueueName): string {
  return join(engagementDir, 'queues', `${queue}.csv`);
}

/** Key of one held cell: the load, the row's source key and the column the admin resolves. */
export function resolutionKey(load: string, sourceKey: string, column: string): string {
  return `${load}\u0000${sourceKey}\u0000${column}`;
}

/** Key of an owner answer: one per source owner, whatever load or record it owns. */
export function ownerResolutionKey(owner: string): string {
  return `owner\u0000${owner.trim().toLowerCase()}`;
}

/** A queue file's row as read back: lower-cased column names to cell text. */
export type QueueFileRow = Record<string, string>;

/**
 * The admin's answers in the engagement's queue files: for an orphan, the key (or name) of the record to link; for an
 * owner, the email of the destination user, once per source owner. Rows left blank stay held. The files may have been
 * saved again by a spreadsheet (another delimiter, another encoding): see readSpreadsheetCsv. Only the answered rows
 * are kept (`answered`): a first run whose owners nobody has mapped yet holds every row, and its orphan queue can have
 * as many rows as the export; answers are what a person typed, so they are few.
 */
export function readQueues(engagementDir: string): { answered: Map<QueueName, QueueFileRow[]>; resolutions: Map<string, string> } {
  const answered = new Map<QueueName, QueueFileRow[]>();
  const resolutions = new Map<string, string>();
  for (const queue of QUEUES) {
    const path = queuePath(engagementDir, queue);
    if (!existsSync(path)) continue;
    const parsed = readQueueFile(path, queue);
    answered.set(queue, parsed);
    for (const row of parsed) {
      const answer = (row['resolution'] ?? '').trim();
      // Owner files written before owners were grouped have one row per record, keyed like orphans.
      if (queue === 'owners' && row['source_key'] === undefined) resolutions.set(ownerResolutionKey(row['owner'] ?? ''), answer);
      else resolutions.set(resolutionKey(row['load'] ?? '', row['source_key'] ?? '', row['column'] ?? ''), answer);
    }
  }
  return { answered, resolutions };
}

/** A queue file a person edited so that it no longer parses is their input to fix, not a crash. */
function readQueueFile(path: string, queue: QueueName): QueueFileRow[] {
  try {
    return readSpreadsheetCsv(path, (row) => (row['resolution'] ?? '').trim() !== '');
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    return failOn(error, queue);
  }
}

function failOn(error: CsvError, queue: QueueName): never {
  const line = (error as CsvError & { lines?: number }).lines;
  throw new InputError(`the queue file cannot be read: ${error.message.replace(/^Invalid[^:]*: /, '').replace(/\.?$/, '.')}`, {
    code: 'queue/parse',
    file: join('queues', `${queue}.csv`),
    ...(line === undefined ? {} : { line }),
    hint: 'Fix that line in a spreadsheet or text editor (or delete the file to have the queue written afresh), then rerun.',
  });
}

/** One row of the owner queue: a source owner no destination user matched, and how many records wait on them. */
interface OwnerQueueRow extends Record<string, string | number> {
  owner: string;
  records: number;
  /** Per load, how many records: `contacts: 12; opportunities: 3`. */
  loads: string;
  /** Where the first of them is, `contacts.csv:14`, to look the owner up in the export. */
  first_row: string;
  reason: string;
  resolution: string;
}

const OWNER_COLUMNS = ['owner', 'records', 'loads', 'first_row', 'reason', 'resolution'] as const;

/**
 * A queue file written as the run goes. It remembers which of the admin's earlier answers it held again, so that
 * afterwards the answers that worked can be kept in the file: a rerun needs them again, and they document what was
 * decided. Only cells that have an answer are remembered (`answered`, the queues' answers as the run read them): a
 * first run whose orphans nobody has answered yet holds every one of them, and remembering each cost memory per row.
 *
 * The owner queue is grouped: an unknown owner often owns thousands of records, and the admin answers once per owner,
 * so it has one row per owner with the count of their records. Owners are few, so they are gathered in memory and
 * written when the queue closes.
 */
export class QueueWriter extends RowReportWriter<QueueRow> {
  /** Answered cells (and, in the owner queue, owners) held again by this run. */
  readonly held = new Set<string>();
  private readonly owners = new Map<string, { row: OwnerQueueRow; perLoad: Map<string, number> }>();
  private readonly kept: OwnerQueueRow[] = [];

  constructor(
    private readonly engagementDir: string,
    private readonly queue: QueueName,
    private readonly answered: ReadonlyMap<string, string>,
  ) {
    super(queuePath(engagementDir, queue), ['file', 'line', 'load', 'source_key', 'column', 'value', 'reason', 'resolution']);
  }

  override write(row: QueueRow): void {
    if (this.queue !== 'owners') {
      const key = resolutionKey(String(row.load), String(row.source_key), String(row.column));
      if (this.answered.has(key)) this.held.add(key);
      super.write(row);
      return;
    }
    const owner = String(row.value).trim();
    const key = ownerResolutionKey(owner);
    this.held.add(key);
    let entry = this.owners.get(key);
    if (entry === undefined) {
      entry = { row: { owner, records: 0, loads: '', first_row: `${row.file}:${row.line}`, reason: String(row.reason), resolution: '' }, perLoad: new Map() };
      this.owners.set(key, entry);
    }
    entry.row.records += 1;
    entry.perLoad.set(String(row.load), (entry.perLoad.get(String(row.load)) ?? 0) + 1);
  }

  /** Appends the earlier rows whose answer let them load this time. */
  keepResolved(previous: readonly QueueFileRow[]): void {
    for (const row of previous) {
      if ((row['resolution'] ?? '').trim() === '') continue;
      if (this.queue !== 'owners') {
        const key = resolutionKey(row['load'] ?? '', row['source_key'] ?? '', row['column'] ?? '');
        if (!this.held.has(key)) super.write(fileRow(row));
        continue;
      }
      const owner = row['owner'] ?? row['value'] ?? '';
      const key = ownerResolutionKey(owner);
      if (this.held.has(key)) continue;
      this.held.add(key);
      this.kept.push({
        owner,
        records: Number(row['records'] ?? 1) || 1,
        loads: row['loads'] ?? row['load'] ?? '',
        first_row: row['first_row'] ?? `${row['file'] ?? ''}:${row['line'] ?? ''}`,
        reason: row['reason'] ?? '',
        resolution: row['resolution'] ?? '',
      });
    }
  }

  override async close(): Promise<void> {
    if (this.queue !== 'owners') return super.close();
    const out = new RowReportWriter<OwnerQueueRow>(queuePath(this.engagementDir, 'owners'), OWNER_COLUMNS);
    const grouped = [...this.owners.values()].sort((a, b) => b.row.records - a.row.records || a.row.owner.localeCompare(b.row.owner));
    for (const { row, perLoad } of grouped) out.write({ ...row, loads: [...perLoad].map(([load, n]) => `${load}: ${n}`).join('; ') });
    for (const row of this.kept) out.write(row);
    await out.close();
    this.rows = out.rows;
  }
}

function fileRow(row: QueueFileRow): QueueRow {
  return {
    file: row['file'] ?? '',
    line: Number(row['line'] ?? 0),
    load: row['load'] ?? '',
    source_key: row['source_key'] ?? '',
    column: row['column'] ?? '',
    value: row['value'] ?? '',
    reason: row['reason'] ?? '',
    resolution: row['resolution'] ?? '',
  };
}
