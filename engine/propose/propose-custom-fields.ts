import type { ColumnProfile } from '../discover/discovery.js';
import type { CustomFieldDecision } from '../spec/generated/engagement-spec.js';
import type { PairSpec } from '../spec/generated/pair-spec.js';
import type { PlatformIndex } from '../spec/platform-index.js';
import { candidateFields, destinationObject } from './candidates.js';
import { createdType, customFieldName, namingStyle } from './custom-field-name.js';
import { DeterministicMatcher, type FieldMatcher } from './field-matcher.js';

/** A column maps to an existing attribute only when its best candidate scores above this. */
export const MAP_THRESHOLD = 0.75;

export interface ProposeCustomFieldsInput {
  columns: ColumnProfile[];
  pair: PairSpec;
  destination: PlatformIndex;
  /** Defaults to the deterministic name/label/synonym matcher. */
  matcher?: FieldMatcher;
  threshold?: number;
}

const round = (n: number): number => Math.round(n * 100) / 100;

/** One proposed decision per custom column: map it to an unused attribute of the destination, or create one. */
export function proposeCustomFields(input: ProposeCustomFieldsInput): CustomFieldDecision[] {
  const matcher = input.matcher ?? new DeterministicMatcher();
  const threshold = input.threshold ?? MAP_THRESHOLD;
  const pattern = input.destination.spec.rules?.customFieldPattern;
  const style = namingStyle(pattern);
  const taken = new Map<string, Set<string>>();

  return input.columns.map((column): CustomFieldDecision => {
    const base = { object: column.object, column: column.column, status: 'proposed' as const };
    const destObject = destinationObject(input.pair, column.object);
    if (destObject === undefined) {
      return { ...base, action: 'skip', type: column.type, confidence: 0.5, reason: `no load of ${input.pair.id} reads ${column.object}; nothing to write the column to` };
    }
    const used = taken.get(destObject) ?? new Set<string>();
    taken.set(destObject, used);
    const candidates = candidateFields(input.pair, input.destination, destObject).filter((f) => !used.has(f.name));
    const ranked = matcher.rank(column, candidates);
    const best = ranked[0];
    if (best !== undefined && best.score > threshold) {
      used.add(best.field.name);
      const label = best.field.label ? ` (${best.field.label})` : '';
      return {
        ...base,
        action: 'map',
        to: best.field.name,
        type: best.field.type,
        confidence: round(Math.min(1, best.score)),
        reason: `"${column.column}" matches ${destObject}.${best.field.name}${label} by ${best.why}`,
      };
    }
    let to = customFieldName(column.column, pattern);
    for (let n = 2; used.has(to) || input.destination.field(destObject, to) !== undefined; n++) to = customFieldName(`${column.column} ${n}`, pattern);
    used.add(to);
    const created = createdType(column.type, column.maxLength, style);
    const closest = best ? `; closest was ${best.field.name} at ${round(best.score)}` : '';
    return {
      ...base,
      action: 'create',
      to,
      type: created.type,
      ...(created.maxLength !== undefined ? { maxLength: created.maxLength } : {}),
      ...(created.type === 'picklist' && column.options !== undefined ? { options: [...column.options] } : {}),
      confidence: round(Math.max(0.5, 1 - (best?.score ?? 0))),
      reason: `no unused ${destObject} attribute fits "${column.column}" as ${column.type}${closest}`,
    };
  });
}
