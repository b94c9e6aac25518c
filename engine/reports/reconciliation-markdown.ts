import { renderTemplate } from '../render/render.js';
import type { RunReport } from './reconciliation.js';

export function renderReconciliationMarkdown(report: RunReport): string {
  return renderTemplate('reconciliation.md.hbs', { ...report, passed: report.failureRate <= report.threshold }, 'markdown');
}
