import { distance } from 'fastest-levenshtein';
import type { ColumnProfile } from '../discover/discovery.js';
import type { PlatformField } from '../spec/generated/platform-spec.js';
import { compact, compactKey, dice, keyWords, stripDecoration, words } from './normalise.js';
import { addressTargets } from './address-slots.js';
import { synonymTargets } from './synonyms.js';
import { typeFit } from './type-compat.js';

/** A destination attribute a column could map to. */
export type Candidate = PlatformField;

export interface RankedCandidate {
  field: Candidate;
  /** 0..1, already weighted by type compatibility. */
  score: number;
  /** How the match was found, for the decision's reason. */
  why: string;
}

/**
 * Ranks the candidate attributes for one column, best first. The deterministic matcher below is the default; a
 * stronger matcher (an LLM, a learned model) can implement the same interface and be passed to `proposeCustomFields`.
 */
export interface FieldMatcher {
  rank(column: ColumnProfile, candidates: readonly Candidate[]): RankedCandidate[];
}

/** Levenshtein ratio of two strings, 0..1. */
function ratio(a: string, b: string): number {
  if (a === '' || b === '') return 0;
  return 1 - distance(a, b) / Math.max(a.length, b.length);
}

/** One string inside the other, scaled by how much of the longer one it covers. */
function containment(a: string, b: string): number {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length < 4 || !long.includes(short)) return 0;
  return 0.7 + 0.3 * (short.length / long.length);
}

/** How alike a header and an attribute name or label are, 0..1. */
export function textScore(column: string, target: string): number {
  const a = compact(column);
  const b = compact(target);
  if (a === b) return 1;
  const ak = compactKey(column);
  const bk = compactKey(target);
  if (ak === bk) return 0.97;
  // Containment on the full runs only: on key words, "Account Number" would shrink to "account" and swallow "Account Tier".
  return Math.max(ratio(a, b), containment(a, b), dice(keyWords(column), keyWords(target)));
}

/** True for a field that belongs to a secondary address block, which a plain header should not land in first. */
function inAddressBlock(name: string): boolean {
  return /^(address[123]|billto|shipto)_/i.test(name) || /^(Billing|Shipping|Mailing|Other)[A-Z]/.test(name);
}

const ADDRESS_WORDS = new Set(['address', 'billing', 'shipping', 'mailing', 'street', 'city', 'postal', 'zip', 'postcode', 'country', 'state', 'province', 'county']);

/** Name, label and synonym similarity, weighted by type compatibility. */
export class DeterministicMatcher implements FieldMatcher {
  rank(column: ColumnProfile, candidates: readonly Candidate[]): RankedCandidate[] {
    const header = column.column;
    const phrases = [compact(header), compactKey(header)];
    const address = addressTargets(header);
    const syn = phrases.map((p) => synonymTargets(p)).find((t) => t !== undefined) ?? (address.length > 0 ? address : undefined);
    const addressy = words(header).some((w) => ADDRESS_WORDS.has(w));
    const ranked: RankedCandidate[] = [];
    candidates.forEach((field, order) => {
      const fit = typeFit(column.type, field.type);
      if (fit === 0) return;
      const byName = textScore(header, stripDecoration(field.name).replace(/code$/i, ''));
      const byLabel = field.label ? textScore(header, field.label) : 0;
      const bySynonym = syn?.includes(field.name) ? 1 : 0;
      let base = Math.max(byName, byLabel, bySynonym);
      let why = bySynonym === 1 ? 'synonym' : byName >= byLabel ? 'name' : 'label';
      // A header known to have no standard home ("LinkedIn") only maps on an exact name.
      if (syn !== undefined && syn.length === 0 && byName < 1) base = Math.min(base, 0.5);
      if (inAddressBlock(field.name) && !addressy) base *= 0.85;
      // Keep the spec's order as a tie-break among equal scores.
      const score = Math.round(base * fit * 1000) / 1000 - order * 1e-6;
      if (fit < 1) why += `, type ${column.type}->${field.type}`;
      ranked.push({ field, score: Math.max(0, score), why });
    });
    return ranked.sort((a, b) => b.score - a.score);
  }
}
