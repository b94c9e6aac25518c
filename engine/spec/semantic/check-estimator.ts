import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { EstimatorRules } from '../generated/estimator-rules.js';
import { Reporter } from './reporter.js';

/**
 * What the schema cannot say about the estimator rules: every list of bands starts at 0 and rises, so each value falls
 * in exactly one band; week ranges do not run backwards; and some API rule matches every kind of source.
 */
export function checkEstimator(file: string, rules: EstimatorRules): Diagnostic[] {
  const reporter = new Reporter(file);
  const { factors } = rules;
  checkAscending(reporter, '/factors/objects/bands', factors?.objects?.bands);
  checkAscending(reporter, '/factors/lossyShare/bands', factors?.lossyShare?.bands);
  checkAscending(reporter, '/factors/mappingClarity/bands', factors?.mappingClarity?.bands);
  checkAscending(reporter, '/factors/volume/bands', factors?.volume?.bands);
  checkAscending(reporter, '/grades', rules.grades);

  (factors?.volume?.bands ?? []).forEach((band, i) => checkWeeks(reporter, `/factors/volume/bands/${i}/extraWeeks`, band?.extraWeeks));
  (rules.grades ?? []).forEach((grade, i) => checkWeeks(reporter, `/grades/${i}/weeks`, grade?.weeks));

  const apiRules = factors?.api?.rules ?? [];
  for (const documented of [true, false]) {
    for (const bulk of [true, false]) {
      const matched = apiRules.some((r) => (r.documented === undefined || r.documented === documented) && (r.bulk === undefined || r.bulk === bulk));
      if (!matched) reporter.report('spec/invalid-value', '/factors/api/rules', `No API rule matches a source with documented: ${documented} and bulk: ${bulk}; end the list with a rule without conditions.`);
    }
  }
  return reporter.diagnostics;
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
