import type { OutOfScopeFile, ShapeFinding } from '../plan/shape-findings.js';

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
  /** Rows that repeat a source key another row of the file loads under (see the duplicates policy). */
  duplicates: number;
  /** Lookups left blank because the reference matched nothing and the pair allows that. */
  lookupsBlanked: number;
  /** Lookups that were not a clean match, whatever the run did about them (listed in lookups.csv). */
  lookupIssues?: number;
  /** Field values left blank on records that loaded, because the destination or a transform could not take them (blanked.csv). */
  fieldsBlanked?: number;
  /** Reasons with their counts, most frequent first (see ReasonTally). */
  reasons: ReasonCount[];
  /** Records in the destination object after the load (all loads into that object together). */
  destinationCount: number;
  /** Delta runs: records edited in the destination since the engine wrote them (held unless forced). */
  conflicts?: number;
  /** Rows the engine wrote once that the source no longer has; reported, never deleted. */
  removed?: number;
  /**
   * The close step: won and lost records loaded open, then closed the destination's way (`alreadyClosed`: closed by
   * an earlier run, left alone; `failed`: still open, each listed in the exceptions file with its line and reason).
   */
  closed?: { won: number; lost: number; alreadyClosed: number; failed: number };
  /** Meetings: their invitees as attendee records (activity parties, event relations). */
  attendees?: AttendeeCounts;
  /** Deals: the process (record type, business process flow) of their pipeline. */
  processes?: ProcessCounts;
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
  files: { reconciliation: string; markdown: string; exceptions?: string; success?: string; lookups?: string; blanked?: string; conflicts?: string; removed?: string; queues: string[] };
  /** Where every row of every export file went, per file and load (see file-accounting). */
  accounting?: FileAccounting[];
  /** Figures that do not add up: crm-migrate lost or invented rows, which the CLI reports as an internal error. */
  imbalances?: string[];
  /** What reading the export before the run found: files not in scope, and findings that did not stop the run. */
  export?: ExportSummary;
  /** Skipped + failed rows as a share of source rows; above the engagement's threshold, `apply` exits 1. */
  failureRate: number;
  threshold: number;
}

/** One reason rows did not load, with how many. */
export interface ReasonCount {
  /** The reason as the rows had it; when they differed only in values, its shape with each value as "…". */
  reason: string;
  count: number;
  /** For a shape: the reasons as written, most frequent first, at most VALUES_SHOWN (every row is in the exceptions file). */
  values?: { reason: string; count: number }[];
  /** Rows with other values than those listed. */
  otherValues?: number;
}

const VALUES_SHOWN = 5;
/** Distinct texts counted per shape; past this, rows only add to the shape's count (memory stays flat). */
const VALUES_TRACKED = 50;

/**
 * The shape of a reason, by which reasons are grouped: quoted values and numbers become "…", so "day 30 does not
 * exist in February 2023" and "day 31 does not exist in February 2023" are one reason with two values.
 */
export function reasonCategory(reason: string): string {
  return reason
    .replace(/"[^"]*"/g, '"…"')
    .replace(/\b\d[\d.,:/-]*\b/g, '…')
    .slice(0, 160);
}

/** Counts reasons by shape while keeping the values apart, so a report keeps its numbers. */
export class ReasonTally {
  private readonly shapes = new Map<string, { count: number; texts: Map<string, number>; untracked: number }>();

  add(reason: string): void {
    const shape = reasonCategory(reason);
    let entry = this.shapes.get(shape);
    if (entry === undefined) this.shapes.set(shape, (entry = { count: 0, texts: new Map(), untracked: 0 }));
    entry.count += 1;
    const text = reason.slice(0, 300);
    if (entry.texts.has(text) || entry.texts.size < VALUES_TRACKED) entry.texts.set(text, (entry.texts.get(text) ?? 0) + 1);
    else entry.untracked += 1;
  }

  list(): ReasonCount[] {
    return [...this.shapes]
      .map(([shape, { count, texts, untracked }]): ReasonCount => {
        const only = texts.size === 1 && untracked === 0 ? [...texts.keys()][0] : undefined;
        if (only !== undefined) return { reason: only, count };
        const values = [...texts].map(([reason, n]) => ({ reason, count: n })).sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
        const shown = values.slice(0, VALUES_SHOWN);
        const other = count - shown.reduce((n, v) => n + v.count, 0);
        return { reason: shape, count, values: shown, ...(other > 0 ? { otherValues: other } : {}) };
      })
      .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
  }
}

/** A meeting load's invitees: attendee records written, emails that named no one (lookups.csv), refused records. */
export interface AttendeeCounts {
  /** The attendee table (activityparty, EventRelation). */
  object: string;
  linked: number;
  unresolved: number;
  failed: number;
  /** Invitees of meetings that did not load themselves (their rows are in the exceptions file). */
  meetingNotLoaded: number;
}

/** A deal load's pipelines: processes set up, deals given theirs, deals left without one (lookups.csv). */
export interface ProcessCounts {
  processes: number;
  /** Setup records written per table (processes, stages, record types). */
  records: Record<string, number>;
  set: number;
  withoutProcess: number;
}

/** One load's share of a file, as the run counted it against what reading the file found. */
export interface LoadAccounting {
  load: string;
  /** Rows of the file this load takes, as read before the run. */
  expected: number;
  sourceRows: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  held: number;
  refused: number;
  duplicates: number;
  balanced: boolean;
}

/**
 * Where every row of one export file went. Per load, the rows it takes equal the rows created, updated, left
 * unchanged, skipped, held, refused or dropped as duplicates; the rows no load takes are the spec's exclusions.
 */
export interface FileAccounting {
  file: string;
  rows: number;
  excluded: number;
  blankLines: number;
  loads: LoadAccounting[];
  /** Columns of the file that no mapping reads: what stays behind. */
  unmappedColumns: string[];
  balanced: boolean;
}

/** What reading the export before the run found, as the run report keeps it (blockers stopped the run; these did not). */
export interface ExportSummary {
  notInScope: OutOfScopeFile[];
  findings: ShapeFinding[];
}
