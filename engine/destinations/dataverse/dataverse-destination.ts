import type { CloseRequest, CloseResult, Destination, DestinationRecord, DestinationSetup, OutgoingRecord, RecordPatch, RecordResult, SetupProblem } from '../destination.js';
import type { PlatformSpec } from '../../spec/generated/platform-spec.js';
import type { ValueLimits } from '../model/coerce.js';
import { tableSchema, type TableSchema } from '../model/table-schema.js';
import { runBatch } from './batch-writer.js';
import { BulkMessageSupport, RECORDS_PER_BULK_MESSAGE } from './bulk-write.js';
import { dataverseSettings, type DataverseSettings } from './dataverse-settings.js';
import { fetchBy } from './entity-fetch.js';
import { readOrgMetadata } from './metadata-check.js';
import { RecordLocator } from './record-locator.js';
import { fromEntity, selectNames, stored } from './record-shape.js';
import { updateRecords, VERSION, type WriteTarget } from './record-update.js';
import { upsertRecords } from './record-upsert.js';
import { WebApiClient } from './web-api-client.js';
import { CurrencyCodes, currencyRecordRule } from '../currency-codes.js';
import { closeOpportunities } from './close-opportunity.js';
import { closeRules, type CloseRule } from '../../spec/close-rule.js';

interface Connection {
  client: WebApiClient;
  locator: RecordLocator;
  messages: BulkMessageSupport;
}

interface Table {
  schema: TableSchema;
  entitySet: string;
  /** Navigation property names from the org's metadata, `attribute|target` to name; read by open/preflight. */
  navigation?: ReadonlyMap<string, string>;
}

/**
 * A Dataverse environment through the Web API (v9.2). Records are upserted by the alternate key on the source-key
 * column with UpsertMultiple where the table supports the bulk messages, else in `$batch` requests; either way every
 * record has its own outcome (a bulk message the service refuses is sent again as a `$batch`). Each batch first reads
 * what its records hold now, in one request by alternate key: a record that already has the values is left alone
 * (`unchanged`, no write), and an update returns what it replaced so that rollback can put it back.
 */
export class DataverseDestination implements Destination {
  readonly label: string;
  /** Records per call: the largest bulk message sent (see bulk-write.ts); a `$batch` fallback is split into 100s. */
  readonly preferredBatchSize = RECORDS_PER_BULK_MESSAGE;
  private readonly settings: DataverseSettings;
  private client: WebApiClient | undefined;
  private locator: RecordLocator | undefined;
  private messages: BulkMessageSupport | undefined;
  private tables = new Map<string, Table>();
  private sourceKeyField = 'new_sourcekey';
  /** The organisation's enabled currencies by ISO code, for records whose currency lookup holds a code. */
  private currencies: CurrencyCodes | undefined;
  private closes = new Map<string, CloseRule>();

  constructor(location: string, env: NodeJS.ProcessEnv) {
    this.settings = dataverseSettings(location, env);
    this.label = `dataverse:${this.settings.orgUrl}`;
  }

  async open(setup: DestinationSetup): Promise<SetupProblem[]> {
    const spec = setup.destination;
    this.sourceKeyField = spec.rules?.sourceKeyField ?? this.sourceKeyField;
    const limits: ValueLimits = {};
    if (spec.rules?.dateMin !== undefined) limits.dateMin = spec.rules.dateMin;
    if (spec.rules?.dateMax !== undefined) limits.dateMax = spec.rules.dateMax;
    const locator = this.connect(spec).locator;
    const wanted = new Set([...setup.objects, ...(spec.rules?.userObject === undefined ? [] : [spec.rules.userObject])]);
    this.tables = new Map();
    this.closes = closeRules(spec);
    for (const name of wanted) {
      const object = spec.objects.find((o) => o.name === name);
      if (object !== undefined)
        this.tables.set(name, { schema: tableSchema(object, setup.customAttributes, limits), entitySet: locator.entitySet(name) });
    }
    await this.readCurrencies(setup);
    return this.preflight(setup);
  }

  async preflight(setup: DestinationSetup): Promise<SetupProblem[]> {
    const metadata = await readOrgMetadata(this.connect(setup.destination).client, setup, setup.destination.rules?.sourceKeyField ?? this.sourceKeyField);
    for (const [object, names] of metadata.navigation) {
      const table = this.tables.get(object);
      if (table !== undefined) table.navigation = names;
    }
    return metadata.problems;
  }

  async upsert(object: string, records: readonly OutgoingRecord[]): Promise<RecordResult[]> {
    return upsertRecords(this.target(object), records, this.currencies);
  }

  async patch(object: string, patches: readonly RecordPatch[]): Promise<RecordResult[]> {
    return updateRecords(this.target(object), object, patches, 'patch');
  }

  async restore(object: string, records: readonly { id: string; values: DestinationRecord }[]): Promise<RecordResult[]> {
    return updateRecords(this.target(object), object, records, 'restore');
  }

  async read(object: string, ids: readonly string[], attributes?: readonly string[]): Promise<Map<string, DestinationRecord>> {
    const { schema, entitySet } = this.table(object);
    const names = attributes ?? schema.columns.map((c) => c.name);
    const found = await fetchBy(this.connected().client, entitySet, schema.key, ids, selectNames(schema, names));
    const records = new Map<string, DestinationRecord>();
    for (const id of ids) {
      const entity = found.get(id.toLowerCase());
      if (entity !== undefined) records.set(id, fromEntity(schema, entity, names));
    }
    return records;
  }

