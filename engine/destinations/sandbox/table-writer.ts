import Sqlite, { type Database, type Statement } from 'better-sqlite3';
import type { DestinationRecord, OutgoingRecord, RecordPatch, RecordResult } from '../destination.js';
import { Rejection, show, type SqlValue } from '../model/coerce.js';
import { ColumnSets, type ColumnSet } from './column-set.js';
import { sequentialIdFactory, type SequentialIdFactory } from '../model/record-ids.js';
import type { ReferenceChecker } from './references.js';
import { decode, SOURCE_KEY, VERSION, type AttributeSchema, type TableSchema } from '../model/table-schema.js';
import { quoteName } from './sqlite-tables.js';

/**
 * Validates and writes the records of one table. Every rule is checked before anything is written, and each record
 * is written by one statement, so a record is either stored whole or not at all. The caller runs a whole batch in
 * one transaction.
 */
export class TableWriter {
  private readonly sets: ColumnSets;
  private readonly newId: SequentialIdFactory;
  private readonly lastRow: Statement;
  /** The table row the next created record takes; its id sorts after every id created before it. */
  private nextRow = 1;
  private readonly reads = new Map<string, Statement>();
  private readonly deleteById: Statement;
  private versionById: Statement | undefined;

  // What the last `check` found besides the values; fields rather than a result object, to spare an allocation a row.
  private explicitId: string | undefined;
  private requiredSeen = 0;
  private clearedRequired: AttributeSchema | undefined;

  constructor(
    private readonly db: Database,
    readonly schema: TableSchema,
    private readonly references: ReferenceChecker,
  ) {
    this.sets = new ColumnSets(db, schema);
    this.newId = sequentialIdFactory(schema.object, schema.key, schema.custom);
    this.lastRow = db.prepare(`SELECT coalesce(max(rowid), 0) FROM ${quoteName(schema.object)}`).pluck();
    this.deleteById = db
      .prepare(
        `DELETE FROM ${quoteName(schema.object)} WHERE ${quoteName(schema.key)} = ? RETURNING ${quoteName(SOURCE_KEY)}`,
      )
      .pluck();
  }

  upsert(records: readonly OutgoingRecord[]): RecordResult[] {
    this.references.startBatch();
    // Read again each batch: a rollback may have deleted the last rows since.
    this.nextRow = (this.lastRow.get() as number) + 1;
    const results: RecordResult[] = new Array(records.length);
    for (let r = 0; r < records.length; r++) results[r] = this.upsertOne(records[r] as OutgoingRecord);
    return results;
  }

  private upsertOne(record: OutgoingRecord): RecordResult {
    const { sourceKey, values } = record;
    if (typeof sourceKey !== 'string' || sourceKey === '') {
      return { status: 'failed', error: `The ${this.schema.object} record has no source key, which upserts need.` };
    }
    const set = this.sets.for(values);
    const params = this.check(set, values, true, true);
    if (typeof params === 'string') return { sourceKey, status: 'failed', error: params };

    if (this.requiredSeen === this.schema.required.length) {
      const row = this.nextRow;
      const id = this.explicitId ?? this.newId(row, sourceKey);
      params[0] = id;
      params[1] = sourceKey;
      const written = this.write(set.insert(), params, { row });
      if (typeof written === 'string') return { sourceKey, id, status: 'failed', error: written };
      if (written === 1) {
        this.nextRow += 1;
        return { sourceKey, id, status: 'created', version: '1' };
      }
    }

    const existing = set.selectBySourceKey().get(sourceKey) as SqlValue[] | undefined;
    if (existing === undefined) return { sourceKey, status: 'failed', error: this.missingRequired(set, params) };
    const id = existing[0] as string;
    if (this.explicitId !== undefined && this.explicitId !== id) {
      const error = `Attribute ${this.schema.key} value ${show(this.explicitId)} cannot be written: the record already has id ${show(id)}.`;
      return { sourceKey, id, status: 'failed', error };
    }
    if (this.clearedRequired !== undefined) return { sourceKey, id, status: 'failed', error: this.clearedMessage() };
    const version = Number(existing[existing.length - 1]);
    const previous = this.changes(set, existing, params);
    if (previous === undefined) return { sourceKey, id, status: 'unchanged', version: String(version) };
    const update = params.slice(2);
    update.push(sourceKey);
    const written = this.write(set.updateBySourceKey(), update);
    if (typeof written === 'string') return { sourceKey, id, status: 'failed', error: written };
    // One UPDATE statement raises the version by exactly one (the trigger in table-schema.ts).
    return { sourceKey, id, status: 'updated', previous, version: String(version + 1) };
  }

