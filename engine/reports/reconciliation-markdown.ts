import { renderTemplate } from '../render/render.js';
import type { RunReport } from './reconciliation.js';

export function renderReconciliationMarkdown(report: RunReport): string {
  const sum = (k: 'conflicts' | 'removed'): number => report.loads.reduce((n, l) => n + (l[k] ?? 0), 0);
  const delta = report.kind === 'delta' ? { conflicts: sum('conflicts'), removed: sum('removed') } : false;
  return renderTemplate('reconciliation.md.hbs', { ...report, passed: report.failureRate <= report.threshold, delta }, 'markdown');
}
