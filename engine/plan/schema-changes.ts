import type { Engagement } from '../engagement/engagement.js';
import type { Gotcha } from '../spec/generated/platform-spec.js';
import { customFieldChanges, type ObjectFieldChanges } from './custom-field-changes.js';
import type { MigrationPlan } from './migration-plan.js';
import { loadProcesses, type PlannedProcess } from './planned-processes.js';
import type { ExportCheck } from './shape-findings.js';
import { platformCustomChanges, type PlatformCustomChange } from './schema-changes-custom-objects.js';
import { missingStageOptions, stageTableChecks, type OptionsToAdd, type StageTableCheck } from './stage-changes.js';

export type { CustomFieldChange, ObjectFieldChanges } from './custom-field-changes.js';
export type { PlatformCustomChange } from './schema-changes-custom-objects.js';
export type { AttributeRef, OptionsToAdd, StageTableCheck, StageUse } from './stage-changes.js';

/** Everything the real destination needs before the first record arrives, laid out for the admin who sets it up. */
export interface SchemaChangeDocument {
  pair: string;
  source: string;
  destination: string;
  /** Custom fields to create, per destination object. */
  fieldGroups: ObjectFieldChanges[];
  /** Custom objects (and custom fields of standard objects) the destination's own platform spec declares. */
  customObjects: PlatformCustomChange[];
  /**
   * The field every loaded table needs so that a rerun updates instead of duplicating, when the destination names one
   * (live targets upsert on it; the sandbox keeps its own). Not counted in `counts`: it is the same field everywhere.
   */
  sourceKey?: SourceKeySetup;
  /** Values to add to choice fields: missing stages of existing ones, and every value of new ones. */
  optionsToAdd: OptionsToAdd[];
  /** The stages each stage table writes, to compare with the destination's sales process. */
  stageChecks: StageTableCheck[];
  /** One process per source pipeline (a record type with its sales process, a business process flow), per object. */
  processes: ProcessGroup[];
  /** The destination's own warnings about custom fields, from its platform spec. */
  destinationNotes: Gotcha[];
  counts: {
    /** Custom objects to create. */
    objects: number;
    fields: number;
    optionValues: number;
    stageTables: number;
    /** Processes to create, one per pipeline. */
    processes: number;
    /** Fields plus option values: each is one thing the admin creates. */
    changes: number;
    /** Fields from decisions nobody has confirmed yet. */
    unconfirmed: number;
  };
  /** True when the destination needs nothing created or added; stages may still be worth a look. */
  nothingToChange: boolean;
}

export interface ProcessGroup {
  object: string;
  objectLabel: string;
  /** What the destination calls one (`business process flow`). */
  kind: string;
  /** The record's attribute that names it, set on every migrated record. */
  attribute: string;
  processes: PlannedProcess[];
}

export interface SourceKeySetup {
  field: string;
  /** How to create it, in the destination's own terms. */
  setup?: string;
  /** Every object the plan loads into, in load order. */
  objects: { object: string; objectLabel: string }[];
}

const ABOUT_CUSTOM_FIELDS = /\bcustom (fields?|columns?|attributes?)\b/i;

/** The schema changes a plan implies, as data: the templates turn it into a checklist and nothing here prints. */
export function schemaChanges(engagement: Engagement, plan: MigrationPlan, check?: Pick<ExportCheck, 'files'>): SchemaChangeDocument {
  const fieldGroups = customFieldChanges(engagement, plan);
  const stageChecks = stageTableChecks(engagement, plan);
  const newChoiceValues: OptionsToAdd[] = fieldGroups.flatMap((group) =>
    group.fields
      .filter((f) => f.options.length > 0)
      .map((f) => ({ object: group.object, objectLabel: group.objectLabel, attribute: { name: f.name, label: f.label }, values: f.options, stages: [], newField: true, table: null })),
  );
  const optionsToAdd = [...missingStageOptions(stageChecks), ...newChoiceValues];
  const customObjects = platformCustomChanges(engagement, plan);
  const objectCount = customObjects.filter((c) => c.createObject).length;
  const fields = fieldGroups.flatMap((g) => g.fields);
  const platformFields = customObjects.reduce((n, c) => n + c.fields.length, 0);
  const optionValues = optionsToAdd.reduce((n, o) => n + o.values.length, 0);
  const processes = processGroups(engagement, plan, check);
  const processCount = processes.reduce((n, g) => n + g.processes.length, 0);
  return {
    pair: plan.pairId,
    source: engagement.source.spec.shortName ?? engagement.source.spec.name,
    destination: engagement.destination.spec.shortName ?? engagement.destination.spec.name,
    fieldGroups,
    customObjects,
    ...sourceKeySetup(engagement, plan),
    optionsToAdd,
    stageChecks,
    processes,
    destinationNotes: (engagement.destination.spec.gotchas ?? []).filter((g) => ABOUT_CUSTOM_FIELDS.test(`${g.title} ${g.detail}`)),
    counts: {
      objects: objectCount,
      fields: fields.length + platformFields,
      optionValues,
      stageTables: stageChecks.length,
      processes: processCount,
      changes: objectCount + fields.length + platformFields + optionValues + processCount,
      unconfirmed: fields.filter((f) => !f.confirmed).length,
    },
    nothingToChange: objectCount + fields.length + platformFields + optionValues + processCount === 0,
  };
}

function sourceKeySetup(engagement: Engagement, plan: MigrationPlan): { sourceKey?: SourceKeySetup } {
  const rules = engagement.destination.spec.rules ?? {};
  if (rules.sourceKeyField === undefined) return {};
  const objects = plan.objects.map((object) => ({ object, objectLabel: engagement.destination.object(object)?.label ?? object }));
  return { sourceKey: { field: rules.sourceKeyField, ...(rules.sourceKeySetup === undefined ? {} : { setup: rules.sourceKeySetup }), objects } };
}

/** Per deal load naming a pipeline: the processes its pipelines become, with the pipelines the export holds. */
function processGroups(engagement: Engagement, plan: MigrationPlan, check: Pick<ExportCheck, 'files'> | undefined): ProcessGroup[] {
  const seen = new Map((check?.files ?? []).flatMap((f) => f.loads.map((l) => [l.load, l.pipelines ?? []] as const)));
  return plan.loads.flatMap((load) => {
    const planned = loadProcesses(engagement, plan, load, seen.get(load.id));
    if (planned === undefined || planned.processes.length === 0) return [];
    const storage = planned.storage;
    return [{ object: load.object, objectLabel: engagement.destination.object(load.object)?.label ?? load.object, kind: storage.label ?? 'process', attribute: storage.recordProcess, processes: planned.processes }];
  });
}
