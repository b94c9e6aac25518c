import type { DestinationRecord } from '../destination.js';

export type AttributeValue = DestinationRecord[string];

export interface FieldDifference {
  field: string;
  expected: AttributeValue;
  actual: AttributeValue;
}

/**
 * Equal as the destination means it: numbers by value (a REAL column reads 1.0 back as 1, and a number may come back
 * as numeric text), everything else exactly. An attribute the record lacks counts as empty.
 */
export function sameValue(expected: AttributeValue | undefined, actual: AttributeValue | undefined): boolean {
  const a = expected ?? null;
  const b = actual ?? null;
  if (a === b) return true;
  if (typeof a === 'number' || typeof b === 'number') return asNumber(a) !== undefined && asNumber(a) === asNumber(b);
  return false;
}

/** The attributes whose actual value differs from the expected one, in the expected record's order. */
export function differences(expected: DestinationRecord, actual: DestinationRecord): FieldDifference[] {
  return Object.entries(expected)
    .filter(([field, value]) => !sameValue(value, actual[field]))
    .map(([field, value]) => ({ field, expected: value, actual: actual[field] ?? null }));
}

function asNumber(value: AttributeValue): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}
