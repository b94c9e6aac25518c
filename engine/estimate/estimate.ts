import { summarizePair } from '../spec/pair-summary.js';
import type { EstimatorRules } from '../spec/generated/estimator-rules.js';
import type { PairSpec } from '../spec/generated/pair-spec.js';
import type { PlatformSpec } from '../spec/generated/platform-spec.js';
import { bandAt } from './bands.js';
import { factorReasons, type EstimateReason } from './factor-reasons.js';

export type { EstimateReason };
import { count, money, weeks } from './wording.js';


/** One line of a price: what is charged for, and how much. */
export interface PriceItem {
  item: string;
  amount: number;
}

export interface Estimate {
  pair: string;
  records?: number;
  grade: { letter: string; label: string };
  timeline: { minWeeks: number; maxWeeks: number; text: string };
  /** Undefined when the migration is scoped individually or no record count was given. */
  price?: { amount: number; currency: string; text: string; breakdown: PriceItem[] };
  /** True over the rules' record limit (`maxRecords`). */
  scopedIndividually: boolean;
  /** The rules' record limit: the most records a fixed price covers. */
  recordLimit: number;
  counts: { objects: number; oneToOne: number; lossy: number; mappingRequired: number };
  /** The sum of the reasons' points, which picks the grade. */
  points: number;
  /** One per factor, in the product pages' order: compatibility, mapping clarity, timeline, API, volume. */
  reasons: EstimateReason[];
}

export interface EstimateInput {
  pair: PairSpec;
  source: PlatformSpec;
  destination: PlatformSpec;
  /** Records to migrate; without it the estimate is the pair's alone (the first volume band) and has no price. */
  records?: number;
}

/**
 * Grade, timeline and price of a migration, every figure taken from the rules: the factors score points and the total
 * picks the grade; the weeks are the object-count category's, widened by the decisions left open and by the volume
 * band; the fee is the grade's base plus a fee per object plus the volume band's flat fee.
 */
export function estimateMigration(input: EstimateInput, rules: EstimatorRules): Estimate {
  const { pair, source, destination, records } = input;
  const summary = summarizePair(pair, new Map([source, destination].map((p) => [p.id, p])));
  const { reasons, category, clarityBand, volumeBand } = factorReasons({ pair, source, destination, summary, ...(records === undefined ? {} : { records }) }, rules);
  const points = reasons.reduce((sum, r) => sum + r.points, 0);
  const grade = bandAt(rules.grades, points);
  const scopedIndividually = records !== undefined && records > rules.maxRecords;

  const minWeeks = category.weeks.min + clarityBand.extraWeeks.min + volumeBand.extraWeeks.min;
  const maxWeeks = category.weeks.max + clarityBand.extraWeeks.max + volumeBand.extraWeeks.max;
  // A migration scoped individually has no committed end, so only its floor is stated.
  const text = scopedIndividually ? `${minWeeks}+ weeks` : weeks(minWeeks, maxWeeks);

  const estimate: Estimate = {
    pair: pair.id,
    ...(records === undefined ? {} : { records }),
    grade: { letter: grade.letter, label: grade.label },
    timeline: { minWeeks, maxWeeks, text },
    scopedIndividually,
    recordLimit: rules.maxRecords,
    counts: { objects: summary.objects, oneToOne: summary.oneToOne, lossy: summary.lossy, mappingRequired: summary.mappingRequired },
    points,
    reasons,
  };
  if (records === undefined || scopedIndividually) return estimate;

  const breakdown: PriceItem[] = [
    { item: `base fee of grade ${grade.letter}`, amount: grade.baseFee },
    { item: `${count(summary.objects, 'object')} at ${money(rules.pricing.perObject, rules.currency)}`, amount: summary.objects * rules.pricing.perObject },
    { item: `volume fee for ${volumeBand.label}`, amount: volumeBand.fee },
  ];
  const amount = breakdown.reduce((sum, b) => sum + b.amount, 0);
  return { ...estimate, price: { amount, currency: rules.currency, text: money(amount, rules.currency), breakdown } };
}
