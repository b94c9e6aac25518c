import { randomUUID } from 'node:crypto';
import type { PlatformSpec } from '../../../engine/spec/generated/platform-spec.js';
import type { CustomAttribute } from '../../../engine/spec/generated/pair-spec.js';
import type { ValueLimits } from '../../../engine/destinations/model/coerce.js';
import { Rejection } from '../../../engine/destinations/model/coerce.js';
import { decode, tableSchema, type AttributeSchema, type TableSchema } from '../../../engine/destinations/model/table-schema.js';
import { navigationNames } from './navigation-names.js';

/** A stored row: attribute values in the Web API's form; lookups hold the id, `@target` names the table of each. */
export type Row = Record<string, string | number | boolean | null>;

export class WriteError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code = '0x80040203',
  ) {
    super(message);
  }
}

export interface StoreTable {
  object: string;
  entitySet: string;
  schema: TableSchema;
  rows: Map<string, Row>;
  /** Lower-cased alternate-key value to id: Dataverse compares text keys without regard to case. */
  byKey: Map<string, string>;
  hasSourceKey: boolean;
}

/**
 * The tables of the emulated org, built from the platform spec plus the custom columns the test says exist. Writes
 * are checked the way Dataverse checks them (through the sandbox's value rules): unknown or read-only attributes,
 * values over their maximum length or not among their options, required attributes on create, and lookups that must
 * name an existing record of one of their target tables (owners: enabled users).
 */
export class EntityStore {
  /** Standard columns (`object.attribute`) this org does not have, e.g. from a solution not installed; metadata omits them. */
  readonly hidden = new Set<string>();
  /** Tables that do not support CreateMultiple, UpdateMultiple and UpsertMultiple, as some standard tables do not. */
  readonly withoutBulkMessages = new Set<string>();
  /**
   * A synchronous plug-in of the org: it may refuse a record the engine had no way to know was bad, with its own
   * message, as business rules registered on create and update do. Undefined lets the record through.
   */
  rejectRecord: ((object: string, values: Row) => string | undefined) | undefined;
  readonly tables = new Map<string, StoreTable>();
  private readonly bySet = new Map<string, StoreTable>();
  private version = 1000;

  constructor(
    readonly spec: PlatformSpec,
    customAttributes: readonly CustomAttribute[],
    readonly sourceKeyField: string,
    /** Tables that have the source-key column and its alternate key; all but the user table unless a test says. */
    sourceKeyObjects?: readonly string[],
  ) {
    const limits: ValueLimits = {};
    if (spec.rules?.dateMin !== undefined) limits.dateMin = spec.rules.dateMin;
    if (spec.rules?.dateMax !== undefined) limits.dateMax = spec.rules.dateMax;
    for (const object of spec.objects) {
      const hasSourceKey = sourceKeyObjects === undefined ? object.name !== spec.rules?.userObject : sourceKeyObjects.includes(object.name);
      const extra: CustomAttribute[] = hasSourceKey
        ? [{ object: object.name, name: sourceKeyField, label: 'Source key', type: 'text', maxLength: 100 }]
        : [];
      const table: StoreTable = {
        object: object.name,
        entitySet: object.entitySet ?? `${object.name}s`,
        schema: tableSchema(object, [...customAttributes, ...extra], limits),
        rows: new Map(),
        byKey: new Map(),
        hasSourceKey,
      };
      this.tables.set(object.name, table);
      this.bySet.set(table.entitySet, table);
    }
  }

  table(entitySet: string): StoreTable | undefined {
    return this.bySet.get(entitySet);
  }

  tableOf(object: string): StoreTable {
    const table = this.tables.get(object);
    if (table === undefined) throw new Error(`The emulator has no table ${object}.`);
    return table;
  }

  /** Adds a row as an admin would (users), without the write checks. */
  seed(object: string, values: Row): string {
    const table = this.tableOf(object);
    const id = String(values[table.schema.key] ?? randomUUID());
    table.rows.set(id, { ...values, [table.schema.key]: id, versionnumber: this.nextVersion() });
    return id;
  }

  /** Creates, or updates an existing row (`id`), from a Web API body; returns the id and whether it was created. */
  write(table: StoreTable, id: string | undefined, body: Record<string, unknown>, alternateKey?: string): { id: string; created: boolean } {
    const existing = id === undefined ? undefined : table.rows.get(id);
    const changes = this.check(table, body);
    const refusal = this.rejectRecord?.(table.object, { ...existing, ...changes });
    if (refusal !== undefined) throw new WriteError(400, refusal, '0x80040265');
    if (alternateKey !== undefined) changes[this.sourceKeyField] = alternateKey;
    const key = changes[this.sourceKeyField];
    if (typeof key === 'string') {
      const holder = table.byKey.get(key.toLowerCase());
      if (holder !== undefined && holder !== id)
        throw new WriteError(412, `A record with the same value for ${this.sourceKeyField} already exists.`, '0x80060892');
    }
    if (existing === undefined) {
      const missing = table.schema.required.filter((a) => changes[a.name] === undefined || changes[a.name] === null).map((a) => a.name);
      if (missing.length > 0)
        throw new WriteError(
          400,
          `Required attribute${missing.length > 1 ? 's' : ''} ${missing.join(', ')} missing for ${table.object}.`,
          '0x80040200',
        );
      const newId = id ?? (typeof changes[table.schema.key] === 'string' ? (changes[table.schema.key] as string) : randomUUID());
      if (table.rows.has(newId)) throw new WriteError(412, `A record with id ${newId} already exists.`, '0x80040237');
      const row: Row = { ...changes, [table.schema.key]: newId, versionnumber: this.nextVersion(), createdon: new Date().toISOString() };
      table.rows.set(newId, row);
      if (typeof key === 'string') table.byKey.set(key.toLowerCase(), newId);
      return { id: newId, created: true };
    }
    for (const attribute of table.schema.required) {
      if (attribute.name in changes && changes[attribute.name] === null)
        throw new WriteError(400, `Attribute ${attribute.name} is required and cannot be empty.`, '0x80040200');
    }
    const previousKey = existing[this.sourceKeyField];
    Object.assign(existing, changes, { versionnumber: this.nextVersion() });
    if (typeof previousKey === 'string' && previousKey !== key && key !== undefined) table.byKey.delete(previousKey.toLowerCase());
    if (typeof key === 'string') table.byKey.set(key.toLowerCase(), existing[table.schema.key] as string);
    return { id: existing[table.schema.key] as string, created: false };
  }