  normalize(object: string, values: DestinationRecord): DestinationRecord {
    const { schema } = this.table(object);
    const normalized: DestinationRecord = {};
    for (const [name, value] of Object.entries(this.currencies?.toIds(object, values) ?? values)) normalized[name] = stored(schema.attributes.get(name), value);
    return normalized;
  }

  /**
   * The organisation's currency records for the engagement's currencies, found by ISO code: records are written with
   * the code in their currency lookup, and a code the organisation has not enabled fails its record, naming it.
   */
  private async readCurrencies(setup: DestinationSetup): Promise<void> {
    const rule = currencyRecordRule(setup.destination);
    // Only when a load writes the currency: an org is asked for its currencies only by runs that need them.
    const withField = Object.entries(setup.writes ?? {}).filter(([, names]) => rule !== undefined && names.includes(rule.field)).map(([object]) => object);
    if (rule === undefined || withField.length === 0) return;
    const { client, locator } = this.connected();
    const key = setup.destination.objects.find((o) => o.name === rule.record.object)?.key ?? `${rule.record.object}id`;
    const found = await fetchBy(client, locator.entitySet(rule.record.object), rule.record.codeField, (setup.currencies ?? []).map((c) => c.code), [key]);
    const ids = new Map<string, string>();
    for (const [code, entity] of found) {
      const id = String(entity[key]);
      ids.set(code.toUpperCase(), id);
      locator.remember(rule.record.object, id);
    }
    this.currencies = new CurrencyCodes(rule, ids, new Set(withField));
  }

  async versions(object: string, ids: readonly string[]): Promise<Map<string, string>> {
    const { schema, entitySet } = this.table(object);
    const found = await fetchBy(this.connected().client, entitySet, schema.key, ids, [VERSION]);
    const versions = new Map<string, string>();
    for (const id of ids) {
      const entity = found.get(id.toLowerCase());
      if (entity !== undefined) versions.set(id, String(entity[VERSION]));
    }
    return versions;
  }

  async remove(object: string, ids: readonly string[]): Promise<RecordResult[]> {
    const { entitySet } = this.table(object);
    const { client, locator } = this.connected();
    const outcomes = await runBatch(
      client,
      ids.map((id) => ({ add: (api) => api.deleteRecord({ collection: entitySet, key: id, inChangeSet: false }) })),
    );
    return outcomes.map((outcome, i): RecordResult => {
      const id = ids[i] as string;
      if (outcome.ok) {
        locator.forget(id);
        return { id, status: 'deleted' };
      }
      const error = outcome.status === 404 ? `No ${object} record has id "${id}".` : outcome.error.message;
      return { id, status: 'failed', error };
    });
  }

  async closeRecords(object: string, requests: readonly CloseRequest[]): Promise<CloseResult[]> {
    const rule = this.closes.get(object);
    if (rule === undefined) return requests.map(() => ({ status: 'failed', error: `The platform declares no way to close a ${object}.` }));
    const recordObject = rule.record?.object;
    return closeOpportunities(
      {
        client: this.connected().client,
        rule,
        object,
        entitySet: this.table(object).entitySet,
        recordSet: recordObject === undefined ? undefined : this.tables.get(recordObject)?.entitySet,
        read: (ids, attributes) => this.read(object, ids, attributes),
        normalize: (values) => this.normalize(object, values),
      },
      requests,
    );
  }

  async count(object: string): Promise<number> {
    const { entitySet } = this.table(object);
    // `/$count` stops at 5,000; beyond that the whole set is paged through, which costs one request a page.
    const quick = await this.connected().client.send((api) => api.count({ collection: entitySet }));
    if (quick < 5000) return quick;
    return this.connected().client.send((api) => api.countAll({ collection: entitySet, select: [this.table(object).schema.key] }));
  }

  async users(): Promise<Map<string, { id: string; active: boolean; name: string }>> {
    const { client, locator } = this.connected();
    const response = await client.send((api) =>
      api.retrieveAll<Record<string, unknown>>({
        collection: 'systemusers',
        select: ['systemuserid', 'internalemailaddress', 'isdisabled', 'fullname'],
      }),
    );
    const users = new Map<string, { id: string; active: boolean; name: string }>();
    for (const user of response.value) {
      const id = String(user.systemuserid);
      locator.remember('systemuser', id);
      if (typeof user.internalemailaddress !== 'string' || user.internalemailaddress === '') continue;
      users.set(user.internalemailaddress.toLowerCase(), { id, active: user.isdisabled !== true, name: String(user.fullname ?? '') });
    }
    return users;
  }

  async close(): Promise<void> {
    this.client?.close();
    this.client = undefined;
    this.locator = undefined;
    this.messages = undefined;
    this.tables = new Map();
    this.currencies = undefined;
  }

  private target(object: string): WriteTarget {
    return { ...this.connected(), ...this.table(object), object, sourceKeyField: this.sourceKeyField };
  }

  private connect(spec: PlatformSpec): Connection {
    this.client ??= new WebApiClient(this.settings);
    this.locator ??= new RecordLocator(spec, this.client);
    this.messages ??= new BulkMessageSupport(this.client);
    return { client: this.client, locator: this.locator, messages: this.messages };
  }

  private connected(): Connection {
    if (this.client === undefined || this.locator === undefined || this.messages === undefined)
      throw new Error(`The Dataverse target ${this.settings.orgUrl} is not open; call open() first.`);
    return { client: this.client, locator: this.locator, messages: this.messages };
  }

  private table(object: string): Table {
    const table = this.tables.get(object);
    if (table === undefined) {
      throw new Error(
        this.client === undefined
          ? `The Dataverse target is not open; call open() first.`
          : `The Dataverse target has no table prepared for ${object}; name it in the setup's objects.`,
      );
    }
    return table;
  }
}
