import { readFile } from 'node:fs/promises';
import type { Destination, DestinationRecord, DestinationSetup, OutgoingRecord, RecordPatch, RecordResult, SetupProblem, CloseRequest, CloseResult } from '../destination.js';
import { closeByUpdate } from '../close-values.js';
import { closeRules, type CloseRule } from '../../spec/close-rule.js';
import { sameValue } from '../model/value-diff.js';
import { storedSourceKey } from '../stored-source-key.js';
import { BulkIngest } from './bulk-ingest.js';
import { COLLECTION_SIZE, deleteCollections, updateCollections, upsertCollections } from './collections-writer.js';
import { Rejection } from './field-values.js';
import { auditNote, describeObjects, setupProblems, writableValues, type ObjectMetadata } from './org-metadata.js';
import { withRecordRetries, type WriteOutcome } from './record-outcome.js';
import { SalesforceClient } from './salesforce-client.js';
import { redactSecrets } from '../http/redact-secrets.js';
import { readSettings, SalesforceSetupError, type SalesforceSettings } from './salesforce-settings.js';
import { countRecords, query, selectWhereIn } from './soql-reader.js';

interface OrgLimits {
  DailyApiRequests?: { Max: number; Remaining: number };
  DailyBulkApiBatches?: { Max: number; Remaining: number };
}

/**
 * A Salesforce org reached through its REST API: sObject Collections for small sets, Bulk API 2.0 ingest jobs for
 * volume, upserts matched on the External ID field `rules.sourceKeyField`. Every call goes through one client and
 * its RequestGovernor.
 */
export class SalesforceDestination implements Destination {
  readonly label: string;
  /** Large batches let an object cross the Bulk threshold; smaller calls are split into Collections of 200. */
  readonly preferredBatchSize = 10_000;
  /** Warnings for the run (audit fields the org will not take); they do not stop the load. */
  readonly notes: string[] = [];
  private client: SalesforceClient | undefined;
  private bulk: BulkIngest | undefined;
  private objects = new Map<string, ObjectMetadata | undefined>();
  private keyField = 'Legacy_Id__c';
  private userObject = 'User';
  private closes = new Map<string, CloseRule>();

