import type { Engagement } from '../engagement/engagement.js';
import type { CustomAttribute } from '../spec/generated/pair-spec.js';
import { compilePlan, type MigrationPlan } from './migration-plan.js';
import type { PreflightResult } from './destination-preflight.js';
import { checkExport } from './export-check.js';
import { blockers as blockersOf, describeFinding, type OutOfScopeFile } from './shape-findings.js';
import { schemaChanges, type SchemaChangeDocument } from './schema-changes.js';

export interface PlanPhase {
  phase: number;
  load: string;
  row: string;
  file: string;
  object: string;
  /** Rows of the file this load takes; undefined when the file is missing. */
  sourceRows?: number;
  /** Loads whose records this one points at. */
  dependsOn: string[];
  /** Lookups set in the second pass, after every load. */
  deferred: string[];
}

export interface PlanSummary {
  pair: string;
  target: string;
  phases: PlanPhase[];
  /** Attributes the destination must have before loading: the admin creates them (the sandbox does it itself). */
  schemaChanges: CustomAttribute[];
  /** The same changes and the stages to check, laid out as the admin's checklist. */
  schemaDocument: SchemaChangeDocument;
  /** Problems that stop the run before it starts: missing export files, and what a live target's metadata lacks. */
  blockers: string[];
  /** What the export check found that a run loads around (repeated keys, values it leaves blank, missing files). */
  warnings: string[];
  /** Export files the pair does not read, with their rows. */
  notInScope: OutOfScopeFile[];
  /** Per file the pair reads, its columns no mapping reads: their values stay behind. */
  unmappedColumns: { file: string; columns: string[] }[];
}

/**
 * The run laid out before it happens: phases in dependency order, rows per phase, and schema changes to make first.
 * `preflight`, when given, asks a live target's org what it lacks (a network round trip with credentials): the `plan`
 * command passes destinationProblems, documents built from the plan pass nothing, so summarising never opens a target.
 */
export async function summarizePlan(engagement: Engagement, options: { preflight?: (plan: MigrationPlan) => Promise<PreflightResult> } = {}): Promise<PlanSummary> {
  const plan = compilePlan(engagement);
  // The same check apply makes before it writes: what it blocks on, plan shows first.
  const check = await checkExport(engagement, plan);
  const rowsOf = new Map(check.files.flatMap((f) => f.loads.map((l) => [l.load, l.rows] as const)));
  const blockers: string[] = blockersOf(check).map(describeFinding);
  const phases: PlanPhase[] = [];
  for (const [i, load] of plan.loads.entries()) {
    const ordered = (engagement.pair.ordering ?? []).filter((o) => o.after === load.id).map((o) => o.before);
    const dependsOn = [...new Set([...load.lookups.filter((l) => !l.deferred).flatMap((l) => l.targets), ...ordered])].filter((t) => t !== load.id);
    const deferred = load.lookups.filter((l) => l.deferred).map((l) => `${l.to} ← ${l.targets.join(' | ')}`);
    const sourceRows = rowsOf.get(load.id);
    phases.push({ phase: i + 1, load: load.id, row: load.rowId, file: load.fileName, object: load.object, dependsOn, deferred, ...(sourceRows === undefined ? {} : { sourceRows }) });
  }
  const destination = options.preflight === undefined ? { problems: [], notes: [] } : await options.preflight(plan);
  blockers.push(...destination.problems);
  const warnings = [...check.findings.filter((f) => f.severity === 'warning').map(describeFinding), ...destination.notes];
  return { pair: plan.pairId, target: engagement.spec.target, phases, schemaChanges: plan.customAttributes, schemaDocument: schemaChanges(engagement, plan, check), blockers, warnings, notInScope: check.notInScope, unmappedColumns: check.files.filter((f) => f.unmappedColumns.length > 0).map((f) => ({ file: f.file, columns: f.unmappedColumns })) };
}
