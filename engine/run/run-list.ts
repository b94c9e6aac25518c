import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Engagement } from '../engagement/engagement.js';
import type { RunReport } from './run-report.js';
import { LEDGER_FILE } from './apply-run.js';
import { Ledger, type RunInfo } from './ledger.js';

/** One run of the engagement as `crm-migrate runs` lists it. */
export interface RunListing extends RunInfo {
  /** `running` while a run is going or was interrupted (the next apply resumes it). */
  state: RunInfo['status'];
  /** Milliseconds from start to finish; null while it has not finished. */
  elapsedMs: number | null;
  /** From the run's reconciliation; null for a run that has not finished or a rollback, which has none. */
  counts: { sourceRows: number; created: number; updated: number; unchanged: number; skipped: number; held: number; failed: number } | null;
  /** Records the ledger holds for the run (created, updated or patched): what a rollback would undo. */
  ledgerEntries: number;
  /** The reconciliation report, relative to the engagement folder, when there is one. */
  report: string | null;
}

/** Every run the engagement's ledger knows, oldest first, with its figures. An engagement that never ran has none. */
export function listRuns(engagement: Engagement): RunListing[] {
  const path = join(engagement.dir, LEDGER_FILE);
  if (!existsSync(path)) return [];
  const ledger = new Ledger(path);
  try {
    return ledger.runs().map((run) => {
      const file = join('runs', String(run.id), 'reconciliation.json');
      const report = run.kind !== 'rollback' && existsSync(join(engagement.dir, file)) ? (JSON.parse(readFileSync(join(engagement.dir, file), 'utf8')) as RunReport) : undefined;
      const sum = (k: 'created' | 'updated' | 'unchanged'): number => (report?.loads ?? []).reduce((n, l) => n + l[k], 0);
      const counts =
        report === undefined
          ? null
          : { sourceRows: report.totals.sourceRows, created: sum('created'), updated: sum('updated'), unchanged: sum('unchanged'), skipped: report.totals.skipped, held: report.totals.held, failed: report.totals.failed };
      const elapsedMs = run.finishedAt === null ? null : Date.parse(run.finishedAt) - Date.parse(run.startedAt);
      return { ...run, state: run.status, elapsedMs, counts, ledgerEntries: ledger.entriesNewestFirst(run.id).length, report: report === undefined ? null : file };
    });
  } finally {
    ledger.close();
  }
}
