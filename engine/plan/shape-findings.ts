/**
 * What reading an export before anything moves can find wrong with its shape. `blocker`s stop `apply` (it would
 * otherwise skip whole loads or load damaged text); `warning`s are loaded around and reported; `note`s only inform.
 */
export type ShapeSeverity = 'blocker' | 'warning' | 'note';

export type ShapeCode =
  | 'missing-file'
  | 'file-variant'
  | 'unreadable-file'
  | 'empty-file'
  | 'header-only'
  | 'binary-file'
  | 'invalid-text'
  | 'duplicate-header'
  | 'header-variant'
  | 'blank-header'
  | 'missing-column'
  | 'duplicate-key'
  | 'blank-key'
  | 'row-key'
  | 'wide-row'
  | 'not-taken'
  | 'short-row'
  | 'refused-value'
  | 'text-too-long'
  | 'unknown-choice-value'
  | 'unusable-file'
  | 'module-disabled'
  | 'attendee-role'
  | 'not-in-scope';

export interface ShapeFinding {
  code: ShapeCode;
  severity: ShapeSeverity;
  /** The export file, as the export names it. */
  file: string;
  message: string;
  load?: string;
  column?: string;
  value?: string;
  /** How many rows (or values) it concerns. */
  count?: number;
  /** The first lines it concerns, 1-based. */
  lines?: number[];
}

/** A repeated source key: the rows that will not load because another row with the same key does. */
export interface DuplicateRow {
  line: number;
  /** The line whose row loads instead (`first`, `last`), or the group's first line (`hold`). */
  of: number;
  /** True when the two rows are identical cell for cell. */
  exact: boolean;
  action: 'duplicate' | 'held';
}

/** One load's share of a file: the rows its filter takes, and its repeated keys. */
export interface LoadAccount {
  load: string;
  rows: number;
  duplicates: DuplicateRow[];
  /** Deal loads naming a pipeline: the pipelines the file holds, each becoming a process (see plan/planned-processes). */
  pipelines?: string[];
}

/** One export file as read before the run: its rows and where each of them is meant to go. */
export interface FileAccount {
  file: string;
  rows: number;
  /** Rows that no load takes (a filter leaves them out): the spec excludes them. */
  excluded: number;
  /** Those rows, each by line, for the run's exceptions. */
  notTaken?: NotTaken;
  blankLines: number;
  encoding: string;
  loads: LoadAccount[];
  /** Columns of the file that no mapping reads: what stays behind. */
  unmappedColumns: string[];
}

/** Rows of a shared file that no load's filter takes, with the value that left each out and why. */
export interface NotTaken {
  column: string;
  reason: string;
  rows: { line: number; key: string; value: string }[];
}

/** An export file the pair does not read, with its rows, so nothing is left behind without a word. */
export interface OutOfScopeFile {
  file: string;
  rows: number | null;
  reason: string;
}

export interface ExportCheck {
  files: FileAccount[];
  notInScope: OutOfScopeFile[];
  findings: ShapeFinding[];
}

export function blockers(check: Pick<ExportCheck, 'findings'>): ShapeFinding[] {
  return check.findings.filter((f) => f.severity === 'blocker');
}

/** `contacts.csv:12, 14, 19`: the first lines a finding names, for one-line messages. */
export function describeFinding(finding: ShapeFinding): string {
  const lines = finding.lines === undefined || finding.lines.length === 0 ? '' : `:${finding.lines.join(', ')}`;
  return `${finding.file}${lines}: ${finding.message}`;
}
