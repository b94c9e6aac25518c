import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { DestinationRecord } from '../destination.js';
import type { WriteOutcome } from './record-outcome.js';
import { SalesforceLimitError, type SalesforceClient } from './salesforce-client.js';
import { SalesforceSetupError } from './salesforce-settings.js';

/** A Bulk job that did not finish in the time allowed: the run stops (exit 3) and resumes when started again. */
export class SalesforceBulkTimeoutError extends SalesforceSetupError {}

/** Salesforce splits an ingest job into internal batches of this many records; each spends one daily batch. */
export const RECORDS_PER_BULK_BATCH = 10_000;

interface JobInfo {
  id: string;
  state: 'Open' | 'UploadComplete' | 'InProgress' | 'JobComplete' | 'Failed' | 'Aborted';
  errorMessage?: string;
}

/**
 * Bulk API 2.0 upserts on an External ID field. Lookup columns carry record ids, not relationship columns such as
 * `Account.Legacy_Id__c`: the engine has already resolved every lookup from its ledger, and an id needs no external
 * id on the parent object. `#N/A` is the documented way to set a field to null in a Bulk CSV (empty means "leave").
 */
export class BulkIngest {
  jobs = 0;
  private batchesLeft = Number.POSITIVE_INFINITY;

  constructor(
    private readonly client: SalesforceClient,
    private readonly maxJobs: number,
    private readonly pollMs: number,
    /** How long a job may run before it is aborted; a job stuck in the org's queue must not hold the run forever. */
    private readonly timeoutMs: number = 30 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** The remaining daily batch allocation, from `/limits`. */
  limitBatches(remaining: number): void {
    this.batchesLeft = remaining;
  }

  async upsert(object: string, keyField: string, records: readonly DestinationRecord[]): Promise<WriteOutcome[]> {
    const batches = Math.ceil(records.length / RECORDS_PER_BULK_BATCH);
    if (this.jobs >= this.maxJobs) throw new SalesforceLimitError(`Loading ${object} needs another Bulk API ingest job, but the run may start only ${this.maxJobs} (SALESFORCE_MAX_BULK_JOBS); stopped before starting it.`);
    if (batches > this.batchesLeft) throw new SalesforceLimitError(`Loading ${records.length} ${object} records needs ${batches} Bulk API batches but only ${this.batchesLeft} remain today; stopped before starting the job.`);
    this.jobs++;
    this.batchesLeft -= batches;
    const base = `${this.client.apiBase}/jobs/ingest`;
    const job = await this.client.call<JobInfo>('POST', base, { body: { object, externalIdFieldName: keyField, contentType: 'CSV', operation: 'upsert', lineEnding: 'LF' } });
    await this.client.call('PUT', `${base}/${job.id}/batches`, { body: toCsv(records), contentType: 'text/csv' });
    await this.client.call('PATCH', `${base}/${job.id}`, { body: { state: 'UploadComplete' } });
    const done = await this.finished(`${base}/${job.id}`, object);
    const byKey = new Map<string, WriteOutcome>();
    if (done.state === 'JobComplete') {
      for (const row of await this.results(`${base}/${job.id}/successfulResults`)) {
        byKey.set(row[keyField] ?? '', { ...(row.sf__Id ? { id: row.sf__Id } : {}), created: row.sf__Created === 'true' });
      }
      for (const row of await this.results(`${base}/${job.id}/failedResults`)) {
        const message = row.sf__Error ?? 'UNKNOWN:no message';
        byKey.set(row[keyField] ?? '', { error: { code: message.split(':')[0] ?? 'UNKNOWN', message } });
      }
    }
    // Records the job never reached (it was aborted or failed midway) are sent again by the caller's retry rounds.
    for (const row of await this.results(`${base}/${job.id}/unprocessedrecords`)) {
      byKey.set(row[keyField] ?? '', { error: { code: 'NOT_PROCESSED', message: `NOT_PROCESSED: the job ended ${done.state} before this record.` } });
    }
    const why = done.state === 'JobComplete' ? 'the job did not process this record' : `the job ended ${done.state}${done.errorMessage ? `: ${done.errorMessage}` : ''}`;
    return records.map((r) => byKey.get(String(r[keyField])) ?? { error: { code: 'NOT_PROCESSED', message: `NOT_PROCESSED: ${why}.` } });
  }

  private async finished(url: string, object: string): Promise<JobInfo> {
    const deadline = this.now() + this.timeoutMs;
    for (;;) {
      const info = await this.client.call<JobInfo>('GET', url);
      if (info.state === 'JobComplete' || info.state === 'Failed' || info.state === 'Aborted') return info;
      if (this.now() >= deadline) {
        // Aborted so that it writes nothing after the run has stopped; what it wrote is matched by source key next time.
        await this.client.call('PATCH', url, { body: { state: 'Aborted' } }).catch(() => undefined);
        const minutes = Math.round(this.timeoutMs / 60_000);
        throw new SalesforceBulkTimeoutError(
          `The Bulk API job ${info.id} loading ${object} was still ${info.state} after ${minutes >= 1 ? `${minutes} min` : `${this.timeoutMs} ms`} (SALESFORCE_BULK_TIMEOUT_MS); it was aborted. ` +
            'Check Setup > Bulk Data Load Jobs in the org, then run apply again: it resumes, and records the job wrote are matched by their source key.',
        );
      }
      await new Promise((resolve) => setTimeout(resolve, this.pollMs));
    }
  }

  private async results(url: string): Promise<Record<string, string>[]> {
    const text = await this.client.call<string>('GET', url, { text: true });
    if (typeof text !== 'string' || text.trim() === '') return [];
    return parse(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  }
}

export function toCsv(records: readonly DestinationRecord[]): string {
  const columns = [...new Set(records.flatMap((r) => Object.keys(r)))];
  const rows = records.map((r) => columns.map((c) => csvValue(r[c])));
  return stringify([columns, ...rows], { record_delimiter: '\n' });
}

function csvValue(value: DestinationRecord[string] | undefined): string {
  if (value === undefined) return '';
  if (value === null || value === '') return '#N/A';
  return String(value);
}
