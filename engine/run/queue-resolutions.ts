import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { QueueRow } from './load-runner.js';
import type { QueueName } from './row-mapper.js';
import { RowReportWriter } from '../reports/row-report-writer.js';

export const QUEUES: readonly QueueName[] = ['orphans', 'owners'];

export function queuePath(engagementDir: string, queue: QueueName): string {
  return join(engagementDir, 'queues', `${queue}.csv`);
}

/** Key of one held cell: the load, the row's source key and the column the admin resolves. */
export function resolutionKey(load: string, sourceKey: string, column: string): string {
  return `${load}\u0000${sourceKey}\u0000${column}`;
}

/**
 * The admin's answers in the engagement's queue files: for an orphan, the key (or name) of the record to link; for an
 * owner, the email of the destination user. Rows left blank stay held. The files are small (one row per held cell),
 * so they are read whole.
 */
export function readQueues(engagementDir: string): { rows: Map<QueueName, QueueRow[]>; resolutions: Map<string, string> } {
  const rows = new Map<QueueName, QueueRow[]>();
  const resolutions = new Map<string, string>();
  for (const queue of QUEUES) {
    const path = queuePath(engagementDir, queue);
    if (!existsSync(path)) continue;
    const parsed = parse(readFileSync(path), { columns: true, bom: true, skip_empty_lines: true }) as QueueRow[];
    rows.set(queue, parsed);
    for (const row of parsed) {
      const answer = String(row.resolution ?? '').trim();
      if (answer !== '') resolutions.set(resolutionKey(String(row.load), String(row.source_key), String(row.column)), answer);
    }
  }
  return { rows, resolutions };
}

/**
 * A queue file written as the run goes. It remembers which cells it held, so that afterwards the admin's earlier
 * answers that worked can be kept in the file: a rerun needs them again, and they document what was decided.
 */
export class QueueWriter extends RowReportWriter<QueueRow> {
  readonly held = new Set<string>();

  constructor(engagementDir: string, queue: QueueName) {
    super(queuePath(engagementDir, queue), ['file', 'line', 'load', 'source_key', 'column', 'value', 'reason', 'resolution']);
  }

  override write(row: QueueRow): void {
    this.held.add(resolutionKey(String(row.load), String(row.source_key), String(row.column)));
    super.write(row);
  }

  /** Appends the earlier rows whose answer let them load this time. */
  keepResolved(previous: readonly QueueRow[]): void {
    for (const row of previous) {
      const key = resolutionKey(String(row.load), String(row.source_key), String(row.column));
      if (String(row.resolution ?? '').trim() !== '' && !this.held.has(key)) super.write(row);
    }
  }
}
