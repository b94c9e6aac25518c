import { createHash } from 'node:crypto';
import { describeField, type DescribeField, type DescribeResult } from '../../../engine/destinations/salesforce/describe-fields.js';
import { salesforceValue, Rejection, type ToSalesforce } from '../../../engine/destinations/salesforce/field-values.js';
import type { DestinationRecord } from '../../../engine/destinations/destination.js';
import type { PlatformSpec } from '../../../engine/spec/generated/platform-spec.js';
import { standardSalesforcePrefix } from '../../../engine/util/salesforce-ids.js';

/** One record's error as the REST API reports it. */
export interface RecordError {
  statusCode: string;
  message: string;
  fields: string[];
}

export interface OrgOptions {
  /** Custom fields the test has "created" in the org, beyond those in the platform spec. */
  customFields?: { object: string; field: Parameters<typeof describeField>[0] }[];
  /** Objects whose source-key field does not exist yet, or exists without the External ID flag. */
  withoutSourceKey?: string[];
  sourceKeyNotExternal?: string[];
  /** Standard fields (`Object.Field`) hidden from the integration user by field-level security. */
  hiddenFields?: string[];
  /** Whether the integration user may set CreatedDate on create ("Set Audit Fields upon Record Creation"). */
  auditFieldsWritable?: boolean;
  users?: { email: string; name: string; active: boolean }[];
}

interface OrgObject {
  describe: DescribeResult;
  fields: Map<string, DescribeField>;
  rules: Map<string, ToSalesforce>;
  records: Map<string, DestinationRecord>;
  /** Source-key value to record id: upserts match on it, and a scan per record would make large loads quadratic. */
  byKey: Map<string, string>;
  prefix: string;
}


/**
 * The org's data: objects described from the platform spec (plus the test's custom fields and `Legacy_Id__c` as an
 * External ID), records in memory, and the rules a real org enforces on every write: required fields, lengths,
 * picklist values, the 1700-4000 date range, lookup targets, active owners. SystemModstamp moves on every write.
 */
export class SalesforceOrg {
  private readonly objects = new Map<string, OrgObject>();
  private clock = Date.parse('2026-01-01T00:00:00Z');
  private sequence = 0;

  constructor(spec: PlatformSpec, readonly sourceKeyField: string, options: OrgOptions = {}) {
    const rules = spec.rules ?? {};
    const limits = { ...(rules.dateMin ? { dateMin: rules.dateMin } : {}), ...(rules.dateMax ? { dateMax: rules.dateMax } : {}) };
    for (const object of spec.objects) {
      const fields = object.fields
        .filter((f) => !(options.hiddenFields ?? []).includes(`${object.name}.${f.name}`))
        .map((f) => describeField(f, f.name === 'CreatedDate' && options.auditFieldsWritable === true ? { createable: true } : {}));
      for (const custom of options.customFields ?? []) if (custom.object === object.name) fields.push(describeField(custom.field));
      if (!(options.withoutSourceKey ?? []).includes(object.name)) {
        fields.push(describeField({ name: sourceKeyField, type: 'text', maxLength: 255 }, { externalId: !(options.sourceKeyNotExternal ?? []).includes(object.name) }));
      }
      fields.push(describeField({ name: 'SystemModstamp', type: 'datetime', writable: false }));
      const byName = new Map(fields.map((f) => [f.name, f]));
      const prefix = standardSalesforcePrefix(object.name) ?? `a${createHash('sha1').update(object.name).digest('hex').slice(0, 2)}`;
      this.objects.set(object.name, {
        describe: { name: object.name, fields },
        fields: byName,
        rules: new Map(object.fields.concat((options.customFields ?? []).filter((c) => c.object === object.name).map((c) => c.field)).map((f) => [f.name, salesforceValue(f, limits)])),
        records: new Map(),
        byKey: new Map(),
        prefix,
      });
    }
    // Users exist before any load (an admin creates them), so they are seeded as they are, past the create rules.
    const users = this.objects.get('User');
    for (const user of options.users ?? []) {
      const [first, ...last] = user.name.split(' ');
      const id = `005${createHash('sha1').update(user.email).digest('base64url').slice(0, 15)}`;
      users?.records.set(id, { Id: id, Email: user.email, Name: user.name, FirstName: first ?? '', LastName: last.join(' '), IsActive: user.active, SystemModstamp: this.tick() });
    }
  }

  describe(object: string): DescribeResult | undefined {
    return this.objects.get(object)?.describe;
  }

  records(object: string): Map<string, DestinationRecord> {
    return this.object(object)?.records ?? new Map();
  }

  recordByKey(object: string, key: string): DestinationRecord | undefined {
    const table = this.object(object);
    const id = table?.byKey.get(key);
    return id === undefined ? undefined : table?.records.get(id);
  }

