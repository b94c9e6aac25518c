/**
 * A hand-written export in one real system's shape (see /work/shared/EXPORT-FORMATS.md), with every custom column and
 * every stage value labelled by what a migration engineer would decide, and why. The labels were written from the
 * engineer's point of view before the proposer was measured on them: they are never edited to suit the proposer.
 * Where the engineer's choice is one the proposer cannot see (a semantic no header or value gives away), the label
 * stays and the miss is counted.
 *
 * Exports of systems no bundled pair reads as a source are
 * run through the pair whose source plays the same role, as a customer's export of that system would arrive at a
 * template that does not know its headers: Zoho through Smart CRM Online, SuiteCRM through OpenCRM.
 */
export type ExportShape = 'salesforce-weekly-export' | 'salesforce-data-loader' | 'dynamics-csv-export' | 'vtiger' | 'zoho' | 'suitecrm';

export interface LabelledStage {
  value: string;
  /** The export's own probability for deals at this stage, where its shape has the column. */
  probability?: number;
  stage: string;
  outcome: 'Open' | 'Won' | 'Lost';
  why: string;
}

export interface LabelledExport {
  shape: ExportShape;
  pair: string;
  /** The destination's users (the engagement's `users`). */
  users: { email: string; name: string }[];
  /** Source object -> the file's text, as the exporter writes it. */
  files: Record<string, string>;
  /**
   * `object.column` -> [decision, why] for every custom column. A decision is an attribute name (map), `create`,
   * `skip`, `key`, `owner`, or `lookup:<attribute>`; `a|b` when the engineer would accept either.
   */
  columns: Record<string, [string, string]>;
  /** The load whose stage column the stage values come from, and that column. */
  stageLoad: string;
  stageColumn: string;
  stages: LabelledStage[];
}

/** The decision a proposal amounts to, in the labels' terms. */
export function decisionOf(d: { action: string; to?: string }): string {
  if (d.action === 'map') return d.to ?? '';
  if (d.action === 'lookup') return `lookup:${d.to ?? ''}`;
  return d.action;
}

export function matchesLabel(decision: string, label: string): boolean {
  return label.split('|').includes(decision);
}
