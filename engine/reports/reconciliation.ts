/** Per-load counts of one run. Every source row lands in exactly one of loaded, skipped, held or failed. */
export interface LoadReconciliation {
  load: string;
  row: string;
  object: string;
  file: string;
  /** Rows of the file this load takes (after its `where` filter). */
  sourceRows: number;
  /** Rows that passed transforms, lookups and owners and were sent to the destination. */
  transformed: number;
  created: number;
  updated: number;
  unchanged: number;
  /** created + updated + unchanged. */
  loaded: number;
  /** A transform or reference failed; the reason is in the exceptions file. */
  skipped: number;
  /** Waiting in a queue for a person's decision (orphans, owners). */
  held: number;
  /** The destination refused the record. */
  failed: number;
  /** Lookups left blank because the reference matched nothing and the pair allows that. */
  lookupsBlanked: number;
  /** Reasons with their counts, most frequent first. */
  reasons: { reason: string; count: number }[];
  /** Records in the destination object after the load (all loads into that object together). */
  destinationCount: number;
  /** Delta runs: records edited in the destination since the engine wrote them (held unless forced). */
  conflicts?: number;
  /** Rows the engine wrote once that the source no longer has; reported, never deleted. */
  removed?: number;
}

export interface RunReport {
  runId: number;
  kind: 'full' | 'delta';
  pair: string;
  target: string;
  startedAt: string;
  finishedAt: string;
  /** True when the run picked up an interrupted run of the same kind. */
  resumed: boolean;
  loads: LoadReconciliation[];
  /** Setup problems the destination reported (edition limits); when present, nothing was loaded. */
  blockers: string[];
  /** What the destination said about the run that did not stop it (e.g. original creation dates not kept). */
  notes?: string[];
  /** Proposals not confirmed, or changed since; when present, nothing was loaded. */
  unconfirmed: { scope: string; item: string; reason: string }[];
  totals: { sourceRows: number; loaded: number; skipped: number; held: number; failed: number };
  /** Where the run's files are, relative to the engagement folder. */
  files: { reconciliation: string; markdown: string; exceptions?: string; conflicts?: string; removed?: string; queues: string[] };
  /** Skipped + failed rows as a share of source rows; above the engagement's threshold, `apply` exits 1. */
  failureRate: number;
  threshold: number;
}

/** Short reason categories for the summary: the detail (values, names) stays in the exceptions file. */
export function reasonCategory(reason: string): string {
  return reason
    .replace(/"[^"]*"/g, '"…"')
    .replace(/\b\d[\d.,:/-]*\b/g, 'N')
    .slice(0, 160);
}
