import type { ExportFormat } from '../spec/generated/platform-spec.js';

/** A reference cell as the source wrote it, split into the module it names (if any) and the value to match. */
export interface Reference {
  module?: string;
  value: string;
  /** Set when a type column chose the load to look in. */
  load?: string;
  /** The type column's value, when the row has one: a value no load answers to is the wrong kind of record. */
  kind?: string;
}

/**
 * Vtiger writes references as `Accounts::::Acme Inc`; every other platform writes the bare id, name or email. The
 * platform spec says which, so pair specs never have to strip prefixes themselves.
 */
export function parseReference(cell: string, format: ExportFormat | undefined): Reference {
  const trimmed = cell.trim();
  if (format?.references === 'module-label') {
    const at = trimmed.indexOf('::::');
    if (at >= 0) return { module: trimmed.slice(0, at), value: trimmed.slice(at + 4).trim() };
  }
  return { value: trimmed };
}

/** Values written for "nothing" (`--None--`) read as empty. */
export function nullCells(format: ExportFormat | undefined): ReadonlySet<string> {
  return new Set(format?.nullValues ?? []);
}
