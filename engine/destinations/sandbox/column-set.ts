import type { Database, Statement } from 'better-sqlite3';
import { closestNames } from '../../util/suggest.js';
import { SOURCE_KEY, VERSION, type AttributeSchema, type TableSchema } from '../model/table-schema.js';
import { quoteName } from './sqlite-tables.js';

/**
 * The attributes one batch of records carries, resolved once against the table and holding the prepared statements
 * that read and write exactly those columns. Records of a batch nearly always carry the same attributes in the same
 * order, so the set of the previous record is tried first and the per-row cost is a few string comparisons.
 */
export class ColumnSet {
  /** The attribute names as the records spell them, in their order. */
  readonly names: readonly string[];
  /** The schema of each name; empty when a name is unknown. */
  readonly attributes: readonly AttributeSchema[];
  /** The first name the table does not have. */
  readonly unknown: string | undefined;
  /** The first name the destination does not accept values for. */
  readonly readOnly: string | undefined;
  /** Position of the primary id attribute among the names, or -1. */
  readonly keyIndex: number;
  /** The attributes written, in name order, without the primary id. */
  readonly written: readonly AttributeSchema[];

  private statements = new Map<string, Statement>();

  constructor(
    private readonly db: Database,
    private readonly schema: TableSchema,
    names: readonly string[],
  ) {
    this.names = names;
    const attributes: AttributeSchema[] = [];
    let unknown: string | undefined;
    for (const name of names) {
      const attribute = schema.attributes.get(name);
      if (attribute === undefined) {
        unknown ??= name;
        continue;
      }
      attributes.push(attribute);
    }
    this.unknown = unknown;
    this.attributes = unknown === undefined ? attributes : [];
    this.readOnly = this.attributes.find((a) => !a.writable && !a.isKey)?.name;
    this.keyIndex = this.attributes.findIndex((a) => a.isKey);
    this.written = this.attributes.filter((a) => !a.isKey);
  }

  /** The one-sentence reason a record carrying this set fails, or undefined. */
  unknownMessage(value: unknown, show: (v: unknown) => string): string {
    const hint = closestNames(this.unknown ?? '', this.schema.attributes.keys(), 1)[0];
    return (
      `Attribute ${this.unknown} value ${show(value)} cannot be written: ${this.schema.object} has no such attribute` +
      `${hint === undefined ? '' : ` (did you mean ${hint}?)`}.`
    );
  }

  private prepared(name: string, sql: () => string, raw = false): Statement {
    let statement = this.statements.get(name);
    if (statement === undefined) {
      statement = this.db.prepare(sql());
      if (raw) statement.raw(true);
      this.statements.set(name, statement);
    }
    return statement;
  }

  private get table(): string {
    return quoteName(this.schema.object);
  }

  private get columns(): string[] {
    return this.written.map((a) => quoteName(a.name));
  }

  /**
   * Parameters: id, source key, then the written values, and the named `row`: the row's place in the table, which
   * the id sorts by. Changes 0 when the source key exists already.
   */
  insert(): Statement {
    return this.prepared('insert', () => {
      const columns = [quoteName(this.schema.key), quoteName(SOURCE_KEY), ...this.columns];
      return (
        `INSERT INTO ${this.table} (rowid, ${columns.join(', ')}) VALUES (@row, ${columns.map(() => '?').join(', ')}) ` +
        `ON CONFLICT(${quoteName(SOURCE_KEY)}) DO NOTHING`
      );
    });
  }

  /** Row: id, then the written columns, then the row version. */
  selectBySourceKey(): Statement {
    return this.prepared(
      'selectBySourceKey',
      () =>
        `SELECT ${[quoteName(this.schema.key), ...this.columns, quoteName(VERSION)].join(', ')} FROM ${this.table} WHERE ${quoteName(SOURCE_KEY)} = ?`,
      true,
    );
  }

  /** Row: source key, then the written columns, then the row version. */
  selectById(): Statement {
    return this.prepared(
      'selectById',
      () =>
        `SELECT ${[quoteName(SOURCE_KEY), ...this.columns, quoteName(VERSION)].join(', ')} FROM ${this.table} WHERE ${quoteName(this.schema.key)} = ?`,
      true,
    );
  }

  /** Parameters: the written values, then the source key. Only valid when something is written. */
  updateBySourceKey(): Statement {
    return this.prepared(
      'updateBySourceKey',
      () => `UPDATE ${this.table} SET ${this.assignments()} WHERE ${quoteName(SOURCE_KEY)} = ?`,
    );
  }

  /** Parameters: the written values, then the id. Only valid when something is written. */
  updateById(): Statement {
    return this.prepared(
      'updateById',
      () => `UPDATE ${this.table} SET ${this.assignments()} WHERE ${quoteName(this.schema.key)} = ?`,
    );
  }

  private assignments(): string {
    return this.columns.map((c) => `${c} = ?`).join(', ');
  }
}

export class ColumnSets {
  private readonly sets = new Map<string, ColumnSet>();
  private last: ColumnSet | undefined;

  constructor(
    private readonly db: Database,
    private readonly schema: TableSchema,
  ) {}

  for(values: object): ColumnSet {
    const names = Object.keys(values);
    const last = this.last;
    if (last !== undefined && sameNames(last.names, names)) return last;
    const id = names.join('\u0000');
    let set = this.sets.get(id);
    if (set === undefined) {
      set = new ColumnSet(this.db, this.schema, names);
      this.sets.set(id, set);
    }
    this.last = set;
    return set;
  }
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
