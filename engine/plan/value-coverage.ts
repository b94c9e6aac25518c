import { Rejection, type Coerce } from '../destinations/model/coerce.js';
import { attributeRules } from './attribute-rules.js';
import type { Engagement } from '../engagement/engagement.js';
import { nullCells } from '../source/reference.js';
import { applyTransforms } from '../transforms/registry.js';
import { TransformError, type TransformContext, type Value } from '../transforms/transform.js';
import type { MigrationPlan, PlannedField, PlannedLoad } from './migration-plan.js';
import type { ShapeFinding } from './shape-findings.js';
import { transformContext } from './transform-context.js';

/** Past this many distinct values a column is free text, not a list: value tables are not what it goes through. */
const MAX_DISTINCT = 500;
const FIRST_LINES = 3;
const OPTION_TYPES = new Set(['picklist', 'multipicklist', 'state', 'status', 'boolean']);
const TABLE_TRANSFORMS = new Set(['map', 'stage', 'boolean']);

interface Tally {
  count: number;
  lines: number[];
}

/**
 * Every distinct value of a column that goes through a value table or into an option set, tried before the run the
 * way the run will try it: through the field's transforms, then the destination's value rules. A value either
 * refuses is reported once with its count and first lines, instead of surfacing as thousands of skipped rows.
 */
export class ValueCoverage {
  private readonly fields: { field: PlannedField; at: number[]; values: Map<string, Tally> | undefined; coerce: Coerce | undefined }[];
  private readonly context: TransformContext;
  private readonly nulls: ReadonlySet<string>;

  constructor(
    engagement: Engagement,
    plan: Pick<MigrationPlan, 'stageTables'>,
    private readonly load: PlannedLoad,
    headers: readonly string[],
  ) {
    this.context = transformContext(engagement, plan);
    this.nulls = nullCells(engagement.source.spec.export);
    const rule = attributeRules(engagement);
    this.fields = load.fields
      .filter((field) => field.columns.length > 0)
      .flatMap((field) => {
        const attribute = engagement.destination.field(load.object, field.to);
        const tabled = field.steps.some((s) => TABLE_TRANSFORMS.has(typeof s === 'string' ? s : s.name));
        if (!tabled && !OPTION_TYPES.has(attribute?.type ?? '')) return [];
        const at = field.columns.map((c) => headers.indexOf(c));
        if (at.some((i) => i < 0)) return [];
        const coerce = rule(load.object, field.to);
        return [{ field, at, values: new Map<string, Tally>(), coerce }];
      });
  }

  add(cells: readonly string[], line: number): void {
    for (const entry of this.fields) {
      if (entry.values === undefined) continue;
      const key = entry.at.map((i) => this.cell(cells[i] ?? '')).join('\u0000');
      const tally = entry.values.get(key);
      if (tally !== undefined) {
        tally.count += 1;
        if (tally.lines.length < FIRST_LINES) tally.lines.push(line);
      } else if (entry.values.size >= MAX_DISTINCT) entry.values = undefined;
      else entry.values.set(key, { count: 1, lines: [line] });
    }
  }

  refused(): Omit<ShapeFinding, 'file'>[] {
    const out: Omit<ShapeFinding, 'file'>[] = [];
    for (const { field, values, coerce } of this.fields) {
      if (values === undefined) continue;
      for (const [key, tally] of values) {
        const inputs = key.split('\u0000');
        const problem = this.problem(field, inputs, coerce);
        if (problem === undefined) continue;
        const column = field.columns.join(' + ');
        const outcome = field.onError === 'blank' ? `the row loads without ${field.to}` : field.onError === 'hold' ? 'the row is held' : 'the row is skipped';
        out.push({
          code: 'refused-value',
          severity: field.onError === 'blank' ? 'warning' : 'blocker',
          load: this.load.id,
          column,
          value: inputs.join(' '),
          count: tally.count,
          lines: tally.lines,
          message: `${column} value ${JSON.stringify(inputs.join(' '))} (${tally.count} rows) cannot be written to ${this.load.object}.${field.to}: ${problem}; ${outcome}. Add it to the value table or the engagement's decisions`,
        });
      }
    }
    return out;
  }

  private problem(field: PlannedField, inputs: string[], coerce: Coerce | undefined): string | undefined {
    let out: Value;
    try {
      const input: Value | Value[] = inputs.length === 1 ? (inputs[0] as string) : inputs;
      out = applyTransforms(input, field.steps, this.context, { object: this.load.sourceObject, columns: field.columns });
    } catch (error) {
      if (error instanceof TransformError) return error.message;
      throw error;
    }
    if (out === null && field.value !== undefined) out = field.value;
    const result = coerce?.(out);
    return result instanceof Rejection ? result.message : undefined;
  }

  private cell(raw: string): string {
    return this.nulls.has(raw.trim()) ? '' : raw;
  }
}
