import { ROW_KEY } from '../model/row-key.js';
import { loadColumns } from './load-columns.js';
import type { PlannedLoad } from './migration-plan.js';

/**
 * The columns a load reads, by their place in the file's header, so that a row ending before one of them is caught.
 * Such a row was cut short, most often by a line break inside an unquoted cell: its missing values are unknown, not
 * blank, and loading it would write them as blank without a word. Columns no load reads (a spreadsheet's empty
 * trailing column) may be missing from a row without harm.
 */
export class ReadColumns {
  private readonly read: { name: string; index: number }[];
  /** One past the last place read: a row with at least this many cells has every cell the load reads. */
  private readonly reach: number;

  constructor(load: PlannedLoad, headers: readonly string[]) {
    // The row-number column is the reader's own, appended to every row whatever its length.
    this.read = loadColumns(load)
      .filter((name) => name !== ROW_KEY)
      .map((name) => ({ name, index: headers.indexOf(name) }))
      .filter((c) => c.index >= 0)
      .sort((a, b) => a.index - b.index);
    this.reach = (this.read.at(-1)?.index ?? -1) + 1;
  }

  /** The columns read that lie past a row of `cellCount` cells; none for a row that has them all. */
  pastEnd(cellCount: number): string[] {
    if (cellCount >= this.reach) return [];
    return this.read.filter((c) => c.index >= cellCount).map((c) => c.name);
  }
}