  /**
   * `patch` sets attributes of existing records with every rule checked; `restore` puts back values a run
   * replaced, as they were: a past state is restored even if a rule has changed since (an owner deactivated).
   */
  patch(patches: readonly RecordPatch[], mode: 'patch' | 'restore'): RecordResult[] {
    const restoring = mode === 'restore';
    this.references.startBatch();
    return patches.map(({ id, values }): RecordResult => {
      const set = this.sets.for(values);
      const params = this.check(set, values, !restoring, !restoring);
      if (typeof params === 'string') return { id, status: 'failed', error: params };
      if (this.explicitId !== undefined && this.explicitId !== id) {
        return {
          id,
          status: 'failed',
          error: `Attribute ${this.schema.key} value ${show(this.explicitId)} cannot be written: the record's id is ${show(id)}.`,
        };
      }
      if (!restoring && this.clearedRequired !== undefined)
        return { id, status: 'failed', error: this.clearedMessage() };
      const existing = set.selectById().get(id) as SqlValue[] | undefined;
      if (existing === undefined)
        return { id, status: 'failed', error: `No ${this.schema.object} record has id ${show(id)}.` };
      const sourceKey = (existing[0] as string | null) ?? undefined;
      const version = Number(existing[existing.length - 1]);
      const result: RecordResult = { id, status: restoring ? 'restored' : 'unchanged', version: String(version) };
      if (sourceKey !== undefined) result.sourceKey = sourceKey;
      const previous = this.changes(set, existing, params);
      if (previous === undefined) return result;
      const update = params.slice(2);
      update.push(id);
      const written = this.write(set.updateById(), update);
      if (typeof written === 'string') return { ...result, status: 'failed', error: written };
      result.version = String(version + 1);
      if (!restoring) {
        result.status = 'updated';
        result.previous = previous;
      }
      return result;
    });
  }

  remove(ids: readonly string[]): RecordResult[] {
    return ids.map((id): RecordResult => {
      const sourceKey = this.deleteById.get(id) as string | null | undefined;
      if (sourceKey === undefined)
        return { id, status: 'failed', error: `No ${this.schema.object} record has id ${show(id)}.` };
      return sourceKey === null ? { id, status: 'deleted' } : { id, sourceKey, status: 'deleted' };
    });
  }

  /** The row version of each record that exists. */
  versions(ids: readonly string[]): Map<string, string> {
    this.versionById ??= this.db
      .prepare(`SELECT ${quoteName(VERSION)} FROM ${quoteName(this.schema.object)} WHERE ${quoteName(this.schema.key)} = ?`)
      .pluck();
    const out = new Map<string, string>();
    for (const id of ids) {
      const version = this.versionById.get(id) as number | undefined;
      if (version !== undefined) out.set(id, String(version));
    }
    return out;
  }

  read(ids: readonly string[], attributes?: readonly string[]): Map<string, DestinationRecord> {
    const columns = attributes === undefined ? this.schema.columns : attributes.map((name) => this.attribute(name));
    const signature = columns.map((c) => c.name).join('\u0000');
    let select = this.reads.get(signature);
    if (select === undefined) {
      const list = columns.length === 0 ? '1' : columns.map((c) => quoteName(c.name)).join(', ');
      select = this.db
        .prepare(`SELECT ${list} FROM ${quoteName(this.schema.object)} WHERE ${quoteName(this.schema.key)} = ?`)
        .raw();
      this.reads.set(signature, select);
    }
    const records = new Map<string, DestinationRecord>();
    for (const id of ids) {
      const row = select.get(id) as SqlValue[] | undefined;
      if (row === undefined) continue;
      const record: DestinationRecord = {};
      columns.forEach((c, i) => (record[c.name] = decode(c, row[i] ?? null)));
      records.set(id, record);
    }
    return records;
  }

