import type { FileAccount, OutOfScopeFile, ShapeFinding } from '../plan/shape-findings.js';
/** What `crm-migrate discover` learns from an export before anything moves; `propose` and the scope document read it. */

/** Types a column's values can be recognised as. */
export type InferredType = 'text' | 'longtext' | 'integer' | 'decimal' | 'money' | 'date' | 'datetime' | 'boolean' | 'email' | 'phone' | 'url' | 'picklist';

export interface ColumnProfile {
  /** Source object (platform spec name) and its export file. */
  object: string;
  file: string;
  column: string;
  /** True when the header is not in the platform's standard export template. */
  custom: boolean;
  type: InferredType;
  /** For picklists: the distinct values, most frequent first. */
  options?: string[];
  /** Longest value, in characters. */
  maxLength: number;
  /** Rows with a value, and rows in all. */
  filled: number;
  rows: number;
  /** A few distinct values, for people and for the proposer. */
  samples: string[];
}

export type FindingKind =
  | 'duplicate-email'
  | 'duplicate-company'
  | 'missing-required'
  | 'missing-reference'
  | 'orphaned-reference'
  | 'malformed-date'
  | 'malformed-email'
  | 'malformed-money'
  | 'unknown-owner'
  | 'inactive-owner'
  | 'text-too-long'
  | 'unknown-choice-value'
  | 'unusable-file'
  | 'module-disabled';

export interface FindingExample {
  line: number;
  key?: string;
  value?: string;
}

export interface Finding {
  kind: FindingKind;
  object: string;
  file: string;
  column?: string;
  /** Rows affected. */
  count: number;
  /** The first few rows, by file line. */
  examples: FindingExample[];
  detail: string;
}

export interface StageProfile {
  /** The load whose stage column this is, and the column (`Status + Sales Stage` when several are joined). */
  load: string;
  column: string;
  /** When the stage is built from several columns: those columns, in order; each value then has its `parts`. */
  columns?: string[];
  /** Pipeline value when the export has a pipeline column; undefined otherwise. */
  pipeline?: string;
  /** `probability`: the export's own mean win probability for the stage, when it has a probability column. */
  values: { value: string; count: number; parts?: string[]; probability?: number }[];
}

export interface OwnerProfile {
  /** The owner as exported (email, user name or user id). */
  value: string;
  rows: number;
  /** Whether a destination user matches, and whether that user is active. */
  match: 'active' | 'inactive' | 'none';
  /** Email of the matching destination user. */
  user?: string;
}

export interface ObjectProfile {
  object: string;
  file: string;
  rows: number;
  headers: string[];
  /** Standard template headers the file lacks. */
  missingStandard: string[];
  /** Headers the template does not have. */
  customColumns: string[];
}

export interface Discovery {
  pair: string;
  /** Platform names, for the report's title. */
  source: string;
  destination: string;
  generatedAt: string;
  objects: ObjectProfile[];
  /** Every custom column, profiled. */
  columns: ColumnProfile[];
  stages: StageProfile[];
  owners: OwnerProfile[];
  findings: Finding[];
  /**
   * The export's shape as the run will read it: what blocks a run, what is loaded around, files the pair does not
   * read, and per file the rows each load takes and the columns nothing reads.
   */
  shape: { blockers: ShapeFinding[]; warnings: ShapeFinding[]; notes: ShapeFinding[]; notInScope: OutOfScopeFile[]; files: FileAccount[] };
}
