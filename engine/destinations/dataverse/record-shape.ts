import { Rejection } from '../model/coerce.js';
import { decode, type AttributeSchema, type TableSchema } from '../model/table-schema.js';
import type { DestinationRecord } from '../destination.js';

/**
 * Converts between the engine's records (lookups as plain destination ids) and the Web API's JSON. Lookups are
 * written as `<navigation>@odata.bind: /<entityset>(<id>)` and read back from `_<attribute>_value`. Navigation
 * property names come from the org's relationship metadata; without it, a lookup with one target is taken to be
 * named like the attribute and one with several targets `<attribute>_<target>`.
 */

/** The row version column: what a delta run compares to spot edits made in Dataverse after the write. */
export const VERSION = 'versionnumber';

export interface BindTarget {
  /** The logical name of the table the id belongs to. */
  object: string;
  entitySet: string;
}

/** Chooses the table a lookup id points at; undefined when the id is in none of the attribute's targets. */
export type TargetOf = (attribute: AttributeSchema, id: string) => Promise<BindTarget | undefined>;

export function navigationProperty(attribute: AttributeSchema, target: string, names?: ReadonlyMap<string, string>): string {
  const named = names?.get(`${attribute.name}|${target}`);
  if (named !== undefined) return named;
  const targets = attribute.field.targets ?? [];
  return attribute.reference === 'owner' || targets.length <= 1 ? attribute.name : `${attribute.name}_${target}`;
}

/** The value as Dataverse stores it (the sandbox's value rules), or the value unchanged when it breaks a rule. */
export function stored(attribute: AttributeSchema | undefined, value: unknown): string | number | boolean | null {
  if (attribute === undefined) return value as string | number | boolean | null;
  const coerced = attribute.coerce(value);
  if (coerced instanceof Rejection) return value as string | number | boolean | null;
  return decode(attribute, coerced);
}

/** The request body for these values; a lookup whose target cannot be found fails the record with that sentence. */
export async function toBody(
  schema: TableSchema,
  values: DestinationRecord,
  targetOf: TargetOf,
  names?: ReadonlyMap<string, string>,
): Promise<Record<string, unknown> | string> {
  const body: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) {
    const attribute = schema.attributes.get(name);
    if (attribute?.isKey === true) continue;
    if (attribute?.reference === undefined) {
      body[name] = stored(attribute, value);
      continue;
    }
    if (value === null || value === '') {
      // Clearing a lookup: every navigation property of it is unbound.
      const targets = attribute.field.targets ?? [];
      for (const target of targets.length === 0 ? [''] : targets) body[`${navigationProperty(attribute, target, names)}@odata.bind`] = null;
      continue;
    }
    const target = await targetOf(attribute, String(value));
    if (target === undefined) {
      return `Attribute ${name} value "${String(value)}" names no ${(attribute.field.targets ?? []).join(' or ')} record in Dataverse.`;
    }
    body[`${navigationProperty(attribute, target.object, names)}@odata.bind`] = `/${target.entitySet}(${String(value)})`;
  }
  return body;
}

/** The `$select` names of these attributes: lookups are selected by their `_<name>_value` property. */
export function selectNames(schema: TableSchema, attributes: readonly string[]): string[] {
  return attributes.map((name) => (schema.attributes.get(name)?.reference === undefined ? name : `_${name}_value`));
}

/** An entity from the Web API as the engine's record: lookups under their attribute name, values in stored form. */
export function fromEntity(schema: TableSchema, entity: Record<string, unknown>, attributes: readonly string[]): DestinationRecord {
  const record: DestinationRecord = {};
  for (const name of attributes) {
    const attribute = schema.attributes.get(name);
    let value = attribute?.reference === undefined ? entity[name] : entity[`_${name}_value`];
    // dynamics-web-api revives ISO dates into Date objects; the engine compares text.
    if (value instanceof Date) value = attribute?.field.type === 'date' ? value.toISOString().slice(0, 10) : value.toISOString();
    record[name] = value === undefined || value === null ? null : stored(attribute, value);
  }
  return record;
}

/** Whether a stored record already holds exactly these values (then an upsert writes nothing). */
export function sameValues(schema: TableSchema, wanted: DestinationRecord, existing: DestinationRecord): boolean {
  for (const [name, value] of Object.entries(wanted)) {
    if (schema.attributes.get(name)?.isKey === true) continue;
    const a = stored(schema.attributes.get(name), value);
    const b = existing[name] ?? null;
    if (a === b) continue;
    if (typeof a === 'string' && typeof b === 'string' && a.toLowerCase() === b.toLowerCase() && schema.attributes.get(name)?.reference !== undefined)
      continue;
    return false;
  }
  return true;
}