  remove(table: StoreTable, id: string): boolean {
    const row = table.rows.get(id);
    if (row === undefined) return false;
    table.rows.delete(id);
    const key = row[this.sourceKeyField];
    if (typeof key === 'string') table.byKey.delete(key.toLowerCase());
    return true;
  }

  /** Raises a record's version as an edit in the app would; tests use it to make a delta conflict. */
  touch(object: string, id: string, values: Row): void {
    const row = this.tableOf(object).rows.get(id);
    if (row === undefined) throw new Error(`No ${object} ${id}.`);
    Object.assign(row, values, { versionnumber: this.nextVersion() });
  }

  private nextVersion(): number {
    return ++this.version;
  }

  private check(table: StoreTable, body: Record<string, unknown>): Row {
    const changes: Row = {};
    for (const [name, value] of Object.entries(body)) {
      if (name.endsWith('@odata.bind')) {
        const { attribute, id, target } = this.binding(table, name.slice(0, -'@odata.bind'.length), value);
        changes[attribute.name] = id;
        changes[`${attribute.name}@target`] = target;
        continue;
      }
      if (name.startsWith('@') || name.includes('@odata.')) continue;
      const attribute = table.schema.attributes.get(name);
      if (attribute === undefined)
        throw new WriteError(400, `Invalid property '${name}' was found in entity 'Microsoft.Dynamics.CRM.${table.object}'.`, '0x80060888');
      if (attribute.reference !== undefined) throw new WriteError(400, `The lookup ${name} must be set with ${name}@odata.bind.`, '0x80060888');
      if (!attribute.writable && !attribute.isKey) throw new WriteError(400, `The attribute ${name} cannot be set: it is read-only.`, '0x80048d19');
      const coerced = attribute.coerce(value);
      if (coerced instanceof Rejection) throw new WriteError(400, coerced.message);
      changes[name] = decode(attribute, coerced);
    }
    return changes;
  }

  /** `parentcustomerid_account@odata.bind: /accounts(id)`: the attribute, the id, and the table it is in. */
  private binding(table: StoreTable, navigation: string, value: unknown): { attribute: AttributeSchema; id: string | null; target: string | null } {
    const { attribute, target: expected } = this.navigationAttribute(table, navigation);
    if (value === null) return { attribute, id: null, target: null };
    const match = /^\/?([A-Za-z_]\w*)\(([0-9a-fA-F-]{36})\)$/.exec(String(value).replace(/^.*\/api\/data\/v9\.\d\//, ''));
    if (match === null)
      throw new WriteError(
        400,
        `The value of ${navigation}@odata.bind is not a record reference like /accounts(00000000-0000-0000-0000-000000000000).`,
      );
    const [, entitySet = '', id = ''] = match;
    const target = this.bySet.get(entitySet);
    const targets = attribute.field.targets ?? [];
    if (target === undefined || !targets.includes(target.object) || (expected !== undefined && expected !== target.object)) {
      throw new WriteError(400, `${navigation} cannot point at a record of ${entitySet}.`, '0x80060891');
    }
    const row = target.rows.get(id.toLowerCase()) ?? target.rows.get(id);
    if (row === undefined) throw new WriteError(404, `${target.object} With Id = ${id} Does Not Exist`, '0x80040217');
    if (attribute.reference === 'owner' && this.spec.rules?.activeOwnersOnly === true && row.isdisabled === true) {
      throw new WriteError(400, `The user ${id} is disabled and cannot own records.`, '0x80040225');
    }
    return { attribute, id: String(row[target.schema.key]), target: target.object };
  }

  /** The lookup a navigation property sets and, for a lookup with several targets, the one table it binds to. */
  private navigationAttribute(table: StoreTable, navigation: string): { attribute: AttributeSchema; target?: string } {
    const matches = navigationNames(table.object, table.schema.columns).filter((n) => n.name === navigation);
    const first = matches[0];
    if (first === undefined) throw new WriteError(400, `'${navigation}' is not a navigation property of ${table.object}.`, '0x80060888');
    return matches.length === 1 && (first.attribute.field.targets ?? []).length > 1 ? { attribute: first.attribute, target: first.target } : { attribute: first.attribute };
  }
}
