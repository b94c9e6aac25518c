import { beforeAll, describe, expect, it } from 'vitest';
import { COLUMN_CONFIDENCE, STAGE_CONFIDENCE } from '../../../engine/propose/confidence.js';
import { needsReview, REVIEW_BELOW } from '../../../engine/engagement/review-threshold.js';
import { bundledPairsDir, loadCatalog, type Catalog } from '../../../engine/spec/catalog.js';
import { LABELLED_EXPORTS } from './labelled/index.js';
import { runLabelled, type ColumnOutcome, type StageOutcome } from './labelled/run-labelled.js';

/**
 * The proposer measured on hand-labelled exports of five real shapes: first-choice accuracy, and whether a stated
 * confidence is the rate at which such proposals are right. Prints the figures (run with this file's path).
 */
let columns: ColumnOutcome[] = [];
let stages: StageOutcome[] = [];
let unlabelled: string[] = [];

beforeAll(async () => {
  const catalog: Catalog = await loadCatalog([bundledPairsDir()]);
  for (const ex of LABELLED_EXPORTS) {
    const result = runLabelled(catalog, ex);
    columns.push(...result.columns);
    stages.push(...result.stages);
    unlabelled.push(...result.unlabelled);
  }
});

const share = (right: number, n: number): string => `${right}/${n} = ${n === 0 ? '-' : ((100 * right) / n).toFixed(1)}%`;

function byConfidence(items: { confidence: number; right: boolean }[]): Map<number, { n: number; right: number }> {
  const out = new Map<number, { n: number; right: number }>();
  for (const { confidence, right } of items) {
    const b = out.get(confidence) ?? { n: 0, right: 0 };
    b.n += 1;
    if (right) b.right += 1;
    out.set(confidence, b);
  }
  return new Map([...out].sort((a, b) => b[0] - a[0]));
}

