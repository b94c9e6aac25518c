import type { ColumnProfile } from '../discover/discovery.js';
import type { CustomFieldDecision } from '../spec/generated/engagement-spec.js';
import type { PairSpec } from '../spec/generated/pair-spec.js';
import type { PlatformIndex } from '../spec/platform-index.js';
import { candidateFields, destinationObject, filledAttributes, pairSlots, type ExportHeaders } from './candidates.js';
import { evidenceId, type ColumnEvidence } from './column-evidence.js';
import { COLUMN_CONFIDENCE, type ColumnBasis } from './confidence.js';
import { createdType, customFieldName, namingStyle } from './custom-field-name.js';
import { DeterministicMatcher, textScore, type FieldMatcher } from './field-matcher.js';
import { stripDecoration } from './normalise.js';
import { inferFromValues, type Inferred } from './infer-from-values.js';

/** A column maps to an existing attribute only when its best candidate scores above this. */
export const MAP_THRESHOLD = 0.75;
/** Below this, the closest attribute was no near miss: creating a field is a clear call. */
const NEAR_MISS = 0.5;

export interface ProposeCustomFieldsInput {
  columns: ColumnProfile[];
  pair: PairSpec;
  destination: PlatformIndex;
  /** Defaults to the deterministic name/label/synonym matcher. */
  matcher?: FieldMatcher;
  threshold?: number;
  /** What each column's values show (by `evidenceId`); without it, proposals rest on names alone. */
  evidence?: ReadonlyMap<string, ColumnEvidence>;
  /** Headers of each exported object: a pair mapping whose column is missing leaves its attribute free. */
  headers?: ExportHeaders;
}

const round = (n: number): number => Math.round(n * 100) / 100;

/** The basis a name-matcher score stands on. */
function nameBasis(score: number): ColumnBasis {
  return score >= 0.97 ? 'name-exact' : score >= 0.9 ? 'name-strong' : 'name-fair';
}

/**
 * One proposed decision per custom column. The column's values and the pair's own mappings speak first (a key, a
 * lookup by value overlap, an owner, a creation time, a pair column under another name); then names pick an unused
 * attribute of the destination; else a new attribute is created. Confidence is the measured rate of its basis.
 */
export function proposeCustomFields(input: ProposeCustomFieldsInput): CustomFieldDecision[] {
  return proposeCustomFieldsWithBasis(input).map((p) => p.decision);
}

/** The proposals with the basis each rests on, for measuring the confidence table (see confidence.ts). */
export function proposeCustomFieldsWithBasis(input: ProposeCustomFieldsInput): { decision: CustomFieldDecision; basis: ColumnBasis }[] {
  const matcher = input.matcher ?? new DeterministicMatcher();
  const threshold = input.threshold ?? MAP_THRESHOLD;
  const pattern = input.destination.spec.rules?.customFieldPattern;
  const style = namingStyle(pattern);
  const taken = new Map<string, Set<string>>();

  return input.columns.map((column): { decision: CustomFieldDecision; basis: ColumnBasis } => {
    const base = { object: column.object, column: column.column, status: 'proposed' as const };
    const destObject = destinationObject(input.pair, column.object);
    if (destObject === undefined) {
      return decision(base, { action: 'skip', type: column.type, basis: 'not-loaded', reason: `no load of ${input.pair.id} reads ${column.object}; nothing to write the column to` });
    }
    const used = taken.get(destObject) ?? new Set<string>();
    taken.set(destObject, used);
    const evidence = input.evidence?.get(evidenceId(column.object, column.column));
    const inferred = inferFromValues({ column, evidence, pair: input.pair, destination: input.destination, destObject, headers: input.headers, used });
    if (inferred !== undefined && inferred.action !== 'create') {
      if (inferred.to !== undefined) used.add(inferred.to);
      return decision(base, inferred);
    }

    const candidates = candidateFields(input.pair, input.destination, destObject, input.headers).filter((f) => !used.has(f.name));
    const ranked = matcher.rank(column, candidates);
    const best = ranked[0];
    // Scores carry a tie-break of a millionth per place in the spec; a score at the threshold still maps.
    if (inferred === undefined && best !== undefined && best.score >= threshold - 0.001) {
      used.add(best.field.name);
      const label = best.field.label ? ` (${best.field.label})` : '';
      return decision(base, { action: 'map', to: best.field.name, type: best.field.type, basis: nameBasis(best.score), reason: `"${column.column}" matches ${destObject}.${best.field.name}${label} by ${best.why} (${round(best.score)})` });
    }
    if (inferred === undefined) {
      // A column naming an attribute this export already fills from another column repeats it: nothing to create.
      const filled = filledAttributes(input.pair, destObject, input.headers);
      const twin = (input.destination.object(destObject)?.fields ?? []).find((f) => filled.has(f.name) && Math.max(textScore(column.column, stripDecoration(f.name)), f.label ? textScore(column.column, f.label) : 0) >= 0.97);
      if (twin !== undefined) {
        const from = pairSlots(input.pair, destObject, input.headers).find((s) => s.filled && s.to === twin.name)?.columns.join(' + ') ?? 'another column';
        return decision(base, { action: 'skip', basis: 'already-filled', reason: `"${column.column}" names ${destObject}.${twin.name}${twin.label ? ` (${twin.label})` : ''}, which the pair already fills from ${from}` });
      }
    }
    let to = customFieldName(column.column, pattern);
    for (let n = 2; used.has(to) || input.destination.field(destObject, to) !== undefined; n++) to = customFieldName(`${column.column} ${n}`, pattern);
    used.add(to);
    const created = createdType(column.type, column.maxLength, style);
    const closest = best ? `closest unused attribute ${best.field.name} at ${round(best.score)}` : 'no unused attribute of that type';
    const basis: ColumnBasis = inferred?.basis ?? (best === undefined || best.score <= NEAR_MISS ? 'create-clear' : 'create-near');
    const reason = inferred?.reason ?? `no unused ${destObject} attribute fits "${column.column}" as ${column.type}; ${closest}`;
    const made = decision(base, { action: 'create', to, type: created.type, basis, reason });
    return {
      basis,
      decision: {
        ...made.decision,
        ...(created.maxLength !== undefined ? { maxLength: created.maxLength } : {}),
        ...(created.type === 'picklist' && column.options !== undefined ? { options: [...column.options] } : {}),
      },
    };
  });
}

function decision(base: Pick<CustomFieldDecision, 'object' | 'column' | 'status'>, inferred: Inferred): { decision: CustomFieldDecision; basis: ColumnBasis } {
  return { basis: inferred.basis, decision: {
    ...base,
    action: inferred.action,
    ...(inferred.to === undefined ? {} : { to: inferred.to }),
    ...(inferred.type === undefined ? {} : { type: inferred.type }),
    ...(inferred.lookup === undefined || inferred.lookup.length === 0 ? {} : { lookup: inferred.lookup as [string, ...string[]] }),
    confidence: COLUMN_CONFIDENCE[inferred.basis],
    reason: inferred.reason,
  } };
}
