import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Sqlite, { type Database, type Transaction } from 'better-sqlite3';
import type {
  Destination,
  DestinationRecord,
  DestinationSetup,
  OutgoingRecord,
  RecordPatch,
  RecordResult,
  SetupProblem,
} from '../destination.js';
import type { ValueLimits } from './coerce.js';
import { editionProblems } from './edition-limits.js';
import { idFactory } from './record-ids.js';
import { ReferenceChecker } from './references.js';
import { ensureTable, presentTables, quoteName, tableSchema, type TableSchema } from './table-schema.js';
import { TableWriter } from './table-writer.js';
import { readUsers, seedUsers, userColumns, type UserColumns } from './user-table.js';

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
  /** True once this connection switched the file to WAL for writing; close() switches it back. */
  private wal = false;

  constructor(private readonly path: string) {
    this.label = `sqlite:${path}`;
  }

  async open(setup: DestinationSetup): Promise<SetupProblem[]> {
    const db = this.connect();
    const spec = setup.destination;
    const rules = spec.rules ?? {};
    const limits: ValueLimits = {};
    if (rules.dateMin !== undefined) limits.dateMin = rules.dateMin;
    if (rules.dateMax !== undefined) limits.dateMax = rules.dateMax;

    const problems: SetupProblem[] = [];
    const objects = new Map(spec.objects.map((o) => [o.name, o]));
    const schemas: TableSchema[] = [];
    const wanted = new Set([...setup.objects, ...(rules.userObject === undefined ? [] : [rules.userObject])]);
    for (const name of wanted) {
      const object = objects.get(name);
      if (object === undefined) {
        problems.push({
          object: name,
          message: `${spec.name} has no object ${name}, so the sandbox has no table for it.`,
        });
        continue;
      }
      schemas.push(tableSchema(object, setup.customAttributes, limits));
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
    return this.inTransaction(() => writer.upsert(records));
  }

  async patch(object: string, patches: readonly RecordPatch[]): Promise<RecordResult[]> {
    const writer = this.writer(object);
    this.forWriting();
    return this.inTransaction(() => writer.patch(patches, 'patch'));
  }

  async read(
    object: string,
    ids: readonly string[],
    attributes?: readonly string[],
  ): Promise<Map<string, DestinationRecord>> {
    return this.writer(object).read(ids, attributes);
  }

  normalize(object: string, values: DestinationRecord): DestinationRecord {
    return this.writer(object).normalize(values);
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
