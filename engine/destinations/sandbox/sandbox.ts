import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Sqlite, { type Database, type Transaction } from 'better-sqlite3';
import type {
  CloseRequest,
  CloseResult,
  Destination,
  DestinationRecord,
  DestinationSetup,
  OutgoingRecord,
  RecordPatch,
  RecordResult,
  SetupProblem,
} from '../destination.js';
import type { ValueLimits } from '../model/coerce.js';
import { editionProblems } from './edition-limits.js';
import { idFactory } from '../model/record-ids.js';
import { ReferenceChecker } from './references.js';
import { SOURCE_KEY, tableSchema, type TableSchema } from '../model/table-schema.js';
import { ensureTable, presentTables, quoteName } from './sqlite-tables.js';
import { TableWriter } from './table-writer.js';
import { CurrencyCodes, currencyRecordRule } from '../currency-codes.js';
import { seedCurrencies } from './currency-table.js';
import { readUsers, seedUsers, userColumns, type UserColumns } from './user-table.js';
import { closedStateRefusals, closeInSandbox, withRefusals } from './close-records.js';
import { closeRules, type CloseRule } from '../../spec/close-rule.js';
import { AuditFields } from './audit-fields.js';

/**
 * The SQLite sandbox: a plain SQLite file with one table per destination object, enforcing the destination's rules
 * so that a sandbox run catches what production would reject. The rollback journal (not WAL) keeps the file a
 * single file any tool can open, and a process killed mid-batch leaves the last committed batch.
 */
export class Sandbox implements Destination {
  readonly label: string;
  /** Each batch is one transaction; large ones amortise the commit, and a batch's rows are held in memory at once. */
  readonly preferredBatchSize = 5000;
  private db: Database | undefined;
  private transaction: Transaction<(work: () => unknown) => unknown> | undefined;
  private writers = new Map<string, TableWriter>();
  private userTable: UserColumns | undefined;
  /** Currency codes to currency records, for a destination that keeps currencies as records. */
  private currencies: CurrencyCodes | undefined;
  /** True once this connection switched the file to WAL for writing; close() switches it back. */
  private wal = false;
  /** How the platform closes records of each object, and what name it goes by in refusals. */
  private closes = new Map<string, CloseRule>();
  private platformName = '';
  private audit: AuditFields | undefined;

  /** What the run should say about the sandbox's rules (audit fields the engagement says the org will not take). */
  get notes(): readonly string[] {
    const note = this.audit?.note();
    return note === undefined ? [] : [note];
  }

  constructor(private readonly path: string) {
    this.label = `sqlite:${path}`;
  }

