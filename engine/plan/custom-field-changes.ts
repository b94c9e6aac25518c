import type { Engagement } from '../engagement/engagement.js';
import type { CustomFieldDecision } from '../spec/generated/engagement-spec.js';
import type { CustomAttribute } from '../spec/generated/pair-spec.js';
import { loadsOf } from '../spec/pair-model.js';
import { typeVocabulary } from './field-type-names.js';
import type { MigrationPlan } from './migration-plan.js';
import { exportedChoiceValues } from './export-choice-values.js';

/** One custom field the admin creates in the destination before loading. */
export interface CustomFieldChange {
  /** The attribute name exactly as the loads write it. */
  name: string;
  label: string;
  /** The type as the destination's own setup screens name it. */
  type: string;
  /** Our generic type (`text`, `picklist`...), for tools reading the JSON. */
  genericType: CustomAttribute['type'];
  maxLength: number | null;
  options: string[];
  /** A choice field whose values no spec lists: the admin takes them from the source data. */
  optionsUnlisted: boolean;
  /** True when the pair declares it, so every migration of this pair needs it; false for this engagement's decisions. */
  fromPair: boolean;
  /** For an engagement decision, whether a person has confirmed it; pair fields are settled by the pair. */
  confirmed: boolean;
  /** The source column behind an engagement decision. */
  sourceColumn: string | null;
  /** Notes from the pair's mappings and the proposer's reason: why the field exists and what fills it. */
  why: string[];
  /** `file: column` pairs the loads fill the field from. */
  filledFrom: string[];
  /** The first phase writing the field: it must exist by then. */
  firstLoad: { phase: number; load: string } | null;
}

/** The custom fields of one destination object. */
export interface ObjectFieldChanges {
  object: string;
  objectLabel: string;
  fields: CustomFieldChange[];
}

const isChoice = (type: CustomAttribute['type']): boolean => type === 'picklist' || type === 'multipicklist';

/** The `create` decision of this engagement behind a planned attribute, if any. */
function decisionBehind(engagement: Engagement, plan: MigrationPlan, attribute: CustomAttribute): CustomFieldDecision | undefined {
  return (engagement.spec.customFields ?? []).find(
    (d) => d.action === 'create' && d.to === attribute.name && plan.loads.some((l) => l.sourceObject === d.object && l.object === attribute.object),
  );
}

function describe(engagement: Engagement, plan: MigrationPlan, attribute: CustomAttribute, typeName: (a: CustomAttribute) => string): CustomFieldChange {
  const fromPair = (engagement.pair.customAttributes ?? []).some((c) => c.object === attribute.object && c.name === attribute.name);
  const decision = fromPair ? undefined : decisionBehind(engagement, plan, attribute);
  const mappingNotes = loadsOf(engagement.pair)
    .filter(({ load }) => load.to === attribute.object)
    .flatMap(({ load }) => (load.fields ?? []).filter((f) => f.to === attribute.name && f.note !== undefined).map((f) => f.note as string));
  const writers = plan.loads.map((load, i) => ({ load, phase: i + 1 })).filter(({ load }) => load.object === attribute.object && load.fields.some((f) => f.to === attribute.name));
  const filledFrom = writers.flatMap(({ load }) =>
    load.fields.filter((f) => f.to === attribute.name).map((f) => (f.columns.length > 0 ? `${load.fileName}: ${f.columns.join(' + ')}` : `${load.fileName}: the constant ${String(f.value)}`)),
  );
  const first = writers[0];
  const options = attribute.options !== undefined && attribute.options.length > 0 ? attribute.options : exportedChoiceValues(engagement, plan, attribute);
  return {
    name: attribute.name,
    label: attribute.label,
    type: typeName(attribute),
    genericType: attribute.type,
    maxLength: attribute.maxLength ?? null,
    options: [...options],
    optionsUnlisted: isChoice(attribute.type) && options.length === 0,
    fromPair,
    confirmed: fromPair || decision?.status === 'confirmed',
    sourceColumn: decision?.column ?? null,
    why: [...new Set([...mappingNotes, ...(decision?.reason === undefined ? [] : [decision.reason])])],
    filledFrom: [...new Set(filledFrom)],
    firstLoad: first === undefined ? null : { phase: first.phase, load: first.load.id },
  };
}

/** The plan's custom attributes grouped by destination object, objects in the order the run writes them. */
export function customFieldChanges(engagement: Engagement, plan: MigrationPlan): ObjectFieldChanges[] {
  const typeName = typeVocabulary(engagement.destination.spec.rules?.customFieldPattern);
  const objects = [...new Set([...plan.objects, ...plan.customAttributes.map((a) => a.object)])];
  return objects
    .map((object) => ({
      object,
      objectLabel: engagement.destination.object(object)?.label ?? object,
      fields: plan.customAttributes.filter((a) => a.object === object).map((a) => describe(engagement, plan, a, typeName)),
    }))
    .filter((group) => group.fields.length > 0);
}
