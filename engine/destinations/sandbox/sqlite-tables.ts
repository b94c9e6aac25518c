import type { Database } from 'better-sqlite3';
import { SOURCE_KEY, VERSION, type TableSchema } from '../model/table-schema.js';

/** A destination table as a SQLite table: its DDL, the columns a file has, and the upgrade of an older file. */

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
