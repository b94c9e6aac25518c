import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { estimateMigration, type Estimate } from '../../../engine/estimate/estimate.js';
import { InvalidSpecError } from '../../../engine/spec/invalid-spec-error.js';
import { position } from '../../../cli/printers/positioned.js';
import { formatLine } from '../../../cli/printers/diagnostics.js';
import { bundledEstimatorRulesFile, loadEstimatorRules, type EstimatorRules } from '../../../engine/estimate/estimator-rules.js';
import { bundledPairsDir, loadCatalog, type Catalog } from '../../../engine/spec/catalog.js';

let catalog: Catalog;
let rules: EstimatorRules;

beforeAll(async () => {
  catalog = await loadCatalog([bundledPairsDir()]);
  rules = await loadEstimatorRules();
});

function estimate(pairId: string, records?: number, withRules: EstimatorRules = rules): Estimate {
  const pair = catalog.pairs.get(pairId)?.spec;
  if (!pair) throw new Error(`no pair ${pairId}`);
  const platform = (id: string) => {
    const p = catalog.platforms.get(id)?.spec;
    if (!p) throw new Error(`no platform ${id}`);
    return p;
  };
  return estimateMigration({ pair, source: platform(pair.source), destination: platform(pair.destination), ...(records === undefined ? {} : { records }) }, withRules);
}

/** The band the rules define for a value, worked out here without the engine's helper. */
const bandFor = <T extends { from: number }>(bands: readonly T[], value: number): T => {
  const reached = bands.filter((b) => b.from <= value);
  const band = reached[reached.length - 1];
  if (band === undefined) throw new Error(`no band for ${value}`);
  return band;
};
const gradeIndex = (e: Estimate): number => rules.grades.findIndex((g) => g.letter === e.grade.letter);
const reason = (e: Estimate, factor: Estimate['reasons'][number]['factor']) => {
  const found = e.reasons.find((r) => r.factor === factor);
  if (!found) throw new Error(`no ${factor} reason`);
  return found;
};

const sourceOf = (pairId: string) => catalog.platforms.get(catalog.pairs.get(pairId)?.spec.source ?? '')?.spec;

/** Decisions per object row, counted here from the spec with the rules' weights. */
function decisionShare(pairId: string): number {
  const pair = catalog.pairs.get(pairId)?.spec;
  if (!pair) throw new Error(`no pair ${pairId}`);
  const w = rules.factors.mappingClarity.decisions;
  const decisions =
    pair.objects.filter((r) => r.compatibility === 'mapping-required').length * w.mappingRequiredRow +
    (pair.stageTables ?? []).length * w.stageTable +
    pair.objects.filter((r) => r.kind === 'custom-fields').length * w.customFieldRow;
  return decisions / pair.objects.length;
}

const SIZES = [10_000, 500_000, 3_000_000] as const;
const TWO_PAIRS = ['vtiger--dynamics-365-sales', 'opencrm--dynamics-365-sales'] as const;

