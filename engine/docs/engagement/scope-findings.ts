import type { Discovery } from '../../discover/discovery.js';
import { FINDING_KINDS } from '../../discover/findings.js';

/** One kind of data-quality finding, summed over the objects and columns it was found in. */
export interface ScopeFindingKind {
  title: string;
  meaning: string;
  rows: number;
  /** Where it was found, as `object.column`. */
  where: string;
}

export interface ScopeFindings {
  kinds: ScopeFindingKind[];
  /** Rows affected by any finding (a row with two problems counts twice). */
  rows: number;
  /** The discovery report with every example row, as links from the document. */
  report: { markdown: string; html: string };
}

/**
 * Discovery's findings folded to one line per kind: the scope document says what needs attention and how much of
 * it there is; the discovery report keeps the rows.
 */
export function scopeFindings(discovery: Discovery, report: { markdown: string; html: string }): ScopeFindings {
  const kinds = (Object.keys(FINDING_KINDS) as (keyof typeof FINDING_KINDS)[])
    .map((kind) => ({ kind, found: discovery.findings.filter((f) => f.kind === kind) }))
    .filter(({ found }) => found.length > 0)
    .map(({ kind, found }) => ({
      title: FINDING_KINDS[kind].title,
      meaning: FINDING_KINDS[kind].meaning,
      rows: found.reduce((n, f) => n + f.count, 0),
      where: [...new Set(found.map((f) => (f.column === undefined ? f.object : `${f.object}.${f.column}`)))].join(', '),
    }));
  return { kinds, rows: kinds.reduce((n, k) => n + k.rows, 0), report };
}