  private attribute(name: string): AttributeSchema {
    const attribute = this.schema.attributes.get(name);
    if (attribute === undefined) throw new Error(`${this.schema.object} has no attribute ${name}.`);
    return attribute;
  }

  /**
   * Coerces every value and checks references. Returns the parameter array (two leading slots left for the id
   * and source key, the primary id itself left out) or the broken rule.
   */
  private check(
    set: ColumnSet,
    values: DestinationRecord,
    references: boolean,
    writableOnly: boolean,
  ): SqlValue[] | string {
    this.explicitId = undefined;
    this.requiredSeen = 0;
    this.clearedRequired = undefined;
    const { names, attributes } = set;
    if (set.unknown !== undefined) return set.unknownMessage(values[set.unknown], show);
    if (writableOnly && set.readOnly !== undefined) {
      const value = values[set.readOnly];
      return `Attribute ${set.readOnly} value ${show(value)} cannot be written: the destination does not accept values for it.`;
    }
    const params: SqlValue[] = new Array(set.written.length + 2);
    let p = 2;
    for (let i = 0; i < names.length; i++) {
      const attribute = attributes[i] as AttributeSchema;
      const value = attribute.coerce(values[names[i] as string]);
      if (value instanceof Rejection) return value.message;
      if (attribute.isKey) {
        if (value !== null) this.explicitId = value as string;
        continue;
      }
      params[p++] = value;
      if (value === null) {
        if (attribute.requiredOnCreate) this.clearedRequired ??= attribute;
        continue;
      }
      if (attribute.requiredOnCreate) this.requiredSeen++;
      if (references && attribute.reference !== undefined) {
        const broken = this.references.check(attribute, value as string);
        if (broken !== undefined) return broken;
      }
    }
    return params;
  }

  /** Runs a write; a constraint SQLite enforces (a duplicate explicit id) fails the record, not the batch. */
  private write(statement: Statement, params: SqlValue[], named?: Record<string, SqlValue>): number | string {
    try {
      return (named === undefined ? statement.run(params) : statement.run(params, named)).changes;
    } catch (error) {
      if (error instanceof Sqlite.SqliteError)
        return `The ${this.schema.object} record could not be written: ${error.message}.`;
      throw error;
    }
  }

  /** The stored values of the attributes that differ, or undefined when none does. */
  private changes(set: ColumnSet, stored: SqlValue[], params: SqlValue[]): DestinationRecord | undefined {
    let previous: DestinationRecord | undefined;
    const written = set.written;
    for (let i = 0; i < written.length; i++) {
      const old = stored[i + 1] ?? null;
      if (old === params[i + 2]) continue;
      const attribute = written[i] as AttributeSchema;
      previous ??= {};
      previous[attribute.name] = decode(attribute, old);
    }
    return previous;
  }

  private missingRequired(set: ColumnSet, params: SqlValue[]): string {
    const given = new Set<string>();
    set.written.forEach((a, i) => params[i + 2] !== null && given.add(a.name));
    const missing = this.schema.required.filter((a) => !given.has(a.name)).map((a) => a.name);
    const [first] = missing;
    return missing.length === 1
      ? `Attribute ${first} is required to create a ${this.schema.object} record, and the record has no value for it.`
      : `Attributes ${missing.join(', ')} are required to create a ${this.schema.object} record, and the record has no value for them.`;
  }

  private clearedMessage(): string {
    const name = this.clearedRequired?.name;
    return `Attribute ${name} value null cannot be written: ${name} is required, and a ${this.schema.object} record cannot have it empty.`;
  }

  /**
   * Values as `upsert` would store them and `read` return them. A value the table would reject, or an attribute it
   * does not have, is kept as given: verification then shows it as it is rather than hiding it.
   */
  normalize(values: DestinationRecord): DestinationRecord {
    const normalized: DestinationRecord = {};
    for (const [name, value] of Object.entries(values)) {
      const attribute = this.schema.attributes.get(name);
      const stored = attribute?.coerce(value);
      normalized[name] = attribute === undefined || stored === undefined || stored instanceof Rejection ? value : decode(attribute, stored);
    }
    return normalized;
  }
}
