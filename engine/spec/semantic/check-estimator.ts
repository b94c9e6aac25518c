import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { EstimatorRules } from '../generated/estimator-rules.js';
import { Reporter } from './reporter.js';

/**
 * What the schema cannot say about the estimator rules: every list of bands starts at 0 and rises, so each value falls
 * in exactly one band; week ranges do not run backwards; and some API and sensitivity rule matches every kind of source.
 */
export function checkEstimator(file: string, rules: EstimatorRules): Diagnostic[] {
  const reporter = new Reporter(file);
  const { factors } = rules;
  checkAscending(reporter, '/factors/compatibility/bands', factors?.compatibility?.bands);
  checkAscending(reporter, '/factors/mappingClarity/bands', factors?.mappingClarity?.bands);
  checkAscending(reporter, '/factors/timeline/categories', factors?.timeline?.categories);
  checkAscending(reporter, '/factors/volume/bands', factors?.volume?.bands);
  checkAscending(reporter, '/grades', rules.grades);

  (factors?.volume?.bands ?? []).forEach((band, i) => checkWeeks(reporter, `/factors/volume/bands/${i}/extraWeeks`, band?.extraWeeks));
  (factors?.mappingClarity?.bands ?? []).forEach((band, i) => checkWeeks(reporter, `/factors/mappingClarity/bands/${i}/extraWeeks`, band?.extraWeeks));
  (factors?.timeline?.categories ?? []).forEach((category, i) => checkWeeks(reporter, `/factors/timeline/categories/${i}/weeks`, category?.weeks));

  checkCoversEverySource(reporter, '/factors/api/rules', factors?.api?.rules ?? []);
  checkCoversEverySource(reporter, '/factors/volume/sensitivity', factors?.volume?.sensitivity ?? []);
  return reporter.diagnostics;
}

function checkCoversEverySource(reporter: Reporter, pointer: string, rules: readonly { documented?: boolean; bulk?: boolean }[]): void {
  for (const documented of [true, false]) {
    for (const bulk of [true, false]) {
      const matched = rules.some((r) => (r.documented === undefined || r.documented === documented) && (r.bulk === undefined || r.bulk === bulk));
      if (!matched) reporter.report('spec/invalid-value', pointer, `No rule matches a source with documented: ${documented} and bulk: ${bulk}; end the list with a rule without conditions.`);
    }
  }
}

function checkAscending(reporter: Reporter, pointer: string, bands: readonly { from: number }[] | undefined): void {
  if (!Array.isArray(bands) || bands.length === 0) return;
  if (bands[0]?.from !== 0) reporter.report('spec/invalid-value', `${pointer}/0/from`, 'The first band must start at 0, so that every value falls in a band.');
  bands.forEach((band, i) => {
    const previous = bands[i - 1];
    if (i > 0 && previous !== undefined && !(band.from > previous.from)) {
      reporter.report('spec/invalid-value', `${pointer}/${i}/from`, `Bands must rise: ${band.from} does not come after ${previous.from}.`);
    }
  });
}

function checkWeeks(reporter: Reporter, pointer: string, weeks: { min: number; max: number } | undefined): void {
  if (weeks !== undefined && weeks.max < weeks.min) reporter.report('spec/invalid-value', `${pointer}/max`, `The longest span (${weeks.max} weeks) is shorter than the shortest (${weeks.min} weeks).`);
}
