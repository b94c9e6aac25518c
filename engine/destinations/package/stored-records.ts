import Sqlite from 'better-sqlite3';
import type { PlatformObject } from '../../spec/generated/platform-spec.js';
import type { DestinationSetup } from '../destination.js';
import type { ValueLimits } from '../model/coerce.js';
import { decode, SOURCE_KEY, tableSchema, type AttributeSchema, type TableSchema } from '../model/table-schema.js';
import { presentTables, quoteName } from '../sandbox/sqlite-tables.js';
import { userColumns, type UserColumns } from '../sandbox/user-table.js';

/**
 * What a package is written from: the records the sandbox behind the package destination holds, read back once the
 * run is over, object by object in the plan's order, with an index from every record id to the record it names so
 * that a lookup can be written the way the importer wants it (a GUID with the record's name, or its source key).
 */

export type StoredValue = string | number | boolean | null;

export interface StoredRecord {
  id: string;
  sourceKey: string;
  values: Record<string, StoredValue>;
}

export interface StoredObject {
  spec: PlatformObject;
  schema: TableSchema;
  /** Attributes that hold a value in at least one record, in table order, the primary id first. */
  attributes: AttributeSchema[];
  records: StoredRecord[];
}

/** What a record id stands for: the object it is in, its source key and its display name. */
export interface RecordRef {
  object: string;
  sourceKey: string;
  name?: string;
  /** Set for the destination's users: the email the engagement knows them by. */
  email?: string;
}

export interface StoredPackage {
  setup: DestinationSetup;
  objects: StoredObject[];
  /** Every record of the package and every user, by id. */
  refs: Map<string, RecordRef>;
  userObject?: string;
}

export function readStoredRecords(path: string, setup: DestinationSetup): StoredPackage {
  const spec = setup.destination;
  const rules = spec.rules ?? {};
  const limits: ValueLimits = {};
  if (rules.dateMin !== undefined) limits.dateMin = rules.dateMin;
  if (rules.dateMax !== undefined) limits.dateMax = rules.dateMax;
  const byName = new Map(spec.objects.map((o) => [o.name, o]));
  const db = new Sqlite(path, { readonly: true });
  try {
    const tables = presentTables(db);
    const refs = new Map<string, RecordRef>();
    const objects: StoredObject[] = [];
    // The user table holds the engagement's users, who exist in the destination already: they are never imported.
    const userObject = rules.userObject;
    for (const name of setup.objects) {
      const object = byName.get(name);
      if (object === undefined || name === userObject || !tables.has(name.toLowerCase())) continue;
      const stored = readObject(db, tableSchema(object, setup.customAttributes, limits), object);
      for (const record of stored.records) refs.set(record.id, refOf(object, record));
      objects.push(stored);
    }
    const users = userObject === undefined ? undefined : byName.get(userObject);
    if (users !== undefined && tables.has(users.name.toLowerCase())) {
      const schema = tableSchema(users, setup.customAttributes, limits);
      const columns = userColumns(schema, rules.userEmailField);
      if (columns !== undefined) readUserRefs(db, columns, refs);
    }
    return { setup, objects, refs, ...(userObject === undefined ? {} : { userObject }) };
  } finally {
    db.close();
  }
}

function readObject(db: Sqlite.Database, schema: TableSchema, spec: PlatformObject): StoredObject {
  const present = new Set(
    (db.prepare(`PRAGMA table_info(${quoteName(schema.object)})`).all() as { name: string }[]).map((c) => c.name.toLowerCase()),
  );
  const columns = schema.columns.filter((c) => present.has(c.name.toLowerCase()));
  const list = [quoteName(SOURCE_KEY), ...columns.map((c) => quoteName(c.name))].join(', ');
  // Insertion order is the export's order, so two runs over the same export write the same package.
  const rows = db.prepare(`SELECT ${list} FROM ${quoteName(schema.object)} ORDER BY rowid`).raw().all() as (string | number | null)[][];
  const filled = new Set<string>([schema.key]);
  const records = rows.map((row): StoredRecord => {
    const values: Record<string, StoredValue> = {};
    columns.forEach((c, i) => {
      const value = decode(c, row[i + 1] ?? null);
      values[c.name] = value;
      if (value !== null) filled.add(c.name);
    });
    return { id: String(values[schema.key]), sourceKey: String(row[0] ?? ''), values };
  });
  return { spec, schema, attributes: columns.filter((c) => filled.has(c.name)), records };
}

function refOf(object: PlatformObject, record: StoredRecord): RecordRef {
  const ref: RecordRef = { object: object.name, sourceKey: record.sourceKey };
  const name = object.primaryName === undefined ? undefined : record.values[object.primaryName];
  if (name !== undefined && name !== null) ref.name = String(name);
  return ref;
}

function readUserRefs(db: Sqlite.Database, columns: UserColumns, refs: Map<string, RecordRef>): void {
  const name = columns.name === undefined ? 'NULL' : quoteName(columns.name);
  const rows = db
    .prepare(`SELECT ${quoteName(columns.key)}, ${quoteName(SOURCE_KEY)}, ${quoteName(columns.email)}, ${name} FROM ${quoteName(columns.table)} ORDER BY rowid`)
    .raw()
    .all() as [string, string | null, string | null, string | null][];
  for (const [id, sourceKey, email, fullName] of rows) {
    const ref: RecordRef = { object: columns.table, sourceKey: sourceKey ?? '' };
    if (email !== null) ref.email = email;
    if (fullName !== null) ref.name = fullName;
    refs.set(id, ref);
  }
}
