import { readdirSync, readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { parse } from 'yaml';
import type { ExportFormat } from '../../../engine/spec/generated/platform-spec.js';
import { applyTransforms } from '../../../engine/transforms/registry.js';
import { TransformError, type TransformContext } from '../../../engine/transforms/transform.js';
import { formatDate, formatDateTime, formatMoney, impossibleDate } from '../../../engine/sample/formats.js';

/**
 * The sample generator writes values the way each platform spec says its export does; the transforms must read
 * every one of them back. Reading the real platform specs catches a spec declaring a format the parser cannot read.
 */
const PLATFORMS_DIR = new URL('../../../pairs/platforms/', import.meta.url);
const platforms = readdirSync(PLATFORMS_DIR)
  .filter((file) => file.endsWith('.yaml'))
  .map((file) => parse(readFileSync(new URL(file, PLATFORMS_DIR), 'utf8')) as { id: string; export?: ExportFormat })
  .filter((spec): spec is { id: string; export: ExportFormat } => spec.export !== undefined)
  .map((spec) => [spec.id, spec.export] as const);

const context = (format: ExportFormat): TransformContext => ({ format, stageTables: new Map() });
const INSTANTS = [Date.UTC(2024, 1, 29, 23, 59, 58), Date.UTC(1999, 11, 31, 0, 0, 0), Date.UTC(2031, 6, 4, 9, 5, 7)];
const AMOUNTS = [0, 0.5, 12.34, 1234.5, 1234567.89, -98765.43];

describe.each(platforms)('platform %s', (_id, format) => {
  it.each(INSTANTS)('given a date the export writes for %i, returns its ISO date', (epochMs) => {
    const written = formatDate(epochMs, format);
    expect(applyTransforms(written, 'date', context(format))).toBe(new Date(epochMs).toISOString().slice(0, 10));
  });

  it.each(INSTANTS)('given a date-time the export writes for %i, returns its UTC ISO date-time', (epochMs) => {
    const written = formatDateTime(epochMs, format);
    const expected = new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
    // Formats without seconds lose them; the transform can only give back what was written.
    const precision = format.dateTimeFormat.includes('ss') ? expected : expected.replace(/:\d{2}Z$/, ':00Z');
    expect(applyTransforms(written, 'datetime', context(format))).toBe(precision);
  });

  it.each(AMOUNTS)('given the amount %d as the export writes it, returns the number', (amount) => {
    expect(applyTransforms(formatMoney(amount, format), 'money', context(format))).toBe(amount);
  });

  it.each(['date', 'datetime'] as const)(
    'given an impossible %s in the export format, throws a TransformError',
    (kind) => {
      const written = impossibleDate(format, kind, 2024);
      expect(() => applyTransforms(written, kind, context(format))).toThrow(TransformError);
    },
  );
});
