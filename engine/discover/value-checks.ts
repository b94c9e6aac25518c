import type { ExportFormat } from '../spec/generated/platform-spec.js';
import { applyTransforms } from '../transforms/registry.js';
import { TransformError, type FieldScope, type TransformContext } from '../transforms/transform.js';
import type { FindingKind } from './discovery.js';

/** The field types whose values discovery checks, the finding a bad value makes, and the transform that reads it. */
const CHECKED: Record<string, { kind: FindingKind; transform: string }> = {
  date: { kind: 'malformed-date', transform: 'date' },
  datetime: { kind: 'malformed-date', transform: 'datetime' },
  email: { kind: 'malformed-email', transform: 'email' },
  money: { kind: 'malformed-money', transform: 'money' },
};

/** Address lists (`To`, `CC`) put several emails in one cell. */
const LIST_SEPARATORS = /[;,]/;

/**
 * Checks a value the way the run will read it: with the very transform a mapping of that type applies, so a value
 * discovery calls malformed is exactly one the run would refuse, and nothing else.
 */
export function valueChecker(
  format: ExportFormat,
  engagement: Pick<TransformContext, 'formatLayers' | 'currency'> = {},
): (type: string, value: string, scope?: FieldScope) => FindingKind | undefined {
  const context: TransformContext = { format, stageTables: new Map(), ...engagement };
  const reads = (transform: string, value: string, scope: FieldScope | undefined): boolean => {
    try {
      // The column's own formats (per object, column and engagement) apply, as they do in the run.
      applyTransforms(value, [transform], context, scope);
      return true;
    } catch (error) {
      if (error instanceof TransformError) return false;
      throw error;
    }
  };
  return (type, value, scope) => {
    const check = CHECKED[type];
    const trimmed = value.trim();
    if (check === undefined || trimmed === '') return undefined;
    const parts = check.transform === 'email' ? trimmed.split(LIST_SEPARATORS).map((p) => p.trim()).filter((p) => p !== '') : [trimmed];
    return parts.every((part) => reads(check.transform, part, scope)) ? undefined : check.kind;
  };
}

export function isCheckedType(type: string): boolean {
  return type in CHECKED;
}
