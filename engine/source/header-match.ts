/**
 * Real exports spell the documented headers their own way: lower-cased by a script, padded with spaces, with a BOM
 * or a zero-width space glued on, or with the CR of a Windows header line left behind. A header that matches a name
 * the spec knows only after that is read as the spec's name and reported, never dropped; two columns with one name
 * are reported too, because only one of them could be read.
 */
export type HeaderNote =
  | { kind: 'variant'; column: number; found: string; expected: string; reason?: string }
  | { kind: 'duplicate'; name: string; columns: number[] }
  | { kind: 'blank'; column: number };

export interface MatchedHeaders {
  /** The header row with every tolerant match replaced by the spec's spelling. */
  headers: string[];
  notes: HeaderNote[];
}

const INVISIBLE = /[\uFEFF\u200B-\u200D\u2060\u00AD]/g;

/** The form two header spellings are compared in: no invisible characters, single spaces, lower case. */
export function headerKey(header: string): string {
  return header.normalize('NFKC').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * `aliases` are headers as this export writes them to the spec's names; `reasons` says why, by header as written
 * (a relationship column, the engagement's header map), for the note each such reading leaves.
 */
export function matchHeaders(raw: readonly string[], known: readonly string[], aliases: Readonly<Record<string, string>> = {}, reasons: Readonly<Record<string, string>> = {}): MatchedHeaders {
  const aliasByKey = new Map(Object.entries(aliases).map(([found, name]) => [headerKey(found), name]));
  const exact = new Set(known);
  const byKey = new Map<string, string | null>();
  for (const name of known) {
    const key = headerKey(name);
    // Two known names that only differ by case cannot be told apart tolerantly: match neither that way.
    byKey.set(key, byKey.has(key) && byKey.get(key) !== name ? null : name);
  }
  const notes: HeaderNote[] = [];
  const headers = raw.map((found, column) => {
    const trimmed = found.trim();
    const alias = aliasByKey.get(headerKey(found));
    if (alias !== undefined) {
      const reason = reasons[trimmed];
      notes.push({ kind: 'variant', column, found, expected: alias, ...(reason === undefined ? {} : { reason }) });
      return alias;
    }
    if (exact.has(trimmed)) return trimmed;
    const expected = byKey.get(headerKey(found));
    if (expected === undefined || expected === null) {
      const cleaned = found.replace(INVISIBLE, '').trim();
      if (cleaned === '') notes.push({ kind: 'blank', column });
      return cleaned;
    }
    notes.push({ kind: 'variant', column, found, expected });
    return expected;
  });
  const seen = new Map<string, number[]>();
  headers.forEach((h, i) => {
    if (h !== '') seen.set(h, [...(seen.get(h) ?? []), i]);
  });
  for (const [name, columns] of seen) if (columns.length > 1) notes.push({ kind: 'duplicate', name, columns });
  return { headers, notes };
}
