import type { PlannedLoad } from '../plan/migration-plan.js';
import type { StageRow } from '../spec/generated/pair-spec.js';
import { findStage } from '../transforms/stages.js';
import type { StageProfile } from './discovery.js';

/** A field of a load that goes through a stage table: one column, or several (status plus stage) joined. */
export interface StageField {
  columns: string[];
  table: readonly StageRow[];
}

/**
 * The stage fields of a load, once per distinct column set. Several `from` columns reach the stage transform joined
 * with a space (see `singleInput`), so that joined value is what the stage table must hold and what is counted here.
 */
export function stageFields(load: PlannedLoad, tables: ReadonlyMap<string, readonly StageRow[]>): StageField[] {
  const out = new Map<string, StageField>();
  for (const f of load.fields) {
    const step = f.steps.find((s) => typeof s !== 'string' && s.name === 'stage');
    const table = step === undefined || typeof step === 'string' ? undefined : tables.get(step.table ?? '');
    if (table === undefined || f.columns.length === 0) continue;
    out.set(f.columns.join('\u0000'), { columns: [...f.columns], table });
  }
  return [...out.values()];
}

/** Exports that say how likely a deal is to close do so in a column named for it. */
export function probabilityColumn(headers: readonly string[]): string | undefined {
  return headers.find((h) => /^(win\s*)?probabilit(y|é|at)\b|^probability\s*\(%\)$/i.test(h.trim()));
}

interface Tally {
  profile: Omit<StageProfile, 'values'>;
  table: readonly StageRow[];
  counts: Map<string, { count: number; parts?: string[]; probabilitySum: number; probabilities: number }>;
}

/**
 * Distinct stage values per load, stage column(s) and pipeline, with counts and the export's own probability where it
 * has one. Stages are a short list (a pipeline has a handful), so they are counted in memory; the order follows the
 * pair's stage table, which lists stages in board order, with stages the table does not know last, most frequent first.
 */
export class StageAudit {
  private readonly tallies = new Map<string, Tally>();

  /** One row's stage: `values` are the field's columns' cells, in the field's column order. */
  add(at: { load: string; columns: readonly string[]; pipeline?: string; table: readonly StageRow[]; probability?: string }, values: readonly string[]): void {
    const parts = values.map((v) => v.trim());
    const stage = parts.filter((p) => p !== '').join(' ');
    if (stage === '') return;
    const column = at.columns.join(' + ');
    const id = `${at.load}\u0000${column}\u0000${at.pipeline ?? ''}`;
    let tally = this.tallies.get(id);
    if (tally === undefined) {
      const profile = { load: at.load, column, ...(at.columns.length > 1 ? { columns: [...at.columns] } : {}), ...(at.pipeline === undefined ? {} : { pipeline: at.pipeline }) };
      tally = { profile, table: at.table, counts: new Map() };
      this.tallies.set(id, tally);
    }
    const entry = tally.counts.get(stage) ?? { count: 0, ...(at.columns.length > 1 ? { parts } : {}), probabilitySum: 0, probabilities: 0 };
    entry.count += 1;
    const p = Number.parseFloat((at.probability ?? '').replace('%', '').replace(',', '.'));
    if (Number.isFinite(p) && p >= 0 && p <= 100) {
      entry.probabilitySum += p;
      entry.probabilities += 1;
    }
    tally.counts.set(stage, entry);
  }

  profiles(): StageProfile[] {
    return [...this.tallies.values()].map(({ profile, table, counts }) => {
      const rank = (value: string): number => {
        const row = findStage(table, value);
        return row === undefined ? table.length : table.indexOf(row);
      };
      const values = [...counts].map(([value, e]) => ({
        value,
        count: e.count,
        ...(e.parts === undefined ? {} : { parts: e.parts }),
        ...(e.probabilities === 0 ? {} : { probability: Math.round(e.probabilitySum / e.probabilities) }),
      }));
      values.sort((a, b) => rank(a.value) - rank(b.value) || b.count - a.count || a.value.localeCompare(b.value));
      return { ...profile, values };
    });
  }
}
