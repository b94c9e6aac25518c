import type { PlannedLoad } from './planned-load.js';

/** Every export column a load reads: its key, filter, fields, lookups, owner, attachment, invitees and modified stamp. */
export function loadColumns(load: PlannedLoad): string[] {
  return [
    ...new Set([
      ...load.keyColumns,
      ...(load.filter ? [load.filter.column] : []),
      ...load.fields.flatMap((f) => f.columns),
      ...load.lookups.flatMap((l) => l.columns),
      ...load.lookups.flatMap((l) => (l.typeColumn === undefined ? [] : [l.typeColumn])),
      ...(load.owner ? [load.owner.from] : []),
      ...(load.attachment ? [load.attachment.from] : []),
      ...(load.attendees?.columns.flatMap((a) => (a.column === undefined ? [] : [a.column])) ?? []),
      ...(load.process === undefined ? [] : [load.process.from, load.process.stage]),
      ...(load.modifiedColumn === undefined ? [] : [load.modifiedColumn]),
    ]),
  ];
}

/**
 * Columns a load cannot do without: its key, filter and owner, the attachment path, and every column feeding a
 * field or lookup that would skip or hold its row. A file lacking one blocks the load before anything moves; a file
 * lacking any other mapped column loads with that value blank on every record, and says so once for the file.
 */
export function requiredColumns(load: PlannedLoad): string[] {
  return [
    ...new Set([
      ...load.keyColumns,
      ...(load.filter ? [load.filter.column] : []),
      ...load.fields.filter((f) => f.onError !== 'blank').flatMap((f) => f.columns),
      ...load.lookups.filter((l) => l.onMissing !== 'blank').flatMap((l) => [...l.columns, ...(l.typeColumn === undefined ? [] : [l.typeColumn])]),
      ...(load.owner ? [load.owner.from] : []),
      ...(load.attachment ? [load.attachment.from] : []),
    ]),
  ];
}
