import { words } from './normalise.js';

/**
 * What a column's values say about it, beyond its name: whether it is unique on every row (a key), whether its values
 * are another file's keys or names (a reference), and whether they are users (an owner). Computed from an export's
 * values held as tables, so the CLI (reading files) and the labelled-set test (hand-written tables) share it.
 */
export interface ExportTable {
  /** Source object (platform spec name). */
  object: string;
  rows: number;
  /** Values by header, row by row ('' for blank), as far as the reader kept them. */
  columns: ReadonlyMap<string, readonly string[]>;
  /** The platform's key column and name columns for this object. */
  key?: string;
  names?: readonly string[];
  /** Custom columns: the ones evidence is gathered for. */
  custom: readonly string[];
}

/** Ids, emails and names of everyone who can own a record: the export's user table and the destination's users. */
export interface UserDirectory {
  ids: ReadonlySet<string>;
  emails: ReadonlySet<string>;
  names: ReadonlySet<string>;
}

export interface ReferenceEvidence {
  object: string;
  /** Matched against the object's keys or its record names. */
  by: 'key' | 'name';
  /** Share of the column's distinct values found there, and the counts behind it. */
  rate: number;
  matched: number;
  checked: number;
}

export interface ColumnEvidence {
  rows: number;
  filled: number;
  distinct: number;
  /** Filled on every row and never repeated. */
  unique: boolean;
  /** The object's declared key column, and whether this export has it. */
  objectKey?: string;
  objectKeyPresent: boolean;
  /** The first unique, id-named custom column of its file whose values are no other object's keys: the record's key. */
  ownKey: boolean;
  /** The header reads like an identifier (`Id`, `External_Id__c`, `ACCOUNTID`, `(Do Not Modify) Account`). */
  idNamed: boolean;
  /** Other objects whose keys or names the values match, best first (only matches of 30% or more). */
  references: ReferenceEvidence[];
  /** How well the values match users, when they do at all. */
  users?: { by: 'id' | 'email' | 'name'; rate: number; checked: number };
}

export const evidenceId = (object: string, column: string): string => `${object}\u0000${column}`;

/**
 * The columns that name a record, for references by name: the platform's, or, in an export written by another
 * system (a SuiteCRM `Name` where the template expects `Organisation Name`), a header that plainly says name.
 */
export function recordNameColumns(declared: readonly string[], headers: readonly string[]): string[] {
  if (declared.length > 0 && declared.every((c) => headers.includes(c))) return [...declared];
  const plain = headers.find((h) => /^(name|full name)$/i.test(h.trim()));
  return plain === undefined ? [] : [plain];
}

/** A header that names an identifier: the word `id`/`key`/`guid`, or Dynamics' hidden `(Do Not Modify) <Table>`. */
export function idNamed(header: string): boolean {
  if (/^\(do not modify\)/i.test(header.trim())) return !/checksum|modified/i.test(header);
  const w = words(header);
  if (w.some((x) => ['id', 'key', 'guid', 'uuid', 'identifier'].includes(x))) return true;
  return /(^|[a-z])ID$/.test(header.trim()) || /id$/i.test(w.at(-1) ?? '');
}

const fold = (v: string): string => v.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');

function distinctValues(values: readonly string[], clean: (v: string) => string): Set<string> {
  const out = new Set<string>();
  for (const v of values) {
    const c = clean(v);
    if (c !== '') out.add(c);
  }
  return out;
}

function rateOf(values: ReadonlySet<string>, pool: ReadonlySet<string>): { matched: number; rate: number } {
  let matched = 0;
  for (const v of values) if (pool.has(v)) matched += 1;
  return { matched, rate: values.size === 0 ? 0 : matched / values.size };
}

/**
 * Evidence for every custom column of the tables. `clean` turns a cell into the value a reference would match (it
 * strips Vtiger's `Accounts::::` prefix); keys compare exactly, names and users case-insensitively.
 */
