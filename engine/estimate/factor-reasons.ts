import type { PairSummary } from '../spec/pair-summary.js';
import type { PairSpec } from '../spec/generated/pair-spec.js';
import type { PlatformSpec } from '../spec/generated/platform-spec.js';
import type { ClarityBand, EstimatorRules, ObjectCategory, VolumeBand } from '../spec/generated/estimator-rules.js';
import { bandAt, nextBand } from './bands.js';
import { count, money, percent, weeks } from './wording.js';

/** A reason with the band label it came from, for callers that show the band on its own. */
export interface EstimateReason {
  factor: 'compatibility' | 'mapping-clarity' | 'timeline' | 'api' | 'volume';
  /** The factor's title from the rules, e.g. `Object compatibility`. */
  label: string;
  /** One sentence computed from the figures, e.g. `2 of 9 objects need a mapping of their own and the other 7 map 1:1: …` */
  detail: string;
  points: number;
  /** The label of the band or API rule that scored the points. */
  band: string;
}

export type ScoredReason = EstimateReason & { band: string };

export interface FactorInput {
  pair: PairSpec;
  source: PlatformSpec;
  destination: PlatformSpec;
  summary: PairSummary;
  records?: number;
}

/** The five reasons in the order the product pages give them, and the bands behind the timeline. */
export interface FactorOutcome {
  reasons: ScoredReason[];
  category: ObjectCategory;
  clarityBand: ClarityBand;
  volumeBand: VolumeBand;
}

export function factorReasons(input: FactorInput, rules: EstimatorRules): FactorOutcome {
  const clarity = mappingReason(input, rules);
  const timeline = timelineReason(input.summary, clarity.band, rules);
  const volume = volumeReason(input.source, input.records, rules);
  return {
    reasons: [compatibilityReason(input, rules), clarity.reason, timeline.reason, apiReason(input.source, rules), volume.reason],
    category: timeline.category,
    clarityBand: clarity.band,
    volumeBand: volume.band,
  };
}

function compatibilityReason({ summary, source, destination }: FactorInput, rules: EstimatorRules): ScoredReason {
  const { title, bands } = rules.factors.compatibility;
  const reshaped = summary.objects - summary.oneToOne;
  const band = bandAt(bands, shareOf(reshaped, summary.objects));
  const detail =
    reshaped === 0
      ? `All ${count(summary.objects, 'object')} map 1:1 between ${source.name} and ${destination.name}: ${band.label}.`
      : `${reshaped} of ${count(summary.objects, 'object')} ${reshaped === 1 ? 'needs' : 'need'} a mapping of ${reshaped === 1 ? 'its' : 'their'} own and the other ${summary.oneToOne} map 1:1: ${band.label}.`;
  return { factor: 'compatibility', label: title, detail, points: band.points, band: band.label };
}

function mappingReason(input: FactorInput, rules: EstimatorRules): { reason: ScoredReason; band: ClarityBand } {
  const { title, decisions: weight, bands } = rules.factors.mappingClarity;
  const { summary, pair } = input;
  const customFieldRows = pair.objects.filter((r) => r.kind === 'custom-fields').length;
  const decisions = summary.mappingRequired * weight.mappingRequiredRow + summary.stageTables * weight.stageTable + customFieldRows * weight.customFieldRow;
  const share = shareOf(decisions, summary.objects);
  const band = bandAt(bands, share);
  const sources = [
    summary.mappingRequired > 0 ? count(summary.mappingRequired, 'mapping-required row') : '',
    summary.stageTables > 0 ? count(summary.stageTables, 'stage table') : '',
    customFieldRows > 0 ? count(customFieldRows, 'custom-field row') : '',
  ].filter((s) => s !== '');
  // Every field mapping not behind a decision comes from the spec's defaults; the sample migration confirms them.
  const detail =
    sources.length === 0
      ? `Every field mapping comes from the spec's defaults and no decision is left open across ${count(summary.objects, 'object')}: ${band.label}.`
      : `Field mappings come from the spec's defaults except ${count(decisions, 'decision')} across ${count(summary.objects, 'object')} (${percent(share)}), from ${listed(sources)}: ${band.label}.`;
  return { reason: { factor: 'mapping-clarity', label: title, detail, points: band.points, band: band.label }, band };
}

