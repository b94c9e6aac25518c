import type { ExportFormat } from '../spec/generated/platform-spec.js';
import type { ColumnProfile, InferredType } from './discovery.js';
import { EXAMPLES } from './scratch-store.js';
import { BOOLEAN_WORDS, SHAPES, shapeReader, type Shape, type ShapeReader } from './value-shapes.js';

/** Distinct values kept per column; past this the column is too varied to be a picklist and no more are kept. */
const DISTINCT_CAP = 40;
/** A picklist repeats itself: at most this share of its filled cells may be distinct values. */
const PICKLIST_DISTINCT_SHARE = 0.6;
const PICKLIST_MAX_LABEL = 60;
/** Free text longer than a single-line field holds, or this long on average, reads as notes. */
const SINGLE_LINE_MAX = 255;
const NOTES_AVERAGE = 80;
/** With enough values, a few strays (typos, pasted junk) do not stop a column from having a type. */
const TOLERANCE_FROM = 20;
const TOLERANCE = 0.95;

export interface ColumnTypeResult extends Pick<ColumnProfile, 'type' | 'options' | 'maxLength' | 'filled' | 'rows' | 'samples'> {
  /** Filled cells that do not fit the chosen type, with their lines: bad data, not a different type. */
  strays: { line: number; value: string }[];
  strayCount: number;
}

/**
 * Infers a column's type from its values alone, cell by cell, in constant memory: counts of the shapes seen, a
 * bounded set of distinct values, and lengths. Run on custom columns, whose type nobody wrote down.
 */
export class ColumnProfiler {
  private readonly reader: ShapeReader;
  private readonly shapeCounts = new Map<Shape, number>();
  private readonly distinct = new Map<string, number>();
  private overflow = false;
  private rows = 0;
  private filled = 0;
  private totalLength = 0;
  private maxLength = 0;
  private multiline = false;
  private moneyMarks = 0;
  private roundAmounts = 0;
  private twoPlaces = 0;
  /** The first few cells that do not fit each shape, so that strays can be named once the type is chosen. */
  private readonly misfits = new Map<Shape, { line: number; value: string }[]>(SHAPES.map((s) => [s, []]));

  constructor(format: ExportFormat) {
    this.reader = shapeReader(format);
  }

  add(raw: string, line: number): void {
    this.rows += 1;
    const value = raw.trim();
    if (value === '') return;
    this.filled += 1;
    const length = Array.from(value).length;
    this.totalLength += length;
    this.maxLength = Math.max(this.maxLength, length);
    if (value.includes('\n')) this.multiline = true;
    this.countDistinct(value);
    const shapes = this.reader.shapes(value);
    for (const shape of shapes) this.shapeCounts.set(shape, (this.shapeCounts.get(shape) ?? 0) + 1);
    if (shapes.includes('money')) {
      if (this.reader.looksLikeMoney(value)) this.moneyMarks += 1;
      if (/[.,]\d\d$/.test(value)) this.twoPlaces += 1;
      if (/[.,]00$/.test(value) || /^[^.,]*$/.test(value)) this.roundAmounts += 1;
    }
    for (const [shape, list] of this.misfits) if (list.length < EXAMPLES && !shapes.includes(shape)) list.push({ line, value });
  }

  result(): ColumnTypeResult {
    const type = this.decide();
    const options = type === 'picklist' ? [...this.distinct].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([v]) => v) : undefined;
    const shape = SHAPES.find((s) => s === type);
    const strays = shape === undefined ? [] : (this.misfits.get(shape) ?? []);
    const strayCount = shape === undefined ? 0 : this.filled - (this.shapeCounts.get(shape) ?? 0);
    return {
      type,
      ...(options ? { options } : {}),
      maxLength: this.maxLength,
      filled: this.filled,
      rows: this.rows,
      samples: [...this.distinct.keys()].slice(0, 5),
      strays,
      strayCount,
    };
  }

  private countDistinct(value: string): void {
    if (this.overflow) return;
    const seen = this.distinct.get(value);
    if (seen !== undefined) this.distinct.set(value, seen + 1);
    else if (this.distinct.size < DISTINCT_CAP) this.distinct.set(value, 1);
    else this.overflow = true;
  }

  private fits(shape: Shape): boolean {
    const n = this.shapeCounts.get(shape) ?? 0;
    return n === this.filled || (this.filled >= TOLERANCE_FROM && n >= this.filled * TOLERANCE);
  }

  private decide(): InferredType {
    if (this.filled === 0) return 'text';
    const words = [...this.distinct.keys()].map((v) => v.toLowerCase());
    if (!this.overflow && new Set(words).size <= 2 && this.fits('boolean') && words.every((w) => BOOLEAN_WORDS.has(w))) return 'boolean';
    if (this.fits('integer')) return 'integer';
    if (this.fits('money')) {
      // Without a currency mark, amounts still give themselves away: always two decimals, and mostly round.
      const marked = this.moneyMarks > 0;
      const amountLike = this.twoPlaces === this.filled && this.roundAmounts >= this.filled / 2;
      if (marked || amountLike || !this.fits('decimal')) return 'money';
      return 'decimal';
    }
    for (const shape of ['date', 'datetime', 'email', 'url', 'phone'] as const) if (this.fits(shape)) return shape;
    if (this.multiline || this.maxLength > SINGLE_LINE_MAX || this.totalLength / this.filled >= NOTES_AVERAGE) return 'longtext';
    const repeats = this.distinct.size <= this.filled * PICKLIST_DISTINCT_SHARE && this.filled >= 5;
    if (!this.overflow && repeats && this.maxLength <= PICKLIST_MAX_LABEL) return 'picklist';
    return 'text';
  }
}
