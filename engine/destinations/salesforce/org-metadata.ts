import type { DestinationSetup, SetupProblem } from '../destination.js';
import type { ValueLimits } from '../model/coerce.js';
import { platformField, type DescribeField, type DescribeResult } from './describe-fields.js';
import { salesforceValue, type ToSalesforce } from './field-values.js';
import { SalesforceApiError, type SalesforceClient } from './salesforce-client.js';

/** Audit fields Salesforce accepts on create only when "Set Audit Fields upon Record Creation" is on for the user. */
const AUDIT_FIELDS = ['CreatedDate', 'CreatedById', 'LastModifiedDate', 'LastModifiedById'];

/** One object as the org describes it, compiled for writes, reads and comparisons. */
export interface ObjectMetadata {
  name: string;
  fields: ReadonlyMap<string, DescribeField>;
  values: ReadonlyMap<string, ToSalesforce>;
  /** Whether the org lets this user set `CreatedDate` on create. */
  auditWritable: boolean;
}

/** Describes each object; `undefined` for an object the org does not have. */
export async function describeObjects(client: SalesforceClient, names: readonly string[], limits: ValueLimits): Promise<Map<string, ObjectMetadata | undefined>> {
  const described = await Promise.all(
    names.map(async (name) => {
      try {
        const result = await client.call<DescribeResult>('GET', `${client.apiBase}/sobjects/${name}/describe`);
        return [name, compile(result, limits)] as const;
      } catch (error) {
        if (error instanceof SalesforceApiError && error.status === 404) return [name, undefined] as const;
        throw error;
      }
    }),
  );
  return new Map(described);
}

function compile(result: DescribeResult, limits: ValueLimits): ObjectMetadata {
  const fields = new Map(result.fields.map((f) => [f.name, f]));
  const values = new Map(result.fields.map((f) => [f.name, salesforceValue(platformField(f), limits)]));
  return { name: result.name, fields, values, auditWritable: fields.get('CreatedDate')?.createable === true };
}

/**
 * What would stop a load, found from the org's metadata: objects or custom fields not created yet, the source-key
 * field missing or not an External ID, standard fields the mapping writes that the org does not show, and option
 * values the pair declares that the org's picklist lacks.
 */
export function setupProblems(setup: DestinationSetup, objects: ReadonlyMap<string, ObjectMetadata | undefined>, sourceKeyField: string): SetupProblem[] {
  const problems: SetupProblem[] = [];
  for (const [name, meta] of objects) {
    if (meta === undefined) {
      problems.push({ object: name, message: `The org has no ${name} object (or the integration user cannot see it).` });
      continue;
    }
    const key = meta.fields.get(sourceKeyField);
    if (key === undefined) {
      problems.push({ object: name, attribute: sourceKeyField, message: `${name}.${sourceKeyField} does not exist: create it as a Text External ID field (unique) before loading, upserts match on it.` });
    } else if (!key.externalId) {
      problems.push({ object: name, attribute: sourceKeyField, message: `${name}.${sourceKeyField} is not marked External ID: tick External ID (and Unique) on the field, upserts match on it.` });
    }
  }
  problems.push(...missingWrites(setup, objects));
  for (const custom of setup.customAttributes) {
    const meta = objects.get(custom.object);
    if (meta === undefined) continue;
    const field = meta.fields.get(custom.name);
    if (field === undefined) {
      problems.push({ object: custom.object, attribute: custom.name, message: `Custom field ${custom.object}.${custom.name} (${custom.label}, ${custom.type}) is not created yet; create it before loading.` });
      continue;
    }
    const present = new Set(field.picklistValues.filter((p) => p.active).map((p) => p.value));
    const absent = (custom.options ?? []).filter((o) => !present.has(o));
    if (absent.length > 0) {
      problems.push({ object: custom.object, attribute: custom.name, message: `${custom.object}.${custom.name} lacks the picklist value${absent.length > 1 ? 's' : ''} ${absent.join(', ')} that the mapping writes; add them to the field first.` });
    }
  }
  return problems;
}

/** A note for the run when the org will not take original creation dates: the load goes on without them. */
export function auditNote(objects: ReadonlyMap<string, ObjectMetadata | undefined>): string | undefined {
  const without = [...objects.values()].filter((m): m is ObjectMetadata => m !== undefined && !m.auditWritable).map((m) => m.name);
  if (without.length === 0) return undefined;
  return `The org does not let this user set audit fields (${AUDIT_FIELDS[0]}) on ${without.join(', ')}: records keep the load date as their creation date. Turn on "Set Audit Fields upon Record Creation" and grant it to the integration user to keep original dates.`;
}

/** Audit fields the org will not accept are dropped from writes rather than failing every record. */
export function writableValues<T extends Record<string, unknown>>(meta: ObjectMetadata, values: T): T {
  if (meta.auditWritable) return values;
  const copy = { ...values };
  for (const field of AUDIT_FIELDS) delete copy[field];
  return copy;
}

/** Fields the plan writes that the org's describe lacks; custom fields are reported by the caller, with their type. */
function missingWrites(setup: DestinationSetup, objects: ReadonlyMap<string, ObjectMetadata | undefined>): SetupProblem[] {
  const problems: SetupProblem[] = [];
  for (const [object, names] of Object.entries(setup.writes ?? {})) {
    const meta = objects.get(object);
    if (meta === undefined) continue;
    const custom = new Set(setup.customAttributes.filter((c) => c.object === object).map((c) => c.name));
    for (const name of names) {
      if (custom.has(name) || meta.fields.has(name)) continue;
      problems.push({ object, attribute: name, message: `${object}.${name} is not a field the org shows to the integration user, and the mapping writes it; check the field and its field-level security.` });
    }
  }
  return problems;
}