function timelineReason(summary: PairSummary, clarity: ClarityBand, rules: EstimatorRules): { reason: ScoredReason; category: ObjectCategory } {
  const { title, categories } = rules.factors.timeline;
  const category = bandAt(categories, summary.objects);
  const { min, max } = clarity.extraWeeks;
  const signOff = max === 0 ? '' : `, plus ${weeks(min, max)} to settle the customer's decisions, so ${weeks(category.weeks.min + min, category.weeks.max + max)}`;
  const detail = `${summary.objects}-object category (${category.label}): typical timelines run ${weeks(category.weeks.min, category.weeks.max)} end to end${signOff}.`;
  return { reason: { factor: 'timeline', label: title, detail, points: category.points, band: category.label }, category };
}

function apiReason(source: PlatformSpec, rules: EstimatorRules): ScoredReason {
  const { title, rules: apiRules } = rules.factors.api;
  const rule = firstMatching(apiRules, source);
  if (rule === undefined) throw new Error(`crm-migrate: no estimator API rule matches ${source.id}.`);
  return { factor: 'api', label: title, detail: `${source.name}: ${rule.label}.`, points: rule.points, band: rule.label };
}

function volumeReason(source: PlatformSpec, records: number | undefined, rules: EstimatorRules): { reason: ScoredReason; band: VolumeBand } {
  const { title, bands, sensitivity } = rules.factors.volume;
  const rule = firstMatching(sensitivity, source);
  if (rule === undefined) throw new Error(`crm-migrate: no estimator sensitivity rule matches ${source.id}.`);
  const band = bandAt(bands, records ?? 0);
  const next = nextBand(bands, band);
  const points = band.points * rule.weight;
  const opening = `${source.name} ${rule.label}`;
  const reason = (detail: string): { reason: ScoredReason; band: VolumeBand } => ({
    reason: { factor: 'volume', label: title, detail: `${opening}; ${detail}`, points, band: band.label },
    band,
  });

  if (records === undefined) {
    const limit = next === undefined ? '' : ` of under ${count(next.from, 'record')}`;
    return reason(`no record count given, so the figures assume ${band.label}${limit}.`);
  }
  if (records > rules.maxRecords) {
    return reason(
      `at ${count(records, 'record')} the migration is over the ${rules.maxRecords.toLocaleString('en-US')} records the rules price, so it is scoped individually: no fixed price, and the timeline is a floor.`,
    );
  }
  const range =
    next === undefined
      ? `${band.from.toLocaleString('en-US')} or more`
      : band.from === 0
        ? `under ${next.from.toLocaleString('en-US')}`
        : `${band.from.toLocaleString('en-US')} to ${(next.from - 1).toLocaleString('en-US')}`;
  const { min, max } = band.extraWeeks;
  const extra = max === 0 ? 'no extra weeks' : `${weeks(min, max)} more`;
  const fee = band.fee === 0 ? 'no volume fee' : `a flat ${money(band.fee, rules.currency)} volume fee`;
  return reason(`${count(records, 'record')} ${records === 1 ? 'makes' : 'make'} ${band.label} (${range}): ${extra} and ${fee}.`);
}

/** The first rule whose `documented` and `bulk` conditions hold for the source; a source without `api` has neither. */
function firstMatching<T extends { documented?: boolean; bulk?: boolean }>(list: readonly T[], source: PlatformSpec): T | undefined {
  const documented = source.api?.documented ?? false;
  const bulk = source.api?.bulk ?? false;
  return list.find((r) => (r.documented === undefined || r.documented === documented) && (r.bulk === undefined || r.bulk === bulk));
}

function shareOf(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}

/** `a`, `a and b`, `a, b and c`. */
function listed(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}
