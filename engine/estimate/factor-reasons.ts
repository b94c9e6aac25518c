import type { PairSummary } from '../model/pair-summary.js';
import type { PairSpec } from '../spec/generated/pair-spec.js';
import type { PlatformSpec } from '../spec/generated/platform-spec.js';
import type { EstimatorRules, VolumeBand } from '../spec/generated/estimator-rules.js';
import { bandAt, nextBand } from './bands.js';
import type { EstimateReason } from './estimate.js';
import { count, money, percent, weeks } from './wording.js';

/** A reason with the band label it came from, for callers that show the band on its own. */
export type ScoredReason = EstimateReason & { band: string };

export interface FactorInput {
  pair: PairSpec;
  source: PlatformSpec;
  summary: PairSummary;
  records?: number;
}

/** The five reasons, one per factor, in the order the rules' schema promises, and the volume band behind the last. */
export function factorReasons(input: FactorInput, rules: EstimatorRules): { reasons: ScoredReason[]; volumeBand: VolumeBand } {
  const volume = volumeReason(input.records, rules);
  return {
    reasons: [objectsReason(input.summary, rules), lossyReason(input.summary, rules), mappingReason(input, rules), apiReason(input.source, rules), volume.reason],
    volumeBand: volume.band,
  };
}

function objectsReason(summary: PairSummary, rules: EstimatorRules): ScoredReason {
  const { title, bands } = rules.factors.objects;
  const band = bandAt(bands, summary.objects);
  const detail = `${count(summary.objects, 'object')}, ${summary.oneToOne} of them 1:1: ${band.label}.`;
  return { factor: 'objects', label: title, detail, points: band.points, band: band.label };
}

function lossyReason(summary: PairSummary, rules: EstimatorRules): ScoredReason {
  const { title, bands } = rules.factors.lossyShare;
  const share = shareOf(summary.lossy, summary.objects);
  const band = bandAt(bands, share);
  const detail =
    summary.lossy === 0
      ? `None of the ${count(summary.objects, 'object')} is lossy: ${band.label}.`
      : `${summary.lossy} of ${count(summary.objects, 'object')} ${summary.lossy === 1 ? 'is' : 'are'} lossy (${percent(share)}): ${band.label}.`;
  return { factor: 'lossy-share', label: title, detail, points: band.points, band: band.label };
}

function mappingReason(input: FactorInput, rules: EstimatorRules): ScoredReason {
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
  const detail =
    sources.length === 0
      ? `No decision is left open across ${count(summary.objects, 'object')}: ${band.label}.`
      : `${count(decisions, 'decision')} across ${count(summary.objects, 'object')} (${percent(share)}), from ${listed(sources)}: ${band.label}.`;
  return { factor: 'mapping-clarity', label: title, detail, points: band.points, band: band.label };
}

function apiReason(source: PlatformSpec, rules: EstimatorRules): ScoredReason {
  const { title, rules: apiRules } = rules.factors.api;
  // A platform spec without `api` promises nothing, so it is scored as having no documented API.
  const documented = source.api?.documented ?? false;
  const bulk = source.api?.bulk ?? false;
  const rule = apiRules.find((r) => (r.documented === undefined || r.documented === documented) && (r.bulk === undefined || r.bulk === bulk));
  if (rule === undefined) throw new Error(`crm-migrate: no estimator API rule matches ${source.id} (documented: ${documented}, bulk: ${bulk}).`);
  return { factor: 'api', label: title, detail: `${source.name}: ${rule.label}.`, points: rule.points, band: rule.label };
}

function volumeReason(records: number | undefined, rules: EstimatorRules): { reason: ScoredReason; band: VolumeBand } {
  const { title, bands } = rules.factors.volume;
  const band = bandAt(bands, records ?? 0);
  const next = nextBand(bands, band);
  const reason = (detail: string): { reason: ScoredReason; band: VolumeBand } => ({ reason: { factor: 'volume', label: title, detail, points: band.points, band: band.label }, band });

  if (records === undefined) {
    const limit = next === undefined ? '' : ` of under ${count(next.from, 'record')}`;
    return reason(`No record count given, so the figures assume ${band.label}${limit}.`);
  }
  if (records > rules.maxRecords) {
    return reason(
      `At ${count(records, 'record')} the migration is over the ${rules.maxRecords.toLocaleString('en-US')} records the rules price, so it is scoped individually: no fixed price, and the timeline is a floor.`,
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

function shareOf(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}

/** `a`, `a and b`, `a, b and c`. */
function listed(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}
