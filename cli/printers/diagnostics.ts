import type { SpecDocument } from '../../engine/spec/spec-document.js';
import type { PositionedDiagnostic } from './positioned.js';

export type DiagnosticFormat = 'text' | 'codeframe' | 'github' | 'json';

/** `path:line:col severity code message`: clickable in editors and terminals, and easy to grep. */
export function formatLine(d: PositionedDiagnostic): string {
  return `${d.path}:${d.line}:${d.col} ${d.severity} ${d.code} ${d.message}`;
}

/** GitHub workflow commands, so problems show up as annotations on the pull request's lines. */
export function formatGithub(d: PositionedDiagnostic): string {
  const escapeData = (s: string): string => s.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
  const escapeProp = (s: string): string => escapeData(s).replaceAll(':', '%3A').replaceAll(',', '%2C');
  return `::${d.severity} file=${escapeProp(d.path)},line=${d.line},col=${d.col},title=${escapeProp(d.code)}::${escapeData(d.message)}`;
}

/** The one-line form followed by two lines of context and a caret under the column, for people at a terminal. */
export function formatCodeframe(d: PositionedDiagnostic, document: SpecDocument | undefined): string {
  const head = formatLine(d);
  if (!document) return head;
  const lines = document.text.split('\n');
  const first = Math.max(1, d.line - 2);
  const width = String(d.line).length;
  const frame: string[] = [];
  for (let n = first; n <= d.line; n += 1) {
    frame.push(`  ${String(n).padStart(width)} | ${lines[n - 1] ?? ''}`);
  }
  frame.push(`  ${' '.repeat(width)} | ${' '.repeat(Math.max(0, d.col - 1))}^`);
  if (d.pointer !== undefined) frame.push(`  at #${d.pointer}`);
  return [head, ...frame].join('\n');
}

export function summaryLine(files: number, diagnostics: readonly PositionedDiagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(files, 'file')} checked: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}.`;
}
