import type { ExportCheck, FileAccount } from '../plan/shape-findings.js';
import type { ExportSummary, FileAccounting, LoadAccounting, LoadReconciliation } from './run-report.js';

export function exportSummary(check: ExportCheck): ExportSummary {
  return { notInScope: check.notInScope, findings: check.findings.filter((f) => f.code !== 'not-in-scope') };
}

/**
 * The run's figures per file, and every way they fail to add up. A run that does not balance has lost or invented
 * rows somewhere in crm-migrate itself: the caller treats any imbalance as an internal error.
 */
export function fileAccounting(check: ExportCheck, loads: readonly LoadReconciliation[]): { files: FileAccounting[]; imbalances: string[] } {
  const imbalances: string[] = [];
  const byLoad = new Map(loads.map((l) => [l.load, l]));
  const files = check.files.map((account: FileAccount): FileAccounting => {
    const shares = account.loads.map((share): LoadAccounting => {
      const run = byLoad.get(share.load);
      const counted = run === undefined ? 0 : run.created + run.updated + run.unchanged + run.skipped + run.held + run.failed + run.duplicates;
      const row: LoadAccounting = {
        load: share.load,
        expected: share.rows,
        sourceRows: run?.sourceRows ?? 0,
        created: run?.created ?? 0,
        updated: run?.updated ?? 0,
        unchanged: run?.unchanged ?? 0,
        skipped: run?.skipped ?? 0,
        held: run?.held ?? 0,
        refused: run?.failed ?? 0,
        duplicates: run?.duplicates ?? 0,
        balanced: run !== undefined && run.sourceRows === share.rows && counted === share.rows,
      };
      if (!row.balanced) {
        imbalances.push(`${account.file} (${share.load}): the file has ${share.rows} rows for this load; the run read ${row.sourceRows} and accounted for ${counted}`);
      }
      return row;
    });
    return {
      file: account.file,
      rows: account.rows,
      excluded: account.excluded,
      blankLines: account.blankLines,
      loads: shares,
      unmappedColumns: account.unmappedColumns,
      balanced: shares.every((s) => s.balanced),
    };
  });
  return { files, imbalances };
}
