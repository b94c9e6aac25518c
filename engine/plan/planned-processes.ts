import type { Engagement } from '../engagement/engagement.js';
import type { ProcessStorage } from '../spec/generated/platform-spec.js';
import type { MigrationPlan, PlannedLoad } from './migration-plan.js';

/** One source pipeline as a destination process: its name and its destination stages in pipeline order. */
export interface PlannedProcess {
  pipeline: string;
  /** The stage table its deals go through. */
  table: string;
  stages: string[];
}

/** A deal load's processes: one per pipeline the stage tables name or the export holds. */
export interface LoadProcesses {
  load: string;
  object: string;
  storage: ProcessStorage;
  processes: PlannedProcess[];
}

/**
 * The processes a deal load needs: every pipeline a stage table is written for (`pipeline:`), and every pipeline the
 * export names (`seen`, from the export check), each with the stages of its own table or, without one, of the table
 * the load's stage field uses. Stages are the table's destination stages in row order, each once.
 */
export function loadProcesses(engagement: Engagement, plan: Pick<MigrationPlan, 'stageTables'>, load: PlannedLoad, seen: readonly string[] = []): LoadProcesses | undefined {
  const storage = engagement.destination.spec.rules?.processes;
  if (load.process === undefined || storage === undefined) return undefined;
  const tables = engagement.pair.stageTables ?? [];
  const fallback = defaultTable(load) ?? tables[0]?.id;
  const byPipeline = new Map<string, PlannedProcess>();
  const add = (pipeline: string, table: string | undefined): void => {
    const key = pipeline.trim().toLowerCase();
    if (key === '' || byPipeline.has(key) || table === undefined) return;
    const stages = [...new Set((plan.stageTables.get(table) ?? []).map((r) => r.stage))];
    // A process is its stages: a pipeline whose table has none has nothing to set up.
    if (stages.length === 0) return;
    byPipeline.set(key, { pipeline: pipeline.trim(), table, stages });
  };
  for (const table of tables) if (table.pipeline !== undefined) add(table.pipeline, table.id);
  if (load.process.default !== undefined) add(load.process.default, tableFor(tables, load.process.default) ?? fallback);
  for (const pipeline of seen) add(pipeline, tableFor(tables, pipeline) ?? fallback);
  return { load: load.id, object: load.object, storage, processes: [...byPipeline.values()] };
}

/** The process a deal follows: its pipeline cell, or the load's default when the cell is blank. */
export function processOf(processes: LoadProcesses, load: PlannedLoad, cell: string): PlannedProcess | undefined {
  const name = (cell.trim() || load.process?.default || '').toLowerCase();
  return processes.processes.find((p) => p.pipeline.toLowerCase() === name);
}

function tableFor(tables: readonly { id: string; pipeline?: string }[], pipeline: string): string | undefined {
  return tables.find((t) => t.pipeline?.trim().toLowerCase() === pipeline.trim().toLowerCase())?.id;
}

function defaultTable(load: PlannedLoad): string | undefined {
  for (const field of load.fields) {
    for (const step of field.steps) if (typeof step !== 'string' && step.name === 'stage' && step.table !== undefined) return step.table;
  }
  return undefined;
}
