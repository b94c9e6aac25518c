import type { StageRow } from '../spec/generated/pair-spec.js';
import { findStage } from '../transforms/stages.js';
import type { StageProfile } from './discovery.js';

/**
 * Distinct stage values per load, stage column and pipeline, with counts. Stages are a short list (a pipeline has a
 * handful), so they are counted in memory; the order follows the pair's stage table, which lists stages in board
 * order, with stages the table does not know last, most frequent first.
 */
export class StageAudit {
  private readonly tallies = new Map<string, { profile: Omit<StageProfile, 'values'>; table: readonly StageRow[]; counts: Map<string, number> }>();

  add(at: { load: string; column: string; pipeline?: string; table: readonly StageRow[] }, value: string): void {
    const stage = value.trim();
    if (stage === '') return;
    const id = `${at.load}\u0000${at.column}\u0000${at.pipeline ?? ''}`;
    let tally = this.tallies.get(id);
    if (tally === undefined) {
      tally = { profile: { load: at.load, column: at.column, ...(at.pipeline === undefined ? {} : { pipeline: at.pipeline }) }, table: at.table, counts: new Map() };
      this.tallies.set(id, tally);
    }
    tally.counts.set(stage, (tally.counts.get(stage) ?? 0) + 1);
  }

  profiles(): StageProfile[] {
    return [...this.tallies.values()].map(({ profile, table, counts }) => {
      const rank = (value: string): number => {
        const row = findStage(table, value);
        return row === undefined ? table.length : table.indexOf(row);
      };
      const values = [...counts].map(([value, count]) => ({ value, count }));
      values.sort((a, b) => rank(a.value) - rank(b.value) || b.count - a.count || a.value.localeCompare(b.value));
      return { ...profile, values };
    });
  }
}
