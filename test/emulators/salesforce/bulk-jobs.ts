import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { DestinationRecord } from '../../../engine/destinations/destination.js';
import type { FaultInjector } from '../common/fault-injector.js';
import type { SalesforceOrg } from './salesforce-org.js';

interface IngestJob {
  id: string;
  object: string;
  externalIdFieldName: string;
  operation: string;
  state: 'Open' | 'UploadComplete' | 'InProgress' | 'JobComplete' | 'Failed' | 'Aborted';
  csv: string[];
  successful: Record<string, string>[];
  failed: Record<string, string>[];
  unprocessed: Record<string, string>[];
  columns: string[];
  /** Status polls left before the job reports itself complete: real jobs take a while. */
  pollsLeft: number;
}

/**
 * The Bulk API 2.0 ingest lifecycle: create (Open), upload CSV, UploadComplete, then InProgress and JobComplete on
 * later polls, and the three result CSVs. A job picked for a partial failure fails some records with
 * UNABLE_TO_LOCK_ROW, the transient record error a real org gives when another transaction holds the row.
 */
export class BulkJobs {
  readonly jobs = new Map<string, IngestJob>();
  /** Jobs created, over the emulator's life. */
  created = 0;
  /**
   * Batches spent from the daily allocation: Salesforce splits an ingest job's data into a batch per 10,000 records,
   * and every batch counts toward the 15,000 per rolling 24 hours shared with Bulk API 1.0
   * (https://developer.salesforce.com/docs/platform/salesforce-app-limits-cheatsheet/guide/salesforce-app-limits-platform-bulkapi.html).
   */
  batches = 0;
  /** When set, jobs stay InProgress however often they are polled: a job stuck in the org's queue. */
  stall = false;

  constructor(
    private readonly org: SalesforceOrg,
    private readonly faults: FaultInjector,
  ) {}

  create(body: { object?: string; externalIdFieldName?: string; operation?: string }): IngestJob | string {
    if (body.object === undefined || this.org.describe(body.object) === undefined) return `Invalid object: ${String(body.object)}`;
    if (body.operation !== 'upsert' || body.externalIdFieldName === undefined) return 'Only upsert with externalIdFieldName is emulated.';
    const job: IngestJob = { id: `750${randomUUID().replace(/-/g, '').slice(0, 15)}`, object: body.object, externalIdFieldName: body.externalIdFieldName, operation: 'upsert', state: 'Open', csv: [], successful: [], failed: [], unprocessed: [], columns: [], pollsLeft: 1 };
    this.jobs.set(job.id, job);
    this.created++;
    return job;
  }

  upload(id: string, csv: string): string | undefined {
    const job = this.jobs.get(id);
    if (job === undefined || job.state !== 'Open') return 'The job is not open for uploads.';
    job.csv.push(csv);
    return undefined;
  }

  /** Aborted: the job stops where it is; records it had not processed stay unprocessed. */
  abort(id: string): string | undefined {
    const job = this.jobs.get(id);
    if (job === undefined || job.state === 'JobComplete' || job.state === 'Failed') return 'The job cannot be aborted.';
    job.state = 'Aborted';
    return undefined;
  }

  /** UploadComplete: the records are processed at once, and shown as done after a poll. */
  complete(id: string): string | undefined {
    const job = this.jobs.get(id);
    if (job === undefined || job.state !== 'Open') return 'The job is not open.';
    const partial = this.faults.next(['partial']) === 'partial';
    let records = 0;
    for (const text of job.csv) {
      const rows = parse(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
      records += rows.length;
      if (rows.length > 0) job.columns = [...new Set([...job.columns, ...Object.keys(rows[0] as object)])];
      for (const row of rows) {
        if (partial && this.faults.recordFails()) {
          job.failed.push({ sf__Id: '', sf__Error: 'UNABLE_TO_LOCK_ROW:unable to obtain exclusive access to this record', ...row });
          continue;
        }
        const values: DestinationRecord = Object.fromEntries(Object.entries(row).filter(([, v]) => v !== '').map(([k, v]) => [k, v === '#N/A' ? null : v]));
        const answer = this.org.upsert(job.object, job.externalIdFieldName, values);
        if ('statusCode' in answer) job.failed.push({ sf__Id: '', sf__Error: `${answer.statusCode}:${answer.message}`, ...row });
        else job.successful.push({ sf__Id: answer.id, sf__Created: String(answer.created), ...row });
      }
    }
    this.batches += Math.max(1, Math.ceil(records / 10_000));
    job.state = 'InProgress';
    return undefined;
  }

  info(id: string): Record<string, unknown> | undefined {
    const job = this.jobs.get(id);
    if (job === undefined) return undefined;
    if (job.state === 'InProgress' && !this.stall && job.pollsLeft-- <= 0) job.state = 'JobComplete';
    return { id: job.id, object: job.object, operation: job.operation, state: job.state, externalIdFieldName: job.externalIdFieldName, numberRecordsProcessed: job.successful.length + job.failed.length, numberRecordsFailed: job.failed.length };
  }

  results(id: string, kind: 'successfulResults' | 'failedResults' | 'unprocessedrecords'): string | undefined {
    const job = this.jobs.get(id);
    if (job === undefined) return undefined;
    const head = kind === 'successfulResults' ? ['sf__Id', 'sf__Created'] : kind === 'failedResults' ? ['sf__Id', 'sf__Error'] : [];
    const rows = kind === 'successfulResults' ? job.successful : kind === 'failedResults' ? job.failed : job.unprocessed;
    const columns = [...head, ...job.columns];
    return stringify([columns, ...rows.map((r) => columns.map((c) => r[c] ?? ''))], { record_delimiter: '\n' });
  }
}
