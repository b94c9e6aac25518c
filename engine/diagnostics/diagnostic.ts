/**
 * Every problem crm-migrate reports, whatever found it. Inside the engine a problem points into its document with
 * a JSON pointer (or a character offset for YAML syntax errors); only printers turn that into a line and column.
 */
export const DIAGNOSTIC_CODES = [
  'io/not-found',
  'yaml/syntax',
  'yaml/duplicate-key',
  'spec/unknown-property',
  'spec/missing-property',
  'spec/invalid-type',
  'spec/invalid-value',
  'spec/invalid-format',
  'spec/unknown-platform',
  'spec/duplicate-id',
  'spec/wrong-role',
  'spec/unknown-object',
  'spec/unknown-column',
  'spec/unknown-attribute',
  'spec/read-only-attribute',
  'spec/not-a-lookup',
  'spec/lookup-target',
  'spec/unknown-load',
  'spec/unknown-transform',
  'spec/transform-argument',
  'spec/unknown-stage-table',
  'spec/stage-value',
  'spec/option-value',
  'spec/date-format',
  'spec/time-zone',
  'spec/ordering-cycle',
  'spec/row-shape',
  'spec/required-unmapped',
  'spec/file-name',
] as const;

export type DiagnosticCode = (typeof DIAGNOSTIC_CODES)[number];

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  /** One sentence: what was found, what was expected. */
  message: string;
  /** Path of the file the problem is in, as given to the engine. */
  file: string;
  /** JSON pointer into the document (RFC 6901), e.g. `/objects/2/loads/0/fields/3/to`. */
  pointer?: string;
  /** Character offset, for problems found before the document has a tree (syntax errors). */
  offset?: number;
  /** Point at the key of the pointed-at pair rather than at its value (unknown properties). */
  reportOnKey?: boolean;
  /** Close names the author probably meant. */
  suggestions?: string[];
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
