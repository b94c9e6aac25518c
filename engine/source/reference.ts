import type { ExportFormat } from '../spec/generated/platform-spec.js';

/** A reference cell as the source wrote it, split into the module it names (if any) and the value to match. */
export interface Reference {
  module?: string;
  value: string;
  /** Set when a type column chose the load to look in. */
  load?: string;
  /** The type column's value, when the row has one: a value no load answers to is the wrong kind of record. */
  kind?: string;
  /** A composite reference with some of its parts filled and these columns empty: it names no record for sure. */
  emptyParts?: string[];
}

/** Joins the parts of a composite key the way a load's source key joins its key columns. */
export const KEY_PART_SEPARATOR = '|';

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

/**
 * The reference a lookup's columns hold in one row. One column is parsed as the platform writes references; several
 * are the parts of the target's composite key (an order id and a line number), joined as that load's source keys
 * are. All parts empty is no reference; some empty is an incomplete one, which matches nothing and says which.
 */
export function readReference(columns: readonly string[], cell: (column: string) => string, format: ExportFormat | undefined): Reference {
  if (columns.length === 1) return parseReference(cell(columns[0] as string), format);
  const parts = columns.map((c) => cell(c).trim());
  if (parts.every((p) => p === '')) return { value: '' };
  const emptyParts = columns.filter((_, i) => parts[i] === '');
  return { value: parts.join(KEY_PART_SEPARATOR), ...(emptyParts.length === 0 ? {} : { emptyParts }) };
}

/** Values written for "nothing" (`--None--`) read as empty. */
export function nullCells(format: ExportFormat | undefined): ReadonlySet<string> {
  return new Set(format?.nullValues ?? []);
}
