import type { PlannedLoad } from '../plan/migration-plan.js';

/** Decides which rows of a shared file a load takes (calls versus meetings in one activities file). */
export class RowFilter {
  private readonly index: number;

  constructor(
    private readonly load: Pick<PlannedLoad, 'filter'>,
    headers: readonly string[],
  ) {
    this.index = load.filter ? headers.indexOf(load.filter.column) : -1;
  }

  belongsHere(cells: readonly string[]): boolean {
    const filter = this.load.filter;
    if (filter === undefined) return true;
    const value = this.index < 0 ? '' : (cells[this.index] ?? '');
    return filter.values.has(value.trim().toLowerCase());
  }
}
