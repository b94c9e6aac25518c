import { cellCount, extraCells, type CsvRow } from '../source/csv-file.js';
import { ROW_KEY } from '../model/row-key.js';
import { loadColumns } from './load-columns.js';
import type { PlannedLoad } from './migration-plan.js';

/** Why a row cannot be read as its header says, and the columns that tells a person to look at. */
export interface ShapeProblem {
  kind: 'wide' | 'short';
  reason: string;
  column: string;
}

/**
 * Whether a row's cells line up with the header, for one load: the run skips a row that does not, the export check
 * warns of it, and verify expects it absent, all by this one rule. A row is wide when it has filled cells past the
 * header's width (an unquoted delimiter shifted its values), and short when it ends before a column the load reads
 * (a line break inside an unquoted cell cut it, and its missing values are unknown, not blank). Columns no load
 * reads, such as a spreadsheet's empty trailing column, may be missing without harm.
 */
export class RowShape {
  private readonly read: { name: string; index: number }[];
  /** One past the last place read: a row with at least this many cells has every cell the load reads. */
  private readonly reach: number;
  /** The header's width: the reader's row-number column, appended to every row, is not the file's. */
  private readonly width: number;

  constructor(load: PlannedLoad, private readonly headers: readonly string[]) {
    const rowKey = load.keyColumns.includes(ROW_KEY);
    this.read = loadColumns(load)
      .filter((name) => name !== ROW_KEY)
      .map((name) => ({ name, index: headers.indexOf(name) }))
      .filter((c) => c.index >= 0)
      .sort((a, b) => a.index - b.index);
    this.reach = (this.read.at(-1)?.index ?? -1) + 1;
    this.width = headers.length - (rowKey ? 1 : 0);
  }

  problem(row: CsvRow): ShapeProblem | undefined {
    const extra = extraCells(row.cells, this.headers.length);
    if (extra > 0) {
      return { kind: 'wide', column: '', reason: `the row has ${extra} more filled cells than the header has columns (${this.width}): its values are shifted, likely by an unquoted delimiter` };
    }
    const cells = cellCount(row);
    if (cells >= this.reach) return undefined;
    const cut = this.read.filter((c) => c.index >= cells).map((c) => c.name);
    return {
      kind: 'short',
      column: cut.join(', '),
      reason: `the row ends after ${cells} of the header's ${this.width} cells, so it has no ${cut.map((c) => `"${c}"`).join(', ')}: a line break inside an unquoted cell may have cut it, with the rest on the next line`,
    };
  }
}