describe('estimate without a record count (the pair pages)', () => {
  // The product pages quote these timelines; the rules are tuned to give them.
  it.each([
    ['smart-crm-online--dynamics-365-sales', '2-4 weeks'],
    ['smart-crm-online--salesforce-sales-cloud', '4-8 weeks'],
    ['leadsmart-channel-cloud--dynamics-365-sales', '3-5 weeks'],
    ['opencrm--dynamics-365-sales', '3-5 weeks'],
    ['vtiger--dynamics-365-sales', '2-4 weeks'],
  ])('given %s, the timeline is %s and there is no price', (pairId, timeline) => {
    const e = estimate(pairId);
    expect(e.timeline.text).toBe(timeline);
    expect(e.price).toBeUndefined();
    expect(e.scopedIndividually).toBe(false);
    expect(reason(e, 'volume').points).toBe(rules.factors.volume.bands[0].points);
    expect(reason(e, 'volume').detail).toMatch(/; no record count given/);
  });

  it.each([
    ['smart-crm-online--dynamics-365-sales'],
    ['smart-crm-online--salesforce-sales-cloud'],
    ['leadsmart-channel-cloud--dynamics-365-sales'],
    ['opencrm--dynamics-365-sales'],
    ['vtiger--dynamics-365-sales'],
  ])('given %s, the grade is the pages\' B Standard', (pairId) => {
    expect(estimate(pairId).grade).toEqual({ letter: 'B', label: 'Standard' });
  });

  it('given any pair, gives one reason per factor in the pages\' order, each one sentence naming its figures', () => {
    expect(catalog.pairs.size).toBeGreaterThanOrEqual(5);
    for (const pairId of catalog.pairs.keys()) {
      const e = estimate(pairId);
      expect(e.reasons.map((r) => r.factor)).toEqual(['compatibility', 'mapping-clarity', 'timeline', 'api', 'volume']);
      expect(e.reasons.map((r) => r.label)).toEqual(['Object compatibility', 'Field mapping clarity', 'Timeline complexity', 'API constraints', 'Data volume sensitivity']);
      for (const r of e.reasons) {
        expect(r.detail).toMatch(/^[A-Z0-9].*\.$/);
        expect(r.detail).not.toMatch(/\.\s/);
      }
      expect(reason(e, 'timeline').detail).toMatch(new RegExp(`^${e.counts.objects}-object category`));
      const reshaped = e.counts.objects - e.counts.oneToOne;
      expect(reason(e, 'compatibility').detail).toMatch(reshaped === 0 ? new RegExp(`^All ${e.counts.objects} objects map 1:1`) : new RegExp(`^${reshaped} of ${e.counts.objects} objects? needs?`));
    }
  });

  it('given a source without a bulk API, says so in the volume reason; with one, says it streams', () => {
    expect(reason(estimate('vtiger--dynamics-365-sales'), 'volume').detail).toMatch(/^Vtiger All-In-One CRM has no bulk API/);
    expect(reason(estimate('leadsmart-channel-cloud--dynamics-365-sales'), 'volume').detail).toMatch(/^LeadSmart Channel Cloud exposes a bulk API/);
  });
});

describe.each(TWO_PAIRS)('estimate of %s at 10,000, 500,000 and 3,000,000 records', (pairId) => {
  const at = () => SIZES.map((n) => estimate(pairId, n));

  it('given more records, the grade never drops and is higher at 3,000,000 than at 10,000', () => {
    const [small, large, huge] = at().map(gradeIndex) as [number, number, number];
    expect(large).toBeGreaterThanOrEqual(small);
    expect(huge).toBeGreaterThanOrEqual(large);
    expect(huge).toBeGreaterThan(small);
  });

  it('given more records, the timeline grows', () => {
    const [small, large, huge] = at().map((e) => e.timeline) as [Estimate['timeline'], Estimate['timeline'], Estimate['timeline']];
    expect(large.maxWeeks).toBeGreaterThan(small.maxWeeks);
    expect(large.minWeeks).toBeGreaterThanOrEqual(small.minWeeks);
    expect(huge.minWeeks).toBeGreaterThanOrEqual(large.minWeeks);
  });

  it('given 500,000 records, the price is higher than at 10,000', () => {
    const [small, large] = at();
    expect(small?.price?.amount).toBeGreaterThan(0);
    expect(large?.price?.amount).toBeGreaterThan(small?.price?.amount ?? Infinity);
  });

  it('given 3,000,000 records, it is scoped individually: no price, a reason that says so, the timeline only a floor', () => {
    const huge = estimate(pairId, 3_000_000);
    expect(huge.scopedIndividually).toBe(true);
    expect(huge.price).toBeUndefined();
    expect(reason(huge, 'volume').detail).toMatch(/scoped individually/);
    expect(huge.timeline.text).toBe(`${huge.timeline.minWeeks}+ weeks`);
  });
});

