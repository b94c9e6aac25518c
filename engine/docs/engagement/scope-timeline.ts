import type { Engagement } from '../../engagement/engagement.js';
import { estimateMigration } from '../../estimate/estimate.js';
import { loadEstimatorRules } from '../../estimate/estimator-rules.js';

/** Where the record count behind the estimate came from. */
export type RecordSource = 'discovery' | 'export' | 'none';

/** The estimator's answer for this engagement, as the scope document shows it. */
export interface ScopeTimeline {
  grade: { letter: string; label: string };
  text: string;
  minWeeks: number;
  maxWeeks: number;
  price: string | null;
  /** True when the estimator cannot give a standard figure and the engagement is priced on its own. */
  scopedIndividually: boolean;
  reasons: { label: string; detail: string }[];
  records: number | null;
  recordsFrom: RecordSource;
  /** For the templates, which cannot compare strings: true when the count is discovery's. */
  fromDiscovery: boolean;
}

/**
 * The estimate with this engagement's own volume: the rows discovery counted when it ran (the figure the customer
 * has seen), else the rows the plan counts in the export, else none, and the estimator falls back to the pair alone.
 */
export async function scopeTimeline(engagement: Engagement, volume: { discovered?: number; exported?: number }): Promise<ScopeTimeline> {
  const [records, recordsFrom]: [number | undefined, RecordSource] =
    volume.discovered !== undefined ? [volume.discovered, 'discovery'] : volume.exported !== undefined ? [volume.exported, 'export'] : [undefined, 'none'];
  const { pair, source, destination } = engagement;
  const estimate = estimateMigration({ pair, source: source.spec, destination: destination.spec, ...(records === undefined ? {} : { records }) }, await loadEstimatorRules());
  return {
    grade: { letter: estimate.grade.letter, label: estimate.grade.label },
    text: estimate.timeline.text,
    minWeeks: estimate.timeline.minWeeks,
    maxWeeks: estimate.timeline.maxWeeks,
    price: estimate.price?.text ?? null,
    scopedIndividually: estimate.scopedIndividually,
    reasons: estimate.reasons.map((r) => ({ label: r.label, detail: r.detail })),
    records: records ?? null,
    recordsFrom,
    fromDiscovery: recordsFrom === 'discovery',
  };
}