  async open(setup: DestinationSetup): Promise<SetupProblem[]> {
    const db = this.connect();
    const spec = setup.destination;
    this.closes = closeRules(spec);
    this.platformName = spec.name;
    this.audit = new AuditFields(spec, setup.auditFields !== false);
    const rules = spec.rules ?? {};
    const limits: ValueLimits = {};
    if (rules.dateMin !== undefined) limits.dateMin = rules.dateMin;
    if (rules.dateMax !== undefined) limits.dateMax = rules.dateMax;

    const problems: SetupProblem[] = [];
    const objects = new Map(spec.objects.map((o) => [o.name, o]));
    const schemas: TableSchema[] = [];
    // Currency records are held only when a load writes a currency: other runs' sandboxes stay as they were.
    const currencyRule = currencyRecordRule(spec);
    const withCurrency = Object.entries(setup.writes ?? {}).filter(([, names]) => currencyRule !== undefined && names.includes(currencyRule.field)).map(([object]) => object);
    const wanted = new Set([...setup.objects, ...(rules.userObject === undefined ? [] : [rules.userObject]), ...(currencyRule === undefined || withCurrency.length === 0 ? [] : [currencyRule.record.object])]);
    for (const name of wanted) {
      const object = objects.get(name);
      if (object === undefined) {
        problems.push({
          object: name,
          message: `${spec.name} has no object ${name}, so the sandbox has no table for it.`,
        });
        continue;
      }
      schemas.push(tableSchema(object, setup.customAttributes, limits, { auditFields: setup.auditFields !== false }));
    }
    const before = [...presentTables(db).values()].map((t) => t.name);
    problems.push(
      ...editionProblems(
        spec,
        schemas.map((s) => s.object),
        before,
        setup.edition,
      ),
    );

    this.inTransaction(() => {
      for (const schema of schemas) ensureTable(db, schema);
    });

    const userSchema = schemas.find((s) => s.object === rules.userObject);
    this.userTable = userSchema === undefined ? undefined : userColumns(userSchema, rules.userEmailField);
    const references = new ReferenceChecker(db, {
      tables: presentTables(db),
      ...(this.userTable === undefined ? {} : { users: this.userTable }),
      activeOwnersOnly: rules.activeOwnersOnly === true,
    });
    this.writers = new Map(schemas.map((s) => [s.object, new TableWriter(db, s, references)]));

    const currencySchema = schemas.find((s) => s.object === currencyRule?.record.object);
    if (currencyRule !== undefined && currencySchema !== undefined) {
      const newId = idFactory(currencySchema.object, currencySchema.key, currencySchema.custom);
      const ids = this.inTransaction(() => seedCurrencies(db, currencySchema, currencyRule.record, setup.currencies ?? [], newId));
      this.currencies = new CurrencyCodes(currencyRule, ids, new Set(withCurrency));
    }

    const users = this.userTable;
    if (users !== undefined && userSchema !== undefined) {
      const newId = idFactory(userSchema.object, userSchema.key, userSchema.custom);
      this.inTransaction(() => seedUsers(db, users, setup.users, newId));
    } else if (setup.users.length > 0) {
      problems.push({
        message: `${spec.name} names no user object with an email attribute, so the sandbox cannot hold the engagement's users.`,
      });
    }
    return problems;
  }

  async upsert(object: string, records: readonly OutgoingRecord[]): Promise<RecordResult[]> {
    const writer = this.writer(object);
    this.forWriting();
    const currencies = this.currencies;
    const coded = currencies === undefined ? records : records.map((r) => ({ ...r, values: currencies.toIds(object, r.values) }));
    const sent = this.audit?.allowedValues(object, coded) ?? coded;
    const closed = closedStateRefusals(this.closes.get(object), object, this.platformName, sent);
    const audit = this.audit?.updateRefusals(object, sent, (i) => this.storedAudit(writer, sent[i] as OutgoingRecord, (r) => ({ by: SOURCE_KEY, value: r.sourceKey }))) ?? [];
    const refusals = closed.map((c, i) => c ?? audit[i]);
    return this.inTransaction(() => withRefusals(sent, refusals, (allowed) => writer.upsert(allowed), (r) => r.sourceKey));
  }

  async patch(object: string, patches: readonly RecordPatch[]): Promise<RecordResult[]> {
    const writer = this.writer(object);
    this.forWriting();
    const closed = closedStateRefusals(this.closes.get(object), object, this.platformName, patches);
    const audit = this.audit?.updateRefusals(object, patches, (i) => this.storedAudit(writer, patches[i] as RecordPatch, (p) => ({ by: writer.schema.key, value: p.id }))) ?? [];
    const refusals = closed.map((c, i) => c ?? audit[i]);
    return this.inTransaction(() => withRefusals(patches, refusals, (allowed) => writer.patch(allowed, 'patch'), () => undefined));
  }

  async closeRecords(object: string, requests: readonly CloseRequest[]): Promise<CloseResult[]> {
    const rule = this.closes.get(object);
    if (rule === undefined) return requests.map(() => ({ status: 'failed', error: `${this.platformName} declares no way to close a ${object}.` }));
    const writer = this.writer(object);
    const recordWriter = rule.record === undefined ? undefined : this.writer(rule.record.object);
    this.forWriting();
    return this.inTransaction(() => closeInSandbox(this.connect(), rule, writer, recordWriter, requests));
  }

  async read(
    object: string,
    ids: readonly string[],
    attributes?: readonly string[],
  ): Promise<Map<string, DestinationRecord>> {
    return this.writer(object).read(ids, attributes);
  }

  normalize(object: string, values: DestinationRecord): DestinationRecord {
    return this.writer(object).normalize(this.currencies?.toIds(object, values) ?? values);
  }

  async versions(object: string, ids: readonly string[]): Promise<Map<string, string>> {
    return this.writer(object).versions(ids);
  }