describe('every figure follows the rules file', () => {
  const cases = [...TWO_PAIRS.flatMap((p) => SIZES.map((n) => [p, n] as const)), ...TWO_PAIRS.map((p) => [p, undefined] as const)];

  it.each(cases)('given %s at %s records, points, grade, weeks and price are the ones the rules define', (pairId, records) => {
    const e = estimate(pairId, records);
    const { factors } = rules;
    const category = bandFor(factors.timeline.categories, e.counts.objects);
    expect(reason(e, 'timeline').points).toBe(category.points);
    expect(reason(e, 'compatibility').points).toBe(bandFor(factors.compatibility.bands, (e.counts.objects - e.counts.oneToOne) / e.counts.objects).points);
    const clarity = bandFor(factors.mappingClarity.bands, decisionShare(pairId));
    expect(reason(e, 'mapping-clarity').points).toBe(clarity.points);
    const volume = bandFor(factors.volume.bands, records ?? 0);
    const bulk = sourceOf(pairId)?.api?.bulk === true;
    expect(reason(e, 'volume').points).toBe(volume.points * (bulk ? 1 : 2));

    const total = e.reasons.reduce((sum, r) => sum + r.points, 0);
    const grade = bandFor(rules.grades, total);
    expect(e.grade).toEqual({ letter: grade.letter, label: grade.label });
    expect(e.timeline.minWeeks).toBe(category.weeks.min + clarity.extraWeeks.min + volume.extraWeeks.min);
    expect(e.timeline.maxWeeks).toBe(category.weeks.max + clarity.extraWeeks.max + volume.extraWeeks.max);
    expect(e.scopedIndividually).toBe(records !== undefined && records > rules.maxRecords);
    if (records !== undefined && records <= rules.maxRecords) {
      expect(e.price?.amount).toBe(grade.baseFee + e.counts.objects * rules.pricing.perObject + volume.fee);
      expect(e.price?.currency).toBe(rules.currency);
    }
  });

  it('given the source API, scores it by the first matching rule', () => {
    expect(catalog.pairs.size).toBeGreaterThanOrEqual(7);
    for (const pairId of catalog.pairs.keys()) {
      const api = sourceOf(pairId)?.api;
      const rule = rules.factors.api.rules.find((r) => (r.documented ?? api?.documented) === api?.documented && (r.bulk ?? api?.bulk) === api?.bulk);
      expect(reason(estimate(pairId), 'api').points, pairId).toBe(rule?.points);
    }
  });

  it('given a lower record limit in the rules, the same count becomes scoped individually', () => {
    const strict: EstimatorRules = { ...rules, maxRecords: 100_000 };
    expect(estimate('vtiger--dynamics-365-sales', 500_000).scopedIndividually).toBe(false);
    expect(estimate('vtiger--dynamics-365-sales', 500_000, strict).scopedIndividually).toBe(true);
  });

  it('given different weeks for an object-count category, the timeline follows them', () => {
    const categories = rules.factors.timeline.categories.map((c) => ({ ...c, weeks: { min: 9, max: 11 } })) as EstimatorRules['factors']['timeline']['categories'];
    const slower: EstimatorRules = { ...rules, factors: { ...rules.factors, timeline: { ...rules.factors.timeline, categories } } };
    expect(estimate('vtiger--dynamics-365-sales', undefined, slower).timeline.text).toBe('9-11 weeks');
  });
});

describe('loadEstimatorRules', () => {
  it('given bands out of order, refuses the file and names the line', async () => {
    const text = (await readFile(bundledEstimatorRulesFile(), 'utf8')).replace('from: 250000,', 'from: 25000,');
    const file = join(await mkdtemp(join(tmpdir(), 'estimator-')), 'estimator.yaml');
    await writeFile(file, text);
    const error = await loadEstimatorRules(file).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidSpecError);
    // The engine hands over pointers; the printer is what turns them into the line a person opens.
    const [line] = position((error as InvalidSpecError).diagnostics, (error as InvalidSpecError).documents, dirname(file)).map(formatLine);
    expect(line).toMatch(/^estimator\.yaml:\d+:\d+ .*spec\/invalid-value.*Bands must rise/);
  });
});
