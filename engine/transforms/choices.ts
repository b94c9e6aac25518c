import { TransformError, type TransformDefinition } from './transform.js';
import { foldCase, indexBy, list, show, singleInput, text } from './define.js';

const TRUE_WORDS = ['yes', 'true', '1', 'on', 'y', 'checked'];
const FALSE_WORDS = ['no', 'false', '0', 'off', 'n', 'unchecked'];

const boolean = singleInput({
  name: 'boolean',
  description: 'yes/no, true/false, 1/0, on/off, y/n, checked/unchecked (any case) to true or false.',
  apply(value) {
    if (typeof value === 'boolean') return value;
    const word = foldCase(text(value));
    if (TRUE_WORDS.includes(word)) return true;
    if (FALSE_WORDS.includes(word)) return false;
    // Other languages' words ("oui", "ja") are a `map` in the pair, not guesses here.
    throw new TransformError(
      `${show(value)} is not a yes/no value; expected one of ${[...TRUE_WORDS, ...FALSE_WORDS].join(', ')}`,
    );
  },
});

const fromKey = (pair: { from: string }): string => foldCase(pair.from);

const map = singleInput({
  name: 'map',
  description:
    'Replaces the value through the `values` table (matched case-insensitively); an unmatched value is an error.',
  args: [{ name: 'values', required: true }],
  apply(value, call) {
    const key = foldCase(text(value));
    const pairs = call.values ?? [];
    const found = indexBy(pairs, fromKey).get(key);
    if (found) return found.to;
    throw new TransformError(`${show(value)} is not in the value map; known values: ${list(pairs.map((p) => p.from))}`);
  },
});

/** Vtiger writes ` |##| `; most others `;` or `,`. Tried together only when the platform does not say. */
const FALLBACK_SEPARATORS = /\s*\|##\|\s*|[;,]/;

/** The values of a multi-value cell, trimmed and without blanks, split on the source's separator (or the fallbacks). */
export function splitMultiValue(cell: string, sourceSeparator: string | undefined): string[] {
  const pieces = cell.split(sourceSeparator !== undefined && sourceSeparator !== '' ? sourceSeparator.trim() || sourceSeparator : FALLBACK_SEPARATORS);
  return pieces.map((p) => p.trim()).filter((p) => p !== '');
}

const tags = singleInput({
  name: 'tags',
  description:
    "A multi-value column split on the source's separator and re-joined with the destination's (default `;`).",
  args: [{ name: 'separator', required: false }],
  apply(value, call, context) {
    const separator = call.separator ?? context.multiValueSeparator ?? ';';
    const seen = new Set<string>();
    const kept: string[] = [];
    for (const piece of splitMultiValue(text(value), context.format.multiValueSeparator)) {
      // Multi-select values differ by case only through typing slips; one of each is what the user meant.
      const key = foldCase(piece);
      if (seen.has(key)) continue;
      seen.add(key);
      // A value holding the destination separator would silently become two values there.
      if (separator !== '' && piece.includes(separator.trim() || separator)) {
        throw new TransformError(`value ${show(piece)} contains the destination separator ${show(separator)}`);
      }
      kept.push(piece);
    }
    return kept.length === 0 ? null : kept.join(separator);
  },
});

export const CHOICE_TRANSFORMS: readonly TransformDefinition[] = [boolean, map, tags];
