import type { PlannedLoad } from '../plan/migration-plan.js';
import type { LoadReconciliation } from './run-report.js';
import type { RowReportWriter } from '../util/row-report-writer.js';
import type { LocatedValueIssue } from './value-issue.js';

/** Where a value that did not arrive as written came from: its row, column and the attribute it was meant for. */
interface ValueRow extends Record<string, string | number> {
  file: string;
  line: number;
  load: string;
  object: string;
  source_key: string;
  column: string;
  attribute: string;
  value: string;
  reason: string;
}

/** A lookup that was not a clean match, as `lookups.csv` lists it for the admin. */
export interface LookupIssueRow extends ValueRow {
  targets: string;
  problem: string;
  outcome: string;
}

/** A field value the destination or a transform could not take, left blank on a record that loaded (`blanked.csv`). */
export type BlankedValueRow = ValueRow;

export const LOOKUP_ISSUE_COLUMNS = ['file', 'line', 'load', 'object', 'source_key', 'column', 'attribute', 'value', 'targets', 'problem', 'outcome', 'reason'] as const;
export const BLANKED_VALUE_COLUMNS = ['file', 'line', 'load', 'object', 'source_key', 'column', 'attribute', 'value', 'reason'] as const;

export interface ValueReports {
  lookups: RowReportWriter<LookupIssueRow>;
  blanked: RowReportWriter<BlankedValueRow>;
}

/** Writes a batch's value issues to their reports and counts them on the load. */
export function reportValueIssues(ctx: { valueReports: ValueReports }, load: PlannedLoad, issues: readonly LocatedValueIssue[], counts?: LoadReconciliation): void {
  for (const issue of issues) {
    const where = { file: load.fileName, line: issue.line, load: load.id, object: load.object, source_key: issue.sourceKey, column: issue.column, attribute: issue.attribute, value: issue.value };
    if (issue.kind === 'lookup') {
      ctx.valueReports.lookups.write({ ...where, targets: issue.targets ?? '', problem: issue.problem ?? '', outcome: issue.outcome, reason: issue.reason });
      if (counts !== undefined) counts.lookupIssues = (counts.lookupIssues ?? 0) + 1;
    } else {
      ctx.valueReports.blanked.write({ ...where, reason: issue.reason });
      if (counts !== undefined) counts.fieldsBlanked = (counts.fieldsBlanked ?? 0) + 1;
    }
  }
}
