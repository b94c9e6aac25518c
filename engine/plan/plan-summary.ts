import { existsSync } from 'node:fs';
import type { Engagement } from '../engagement/engagement.js';
import type { CustomAttribute } from '../spec/generated/pair-spec.js';
import { openCsv } from '../source/csv-file.js';
import { RowFilter } from './row-filter.js';
import { compilePlan } from './migration-plan.js';
import { destinationSetup } from './destination-setup.js';
import { openDestination } from '../destinations/open-destination.js';
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
}

/**
 * The run laid out before it happens: phases in dependency order, rows per phase, and schema changes to make first.
 * `checkDestination` also asks a live target's org what it lacks (a network round trip with credentials), which
 * the `plan` command wants and documents built from the plan do not.
 */
export async function summarizePlan(engagement: Engagement, options: { checkDestination?: boolean } = {}): Promise<PlanSummary> {
  const plan = compilePlan(engagement);
  const blockers: string[] = [];
  const phases: PlanPhase[] = [];
  for (const [i, load] of plan.loads.entries()) {
    const ordered = (engagement.pair.ordering ?? []).filter((o) => o.after === load.id).map((o) => o.before);
    const dependsOn = [...new Set([...load.lookups.filter((l) => !l.deferred).flatMap((l) => l.targets), ...ordered])].filter((t) => t !== load.id);
    const deferred = load.lookups.filter((l) => l.deferred).map((l) => `${l.to} ← ${l.targets.join(' | ')}`);
    let sourceRows: number | undefined;
    if (existsSync(load.file)) {
      sourceRows = await countRows(load);
    } else {
      blockers.push(`${load.fileName} is missing from the export (needed by ${load.id}).`);
    }
    phases.push({ phase: i + 1, load: load.id, row: load.rowId, file: load.fileName, object: load.object, dependsOn, deferred, ...(sourceRows === undefined ? {} : { sourceRows }) });
  }
  if (options.checkDestination === true) blockers.push(...(await destinationProblems(engagement, plan)));
  return { pair: plan.pairId, target: engagement.spec.target, phases, schemaChanges: plan.customAttributes, schemaDocument: schemaChanges(engagement, plan), blockers };
}

/** A live target checks its metadata now, so that a missing field stops the plan rather than half a load. */
async function destinationProblems(engagement: Engagement, plan: ReturnType<typeof compilePlan>): Promise<string[]> {
  if (engagement.target.kind === 'sqlite') return [];
  const destination = openDestination(engagement);
  if (destination.preflight === undefined) return [];
  try {
    const problems = await destination.preflight(destinationSetup(engagement, plan));
    return problems.map((p) => `${destination.label}: ${[p.object, p.attribute].filter(Boolean).join('.')}${p.object === undefined ? '' : ': '}${p.message}`);
  } finally {
    await destination.close();
  }
}

async function countRows(load: ReturnType<typeof compilePlan>['loads'][number]): Promise<number> {
  const csv = await openCsv(load.file);
  const filter = new RowFilter(load, csv.headers);
  let n = 0;
  for await (const row of csv.rows) if (filter.belongsHere(row.cells)) n += 1;
  return n;
}
