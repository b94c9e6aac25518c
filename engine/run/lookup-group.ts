import type { DestinationRecord } from '../destinations/destination.js';
import type { PlannedLookup } from '../plan/migration-plan.js';
import type { Reference } from '../source/reference.js';
import type { LookupResolver } from './lookup-resolver.js';
import type { ValueIssue } from './value-issue.js';

export interface LookupGroup {
  to: string;
  lookups: (PlannedLookup & { index: number })[];
}

export type GroupOutcome =
  | { kind: 'resolved' }
  | { kind: 'held' | 'skipped'; reason: string; column: string; value: string };

/**
 * Lookups writing the same attribute are fallbacks, tried in order (deal, then contact, then company): the first that
 * resolves wins. Only when none does is the first non-empty reference's `onMissing` applied. Every attempt that was
 * not a clean match becomes a value issue, including the ones a fallback made up for, so nothing is dropped unseen.
 */
export function resolveLookupGroup(
  group: LookupGroup,
  reference: (lookup: PlannedLookup & { index: number }) => { raw: string; reference: Reference },
  resolver: LookupResolver,
  values: DestinationRecord,
  issues: ValueIssue[],
): GroupOutcome {
  const failures: { lookup: PlannedLookup; value: string; problem: string; outcome: string }[] = [];
  for (const lookup of group.lookups) {
    const { raw, reference: ref } = reference(lookup);
    const resolution = resolver.resolve(lookup, ref);
    if (resolution === undefined) continue;
    if ('id' in resolution) {
      values[group.to] = resolution.id;
      for (const f of failures) issues.push(issue(f.lookup, f.value, f.problem, f.outcome, `fallback: ${lookup.column}`));
      return { kind: 'resolved' };
    }
    failures.push({ lookup, value: raw.trim(), problem: resolution.problem, outcome: resolution.outcome });
  }
  const failure = failures[0];
  if (failure === undefined) return { kind: 'resolved' };
  const reason = `${failure.lookup.column}: ${failure.problem}`;
  const action = failure.lookup.onMissing === 'hold' ? 'held' : failure.lookup.onMissing === 'skip' ? 'skipped' : 'blanked';
  for (const f of failures) issues.push(issue(f.lookup, f.value, f.problem, f.outcome, action));
  if (action === 'blanked') {
    values[group.to] = null;
    return { kind: 'resolved' };
  }
  return { kind: action, reason, column: failure.lookup.column, value: failure.value };
}

function issue(lookup: PlannedLookup, value: string, reason: string, problem: string, outcome: string): ValueIssue {
  return { kind: 'lookup', column: lookup.column, attribute: lookup.to, value, reason, outcome, targets: lookup.targets.join(' | '), problem };
}
