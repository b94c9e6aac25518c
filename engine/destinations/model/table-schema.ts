import type { PlatformField, PlatformObject } from '../../spec/generated/platform-spec.js';
import type { CustomAttribute } from '../../spec/generated/pair-spec.js';
import { affinityOf, valueCoercer, type Affinity, type Coerce, type SqlValue, type ValueLimits } from './coerce.js';

/**
 * One destination table compiled from a platform object: its columns and the value rule of each. Every target uses
 * it (the sandbox's SQLite tables, Dataverse and Salesforce records, the packages); built once per `open`, then
 * looked up by name in maps, nothing here is recomputed per row. The sandbox's DDL is in sandbox/sqlite-tables.ts.
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

/** Stored values back to what the engine wrote: 0/1 to booleans for boolean attributes. */
export function decode(attribute: AttributeSchema, stored: SqlValue): string | number | boolean | null {
  if (attribute.isBoolean && stored !== null) return stored === 1;
  return stored;
}
