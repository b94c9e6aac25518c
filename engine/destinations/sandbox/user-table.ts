import type { Database } from 'better-sqlite3';
import type { DestinationUser } from '../../spec/generated/engagement-spec.js';
import type { IdFactory } from '../model/record-ids.js';
import { SOURCE_KEY, type TableSchema } from '../model/table-schema.js';
import { quoteName } from './sqlite-tables.js';

/**
 * The destination's user table (Dataverse `systemuser`, Salesforce `User`): which columns hold the email, the name
 * and the active flag, seeding it from the engagement's users, and reading it back for owner mapping.
 */

export interface UserColumns {
  table: string;
  key: string;
  email: string;
  /** The full-name column (`fullname`, `Name`). */
  name?: string;
  firstName?: string;
  lastName?: string;
  /** `IsActive`, or Dataverse's `isdisabled` with the meaning inverted. */
  active?: { column: string; inverted: boolean };
}

function find(schema: TableSchema, ...candidates: string[]): string | undefined {
  for (const candidate of candidates) {
    for (const column of schema.columns) if (column.name.toLowerCase() === candidate) return column.name;
  }
  return undefined;
}

export function userColumns(schema: TableSchema, emailField: string | undefined): UserColumns | undefined {
  const email =
    emailField !== undefined && schema.attributes.has(emailField)
      ? emailField
      : find(schema, 'email', 'internalemailaddress');
  if (email === undefined) return undefined;
  const columns: UserColumns = { table: schema.object, key: schema.key, email };
  const name = find(schema, 'fullname', 'name');
  if (name !== undefined) columns.name = name;
  const firstName = find(schema, 'firstname');
  if (firstName !== undefined) columns.firstName = firstName;
  const lastName = find(schema, 'lastname');
  if (lastName !== undefined) columns.lastName = lastName;
  const active = find(schema, 'isactive');
  const disabled = find(schema, 'isdisabled');
  if (active !== undefined) columns.active = { column: active, inverted: false };
  else if (disabled !== undefined) columns.active = { column: disabled, inverted: true };
  return columns;
}

/** The active flag as stored: 1/0 in the column's own sense. */
function storedActive(columns: UserColumns, active: boolean): number {
  return active !== (columns.active?.inverted ?? false) ? 1 : 0;
}

/** Reads a stored active flag; a user without one (or a table without the column) counts as active. */
export function isActive(columns: UserColumns, stored: unknown): boolean {
  if (columns.active === undefined || stored === null || stored === undefined) return true;
  return (stored === 1 || stored === true) !== columns.active.inverted;
}

/**
 * Inserts or refreshes each user, keyed by the lower-cased email as source key, with the id an upsert of that
 * email would get; in email order, so that the table comes out the same whatever order the engagement lists them.
 */
export function seedUsers(
  db: Database,
  columns: UserColumns,
  users: readonly DestinationUser[],
  newId: IdFactory,
): void {
  const names: string[] = [columns.email];
  if (columns.name !== undefined) names.push(columns.name);
  if (columns.firstName !== undefined) names.push(columns.firstName);
  if (columns.lastName !== undefined) names.push(columns.lastName);
  if (columns.active !== undefined) names.push(columns.active.column);
  const quoted = names.map(quoteName);
  const insert = db.prepare(
    `INSERT INTO ${quoteName(columns.table)} (${quoteName(columns.key)}, ${quoteName(SOURCE_KEY)}, ${quoted.join(', ')}) ` +
      `VALUES (${['?', '?', ...names.map(() => '?')].join(', ')}) ` +
      `ON CONFLICT(${quoteName(SOURCE_KEY)}) DO UPDATE SET ${quoted.map((q) => `${q} = excluded.${q}`).join(', ')} ` +
      // Only a user whose details changed is written: an update raises the row version, and opening the sandbox for
      // a command that only reads must leave the file byte-identical.
      `WHERE ${quoted.map((q) => `${q} IS NOT excluded.${q}`).join(' OR ')}`,
  );
  const byEmail = new Map<string, DestinationUser>();
  for (const user of users) byEmail.set(user.email.trim().toLowerCase(), user);
  for (const email of [...byEmail.keys()].sort()) {
    const user = byEmail.get(email) as DestinationUser;
    const fullName = user.name.trim();
    const space = fullName.lastIndexOf(' ');
    const values: (string | number | null)[] = [user.email.trim()];
    if (columns.name !== undefined) values.push(fullName);
    if (columns.firstName !== undefined) values.push(space > 0 ? fullName.slice(0, space) : null);
    if (columns.lastName !== undefined) values.push(space > 0 ? fullName.slice(space + 1) : fullName);
    if (columns.active !== undefined) values.push(storedActive(columns, user.active !== false));
    insert.run(newId(email), email, ...values);
  }
}

export function readUsers(
  db: Database,
  columns: UserColumns,
): Map<string, { id: string; active: boolean; name: string }> {
  const select = [columns.key, columns.email, columns.name, columns.active?.column].map((c) =>
    c === undefined ? 'NULL' : quoteName(c),
  );
  const rows = db
    .prepare(`SELECT ${select.join(', ')} FROM ${quoteName(columns.table)} ORDER BY rowid`)
    .raw()
    .all() as [string, string | null, string | null, unknown][];
  const users = new Map<string, { id: string; active: boolean; name: string }>();
  for (const [id, email, name, active] of rows) {
    if (email === null || email === '') continue;
    const key = email.trim().toLowerCase();
    if (!users.has(key)) users.set(key, { id, active: isActive(columns, active), name: name ?? '' });
  }
  return users;
}
