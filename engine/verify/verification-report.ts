import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { renderTemplate } from '../render/render.js';
import type { AttributeValue } from '../destinations/model/value-diff.js';

export const VERIFY_DIR = 'verify';

/** One load's share of the check. Every sampled row is either checked or not loaded. */
export interface LoadVerification {
  load: string;
  object: string;
  file: string;
  /** Rows the sample was drawn from (after the load's filter and, with a run given, the rows that run wrote). */
  rows: number;
  sampled: number;
  /** Sampled rows compared with the destination: those that should be there, and those that are but should not. */
  checked: number;
  /** Checked records that hold exactly what the mapping produces. */
  matching: number;
  /** Checked records with at least one mismatch (a wrong value, or a record missing or there without reason). */
  mismatching: number;
  /** Sampled rows rightly absent: skipped, held or refused, as the run's exceptions say. */
  notLoaded: number;
}

/** One wrong attribute, or (with `field` empty and a `reason`) a record missing or present when it should not be. */
export interface Mismatch {
  load: string;
  object: string;
  file: string;
  line: number;
  sourceKey: string;
  /** The destination record's id, when there is one. */
  id: string | null;
  field: string;
  expected: AttributeValue;
  actual: AttributeValue;
  reason?: string;
}

export interface VerificationReport {
  pair: string;
  /** The destination's label, which never holds secrets. */
  target: string;
  /** The run whose rows were checked, or null for the destination's current state. */
  run: number | null;
  seed: number;
  /** Rows asked for in all. */
  sampleSize: number;
  checkedAt: string;
  loads: LoadVerification[];
  totals: { checked: number; matching: number; mismatching: number; notLoaded: number };
  mismatches: Mismatch[];
  /** Where the report was written, relative to the engagement folder. */
  files: { json: string; markdown: string };
  /** Why nothing was checked, when nothing was. */
  refused?: string;
}

/** A value for people: empty shown as such, text quoted so that spaces show, long values cut. */
export function displayValue(value: AttributeValue): string {
  if (value === null) return '(empty)';
  const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

/** Where a mismatch is and what is wrong, as one line of text; the shape every mismatch is listed in. */
export function describeMismatch(m: Mismatch): string {
  const what = m.field === '' ? (m.reason ?? '') : `${m.field}: ${m.reason ?? `expected ${displayValue(m.expected)}, actual ${displayValue(m.actual)}`}`;
  return `${m.file}:${m.line} ${m.load} ${m.sourceKey} ${what}`;
}

/** Writes `verify/<name>/verification.json` and `verification.md` into the engagement folder; sets `report.files`. */
export function writeVerification(engagementDir: string, name: string, report: VerificationReport): void {
  const dir = join(engagementDir, VERIFY_DIR, name);
  mkdirSync(dir, { recursive: true });
  const json = join(dir, 'verification.json');
  const markdown = join(dir, 'verification.md');
  report.files = { json: relative(engagementDir, json), markdown: relative(engagementDir, markdown) };
  writeFileSync(json, `${JSON.stringify(report, null, 2)}\n`);
  const mismatches = report.mismatches.map((m) => ({
    ...m,
    where: `${m.file}:${m.line}`,
    id: m.id ?? '',
    problem: m.field === '' ? (m.reason ?? '') : m.field,
    expectedText: m.field === '' ? '' : displayValue(m.expected),
    actualText: m.field === '' ? '' : displayValue(m.actual),
  }));
  writeFileSync(markdown, renderTemplate('verification.md.hbs', { ...report, mismatches }, 'markdown'));
}
