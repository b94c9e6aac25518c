import type { PairSpec } from '../spec/generated/pair-spec.js';
import { loadsOf, pairDependencies } from '../spec/pair-model.js';
import type { PlatformIndex } from '../spec/platform-index.js';
import { importOrder } from '../spec/import-order.js';

/** One load as a reader sees it: which source object fills which destination object. */
export interface StepLoad {
  id: string;
  sourceLabel: string;
  destinationLabel: string;
  /** Loads that must have run before this one (first pass only). */
  after: string[];
  /** References this load sets in a second pass, once every load has run. */
  secondPass: string[];
}

/** Loads that can run side by side because everything they need exists by then. */
export interface ImportStep {
  ordinal: number;
  loads: StepLoad[];
}

/**
 * The pair's import order as steps: the same order `crm-migrate plan` runs (importOrder over pairDependencies), with
 * each load placed one step after the latest load it waits for. Needs no engagement: only the specs.
 */
export function importSteps(pair: PairSpec, source: PlatformIndex, destination: PlatformIndex): ImportStep[] {
  const located = loadsOf(pair);
  const dependencies = pairDependencies(pair, destination);
  const { order, deferred } = importOrder(
    located.map((l) => l.load.id),
    dependencies,
  );
  const kept = dependencies.filter((d) => d.from !== d.to && !deferred.includes(d));
  const level = new Map<string, number>();
  for (const id of order) {
    const before = kept.filter((d) => d.to === id).map((d) => level.get(d.from) ?? 0);
    level.set(id, before.length === 0 ? 0 : Math.max(...before) + 1);
  }

  const steps: ImportStep[] = [];
  for (const id of order) {
    const { load } = located.find((l) => l.load.id === id) as (typeof located)[number];
    const stepLoad: StepLoad = {
      id,
      // Loads that split one export by a column (calls, emails, meetings) are told apart by the values they keep.
      sourceLabel: `${source.object(load.from)?.label ?? load.from}${load.where === undefined ? '' : ` (${load.where.in.join(', ')})`}`,
      destinationLabel: destination.object(load.to)?.label ?? load.to,
      after: unique(kept.filter((d) => d.to === id).map((d) => d.from)),
      secondPass: unique(deferred.filter((d) => d.to === id).map((d) => d.via.slice(d.via.indexOf('.') + 1))),
    };
    const index = level.get(id) ?? 0;
    while (steps.length <= index) steps.push({ ordinal: steps.length + 1, loads: [] });
    steps[index]?.loads.push(stepLoad);
  }
  return steps;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
