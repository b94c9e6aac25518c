import { describe, it, expect } from 'vitest';
import type { TransformStep } from '../../../engine/spec/generated/pair-spec.js';
import { applyTransforms } from '../../../engine/transforms/registry.js';
import { TransformError, type FormatLayer, type TransformContext, type Value } from '../../../engine/transforms/transform.js';
import { FORMATS } from './fixtures.js';

/** A US-formatted platform whose `Deals` object has one column written the European way. */
const EURO_COLUMN: FormatLayer = {
  object: 'Deals',
  column: 'Betrag',
  formats: { decimalSeparator: ',', thousandsSeparator: '.', currency: 'EUR' },
};

function context(layers: FormatLayer[] = [EURO_COLUMN]): TransformContext {
  return {
    format: FORMATS.us,
    stageTables: new Map(),
    formatLayers: layers,
    currency: { code: 'USD', rates: new Map([['EUR', 1.1], ['GBP', 1.25]]) },
  };
}

const read = (value: Value | readonly Value[], step: TransformStep = 'money', column: string | string[] = 'Amount'): Value =>
  applyTransforms(value, step, context(), { object: 'Deals', columns: Array.isArray(column) ? column : [column] });

function failure(value: Value, step: TransformStep = 'money', column = 'Amount'): string {
  try {
    read(value, step, column);
  } catch (error) {
    if (error instanceof TransformError) return error.message;
    throw error;
  }
  throw new Error('expected a TransformError');
}

describe('money as exports write it', () => {
  it.each<[string, number]>([
    ['$342.09K', 342090],
    ['$1.5M', 1500000],
    ['2B', 2000000000],
    ['$22,700.00', 22700],
    ['(1,200.00)', -1200],
    ['($1,200.00)', -1200],
    ['-$0.5k', -500],
    ['9,326.84 ', 9326.84],
    ['\u200b$1,234.56\u200b', 1234.56],
    ['$\u00a01,234.56', 1234.56],
    ['USD 342.09K', 342090],
  ])('given %j in a US column, returns %d', (value, expected) => {
    expect(read(value)).toBe(expected);
  });

  it.each<[string, number]>([
    ['1.234,56 €', 1234.56],
    ['1.234,56\u00a0€', 1234.56],
    ['€ 12,5', 12.5],
    ['(1.200,00 €)', -1200],
    ['342,09K €', 342090],
  ])('given %j in the column declared as 1.234,56, returns %d', (value, expected) => {
    expect(read(value, 'money', 'Betrag')).toBe(expected);
  });

  it('given a European amount in a US column, fails rather than misreading it', () => {
    expect(failure('1.234,56 €')).toBe('"1.234,56 €" is not a number written like 1,234.56');
  });

  it('given a suffix on something that is not a number, fails', () => {
    expect(failure('$K')).toContain('is not a number');
  });
});

describe('currency', () => {
  it.each<[Value, string, string]>([
    ['EUR', 'Currency', 'EUR'],
    ['eur', 'Currency', 'EUR'],
    ['£', 'Currency', 'GBP'],
    ['$342.09K', 'Amount', 'USD'],
    ['1.234,56 €', 'Betrag', 'EUR'],
    // An amount naming no currency is in the column's declared currency, else the engagement's.
    ['1.234,56', 'Betrag', 'EUR'],
    ['1,234.56', 'Amount', 'USD'],
    ['', 'Currency', 'USD'],
    // Dynamics 365 exports write display names.
    ['US Dollar', 'Currency', 'USD'],
    ['Euro', 'Currency', 'EUR'],
    ['british pound', 'Currency', 'GBP'],
  ])('given %j in %s, returns %j', (value, column, expected) => {
    expect(read(value, 'currency', column)).toBe(expected);
  });

  it('given no column at all, returns the engagement currency', () => {
    expect(read([], 'currency', [])).toBe('USD');
  });

  it('given a word that names no currency, fails', () => {
    expect(failure('Dollars', 'currency', 'Currency')).toContain('"Dollars" names no currency');
  });
});

describe('exchange-rate and convert', () => {
  it('given the record currency, returns its units per engagement currency unit', () => {
    expect(read('EUR', 'exchange-rate', 'Currency')).toBeCloseTo(1 / 1.1, 9);
    expect(read('USD', 'exchange-rate', 'Currency')).toBe(1);
  });

  it('given a currency without a rate, says where to add one', () => {
    expect(failure('JPY', 'exchange-rate', 'Currency')).toBe(
      'no exchange rate from JPY to USD: add { code: JPY, rate: … } to options.rates in migration.yaml',
    );
  });

  it('given convert, turns an amount in another currency into the engagement currency', () => {
    expect(read('1.000,00 €', { name: 'money', convert: true }, 'Betrag')).toBe(1100);
    expect(read(['200.00', 'GBP'], { name: 'money', convert: true }, ['Amount', 'Currency'])).toBe(250);
    expect(read('$342.09K', { name: 'money', convert: true })).toBe(342090);
  });
});

describe('enabled-currency', () => {
  it('given a currency the engagement has a rate for, or its own, returns the ISO code', () => {
    expect(read('€', 'enabled-currency', 'Currency')).toBe('EUR');
    expect(read('', 'enabled-currency', 'Currency')).toBe('USD');
  });

  it('given a currency without a rate, refuses it and says where to add one', () => {
    expect(failure('JPY', 'enabled-currency', 'Currency')).toBe(
      'no exchange rate from JPY to USD: add { code: JPY, rate: … } to options.rates in migration.yaml',
    );
  });
});
