import type { Engagement } from '../engagement/engagement.js';
import { rowGotchas, type GotchaCode, type GotchaHit, type RowGotchas } from './gotcha-rules.js';
import type { MigrationPlan, PlannedLoad } from './migration-plan.js';
import type { ShapeFinding } from './shape-findings.js';

const FIRST_LINES = 5;

/** What each gotcha does to its row at apply, so plan says it before: the row is reported, the rest loads. */
const OUTCOME: Record<GotchaCode, string> = {
  'text-too-long': 'the destination refuses these rows, so they are reported at apply instead of loading: shorten the text or map it to a longer field',
  'unknown-choice-value': "the destination's multi-select does not offer these values: add the options (the schema-change checklist lists them) or map the tags, or the rows are refused",
  'unusable-file': 'the run skips these rows and reports each file',
};

interface Tally {
  column: string;
  count: number;
  lines: number[];
  values: string[];
}

/**
 * One load's gotcha hits while `plan` reads the export (engine/plan/export-check.ts), gathered into one warning per
 * kind and column with its count, first lines and first values: a thousand long names cost one line of the plan.
 */
export class GotchaFindings {
  private readonly rules: RowGotchas;
  private readonly tallies = new Map<string, Tally & { code: GotchaCode }>();
  private readonly columnAt: ReadonlyMap<string, number>;

  constructor(
    engagement: Engagement,
    plan: Pick<MigrationPlan, 'customAttributes'>,
    private readonly load: PlannedLoad,
    headers: readonly string[],
  ) {
    this.rules = rowGotchas(load, engagement, plan);
    this.columnAt = new Map(headers.map((h, i) => [h, i]));
  }

  add(cells: readonly string[], line: number): void {
    if (!this.rules.active) return;
    for (const hit of this.rules.check(cells, (c, column) => c[this.columnAt.get(column) ?? -1] ?? '')) this.tally(hit, line);
  }

  findings(): Omit<ShapeFinding, 'file'>[] {
    return [...this.tallies.values()].map((t) => ({
      code: t.code,
      severity: 'warning',
      load: this.load.id,
      column: t.column,
      value: t.values[0] as string,
      count: t.count,
      lines: t.lines,
      message: `${t.count} ${t.count === 1 ? 'row' : 'rows'} of ${this.load.id}: ${describe(t.code, t.column, t.values)}; ${OUTCOME[t.code]}`,
    }));
  }

  private tally(hit: GotchaHit, line: number): void {
    const id = `${hit.code}\u0000${hit.column}`;
    let tally = this.tallies.get(id);
    if (tally === undefined) {
      tally = { code: hit.code, column: hit.column, count: 0, lines: [], values: [] };
      this.tallies.set(id, tally);
    }
    if (tally.lines.at(-1) !== line) {
      tally.count += 1;
      if (tally.lines.length < FIRST_LINES) tally.lines.push(line);
    }
    const shown = hit.reason ?? hit.value;
    if (tally.values.length < 3 && !tally.values.includes(shown)) tally.values.push(shown);
  }
}

function describe(code: GotchaCode, column: string, values: readonly string[]): string {
  const quoted = values.map((v) => JSON.stringify(v)).join(', ');
  if (code === 'text-too-long') return `${column} is longer than the destination holds (${values.join('; ')})`;
  if (code === 'unknown-choice-value') return `${column} holds tags the destination's multi-select does not offer (${quoted})`;
  return `${column} names files the run cannot send (${values.join('; ')})`;
}
