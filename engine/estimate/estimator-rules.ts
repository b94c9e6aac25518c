import { join } from 'node:path';
import { bundledPairsDir } from '../spec/catalog.js';
import type { EstimatorRules } from '../spec/generated/estimator-rules.js';
import { checkSchema } from '../spec/schema-check.js';
import { checkEstimator } from '../spec/semantic/check-estimator.js';
import { InvalidSpecError } from '../spec/invalid-spec-error.js';
import { readSpec } from '../spec/spec-document.js';

export type { EstimatorRules } from '../spec/generated/estimator-rules.js';

/** The rules file that ships with crm-migrate. */
export function bundledEstimatorRulesFile(): string {
  return join(bundledPairsDir(), 'estimator.yaml');
}

/**
 * Reads the estimator rules (by default the bundled file) with the same schema and semantic checks `validate` runs.
 * Broken rules would give wrong prices without a sign, so any error throws, with each problem's pointer.
 */
export async function loadEstimatorRules(file: string = bundledEstimatorRulesFile()): Promise<EstimatorRules> {
  const { document, diagnostics } = await readSpec(file);
  if (document.data !== undefined) {
    diagnostics.push(...checkSchema('estimator', file, document.data));
    if (diagnostics.length === 0) diagnostics.push(...checkEstimator(file, document.data as EstimatorRules));
  }
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    throw new InvalidSpecError(`The estimator rules are invalid; run \`crm-migrate validate ${file}\`.`, errors, new Map([[file, document]]));
  }
  return document.data as EstimatorRules;
}
