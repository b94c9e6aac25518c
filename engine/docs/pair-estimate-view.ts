import type { PairSpec } from '../spec/generated/pair-spec.js';
import type { PlatformIndex } from '../spec/platform-index.js';
import { estimateMigration, type Estimate } from '../estimate/estimate.js';
import type { EstimatorRules } from '../estimate/estimator-rules.js';

/** The estimator rules, loaded once per site and shared by every pair page. */
export interface EstimateContext {
  rules: EstimatorRules;
}

/** The complexity section and the header's grade and timeline: the estimate without a record count. */
export interface ComplexityView {
  letter: string;
  label: string;
  timeline: string;
  counts: Estimate['counts'];
  points: number;
  lossyVerb: 'is' | 'are';
  mappingRequiredVerb: 'needs' | 'need';
  reasons: { label: string; detail: string; points: number }[];
}

/** One row of the estimator table. */
export interface EstimatorRow {
  records: string;
  scoped: boolean;
  grade: string;
  timeline: string;
  price: string;
}

/** Export sizes the estimator table shows; a last row goes one record past the size the rules price at all. */
export const SAMPLE_RECORD_COUNTS = [10_000, 100_000, 500_000] as const;

export function complexityView(pair: PairSpec, source: PlatformIndex, destination: PlatformIndex, context: EstimateContext): ComplexityView {
  const estimate = estimateFor(pair, source, destination, context, undefined);
  return {
    letter: estimate.grade.letter,
    label: estimate.grade.label,
    timeline: estimate.timeline.text,
    counts: estimate.counts,
    points: estimate.points,
    lossyVerb: estimate.counts.lossy === 1 ? 'is' : 'are',
    mappingRequiredVerb: estimate.counts.mappingRequired === 1 ? 'needs' : 'need',
    reasons: estimate.reasons.map((r) => ({ label: r.label, detail: r.detail, points: r.points })),
  };
}

export function estimatorRows(pair: PairSpec, source: PlatformIndex, destination: PlatformIndex, context: EstimateContext): EstimatorRow[] {
  const beyond = context.rules.maxRecords + 1;
  return [...SAMPLE_RECORD_COUNTS.filter((n) => n < beyond), beyond].map((records) => {
    const estimate = estimateFor(pair, source, destination, context, records);
    return {
      records: records === beyond ? `More than ${context.rules.maxRecords.toLocaleString('en-US')}` : records.toLocaleString('en-US'),
      scoped: estimate.scopedIndividually,
      grade: `${estimate.grade.letter}, ${estimate.grade.label}`,
      timeline: estimate.timeline.text,
      price: estimate.price?.text ?? 'Quoted after discovery',
    };
  });
}

function estimateFor(pair: PairSpec, source: PlatformIndex, destination: PlatformIndex, context: EstimateContext, records: number | undefined): Estimate {
  return estimateMigration({ pair, source: source.spec, destination: destination.spec, ...(records === undefined ? {} : { records }) }, context.rules);
}