  /** Create or update by the External ID field; `created` says which. */
  upsert(object: string, keyField: string, values: DestinationRecord): { id: string; created: boolean } | RecordError {
    const table = this.object(object);
    if (table === undefined) return error('NOT_FOUND', `The requested resource does not exist: ${object}`);
    if (table.fields.get(keyField)?.externalId !== true) return error('INVALID_FIELD', `${keyField} is not an External ID field of ${object}`, keyField);
    const key = values[keyField];
    if (key === null || key === undefined || key === '') return error('REQUIRED_FIELD_MISSING', `Required field missing: ${keyField}`, keyField);
    const found = table.byKey.get(String(key));
    if (found === undefined) {
      const created = this.insert(object, values);
      return typeof created === 'string' ? { id: created, created: true } : created;
    }
    const updated = this.update(object, found, values);
    return typeof updated === 'string' ? { id: updated, created: false } : updated;
  }

  insert(object: string, values: DestinationRecord): string | RecordError {
    const table = this.object(object) as OrgObject;
    const checked = this.check(table, values, 'create');
    if (!isRecord(checked)) return checked;
    for (const field of table.fields.values()) {
      if (!field.nillable && field.createable && !field.defaultedOnCreate && (checked[field.name] === null || checked[field.name] === undefined)) {
        return error('REQUIRED_FIELD_MISSING', `Required fields are missing: [${field.name}]`, field.name);
      }
    }
    const id = `${table.prefix}${createHash('sha1').update(`${object}:${++this.sequence}`).digest('base64url').slice(0, 15)}`;
    const key = checked[this.sourceKeyField];
    if (typeof key === 'string') {
      if (table.byKey.has(key)) return error('DUPLICATE_VALUE', `duplicate value found: ${this.sourceKeyField} duplicates value on record with id: ${table.byKey.get(key)}`, this.sourceKeyField);
      table.byKey.set(key, id);
    }
    table.records.set(id, { ...checked, Id: id, SystemModstamp: this.tick() });
    return id;
  }

  update(object: string, id: string, values: DestinationRecord): string | RecordError {
    const table = this.object(object);
    const current = table?.records.get(id);
    if (table === undefined || current === undefined) return error('ENTITY_IS_DELETED', `entity is deleted or does not exist: ${id}`);
    const checked = this.check(table, values, 'update');
    if (!isRecord(checked)) return checked;
    const key = checked[this.sourceKeyField];
    if (typeof key === 'string' && key !== current[this.sourceKeyField]) {
      if (table.byKey.has(key)) return error('DUPLICATE_VALUE', `duplicate value found: ${this.sourceKeyField}`, this.sourceKeyField);
      table.byKey.delete(String(current[this.sourceKeyField]));
      table.byKey.set(key, id);
    }
    table.records.set(id, { ...current, ...checked, SystemModstamp: this.tick() });
    return id;
  }

  remove(id: string): RecordError | undefined {
    for (const table of this.objects.values()) {
      const record = table.records.get(id);
      if (record === undefined) continue;
      table.records.delete(id);
      table.byKey.delete(String(record[this.sourceKeyField]));
      return undefined;
    }
    return error('ENTITY_IS_DELETED', `entity is deleted or does not exist: ${id}`);
  }

  /** Which object an id belongs to. */
  objectOf(id: string): string | undefined {
    for (const [name, table] of this.objects) if (table.records.has(id)) return name;
    return undefined;
  }

  private check(table: OrgObject, values: DestinationRecord, mode: 'create' | 'update'): DestinationRecord | RecordError {
    const out: DestinationRecord = {};
    for (const [name, value] of Object.entries(values)) {
      if (name === 'Id' || name === 'attributes') continue;
      const field = table.fields.get(name);
      if (field === undefined) return error('INVALID_FIELD', `No such column '${name}' on sobject of type ${table.describe.name}`, name);
      if (!(mode === 'create' ? field.createable : field.updateable)) return error('INVALID_FIELD_FOR_INSERT_UPDATE', `Unable to ${mode} field ${name}`, name);
      const rule = table.rules.get(name);
      const shaped = rule === undefined ? (value === '' ? null : value) : rule(value);
      if (shaped instanceof Rejection) return error(field.type === 'picklist' ? 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST' : field.type === 'string' ? 'STRING_TOO_LONG' : 'FIELD_INTEGRITY_EXCEPTION', shaped.message, name);
      if (field.type === 'reference' && typeof shaped === 'string') {
        const target = this.objectOf(shaped);
        if (target === undefined || (field.referenceTo.length > 0 && !field.referenceTo.includes(target))) return error('INVALID_CROSS_REFERENCE_KEY', `invalid cross reference id: ${shaped}`, name);
        if (name === 'OwnerId' && this.records('User').get(shaped)?.IsActive !== true) return error('INACTIVE_OWNER_OR_USER', 'operation performed with inactive user as owner', name);
      }
      out[name] = shaped;
    }
    return out;
  }

  private object(name: string): OrgObject | undefined {
    return this.objects.get(name);
  }

  private tick(): string {
    this.clock += 1000;
    return new Date(this.clock).toISOString().replace('Z', '+0000');
  }
}

function error(statusCode: string, message: string, field?: string): RecordError {
  return { statusCode, message, fields: field === undefined ? [] : [field] };
}

function isRecord(value: DestinationRecord | RecordError): value is DestinationRecord {
  return !('statusCode' in value && 'fields' in value && Array.isArray(value.fields));
}
