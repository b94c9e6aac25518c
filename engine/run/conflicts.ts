import type { Destination, DestinationRecord } from '../destinations/destination.js';
import type { PlannedLoad } from '../plan/migration-plan.js';
import type { Ledger } from './ledger.js';
import type { MappedRecord } from './mapped-batches.js';
import { sameValue } from '../destinations/model/value-diff.js';

export interface ConflictRow extends Record<string, string | number> {
  file: string;
  line: number;
  load: string;
  object: string;
  source_key: string;
  dest_id: string;
  attribute: string;
  destination_value: string;
  source_value: string;
  resolution: string;
}

export interface Conflict {
  record: MappedRecord;
  id: string;
  /** What the destination holds now; undefined when someone deleted the record there. */
  current: DestinationRecord | undefined;
  /** Both sides in the destination's normal form (dates, numbers, picklists as it stores them), for comparing. */
  normal: { source: DestinationRecord; destination: DestinationRecord | undefined };
}

/**
 * Splits a delta batch into records the engine may write and records someone changed in the destination since the
 * engine last wrote them: their row version is no longer the one the ledger recorded. Only those are read in full,
 * to show both sides.
 */
export async function findConflicts(ctx: { ledger: Ledger; destination: Destination }, load: PlannedLoad, records: readonly MappedRecord[]): Promise<{ clear: MappedRecord[]; conflicts: Conflict[] }> {
  const known = records.flatMap((record) => {
    const id = ctx.ledger.destinationId(load.id, record.sourceKey);
    const version = ctx.ledger.rows.get(load.id, record.sourceKey)?.version ?? null;
    return id === undefined || version === null ? [] : [{ record, id, version }];
  });
  if (known.length === 0) return { clear: [...records], conflicts: [] };
  const versions = await ctx.destination.versions(load.object, known.map((k) => k.id));
  const changed = known.filter((k) => versions.get(k.id) !== k.version);
  if (changed.length === 0) return { clear: [...records], conflicts: [] };
  const attributes = [...new Set(changed.flatMap((k) => Object.keys(k.record.values)))];
  const current = await ctx.destination.read(load.object, changed.map((k) => k.id), attributes);
  const conflicted = new Set(changed.map((k) => k.record));
  return {
    clear: records.filter((r) => !conflicted.has(r)),
    conflicts: changed.map((k) => {
      const there = current.get(k.id);
      const normal = { source: ctx.destination.normalize(load.object, k.record.values), destination: there === undefined ? undefined : ctx.destination.normalize(load.object, there) };
      return { record: k.record, id: k.id, current: there, normal };
    }),
  };
}

/**
 * One report row per attribute where the destination's value and the source's new value differ in the destination's
 * own terms: `1971-12-03T00:00:00Z` read back from a date attribute is the `1971-12-03` the source maps to, not a
 * conflict. The row shows both values as they are.
 */
export function conflictRows(load: PlannedLoad, conflict: Conflict, resolution: string): ConflictRow[] {
  const base = { file: load.fileName, line: conflict.record.line, load: load.id, object: load.object, source_key: conflict.record.sourceKey, dest_id: conflict.id, resolution };
  if (conflict.current === undefined) return [{ ...base, attribute: '', destination_value: '(deleted in the destination)', source_value: '', resolution }];
  const rows: ConflictRow[] = [];
  for (const [attribute, value] of Object.entries(conflict.record.values)) {
    const there = conflict.current[attribute] ?? null;
    if (sameValue(blankAsNull(conflict.normal.source[attribute]), blankAsNull(conflict.normal.destination?.[attribute]))) continue;
    rows.push({ ...base, attribute, destination_value: String(there ?? ''), source_value: String(value ?? '') });
  }
  // Edited in an attribute the engine does not write: still a conflict, since the record moved on without us.
  return rows.length > 0 ? rows : [{ ...base, attribute: '', destination_value: '(edited in attributes this pair does not write)', source_value: '' }];
}

/** An empty text and no value are the same to every destination: neither is a conflict with the other. */
function blankAsNull(value: DestinationRecord[string] | undefined): DestinationRecord[string] {
  return value === undefined || value === '' ? null : value;
}
