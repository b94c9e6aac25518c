import type { PlannedLoad } from './migration-plan.js';

/** Every export column a load reads: its key, filter, fields, lookups, owner, attachment and modified stamp. */
export function loadColumns(load: PlannedLoad): string[] {
  return [
    ...new Set([
      ...load.keyColumns,
      ...(load.filter ? [load.filter.column] : []),
      ...load.fields.flatMap((f) => f.columns),
      ...load.lookups.map((l) => l.column),
      ...(load.owner ? [load.owner.from] : []),
      ...(load.attachment ? [load.attachment.from] : []),
      ...(load.modifiedColumn === undefined ? [] : [load.modifiedColumn]),
    ]),
  ];
}

/** Columns a load cannot do without: the file lacking one blocks the load before anything moves. */
export function requiredColumns(load: PlannedLoad): string[] {
  return loadColumns(load).filter((c) => c !== load.modifiedColumn);
}
