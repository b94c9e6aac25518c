import type { Engagement } from '../engagement/engagement.js';
import type { FieldOption } from '../spec/generated/platform-spec.js';
import type { StageRow } from '../spec/generated/pair-spec.js';
import { destinationField } from '../spec/pair-model.js';
import { toCall } from '../transforms/registry.js';
import type { MigrationPlan } from './migration-plan.js';

/** A destination attribute, named both ways: the label the admin sees on screen and the name the API uses. */
export interface AttributeRef {
  name: string;
  label: string;
}

export interface StageUse extends StageRow {
  /** True when the destination's stage list is known and lacks this stage, so the admin adds it first. */
  missing: boolean;
}

/** One stage table as the destination receives it: the stages the admin checks against the sales process. */
export interface StageTableCheck {
  table: string;
  pipeline: string | null;
  object: string;
  objectLabel: string;
  stageField: AttributeRef;
  /** Attributes the same loads fill from the table; null when the destination derives them from the stage itself. */
  probabilityField: AttributeRef | null;
  outcomeField: AttributeRef | null;
  /** False when the platform spec lists no stage values, so nothing can be said about which ones exist. */
  optionsKnown: boolean;
  rows: StageUse[];
}

/** One destination attribute short of values the migration writes into it. */
export interface OptionsToAdd {
  object: string;
  objectLabel: string;
  attribute: AttributeRef;
  values: string[];
  /** For missing stages, the stage rows behind the values: a new stage needs its probability and outcome set too. */
  stages: StageRow[];
  /** True for a choice field created above; false for an attribute the destination already has. */
  newField: boolean;
  /** The stage table that writes the values, when that is why they are needed. */
  table: string | null;
}

type StageOutput = 'stage' | 'probability' | 'outcome';

/** Where the loads write one output of one stage table. */
interface StageTarget {
  table: string;
  object: string;
  attribute: string;
  output: StageOutput;
}

/**
 * The stage tables the loads use, each with the destination attribute that receives its stages. Only a stage lookup
 * that is the last step writes stage names as they are; a later step (a `map`) turns them into something else.
 */
function stageTargets(plan: MigrationPlan): StageTarget[] {
  const targets: StageTarget[] = [];
  for (const load of plan.loads) {
    for (const field of load.fields) {
      field.steps.map(toCall).forEach((call, i) => {
        if (call.name !== 'stage' || call.table === undefined) return;
        const output = call.output ?? 'stage';
        if (output === 'stage' && i !== field.steps.length - 1) return;
        if (!targets.some((t) => t.table === call.table && t.object === load.object && t.attribute === field.to && t.output === output)) {
          targets.push({ table: call.table, object: load.object, attribute: field.to, output });
        }
      });
    }
  }
  return targets;
}

const normalised = (text: string): string => text.trim().toLowerCase();

function hasOption(options: readonly FieldOption[], value: string): boolean {
  const wanted = normalised(value);
  return options.some((o) => normalised(o.label) === wanted || normalised(String(o.value)) === wanted);
}

/** Every stage table the loads write, with the stages the destination lacks marked. */
export function stageTableChecks(engagement: Engagement, plan: MigrationPlan): StageTableCheck[] {
  const { destination } = engagement;
  const targets = stageTargets(plan);
  const ref = (object: string, attribute: string): AttributeRef => ({ name: attribute, label: destinationField(destination, plan.customAttributes, object, attribute)?.label ?? attribute });
  const companion = (stage: StageTarget, output: StageOutput): AttributeRef | null => {
    const found = targets.find((t) => t.table === stage.table && t.object === stage.object && t.output === output);
    return found === undefined ? null : ref(found.object, found.attribute);
  };
  return targets
    .filter((t) => t.output === 'stage' && plan.stageTables.has(t.table))
    .map((t) => {
      const options = destinationField(destination, plan.customAttributes, t.object, t.attribute)?.options ?? [];
      const optionsKnown = options.length > 0;
      const pipeline = (engagement.pair.stageTables ?? []).find((s) => s.id === t.table)?.pipeline;
      return {
        table: t.table,
        pipeline: pipeline ?? null,
        object: t.object,
        objectLabel: destination.object(t.object)?.label ?? t.object,
        stageField: ref(t.object, t.attribute),
        probabilityField: companion(t, 'probability'),
        outcomeField: companion(t, 'outcome'),
        optionsKnown,
        rows: (plan.stageTables.get(t.table) ?? []).map((row) => ({ ...row, missing: optionsKnown && !hasOption(options, row.stage) })),
      };
    });
}

/** Stage values the stage tables write that their destination attribute does not offer yet, once each. */
export function missingStageOptions(checks: readonly StageTableCheck[]): OptionsToAdd[] {
  return checks.flatMap((check) => {
    const stages: StageRow[] = [];
    for (const { missing, ...row } of check.rows) if (missing && !stages.some((s) => normalised(s.stage) === normalised(row.stage))) stages.push(row);
    if (stages.length === 0) return [];
    return [{ object: check.object, objectLabel: check.objectLabel, attribute: check.stageField, values: stages.map((s) => s.stage), stages, newField: false, table: check.table }];
  });
}