  async remove(object: string, ids: readonly string[]): Promise<RecordResult[]> {
    const writer = this.writer(object);
    this.forWriting();
    return this.inTransaction(() => writer.remove(ids));
  }

  async restore(
    object: string,
    records: readonly { id: string; values: DestinationRecord }[],
  ): Promise<RecordResult[]> {
    const writer = this.writer(object);
    this.forWriting();
    return this.inTransaction(() => writer.patch(records, 'restore'));
  }

  async count(object: string): Promise<number> {
    const writer = this.writer(object);
    return this.connect()
      .prepare(`SELECT COUNT(*) FROM ${quoteName(writer.schema.object)}`)
      .pluck()
      .get() as number;
  }

  async users(): Promise<Map<string, { id: string; active: boolean; name: string }>> {
    if (this.db === undefined) throw new Error(`The sandbox ${this.path} is not open; call open() first.`);
    return this.userTable === undefined ? new Map() : readUsers(this.db, this.userTable);
  }

  async close(): Promise<void> {
    // Back to a rollback journal, so the file left behind is one plain SQLite file that any tool can open, even read-only.
    if (this.wal) this.db?.pragma('journal_mode = DELETE');
    this.wal = false;
    this.db?.close();
    this.db = undefined;
    this.transaction = undefined;
    this.writers = new Map();
    this.userTable = undefined;
    this.currencies = undefined;
  }

  /** The audit values a record already has, normalised as the sandbox stores them with the values sent; undefined when it does not exist. */
  private storedAudit<T extends { values: DestinationRecord }>(writer: TableWriter, record: T, where: (r: T) => { by: string; value: string }): DestinationRecord | undefined {
    const names = (this.audit?.names(writer.schema.object) ?? []).filter((n) => record.values[n] !== undefined && record.values[n] !== null);
    if (names.length === 0) return undefined;
    const { by, value } = where(record);
    const row = this.connect()
      .prepare(`SELECT ${names.map(quoteName).join(', ')} FROM ${quoteName(writer.schema.object)} WHERE ${quoteName(by)} = ?`)
      .get(value) as DestinationRecord | undefined;
    if (row === undefined) return undefined;
    // Compared in the form the sandbox would store what was sent, so that the same instant written twice passes.
    const sent = writer.normalize(Object.fromEntries(names.map((n) => [n, record.values[n] ?? null])));
    return Object.fromEntries(names.map((n) => [n, row[n] === sent[n] ? record.values[n] ?? null : row[n] ?? null]));
  }

  private connect(): Database {
    if (this.db !== undefined) return this.db;
    mkdirSync(dirname(this.path), { recursive: true });
    const db = new Sqlite(this.path);
    // Opened in the file's own journal mode: switching to WAL and back rewrites the header, and a command that only
    // reads (verify, plan) must leave the file byte-identical. Writes switch to WAL first (see forWriting).
    db.pragma('synchronous = NORMAL');
    db.pragma('cache_size = -16384');
    db.pragma('temp_store = MEMORY');
    this.db = db;
    this.transaction = db.transaction((work: () => unknown) => work());
    return db;
  }

  /**
   * WAL before the first write: a committed batch survives the process being killed, and commits need no fsync of
   * their own. The WAL file is folded back in when the sandbox closes, leaving one plain SQLite file. Checkpoints are
   * not synced either (synchronous OFF): a killed process loses nothing the OS has been handed, and the sandbox is a
   * rehearsal target whose loss to a power cut is redone by running apply again. That saves an fsync per checkpoint.
   */
  private forWriting(): void {
    if (this.wal) return;
    this.connect().pragma('journal_mode = WAL');
    this.connect().pragma('synchronous = OFF');
    this.wal = true;
  }

  private inTransaction<T>(work: () => T): T {
    this.connect();
    return (this.transaction as Transaction<(work: () => unknown) => unknown>)(work) as T;
  }

  private writer(object: string): TableWriter {
    const writer = this.writers.get(object);
    if (writer === undefined) {
      throw new Error(
        this.db === undefined
          ? `The sandbox ${this.path} is not open; call open() before writing.`
          : `The sandbox has no table prepared for ${object}; name it in the setup's objects.`,
      );
    }
    return writer;
  }
}
