import type { Diagnostic, DiagnosticCode, Severity } from '../../diagnostics/diagnostic.js';
import { closestNames } from '../../util/suggest.js';

/** Collects the diagnostics of one file's semantic checks, with the "did you mean" wording in one place. */
export class Reporter {
  readonly diagnostics: Diagnostic[] = [];

  constructor(readonly file: string) {}

  report(code: DiagnosticCode, pointer: string, message: string, severity: Severity = 'error', suggestions: string[] = []): void {
    this.diagnostics.push({ code, severity, message, file: this.file, pointer, ...(suggestions.length > 0 ? { suggestions } : {}) });
  }

  /** A name that does not exist among `candidates`, with the closest ones suggested. */
  unknown(code: DiagnosticCode, pointer: string, what: string, name: string, where: string, candidates: Iterable<string>): void {
    const suggestions = closestNames(name, candidates);
    const hint = suggestions.length > 0 ? ` Did you mean "${suggestions[0]}"?` : '';
    this.diagnostics.push({
      code,
      severity: 'error',
      message: `${what} "${name}" does not exist in ${where}.${hint}`,
      file: this.file,
      pointer,
      suggestions,
    });
  }
}
