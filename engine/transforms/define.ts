import type { TransformCall } from '../spec/generated/pair-spec.js';
import type { TransformArgument, TransformContext, TransformDefinition, Value } from './transform.js';

/** A non-empty value, as one-value transforms receive it. */
export type Scalar = string | number | boolean;

export function isList(input: Value | readonly Value[]): input is readonly Value[] {
  return Array.isArray(input);
}

/**
 * Whitespace-only cells count as empty: exports pad blank cells, and no destination wants a field holding spaces
 * instead of nothing.
 */
export function isEmpty(value: Value | undefined): value is null | undefined | '' {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** Several `from` columns as one value: the non-empty ones, trimmed, joined with `separator`; null when none. */
export function joinValues(values: readonly Value[], separator = ' '): string | null {
  const parts = values.filter((v) => !isEmpty(v)).map((v) => String(v).trim());
  return parts.length === 0 ? null : parts.join(separator);
}

/** A value as error messages show it: quoted, and cut short so a long note does not swamp the skip report. */
export function show(value: Value): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…"` : text;
}

/** Lists known values in an error, briefly enough for the skip report to stay readable. */
export function list(values: readonly string[], max = 10): string {
  const shown = values.slice(0, max).map((v) => JSON.stringify(v));
  return values.length > max ? `${shown.join(', ')} and ${values.length - max} more` : shown.join(', ') || '(none)';
}

/** Case and accent-composition insensitive key for matching source words against tables. */
export function foldCase(text: string): string {
  return text.normalize('NFC').trim().toLowerCase();
}

const indexes = new WeakMap<(entry: never) => string, WeakMap<readonly unknown[], Map<string, unknown>>>();

/**
 * A table's entries by key (`keyOf`, a folding such as foldCase), the first entry of a key kept, as a search from the
 * top would find it. Made once per table and kept while the table lives: a value map or stage table is looked up for
 * every row of a file, and folding each entry again for each row cost a microsecond or more per value.
 */
export function indexBy<T>(entries: readonly T[], keyOf: (entry: T) => string): ReadonlyMap<string, T> {
  let byTable = indexes.get(keyOf);
  if (byTable === undefined) indexes.set(keyOf, (byTable = new WeakMap()));
  let index = byTable.get(entries) as Map<string, T> | undefined;
  if (index === undefined) {
    index = new Map();
    for (const entry of entries) {
      const key = keyOf(entry);
      if (!index.has(key)) index.set(key, entry);
    }
    byTable.set(entries, index);
  }
  return index;
}

interface SingleInputSpec {
  name: string;
  description: string;
  args?: readonly TransformArgument[];
  apply(value: Scalar, call: TransformCall, context: TransformContext): Value;
}

/**
 * Gives a one-value transform the contract every transform shares, so no transform can forget it: several inputs are
 * joined with a space, empty input comes out as null, and an empty result becomes null rather than ''.
 */
export function singleInput(spec: SingleInputSpec): TransformDefinition {
  return {
    name: spec.name,
    description: spec.description,
    args: spec.args ?? [],
    apply(input, call, context) {
      const value = isList(input) ? joinValues(input) : input;
      if (isEmpty(value)) return null;
      const result = spec.apply(value, call, context);
      return isEmpty(result) ? null : result;
    },
  };
}

/**
 * Exports pad with no-break and thin spaces, and values pasted from web pages carry zero-width characters; none of
 * them is ever meaningful in a date or a number, so they become one plain space, or nothing.
 */
export function normaliseSpaces(value: string): string {
  return value
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim();
}

/** Text of a non-empty value; numbers and booleans arrive here after an earlier transform in a chain. */
export function text(value: Scalar): string {
  return typeof value === 'string' ? value : String(value);
}