  constructor(
    private readonly location: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {
    this.label = `salesforce:${location}`;
  }

  async open(setup: DestinationSetup): Promise<SetupProblem[]> {
    const problems = await this.preflight(setup);
    this.closes = closeRules(setup.destination);
    if (problems.length === 0) await this.readLimits();
    return problems;
  }

  async preflight(setup: DestinationSetup): Promise<SetupProblem[]> {
    const client = await this.connect();
    const rules = setup.destination.rules ?? {};
    this.keyField = rules.sourceKeyField ?? this.keyField;
    this.userObject = rules.userObject ?? this.userObject;
    const limits = { ...(rules.dateMin === undefined ? {} : { dateMin: rules.dateMin }), ...(rules.dateMax === undefined ? {} : { dateMax: rules.dateMax }) };
    this.objects = await this.guard(() => describeObjects(client, setup.objects, limits));
    // Checked before any record moves, so that plan says it too: without the permission, records load with the load date.
    const note = auditNote(this.objects);
    if (note !== undefined && !this.notes.includes(note)) this.notes.push(note);
    return setupProblems(setup, this.objects, this.keyField);
  }

  /** Salesforce closes an opportunity by its stage: the closed stage, with the actual close date and amount. */
  async closeRecords(object: string, requests: readonly CloseRequest[]): Promise<CloseResult[]> {
    const rule = this.closes.get(object);
    if (rule === undefined) return requests.map(() => ({ status: 'failed', error: `The platform declares no way to close a ${object}.` }));
    return closeByUpdate(rule, object, requests, (ids, attributes) => this.read(object, ids, attributes), (patches) => this.patch(object, patches));
  }

  async upsert(object: string, records: readonly OutgoingRecord[]): Promise<RecordResult[]> {
    const meta = this.meta(object);
    const attributes = [...new Set(records.flatMap((r) => Object.keys(r.values)))].filter((a) => comparable(meta, a));
    const keys = records.map((r) => storedSourceKey(r.sourceKey));
    const existing = new Map((await this.guard(() => selectWhereIn(this.need(), object, this.keyField, keys, attributes))).map((r) => [String(r[this.keyField]), r]));
    const results: RecordResult[] = new Array(records.length);
    const toWrite: { index: number; record: DestinationRecord }[] = [];
    records.forEach((r, index) => {
      const before = existing.get(keys[index] as string);
      const values = writableValues(meta, r.values);
      if (before !== undefined && this.holds(object, before, values)) {
        results[index] = { sourceKey: r.sourceKey, id: String(before.Id), status: 'unchanged', version: String(before.SystemModstamp) };
      } else toWrite.push({ index, record: { ...values, [this.keyField]: keys[index] as string } });
    });
    const useBulk = toWrite.length > this.settings().bulkThreshold;
    this.need().reserve(useBulk ? 12 + Math.ceil(toWrite.length / COLLECTION_SIZE) : 2 * Math.ceil(toWrite.length / COLLECTION_SIZE), `${toWrite.length} ${object} records`);
    const outcomes = await this.guard(() =>
      withRecordRetries(toWrite.map((w) => w.record), (items) =>
        items.length > this.settings().bulkThreshold ? (this.bulk as BulkIngest).upsert(object, this.keyField, items) : upsertCollections(this.need(), object, this.keyField, items),
      ),
    );
    toWrite.forEach((w, i) => {
      const sourceKey = records[w.index]?.sourceKey as string;
      const before = existing.get(keys[w.index] as string);
      const previous = before === undefined ? undefined : pick(before, Object.keys(w.record).filter((k) => k !== this.keyField && comparable(meta, k)));
      results[w.index] = result(outcomes[i] as WriteOutcome, sourceKey, previous);
    });
    await this.stampVersions(object, results);
    return results;
  }

  async patch(object: string, patches: readonly RecordPatch[]): Promise<RecordResult[]> {
    return this.update(object, patches, 'updated');
  }

  async restore(object: string, records: readonly { id: string; values: DestinationRecord }[]): Promise<RecordResult[]> {
    return this.update(object, records, 'restored');
  }

  async read(object: string, ids: readonly string[], attributes?: readonly string[]): Promise<Map<string, DestinationRecord>> {
    const meta = this.meta(object);
    const wanted = (attributes ?? [...meta.fields.keys()]).filter((a) => comparable(meta, a));
    const rows = await this.guard(() => selectWhereIn(this.need(), object, 'Id', ids, wanted));
    return new Map(rows.map((row) => [String(row.Id), pick(row, wanted)]));
  }

  normalize(object: string, values: DestinationRecord): DestinationRecord {
    const meta = this.meta(object);
    const out: DestinationRecord = {};
    for (const [name, value] of Object.entries(writableValues(meta, values))) {
      // File bodies come back from SOQL as a link to the blob, never as the content, so they are not compared.
      if (!comparable(meta, name)) continue;
      const rule = meta.values.get(name);
      const shaped = rule === undefined ? value : rule(value);
      out[name] = shaped instanceof Rejection ? value : shaped;
    }
    return out;
  }

  async versions(object: string, ids: readonly string[]): Promise<Map<string, string>> {
    const rows = await this.guard(() => selectWhereIn(this.need(), object, 'Id', ids, []));
    return new Map(rows.map((r) => [String(r.Id), String(r.SystemModstamp)]));
  }

  async remove(object: string, ids: readonly string[]): Promise<RecordResult[]> {
    this.need().reserve(Math.ceil(ids.length / COLLECTION_SIZE), `the removal of ${ids.length} ${object} records`);
    const outcomes = await this.guard(() => withRecordRetries(ids, (chunk) => deleteCollections(this.need(), chunk)));
    return ids.map((id, i) => {
      const o = outcomes[i] as WriteOutcome;
      return o.error === undefined ? { id, status: 'deleted' } : { id, status: 'failed', error: o.error.message };
    });
  }

  async count(object: string): Promise<number> {
    return this.guard(() => countRecords(this.need(), object));
  }

  async users(): Promise<Map<string, { id: string; active: boolean; name: string }>> {
    const rows = await this.guard(() => query(this.need(), `SELECT Id, Email, IsActive, Name FROM ${this.userObject}`));
    const users = new Map<string, { id: string; active: boolean; name: string }>();
    for (const row of rows) if (typeof row.Email === 'string') users.set(row.Email.toLowerCase(), { id: String(row.Id), active: row.IsActive === true, name: String(row.Name ?? '') });
    return users;
  }

  async close(): Promise<void> {
    this.client = undefined;
    this.bulk = undefined;
  }

  /** What the run used, for reports and the goodput benchmark. */
  get stats(): { apiRequests: number; bulkJobs: number; governor: SalesforceClient['governor']['stats'] } | undefined {
    return this.client === undefined ? undefined : { apiRequests: this.client.apiRequests, bulkJobs: this.bulk?.jobs ?? 0, governor: this.client.governor.stats };
  }

  private async update(object: string, records: readonly { id: string; values: DestinationRecord }[], status: 'updated' | 'restored'): Promise<RecordResult[]> {
    const meta = this.meta(object);
    const items = records.map((r) => ({ id: r.id, values: writableValues(meta, r.values) }));
    this.need().reserve(2 * Math.ceil(items.length / COLLECTION_SIZE), `${items.length} ${object} updates`);
    const outcomes = await this.guard(() => withRecordRetries(items, (chunk) => updateCollections(this.need(), object, chunk)));
    const results = records.map((r, i): RecordResult => {
      const o = outcomes[i] as WriteOutcome;
      return o.error === undefined ? { id: r.id, status } : { id: r.id, status: 'failed', error: o.error.message };
    });
    await this.stampVersions(object, results);
    return results;
  }

  /** SystemModstamp after the write: what a later delta run compares to spot edits made by someone else. */
  private async stampVersions(object: string, results: RecordResult[]): Promise<void> {
    const written = results.filter((r) => r.id !== undefined && r.status !== 'failed' && r.status !== 'unchanged');
    if (written.length === 0) return;
    const versions = await this.versions(object, written.map((r) => r.id as string));
    for (const r of written) {
      const version = versions.get(r.id as string);
      if (version !== undefined) r.version = version;
    }
  }

  private holds(object: string, before: DestinationRecord, values: DestinationRecord): boolean {
    const expected = this.normalize(object, values);
    return Object.entries(expected).every(([name, value]) => sameValue(value, before[name]));
  }

  private async readLimits(): Promise<void> {
    const client = this.need();
    const settings = this.settings();
    const limits = await this.guard(() => client.call<OrgLimits>('GET', `${client.apiBase}/limits`));
    const remaining = Math.min(limits.DailyApiRequests?.Remaining ?? Number.POSITIVE_INFINITY, settings.maxApiRequests ?? Number.POSITIVE_INFINITY);
    client.limitRequests(remaining);
    this.bulk?.limitBatches(limits.DailyBulkApiBatches?.Remaining ?? Number.POSITIVE_INFINITY);
  }

  private async connect(): Promise<SalesforceClient> {
    if (this.client !== undefined) return this.client;
    const settings = await readSettings(this.location, this.env, (path) => readFile(path, 'utf8'));
    const client = new SalesforceClient(settings);
    await this.guard(() => client.signIn());
    this.client = client;
    this.bulk = new BulkIngest(client, settings.maxBulkJobs ?? Number.POSITIVE_INFINITY, settings.pollMs, settings.bulkTimeoutMs);
    return client;
  }

  /** Any error leaving the target is scrubbed of the secret and the token, whatever library raised it. */
  private async guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof SalesforceSetupError || this.client === undefined) throw error;
      if (error instanceof Error) error.message = redactSecrets(error.message, this.client.settings.secrets);
      throw error;
    }
  }

  private settings(): SalesforceSettings {
    return this.need().settings;
  }

  private need(): SalesforceClient {
    if (this.client === undefined) throw new Error(`${this.label} is not open; call open() first.`);
    return this.client;
  }

  private meta(object: string): ObjectMetadata {
    const meta = this.objects.get(object);
    if (meta === undefined) throw new Error(`${this.label} has not described ${object}; name it in the setup's objects.`);
    return meta;
  }
}

/** Fields SOQL can return as values: not base64 bodies, and not fields the org lacks. */
function comparable(meta: ObjectMetadata, name: string): boolean {
  const field = meta.fields.get(name);
  return field !== undefined && field.type !== 'base64';
}

function pick(record: DestinationRecord, names: readonly string[]): DestinationRecord {
  return Object.fromEntries(names.map((n) => [n, record[n] ?? null]));
}

function result(outcome: WriteOutcome, sourceKey: string, previous: DestinationRecord | undefined): RecordResult {
  if (outcome.error !== undefined || outcome.id === undefined) return { sourceKey, status: 'failed', error: outcome.error?.message ?? 'Salesforce returned no id.' };
  if (outcome.created === true || previous === undefined) return { sourceKey, id: outcome.id, status: 'created' };
  return { sourceKey, id: outcome.id, status: 'updated', previous };
}
