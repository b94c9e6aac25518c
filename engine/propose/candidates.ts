import type { PairSpec } from '../spec/generated/pair-spec.js';
import type { PlatformIndex } from '../spec/platform-index.js';
import type { Candidate } from './field-matcher.js';
import { UNMAPPABLE } from './type-compat.js';

/** Headers of each source object in this export; an object missing here was not exported. */
export type ExportHeaders = ReadonlyMap<string, readonly string[]>;

/** One thing the pair writes from a source object: a field, a lookup or the owner, with the columns it reads. */
export interface PairSlot {
  kind: 'field' | 'lookup' | 'owner';
  load: string;
  to: string;
  columns: string[];
  /** Lookups: the loads whose records the column names. */
  targets: string[];
  /** True when this export has every column the slot reads (constants are always filled). */
  filled: boolean;
}

const asList = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** The destination object a source object's records load into: the `to` of the pair's first load reading it. */
export function destinationObject(pair: PairSpec, sourceObject: string): string | undefined {
  return loadsOf(pair, sourceObject)[0]?.to;
}

export function loadsOf(pair: PairSpec, sourceObject: string): NonNullable<PairSpec['objects'][number]['loads']> {
  return pair.objects.flatMap((row) => row.loads ?? []).filter((l) => l.from === sourceObject);
}

/** The source object a load reads. */
export function loadSource(pair: PairSpec, loadId: string): string | undefined {
  return pair.objects.flatMap((row) => row.loads ?? []).find((l) => l.id === loadId)?.from;
}

/**
 * Everything the pair writes into `destObject`, and whether this export fills it. Without headers (no export known)
 * every slot counts as filled, as the pair declares it.
 */
export function pairSlots(pair: PairSpec, destObject: string, headers?: ExportHeaders): PairSlot[] {
  const slots: PairSlot[] = [];
  const has = (object: string, columns: string[]): boolean => headers === undefined || columns.every((c) => headers.get(object)?.includes(c) === true);
  for (const load of pair.objects.flatMap((row) => row.loads ?? []).filter((l) => l.to === destObject)) {
    for (const f of load.fields) {
      const columns = asList(f.from);
      slots.push({ kind: 'field', load: load.id, to: f.to, columns, targets: [], filled: f.value !== undefined || (columns.length > 0 && has(load.from, columns)) });
    }
    for (const l of load.lookups ?? []) slots.push({ kind: 'lookup', load: load.id, to: l.to, columns: asList(l.from), targets: asList(l.load), filled: has(load.from, asList(l.from)) });
    if (load.owner) slots.push({ kind: 'owner', load: load.id, to: load.owner.to, columns: [load.owner.from], targets: [], filled: has(load.from, [load.owner.from]) });
  }
  return slots;
}

/** Attributes of a destination object that this export fills through the pair: an attribute is taken only then. */
export function filledAttributes(pair: PairSpec, destObject: string, headers?: ExportHeaders): Set<string> {
  return new Set(pairSlots(pair, destObject, headers).filter((s) => s.filled).map((s) => s.to));
}

/** Bookkeeping attributes no column maps to: a lookup's or owner's type, import numbering, the creation override. */
const SYSTEM_ATTRIBUTE = /^(overriddencreatedon|importsequencenumber)$|idtype$|objecttypecode$/;

/**
 * Writable, mappable attributes of the object that this export leaves empty, the pair's own custom attributes
 * (new_industry, Tags__c…) included: when the column the pair fills one from is missing, another column may take it.
 */
export function candidateFields(pair: PairSpec, destination: PlatformIndex, destObject: string, headers?: ExportHeaders): Candidate[] {
  const filled = filledAttributes(pair, destObject, headers);
  const platform = destination.object(destObject)?.fields ?? [];
  const own = (pair.customAttributes ?? []).filter((a) => a.object === destObject && !platform.some((f) => f.name === a.name)) as unknown as Candidate[];
  return [...platform, ...own].filter((f) => f.writable !== false && !filled.has(f.name) && !UNMAPPABLE.has(f.type) && !SYSTEM_ATTRIBUTE.test(f.name));
}

/** Attributes that keep a record's original creation time: Dataverse's override, Salesforce's audit field. */
export const CREATED_ATTRIBUTES = ['overriddencreatedon', 'CreatedDate'];
/** Attributes that keep its last modification time, where the destination lets a migration set it. */
export const MODIFIED_ATTRIBUTES = ['LastModifiedDate'];