describe('the proposer on the labelled exports', () => {
  it('has a labelled set of at least 200 columns and 60 stage values from at least four export shapes, each with a reason', () => {
    expect(unlabelled).toEqual([]);
    expect(columns.length).toBeGreaterThanOrEqual(200);
    expect(stages.length).toBeGreaterThanOrEqual(60);
    expect(new Set(columns.map((c) => c.shape)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(stages.map((s) => s.shape)).size).toBeGreaterThanOrEqual(4);
    for (const c of columns) expect(c.why, c.name).toMatch(/\w{3}/);
    for (const ex of LABELLED_EXPORTS) for (const s of ex.stages) expect(s.why, s.value).toMatch(/\w{3}/);
  });

  it('gets at least 90% of columns and 95% of stages right at first choice', () => {
    const colRight = columns.filter((c) => c.right).length;
    const stageRight = stages.filter((s) => s.right).length;
    const lines = [`columns: ${share(colRight, columns.length)} right at first choice`];
    for (const shape of new Set(columns.map((c) => c.shape))) {
      const mine = columns.filter((c) => c.shape === shape);
      lines.push(`  ${shape}: ${share(mine.filter((c) => c.right).length, mine.length)}`);
    }
    lines.push(`stages: ${share(stageRight, stages.length)} right at first choice`);
    const misses = [
      ...columns.filter((c) => !c.right).map((c) => `  ${c.shape} ${c.name}: expected ${c.label}, got ${c.decision.action} ${c.decision.to ?? ''} at ${c.decision.confidence} (${c.decision.reason})`),
      ...stages.filter((s) => !s.right).map((s) => `  ${s.shape} stage "${s.value}": expected ${s.expected}, got ${s.decision.stage}/${s.decision.outcome} at ${s.decision.confidence} (${s.decision.reason})`),
    ];
    console.log([...lines, `misses (${misses.length}):`, ...misses].join('\n'));
    expect(colRight / columns.length).toBeGreaterThanOrEqual(0.9);
    expect(stageRight / stages.length).toBeGreaterThanOrEqual(0.95);
  });

  it('states confidences that are measured rates: right at least 90% of the time from 0.8, and flags everything below 0.5', () => {
    const all = [
      ...columns.map((c) => ({ confidence: c.decision.confidence ?? 0, right: c.right, d: c.decision })),
      ...stages.map((s) => ({ confidence: s.decision.confidence ?? 0, right: s.right, d: s.decision })),
    ];
    const lines = ['stated confidence -> right on the labelled set'];
    for (const [confidence, b] of byConfidence(all)) lines.push(`  ${confidence.toFixed(2)}: ${share(b.right, b.n)}`);
    const high = all.filter((x) => x.confidence >= 0.8);
    const middle = all.filter((x) => x.confidence >= REVIEW_BELOW && x.confidence < 0.8);
    const low = all.filter((x) => x.confidence < REVIEW_BELOW);
    lines.push(`at 0.8 or above: ${share(high.filter((x) => x.right).length, high.length)}`);
    lines.push(`0.5 to 0.8: ${share(middle.filter((x) => x.right).length, middle.length)}`);
    lines.push(`below 0.5 (flagged for review): ${share(low.filter((x) => x.right).length, low.length)}`);
    console.log(lines.join('\n'));

    expect(high.length).toBeGreaterThan(0);
    expect(high.filter((x) => x.right).length / high.length).toBeGreaterThanOrEqual(0.9);
    for (const x of low) expect(needsReview(x.d)).toBe(true);
    for (const x of [...high, ...middle]) expect(needsReview(x.d)).toBe(false);
    // The bases stated below 0.5 (guesses with no evidence) are the ones review catches, whether or not this set has one.
    const guesses = Object.entries({ ...COLUMN_CONFIDENCE, ...STAGE_CONFIDENCE }).filter(([, c]) => c < REVIEW_BELOW);
    expect(guesses.map(([b]) => b).sort()).toEqual(['first-stage-guess', 'no-picklist']);
    for (const [, c] of guesses) expect(needsReview({ confidence: c })).toBe(true);
  });

  it('keeps each basis\'s stated confidence within 0.15 of its measured rate wherever the labelled set has 5 or more of it', () => {
    const table: Record<string, number> = { ...COLUMN_CONFIDENCE, ...Object.fromEntries(Object.entries(STAGE_CONFIDENCE).map(([k, v]) => [`stage:${k}`, v])) };
    const rows = [...columns.map((c) => ({ basis: c.basis, right: c.right })), ...stages.map((s) => ({ basis: `stage:${s.basis}`, right: s.right }))];
    const lines = ['basis: right/n, smoothed rate (right+1)/(n+2), stated confidence'];
    let checked = 0;
    for (const basis of [...new Set(rows.map((r) => r.basis))].sort()) {
      const mine = rows.filter((r) => r.basis === basis);
      const right = mine.filter((r) => r.right).length;
      const rate = (right + 1) / (mine.length + 2);
      lines.push(`  ${basis}: ${right}/${mine.length}, ${rate.toFixed(2)}, stated ${table[basis]}`);
      if (mine.length >= 5) {
        checked += 1;
        expect(Math.abs(rate - table[basis]!), basis).toBeLessThanOrEqual(0.15);
      }
    }
    console.log(lines.join('\n'));
    expect(checked).toBeGreaterThanOrEqual(5);
  });

  it('names the evidence in every reason', () => {
    expect(columns.length).toBeGreaterThan(0);
    for (const c of columns) {
      const d = c.decision;
      if (d.action === 'lookup') expect(d.reason, c.name).toMatch(/\d+ of \d+ values are \S+ (keys|names) \(\d+%\)/);
      if (d.action === 'owner') expect(d.reason, c.name).toMatch(/\d+% of its \d+ distinct values are users' (ids|emails|names)/);
      if (d.action === 'key') expect(d.reason, c.name).toMatch(/unique on all \d+ rows/);
      if (d.action === 'map') expect(d.reason, c.name).toMatch(/matches|holds|under another name/);
    }
  });
});
