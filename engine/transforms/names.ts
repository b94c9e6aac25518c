import type { TransformDefinition } from './transform.js';
import { foldCase, singleInput, text } from './define.js';

/**
 * How `split-name` reads a full name. Heuristics, in order:
 * 1. A leading honorific (Mr, Mrs, Ms, Miss, Mx, Dr, Prof, Sir, Dame) is dropped; destinations keep it apart.
 * 2. A trailing generational or degree suffix (Jr, Sr, II–V, PhD, MD, …), after a comma or not, stays with the
 *    last name, the only part a destination is sure to have.
 * 3. With a comma left, the name is "Last, First Middle": before the comma is the last name.
 * 4. Otherwise it is "First Middle Last": the last word is the last name, together with the surname particles right
 *    before it, in any case ("van der Berg", "de la Cruz", "De Niro"); middle names stay with the first name.
 * 5. A single word is a last name (destinations require a last name, never a first).
 * Double surnames written without particles ("García López") cannot be told from middle names and split as
 * first "… García", last "López"; the pair should map such sources by hand.
 */
export interface NameParts {
  first: string | null;
  last: string | null;
}

const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'dame']);
const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv', 'v', 'phd', 'md', 'esq', 'dds', 'cpa', 'mba']);
const PARTICLES = new Set(
  'van von der den de del della di da du la le st st. ter ten dos das bin ibn al el'.split(' '),
);

const bare = (word: string): string => foldCase(word).replace(/\./g, '');

export function splitName(fullName: string): NameParts {
  let words = fullName.replace(/\s+/g, ' ').trim();
  const honorific = /^(\S+)\s+/.exec(words);
  if (honorific?.[1] !== undefined && HONORIFICS.has(bare(honorific[1]))) words = words.slice(honorific[0].length);

  const segments = words
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  let suffix: string | undefined;
  const lastSegment = segments.at(-1);
  if (segments.length > 1 && lastSegment !== undefined && isSuffix(lastSegment)) {
    suffix = lastSegment;
    segments.pop();
  }

  let parts: NameParts;
  if (segments.length >= 2) {
    parts = { last: segments[0] ?? null, first: segments.slice(1).join(' ') };
  } else {
    const tokens = (segments[0] ?? '').split(' ').filter((t) => t !== '');
    if (suffix === undefined && tokens.length > 1 && isSuffix(tokens.at(-1) ?? '')) suffix = tokens.pop();
    let start = tokens.length - 1;
    // The first word is never a particle: "Van Morrison" is first name Van.
    while (start > 1 && isParticle(tokens[start - 1] ?? '')) start -= 1;
    parts = { first: tokens.slice(0, Math.max(start, 0)).join(' '), last: tokens.slice(Math.max(start, 0)).join(' ') };
  }
  const last = [parts.last, suffix].filter((p) => p !== undefined && p !== null && p !== '').join(' ');
  return { first: parts.first === '' ? null : parts.first, last: last === '' ? null : last };
}

function isSuffix(word: string): boolean {
  const key = bare(word);
  // A lower-case "v" is an initial or the Dutch "v." for van, not the numeral.
  return SUFFIXES.has(key) && (key !== 'v' || word === 'V');
}

function isParticle(word: string): boolean {
  return PARTICLES.has(foldCase(word));
}

const splitNameTransform = singleInput({
  name: 'split-name',
  description: 'One full-name column into the first or the last name ("First Middle Last" or "Last, First").',
  args: [{ name: 'part', required: true, values: ['first', 'last'] }],
  apply(value, call) {
    const parts = splitName(text(value));
    return call.part === 'first' ? parts.first : parts.last;
  },
});

export const NAME_TRANSFORMS: readonly TransformDefinition[] = [splitNameTransform];