export function gatherEvidence(tables: readonly ExportTable[], users: UserDirectory, clean: (cell: string) => string = (c) => c.trim()): Map<string, ColumnEvidence> {
  const base = new Map<string, Omit<ColumnEvidence, 'references' | 'users' | 'ownKey'>>();
  for (const t of tables) {
    for (const column of t.custom) {
      const values = t.columns.get(column) ?? [];
      const filled = values.filter((v) => v.trim() !== '').length;
      const distinct = distinctValues(values, (v) => v.trim()).size;
      base.set(evidenceId(t.object, column), {
        ...(t.key === undefined ? {} : { objectKey: t.key }),
        objectKeyPresent: t.key !== undefined && t.columns.has(t.key),
        rows: t.rows,
        filled,
        distinct,
        unique: t.rows > 0 && filled === t.rows && distinct === filled,
        idNamed: idNamed(column),
      });
    }
  }
  // Every object's keys: its declared key column, and the first custom column that is unique and named like an id
  // (exports put the record's id first; a later unique id column is a 1:1 reference or an external number).
  const idLike = (object: string, column: string): boolean => {
    const e = base.get(evidenceId(object, column));
    return e?.unique === true && e.idNamed;
  };
  const firstIdColumn = new Map(tables.map((t) => [t.object, t.custom.find((c) => idLike(t.object, c))]));
  const keys = new Map<string, { column: string; values: Set<string> }[]>();
  const names = new Map<string, Set<string>>();
  const ownNames = new Map<string, string[]>();
  for (const t of tables) {
    const keyColumns = [t.key, firstIdColumn.get(t.object)];
    keys.set(t.object, keyColumns.filter((c): c is string => c !== undefined && t.columns.has(c)).map((c) => ({ column: c, values: distinctValues(t.columns.get(c)!, (v) => v.trim()) })));
    const nameColumns = (t.names ?? []).filter((c) => t.columns.has(c));
    if (nameColumns.length > 0) {
      const joined = Array.from({ length: t.columns.get(nameColumns[0]!)!.length }, (_, i) => nameColumns.map((c) => t.columns.get(c)![i] ?? '').filter((v) => v.trim() !== '').join(' '));
      names.set(t.object, distinctValues(joined, fold));
      ownNames.set(t.object, joined.map(fold));
    }
  }

  const out = new Map<string, ColumnEvidence>();
  for (const t of tables) {
    for (const column of t.custom) {
      const id = evidenceId(t.object, column);
      const own = base.get(id)!;
      const values = t.columns.get(column) ?? [];
      const exact = distinctValues(values, clean);
      const folded = distinctValues(values, (v) => fold(clean(v)));
      const references: ReferenceEvidence[] = [];
      for (const other of tables) {
        const pools = (keys.get(other.object) ?? []).filter((k) => !(other.object === t.object && k.column === column));
        let best = { matched: 0, rate: 0 };
        for (const k of pools) {
          const r = rateOf(exact, k.values);
          if (r.rate > best.rate) best = r;
        }
        if (best.rate >= 0.3) {
          references.push({ object: other.object, by: 'key', rate: best.rate, matched: best.matched, checked: exact.size });
          continue;
        }
        const pool = names.get(other.object);
        if (pool === undefined) continue;
        // A record's own name is not a reference to itself: on its own file, only values naming another row count.
        const candidates = other.object === t.object ? distinctValues(values.filter((v, i) => fold(clean(v)) !== ownNames.get(t.object)?.[i]), (v) => fold(clean(v))) : folded;
        const byName = rateOf(candidates, pool);
        if (byName.rate >= 0.3 && candidates.size > 0) references.push({ object: other.object, by: 'name', rate: byName.rate, matched: byName.matched, checked: candidates.size });
      }
      references.sort((a, b) => b.rate - a.rate || (a.by === b.by ? 0 : a.by === 'key' ? -1 : 1));
      const byUser = (['id', 'email', 'name'] as const)
        .map((by) => ({ by, ...rateOf(by === 'id' ? exact : folded, by === 'id' ? users.ids : by === 'email' ? users.emails : users.names), checked: by === 'id' ? exact.size : folded.size }))
        .sort((a, b) => b.rate - a.rate)[0]!;
      // The record's own key: the first unique id column, unless its values are another object's keys.
      const ownKey = firstIdColumn.get(t.object) === column && !references.some((r) => r.object !== t.object && r.by === 'key' && r.rate >= 0.5);
      out.set(id, { ...own, ownKey, references, ...(byUser.rate >= 0.3 ? { users: { by: byUser.by, rate: byUser.rate, checked: byUser.checked } } : {}) });
    }
  }
  return out;
}
