import type { Engagement } from '../engagement/engagement.js';
import type { PlatformField } from '../spec/generated/platform-spec.js';
import type { CustomAttribute } from '../spec/generated/pair-spec.js';
import { typeVocabulary } from './field-type-names.js';
import type { MigrationPlan } from './migration-plan.js';

/** A custom object or custom fields that the destination's platform spec declares (usually a user's `extends`). */
export interface PlatformCustomChange {
  object: string;
  objectLabel: string;
  /** True when the object itself is custom: the admin creates it, then its fields. */
  createObject: boolean;
  fields: { name: string; label: string; type: string; required: boolean }[];
  /** The loads that write into the object, in run order: it must exist before the first. */
  loads: string[];
}

/** Types an object has by itself once created: its id and owner are not fields the admin adds. */
const BUILT_IN: ReadonlySet<PlatformField['type']> = new Set(['id', 'owner']);
const ATTRIBUTE_TYPES: ReadonlySet<string> = new Set(['text', 'longtext', 'integer', 'decimal', 'money', 'percent', 'date', 'datetime', 'boolean', 'email', 'phone', 'url', 'picklist', 'multipicklist']);

/**
 * The custom objects and fields of the destination's platform spec that this plan writes into. Pair `customAttributes`
 * and engagement decisions are listed by `customFieldChanges`; these come from the platform itself, so a company's
 * own `Goal__c` declared once in its spec repository shows up in every plan that loads it.
 */
export function platformCustomChanges(engagement: Engagement, plan: MigrationPlan): PlatformCustomChange[] {
  const destination = engagement.destination;
  const typeName = typeVocabulary(destination.spec.rules?.customFieldPattern);
  const planned = new Set(plan.customAttributes.map((a) => `${a.object}.${a.name}`));
  const changes: PlatformCustomChange[] = [];
  for (const object of plan.objects) {
    const spec = destination.object(object);
    if (spec === undefined) continue;
    const createObject = spec.custom === true;
    const fields = (spec.fields ?? [])
      .filter((f) => (createObject || f.custom === true) && !BUILT_IN.has(f.type) && f.writable !== false && !planned.has(`${object}.${f.name}`))
      .map((f) => ({ name: f.name, label: f.label ?? f.name, type: fieldType(f, typeName), required: f.required === true }));
    if (!createObject && fields.length === 0) continue;
    const loads = plan.loads.filter((l) => l.object === object).map((l) => l.id);
    changes.push({ object, objectLabel: spec.label, createObject, fields, loads });
  }
  return changes;
}

function fieldType(field: PlatformField, typeName: (shape: Pick<CustomAttribute, 'type' | 'maxLength'>) => string): string {
  if (field.type === 'lookup') return `Lookup(${(field.targets ?? []).join(', ')})`;
  if (ATTRIBUTE_TYPES.has(field.type)) return typeName({ type: field.type as CustomAttribute['type'], ...(field.maxLength === undefined ? {} : { maxLength: field.maxLength }) });
  return field.type;
}
