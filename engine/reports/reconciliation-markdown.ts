import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderTemplate } from '../render/render.js';
import type { RunReport } from '../run/run-report.js';

export function renderReconciliationMarkdown(report: RunReport): string {
  const sum = (k: 'conflicts' | 'removed'): number => report.loads.reduce((n, l) => n + (l[k] ?? 0), 0);
  const delta = report.kind === 'delta' ? { conflicts: sum('conflicts'), removed: sum('removed') } : false;
  return renderTemplate('reconciliation.md.hbs', { ...report, passed: report.failureRate <= report.threshold, delta }, 'markdown');
}

/**
 * Writes a finished run's reconciliation.md where the run's report says it is. The run writes its own record
 * (reconciliation.json, the CSVs); the document for people is rendered here, above the run, by whoever ran it.
 */
export function writeReconciliationMarkdown(engagementDir: string, report: RunReport): void {
  // A run refused before it started (blockers, unconfirmed proposals) has no files.
  if (report.files.markdown === '') return;
  writeFileSync(join(engagementDir, report.files.markdown), renderReconciliationMarkdown(report));
}
