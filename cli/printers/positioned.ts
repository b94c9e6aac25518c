import { relative } from 'node:path';
import type { Diagnostic } from '../../engine/diagnostics/diagnostic.js';
import { locate, type SpecDocument } from '../../engine/spec/spec-document.js';

/** A diagnostic with its position worked out, which is the only place pointers become lines and columns. */
export interface PositionedDiagnostic extends Diagnostic {
  path: string;
  line: number;
  col: number;
}

export function position(
  diagnostics: readonly Diagnostic[],
  documents: ReadonlyMap<string, SpecDocument>,
  cwd: string = process.cwd(),
): PositionedDiagnostic[] {
  return diagnostics
    .map((d) => {
      const document = documents.get(d.file);
      const { line, col } = document ? locate(document, d) : { line: 1, col: 1 };
      return { ...d, path: relative(cwd, d.file) || d.file, line, col };
    })
    .sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line || a.col - b.col || a.code.localeCompare(b.code));
}
