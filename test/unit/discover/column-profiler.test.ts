import { describe, expect, it } from 'vitest';
import { ColumnProfiler } from '../../../engine/discover/column-profiler.js';
import type { ExportFormat } from '../../../engine/spec/generated/platform-spec.js';

const US: ExportFormat = { method: 'CSV', dateFormat: 'MM/DD/YYYY', dateTimeFormat: 'MM/DD/YYYY HH:mm', references: 'id', owners: 'email', decimalSeparator: '.', thousandsSeparator: ',', currencySymbol: '$' };
const BARE: ExportFormat = { method: 'CSV', dateFormat: 'YYYY-MM-DD', dateTimeFormat: 'YYYY-MM-DDTHH:mm:ss.000Z', references: 'id', owners: 'email', decimalSeparator: '.', thousandsSeparator: '' };

function profile(values: readonly string[], format: ExportFormat = US) {
  const profiler = new ColumnProfiler(format);
  values.forEach((v, i) => profiler.add(v, i + 2));
  return profiler.result();
}

describe('inferring a custom column type from its values', () => {
  it.each([
    ['whole numbers', ['12', '0', '431', '', '7'], 'integer'],
    ['amounts with a currency symbol', ['$1,200.00', '$85.50', '$12,000.00'], 'money'],
    ['plain decimals', ['12.31', '0.55', '998.02', '4.70'], 'decimal'],
    ['dates in the export format', ['03/14/2021', '12/01/2019', ''], 'date'],
    ['date-times in the export format', ['03/14/2021 09:30', '12/01/2019 17:05'], 'datetime'],
    ['ISO dates in any export', ['2021-03-14', '2019-12-01'], 'date'],
    ['yes/no words', ['Yes', 'No', 'yes', ''], 'boolean'],
    ['emails', ['a.b@example.com', 'x@y.example'], 'email'],
    ['web addresses', ['https://acme.example/en', 'www.acme.example'], 'url'],
    ['phone numbers', ['+44 20 7946 0958', '(555) 123-4567'], 'phone'],
    ['multi-line notes', ['first line\nsecond line', 'short'], 'longtext'],
    ['unique codes', ['AB-1', 'CD-2', 'EF-3', 'GH-4', 'IJ-5', 'KL-6'], 'text'],
  ] as const)('reads %s as the right type', (_name, values, type) => {
    expect(profile(values).type).toBe(type);
  });

  it('reads a short repeating vocabulary as a picklist, options most frequent first', () => {
    const result = profile(['North', 'South', 'North', 'East', 'North', 'South', '', 'East', 'North']);
    expect(result).toMatchObject({ type: 'picklist', options: ['North', 'East', 'South'] });
  });

  it('tells money from decimals without a currency symbol: amounts are mostly round and always have two places', () => {
    expect(profile(['125000.00', '4300.00', '18250.50', '99000.00'], BARE).type).toBe('money');
    expect(profile(['12.31', '0.55', '998.02', '4.70'], BARE).type).toBe('decimal');
  });

  it('keeps a type despite a few strays, and names them by line', () => {
    const values = Array.from({ length: 40 }, (_, i) => `0${(i % 9) + 1}/1${i % 9}/2020`);
    values[17] = 'not a date';
    const result = profile(values);
    expect(result.type).toBe('date');
    expect(result.strayCount).toBe(1);
    expect(result.strays).toEqual([{ line: 19, value: 'not a date' }]);
  });

  it('counts filled cells and the longest value in characters, not bytes', () => {
    const result = profile(['日本語', '', 'Deutsch']);
    expect(result).toMatchObject({ filled: 2, rows: 3, maxLength: 7 });
  });
});
