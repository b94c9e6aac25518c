/**
 * A value that did not arrive as the source wrote it, though its row may have: a field left blank because the
 * destination or a transform could not take it, or a lookup that was not a clean match (missing, ambiguous, naming
 * the wrong kind of record, pointing at a row that did not load, or answered by a fallback). Each is reported with
 * file, line, column and value, so the admin can find every one of them.
 */
export interface ValueIssue {
  kind: 'field' | 'lookup';
  column: string;
  /** The destination attribute the value was meant for. */
  attribute: string;
  value: string;
  /** Why the value did not arrive as written. */
  reason: string;
  /** What the run did about it: `blanked`, `held`, `skipped`, or `fallback: <column>` for a lookup a later one answered. */
  outcome: string;
  /** Lookups: the loads that were tried, in order. */
  targets?: string;
  /** Lookups: `missing`, `ambiguous`, `wrong-type` or `not-loaded`. */
  problem?: string;
}

/** A value issue placed in its file: what the lookups and blanked-values reports hold per row. */
export interface LocatedValueIssue extends ValueIssue {
  line: number;
  sourceKey: string;
}
