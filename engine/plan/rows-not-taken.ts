import { KEY_PART_SEPARATOR } from '../source/reference.js';
import type { PlannedLoad } from './migration-plan.js';
import type { NotTaken, ShapeFinding } from './shape-findings.js';

/** How many of the values that left rows out a finding names. */
const VALUES_NAMED = 5;
const FIRST_LINES = 5;

/**
 * Rows of a shared file that none of its loads takes: an activity typed "SMS" when the pair moves calls, emails,
 * meetings and tasks. The spec leaves them out on purpose, but each one is still a record that does not arrive, so
 * it is kept here by line, with the value that left it out, for the run's exceptions and the export check's finding.
 */
export class RowsNotTaken {
  private readonly rows: NotTaken['rows'] = [];
  private readonly column: string;
  private readonly valueAt: number;
  private readonly keyAt: number[];
  private readonly reason: string;

  constructor(loads: readonly PlannedLoad[], headers: readonly string[]) {
    const filtered = loads.filter((l) => l.filter !== undefined);
    this.column = filtered[0]?.filter?.column ?? '';
    this.valueAt = headers.indexOf(this.column);
    this.keyAt = (loads[0]?.keyColumns ?? []).map((c) => headers.indexOf(c));
    const takes = filtered.map((l) => `${l.id} takes ${l.filter?.column} ${l.filter?.written.join(', ')}`);
    this.reason = `no load of the pair takes it: ${takes.join('; ')}`;
  }

  add(cells: readonly string[], line: number): void {
    const cell = (i: number): string => (i < 0 ? '' : (cells[i] ?? '').trim());
    this.rows.push({ line, key: this.keyAt.map(cell).join(KEY_PART_SEPARATOR), value: cell(this.valueAt) });
  }

  /** The rows for the file's account; none when every row was taken. */
  account(): NotTaken | undefined {
    return this.rows.length === 0 ? undefined : { column: this.column, reason: this.reason, rows: this.rows };
  }

  finding(): Omit<ShapeFinding, 'file'> | undefined {
    if (this.rows.length === 0) return undefined;
    const counts = new Map<string, number>();
    for (const row of this.rows) counts.set(row.value, (counts.get(row.value) ?? 0) + 1);
    const named = [...counts].sort((a, b) => b[1] - a[1]).slice(0, VALUES_NAMED);
    const values = named.map(([value, n]) => `${value === '' ? 'blank' : JSON.stringify(value)} (${n})`).join(', ');
    const more = counts.size > named.length ? ` and ${counts.size - named.length} other values` : '';
    return {
      code: 'not-taken',
      severity: 'warning',
      column: this.column,
      message: `${this.rows.length} rows have a ${this.column} no load takes (${values}${more}): they stay behind, each listed in the run's exceptions.csv`,
      lines: this.rows.slice(0, FIRST_LINES).map((r) => r.line),
      count: this.rows.length,
    };
  }
}
