import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openCsv } from '../source/csv-file.js';
import type { RunInfo } from '../run/ledger.js';
import { restoreCell } from '../util/spreadsheet-cell.js';

/** Identifies a source row across loads. */
export function rowId(load: string, sourceKey: string): string {
  return `${load}\u0000${sourceKey}`;
}

/**
 * The rows among `wanted` (by `rowId`) that the destination refused in any of the runs: the mapping produced a
 * record, but the destination's own rules turned it down, so it is rightly absent. Refusals are known only from the
 * runs' exceptions files (`runs/<id>/exceptions.csv`, written by apply), which are streamed, keeping only wanted rows.
 */
export async function refusedRows(engagementDir: string, runs: readonly RunInfo[], wanted: ReadonlySet<string>): Promise<Set<string>> {
  const refused = new Set<string>();
  for (const run of runs) {
    const file = join(engagementDir, 'runs', String(run.id), 'exceptions.csv');
    if (!existsSync(file)) continue;
    const csv = await openCsv(file);
    const column = (name: string): number => csv.headers.indexOf(name);
    const [load, sourceKey, status] = [column('load'), column('source_key'), column('status')];
    for await (const { cells } of csv.rows) {
      // The file is written for people: cells that look like formulas carry a quote (util/spreadsheet-cell.ts).
      const cell = (index: number): string => restoreCell(cells[index] ?? '');
      if (cell(status) !== 'failed') continue;
      const id = rowId(cell(load), cell(sourceKey));
      if (wanted.has(id)) refused.add(id);
    }
  }
  return refused;
}
