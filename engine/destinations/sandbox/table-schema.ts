import type { Database } from 'better-sqlite3';
import type { PlatformField, PlatformObject } from '../../spec/generated/platform-spec.js';
import type { CustomAttribute } from '../../spec/generated/pair-spec.js';
import { affinityOf, valueCoercer, type Affinity, type Coerce, type ValueLimits } from './coerce.js';

/**
 * One sandbox table compiled from a destination object: its columns, the value rule of each, and the DDL. Built
 * once per `open`, then looked up by name in maps; nothing here is recomputed per row.
 */

export const SOURCE_KEY = '_source_key';
/**
 * A row version every update raises, whoever makes it, like Dataverse's `versionnumber` or Salesforce's
 * `SystemModstamp`: a delta run compares it with the version it last wrote to see that someone edited the record.
 */
export const VERSION = '_version';

export interface AttributeSchema {
  name: string;
  field: PlatformField;
  affinity: Affinity;
  coerce: Coerce;
  writable: boolean;
  /** Required and not filled by the platform: a create must carry a value. */
  requiredOnCreate: boolean;
  /** The primary id attribute. */
  isKey: boolean;
  /** `lookup` or `owner`: the value must name an existing record. */
  reference?: 'lookup' | 'owner';
  /** Booleans are stored as 0/1 and read back as true/false. */
  isBoolean: boolean;
}

export interface TableSchema {
  object: string;
  key: string;
  custom: boolean;
  /** Every attribute by exact name. */
  attributes: ReadonlyMap<string, AttributeSchema>;
  /** Columns in table order, the key first. */
  columns: readonly AttributeSchema[];
  required: readonly AttributeSchema[];
}

/** The key when the spec names none: Dataverse's `<logicalname>id` for lower-case names, Salesforce's `Id` else. */
export function keyOf(object: PlatformObject): string {
  if (object.key !== undefined) return object.key;
  return object.name === object.name.toLowerCase() ? `${object.name}id` : 'Id';
}

export function tableSchema(
  object: PlatformObject,
  customAttributes: readonly CustomAttribute[],
  limits: ValueLimits,
  /** Whether create-only audit fields (`audit: true`) take values, as an org that lets the user set them does. */
  options: { auditFields?: boolean } = {},
): TableSchema {
  const key = keyOf(object);
  const fields: PlatformField[] = [];
  const seen = new Set<string>();
  const add = (field: PlatformField): void => {
    // SQLite column names are case-insensitive: the first of two names differing only in case wins.
    const folded = field.name.toLowerCase();
    if (seen.has(folded) || folded === SOURCE_KEY) return;
    seen.add(folded);
    fields.push(field);
  };
  add(object.fields.find((f) => f.name === key) ?? { name: key, type: 'id', defaulted: true });
  for (const field of object.fields) add(field);
  for (const custom of customAttributes) {
    if (custom.object !== object.name) continue;
    const { name, label, type, maxLength, options } = custom;
    const field: PlatformField = { name, label, type };
    if (maxLength !== undefined) field.maxLength = maxLength;
    if (options !== undefined) field.options = options.map((o) => ({ value: o, label: o }));
    add(field);
  }

  const columns = fields.map((field): AttributeSchema => {
    const isKey = field.name === key;
    const attribute: AttributeSchema = {
      name: field.name,
      field,
      affinity: isKey ? 'TEXT' : affinityOf(field),
      coerce: valueCoercer(field, limits),
      writable: field.writable !== false || (field.audit === true && options.auditFields === true),
      requiredOnCreate: !isKey && field.required === true && field.defaulted !== true,
      isKey,
      isBoolean: field.type === 'boolean',
    };
    if (field.type === 'lookup' || field.type === 'owner') attribute.reference = field.type;
    return attribute;
  });
  return {
    object: object.name,
    key,
    custom: object.custom === true,
    attributes: new Map(columns.map((c) => [c.name, c])),
    columns,
    required: columns.filter((c) => c.requiredOnCreate),
  };
}

/** Identifiers are always quoted: `Order` and `Group` are SQL keywords. */
export function quoteName(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export function createTableSql(schema: TableSchema): string {
  const lines = schema.columns.map((c) =>
    c.isKey ? `${quoteName(c.name)} TEXT PRIMARY KEY` : `${quoteName(c.name)} ${c.affinity}`,
  );
  lines.splice(1, 0, `${quoteName(SOURCE_KEY)} TEXT UNIQUE`, `${quoteName(VERSION)} INTEGER NOT NULL DEFAULT 1`);
  return `CREATE TABLE IF NOT EXISTS ${quoteName(schema.object)} (\n  ${lines.join(',\n  ')}\n)`;
}

/** The column names a table has now, folded to lower case as SQLite compares them. */
export function existingColumns(db: Database, table: string): Set<string> {
  const rows = db.prepare(`PRAGMA table_info(${quoteName(table)})`).all() as { name: string }[];
  return new Set(rows.map((r) => r.name.toLowerCase()));
}

/**
 * Creates the table, or adds the columns a table from an earlier run lacks (a custom attribute added since). A
 * table without the source key column gets it with a unique index, which upserts need as much as a UNIQUE column.
 */
export function ensureTable(db: Database, schema: TableSchema): string[] {
  db.exec(createTableSql(schema));
  const have = existingColumns(db, schema.object);
  const added: string[] = [];
  const table = quoteName(schema.object);
  for (const column of schema.columns) {
    if (have.has(column.name.toLowerCase())) continue;
    db.exec(`ALTER TABLE ${table} ADD COLUMN ${quoteName(column.name)} ${column.affinity}`);
    added.push(column.name);
  }
  if (!have.has(SOURCE_KEY)) {
    db.exec(`ALTER TABLE ${table} ADD COLUMN ${quoteName(SOURCE_KEY)} TEXT`);
    db.exec(
      `CREATE UNIQUE INDEX IF NOT EXISTS ${quoteName(`${schema.object}${SOURCE_KEY}`)} ON ${table} (${quoteName(SOURCE_KEY)})`,
    );
  }
  if (!have.has(VERSION)) db.exec(`ALTER TABLE ${table} ADD COLUMN ${quoteName(VERSION)} INTEGER NOT NULL DEFAULT 1`);
  // Any update that does not set the version itself raises it: the engine's writes and a person's SQL alike.
  const version = quoteName(VERSION);
  const key = quoteName(schema.key);
  db.exec(
    `CREATE TRIGGER IF NOT EXISTS ${quoteName(`${schema.object}${VERSION}`)} AFTER UPDATE ON ${table} FOR EACH ROW ` +
      `WHEN NEW.${version} = OLD.${version} BEGIN UPDATE ${table} SET ${version} = OLD.${version} + 1 WHERE ${key} = NEW.${key}; END`,
  );
  return added;
}

/** Tables in the file and their primary key column, by lower-cased name (SQLite names are case-insensitive). */
export function presentTables(db: Database): Map<string, { name: string; key: string }> {
  const tables = new Map<string, { name: string; key: string }>();
  const names = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'`)
    .pluck()
    .all() as string[];
  for (const name of names) {
    const rows = db.prepare(`PRAGMA table_info(${quoteName(name)})`).all() as { name: string; pk: number }[];
    const key = rows.find((r) => r.pk === 1)?.name;
    if (key !== undefined) tables.set(name.toLowerCase(), { name, key });
  }
  return tables;
}
