import type { InferredType } from '../discover/discovery.js';
import type { FieldType } from '../spec/generated/platform-spec.js';

/** Attribute types a column never maps to. */
export const UNMAPPABLE: ReadonlySet<FieldType> = new Set<FieldType>(['id', 'lookup', 'owner', 'state', 'status', 'file']);

/**
 * How well a column of the inferred type fits an attribute type, 0 (never) to 1 (same kind). A money column goes only
 * to money, a date only to date/datetime; text-like values may land in wider text attributes at a discount.
 */
const COMPAT: Record<InferredType, Partial<Record<FieldType, number>>> = {
  text: { text: 1, longtext: 0.95, picklist: 0.75, multipicklist: 0.7, phone: 0.6, email: 0.6, url: 0.6 },
  longtext: { longtext: 1, text: 0.95 },
  integer: { integer: 1, decimal: 0.95, percent: 0.9, money: 0.8, text: 0.85, picklist: 0.5 },
  decimal: { decimal: 1, percent: 1, money: 0.7, integer: 0.7, text: 0.7 },
  money: { money: 1 },
  date: { date: 1, datetime: 1 },
  datetime: { datetime: 1, date: 0.85 },
  boolean: { boolean: 1, picklist: 0.6 },
  email: { email: 1, text: 0.8 },
  phone: { phone: 1, text: 0.95 },
  url: { url: 1, text: 0.8 },
  picklist: { picklist: 1, multipicklist: 0.9, text: 0.9, boolean: 0.5 },
};

export function typeFit(column: InferredType, field: FieldType): number {
  if (UNMAPPABLE.has(field)) return 0;
  return COMPAT[column]?.[field] ?? 0;
}
