import { distance } from 'fastest-levenshtein';
import { compact, dice, keyWords } from './normalise.js';

/** Stage words that carry no meaning of their own ("Stage 3 - Proposal", "Closed - Negotiation"). */
const STAGE_NOISE = new Set(['stage', 'phase', 'step', 'status', 'open', 'closed', 'close', 'in', 'progress', 'and', 'to']);

/** Spellings folded so that a stage matches its usual short forms. */
const STAGE_FORMS: Record<string, string> = {
  negotiate: 'negotiation',
  negotiating: 'negotiation',
  negotiations: 'negotiation',
  propose: 'proposal',
  proposing: 'proposal',
  quotation: 'quote',
  quoted: 'quote',
  qualify: 'qualification',
  qualified: 'qualification',
  qualifying: 'qualification',
  prospect: 'prospecting',
  prospects: 'prospecting',
  analyse: 'analysis',
  analyze: 'analysis',
  id: 'identify',
  identification: 'identify',
  decision: 'decision',
  makers: 'maker',
  review: 'review',
  demonstration: 'demo',
  presentation: 'demo',
};

/** The meaningful words of a stage label, folded. */
export function stageWords(label: string): string[] {
  const all = keyWords(label.replace(/[/&+]/g, ' ')).map((w) => STAGE_FORMS[w] ?? w);
  const kept = all.filter((w) => !STAGE_NOISE.has(w) && !/^\d+$/.test(w));
  return kept.length > 0 ? kept : all;
}

/**
 * How alike two stage labels are, 0..1: the same words (in any order, one label's words all inside the other's, as
 * "Negotiation" inside "Negotiation/Review"), or close spelling.
 */
export function stageSimilarity(a: string, b: string): number {
  const x = compact(a);
  const y = compact(b);
  if (x === y) return 1;
  const wa = stageWords(a);
  const wb = stageWords(b);
  if (wa.join(' ') === wb.join(' ')) return 0.98;
  const lev = 1 - distance(wa.join(''), wb.join('')) / Math.max(wa.join('').length, wb.join('').length, 1);
  // A word matches the same word or one it abbreviates ("Prop" for "Proposition", "Qual" for "Qualification").
  const matches = (w: string, other: readonly string[]): boolean => other.some((o) => o === w || (Math.min(o.length, w.length) >= 4 && (o.startsWith(w) || w.startsWith(o))));
  const aInB = wa.filter((w) => matches(w, wb)).length / wa.length;
  const bInA = wb.filter((w) => matches(w, wa)).length / wb.length;
  // All of one label's words inside the other's: a shortened or extended name of the same stage.
  const contained = aInB === 1 || bInA === 1 ? 0.8 + 0.15 * Math.min(aInB, bInA) : 0;
  return Math.max(lev, dice(wa, wb), contained);
}
