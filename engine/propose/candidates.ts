import type { PairSpec } from '../spec/generated/pair-spec.js';
import type { PlatformIndex } from '../spec/platform-index.js';
import type { Candidate } from './field-matcher.js';
import { UNMAPPABLE } from './type-compat.js';

/** The destination object a source object's records load into: the `to` of the pair's first load reading it. */
export function destinationObject(pair: PairSpec, sourceObject: string): string | undefined {
  for (const row of pair.objects) for (const load of row.loads ?? []) if (load.from === sourceObject) return load.to;
  return undefined;
}

/** Attributes of a destination object that some load of the pair already writes. */
export function filledAttributes(pair: PairSpec, destObject: string): Set<string> {
  const filled = new Set<string>();
  for (const row of pair.objects) for (const load of row.loads ?? []) if (load.to === destObject) for (const f of load.fields) filled.add(f.to);
  return filled;
}

/** Writable, mappable attributes of the object that the pair's loads leave empty. */
export function candidateFields(pair: PairSpec, destination: PlatformIndex, destObject: string): Candidate[] {
  const filled = filledAttributes(pair, destObject);
  return (destination.object(destObject)?.fields ?? []).filter(
    (f) => f.writable !== false && !filled.has(f.name) && !UNMAPPABLE.has(f.type) && !/^(overriddencreatedon|importsequencenumber)$/.test(f.name),
  );
}
