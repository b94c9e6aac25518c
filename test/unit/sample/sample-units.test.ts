import { describe, expect, it } from 'vitest';
import { formatDateTime, formatMoney, impossibleDate, formatParts } from '../../../engine/sample/formats.js';
import { salesforceId } from '../../../engine/sample/record-keys.js';
import { salesforceSuffix } from '../../../engine/util/salesforce-ids.js';
import { hashString, mix, Rng } from '../../../engine/util/rng.js';
import { companyName, dealName, personName } from '../../../engine/sample/unique-names.js';
import { parseNumber } from '../../../engine/transforms/numbers.js';
import { parseWithFormat } from '../../../engine/transforms/date-format.js';
import type { ExportFormat } from '../../../engine/spec/generated/platform-spec.js';

const US: ExportFormat = { method: 'csv', dateFormat: 'MM/DD/YYYY', dateTimeFormat: 'MM/DD/YYYY HH:mm', references: 'id', owners: 'email', currencySymbol: '$', thousandsSeparator: ',', decimalSeparator: '.' };
const EU: ExportFormat = { ...US, dateFormat: 'DD.MM.YYYY', dateTimeFormat: 'DD.MM.YYYY HH:mm:ss', currencySymbol: '€', thousandsSeparator: '.', decimalSeparator: ',' };
const SF: ExportFormat = { ...US, dateFormat: 'YYYY-MM-DD', dateTimeFormat: 'YYYY-MM-DDTHH:mm:ss.000Z', thousandsSeparator: '', currencySymbol: '' };

describe('sample value formats', () => {
  it.each([US, EU, SF])('given the format $dateTimeFormat, returns date-times the engine parses back to the same instant', (format) => {
    const epoch = Date.UTC(2023, 10, 5, 14, 7, 9);
    const parsed = parseWithFormat(formatDateTime(epoch, format), format.dateTimeFormat);
    expect(parsed).toMatchObject({ year: 2023, month: 11, day: 5, hour: 14, minute: 7 });
  });

  it.each([US, EU, SF])('given the format $dateFormat, returns an impossible date the engine rejects as no day', (format) => {
    const parsed = parseWithFormat(impossibleDate(format, 'date', 2024), format.dateFormat);
    expect(parsed).toHaveProperty('problem');
  });

  it('given literal letters in a format, returns them untouched', () => {
    expect(formatParts({ year: 2024, month: 3, day: 7, hour: 14, minute: 5, second: 9 }, 'YYYY-MM-DDTHH:mm:ss.000Z')).toBe('2024-03-07T14:05:09.000Z');
  });

  it.each([
    [US, 1234567.5, '$1,234,567.50'],
    [EU, 1234567.5, '€1.234.567,50'],
    [SF, 1234567.5, '1234567.50'],
    [US, 999, '$999.00'],
  ])('given an amount in %#, returns the platform money format the money transform reads back', (format, amount, text) => {
    expect(formatMoney(amount, format)).toBe(text);
    expect(parseNumber(text, format, { allowPercent: false })).toBe(amount);
  });
});

describe('sample record keys', () => {
  it('given a 15-character id without capitals, returns the suffix AAA', () => {
    expect(salesforceSuffix('001000000000001')).toBe('AAA');
  });

  it('given ids that differ only in case, returns different suffixes', () => {
    expect(salesforceSuffix('001Ab0000000001')).not.toBe(salesforceSuffix('001ab0000000001'));
  });

  it('given consecutive indexes, returns distinct 18-character ids with the object prefix', () => {
    const ids = Array.from({ length: 5000 }, (_, i) => salesforceId('003', i));
    expect(new Set(ids.map((id) => id.toLowerCase())).size).toBe(ids.length);
    for (const id of ids.slice(0, 50)) expect(id).toMatch(/^003[0-9A-Za-z]{15}$/);
  });
});

describe('sample names', () => {
  it('given 100,000 indexes, returns 100,000 distinct company names', () => {
    const names = new Set(Array.from({ length: 100_000 }, (_, i) => companyName(i, 12345)));
    expect(names.size).toBe(100_000);
  });

  it('given 100,000 indexes, returns 100,000 distinct full names', () => {
    const names = new Set(Array.from({ length: 100_000 }, (_, i) => {
      const p = personName(i, 999);
      return `${p.first} ${p.last}`;
    }));
    expect(names.size).toBe(100_000);
  });

  it('given 20,000 indexes, returns 20,000 distinct deal names', () => {
    expect(new Set(Array.from({ length: 20_000 }, (_, i) => dealName(i, 7))).size).toBe(20_000);
  });
});

describe('sample randomness', () => {
  it('given the same seed, returns the same sequence; given another, a different one', () => {
    const draw = (seed: number): number[] => {
      const rng = new Rng(mix(seed, hashString('contact'), 3));
      return Array.from({ length: 5 }, () => rng.int(0, 1_000_000));
    };
    expect(draw(1)).toEqual(draw(1));
    expect(draw(1)).not.toEqual(draw(2));
  });
});
