import type { DestinationRecord } from '../destinations/destination.js';
import type { PlannedLoad, PlannedLookup } from '../plan/migration-plan.js';
import { readReference } from '../source/reference.js';
import type { ReferencedObjects } from '../source/referenced-object.js';
import type { ExportFormat } from '../spec/generated/platform-spec.js';
import type { FieldDifference } from '../destinations/model/value-diff.js';

export interface LinkContext {
  format: ExportFormat | undefined;
  objects: ReferencedObjects;
  /** Load id to the source object it reads. */
  sourceObjectOf: ReadonlyMap<string, string>;
  /** Destination id to the load and source key it was written for (from the ledger). */
  sources: ReadonlyMap<string, { load: string; sourceKey: string }>;
}

/**
 * Checks each key lookup of a record against the source row without the pair's mapping: the linked record must have
 * been written for a row whose key the reference holds, and of the object the export says the reference names (a
 * module, a Salesforce key prefix, the platform's type column). Re-mapping alone would repeat a mapping's mistake,
 * such as an id sent to the contact that shares it instead of the lead it names.
 */
export function linkDifferences(load: PlannedLoad, cell: (column: string) => string, record: DestinationRecord, ctx: LinkContext): (FieldDifference & { reason: string })[] {
  const groups = new Map<string, PlannedLookup[]>();
  for (const lookup of load.lookups) groups.set(lookup.to, [...(groups.get(lookup.to) ?? []), lookup]);
  const out: (FieldDifference & { reason: string })[] = [];
  for (const [attribute, lookups] of groups) {
    // A name or email lookup may have answered; only groups of key lookups say exactly which row must be linked.
    if (lookups.some((l) => l.by !== 'key')) continue;
    const linked = record[attribute];
    if (linked === null || linked === undefined || linked === '') continue;
    const references = lookups
      .map((lookup) => ({ lookup, reference: readReference(lookup.columns, cell, ctx.format) }))
      .filter((r) => r.reference.value !== '')
      .map((r) => ({ ...r, named: ctx.objects.of(load.sourceObject, r.lookup.column, r.reference, cell) }));
    if (references.length === 0) continue;
    const source = ctx.sources.get(String(linked));
    const linkedObject = source === undefined ? undefined : ctx.sourceObjectOf.get(source.load);
    const right = references.some((r) => source !== undefined && source.sourceKey === r.reference.value && (r.named === undefined || r.named === linkedObject));
    if (right) continue;
    const first = references[0] as (typeof references)[number];
    const names = first.named === undefined ? `the record with key "${first.reference.value}"` : `the ${first.named} "${first.reference.value}"`;
    const links = source === undefined ? 'a record crm-migrate did not write' : `${linkedObject ?? source.load} "${source.sourceKey}"`;
    out.push({ field: attribute, expected: first.reference.value, actual: linked, reason: `links ${links}, but ${first.lookup.column} names ${names}` });
  }
  return out;
}
