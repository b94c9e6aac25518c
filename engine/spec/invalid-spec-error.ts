import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SpecDocument } from './spec-document.js';

/**
 * A spec file the engine cannot work from, with its diagnostics as JSON pointers and the parsed documents they point
 * into. The engine stops here; a printer (cli/printers/positioned.ts) turns the pointers into lines and columns.
 */
export class InvalidSpecError extends Error {
  override readonly name: string = 'InvalidSpecError';

  constructor(
    message: string,
    readonly diagnostics: readonly Diagnostic[],
    readonly documents: ReadonlyMap<string, SpecDocument>,
  ) {
    super(message);
  }
}
