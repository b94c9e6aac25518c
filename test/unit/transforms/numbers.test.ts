import { describe, it, expect } from 'vitest';
import type { Value } from '../../../engine/transforms/transform.js';
import { failure, run, type PlatformName } from './fixtures.js';

describe('money', () => {
  it.each<[PlatformName, Value, Value]>([
    ['us', '1200', 1200],
    ['us', '1,200.50', 1200.5],
    ['us', '$1,200.50', 1200.5],
    ['us', '$ 1,200.50', 1200.5],
    ['us', '-$1,200.50', -1200.5],
    ['us', '$-1,200.50', -1200.5],
    ['us', '($1,200.50)', -1200.5],
    ['us', '$(1,200.50)', -1200.5],
    ['us', '−75', -75],
    ['us', '+75', 75],
    ['us', 'USD 1,200', 1200],
    ['us', '1,200 USD', 1200],
    ['us', '£99.99', 99.99],
    ['us', '€ 5', 5],
    ['us', '1,234,567.891', 1234567.891],
    ['us', '1,00,000.00', 100000],
    ['us', '.5', 0.5],
    ['us', '0', 0],
    ['us', '-0.00', 0],
    ['uk', '£1,200.00', 1200],
    ['german', '1.234,56 €', 1234.56],
    ['german', '-1.234,56', -1234.56],
    ['german', 'EUR 12,50', 12.5],
    ['german', '1234,5', 1234.5],
    ['french', '1 234 567,89', 1234567.89],
    ['french', '1\u202f234,50', 1234.5],
    ['french', '1\u00a0234,50 €', 1234.5],
    ['swiss', "CHF 1'234.50", 1234.5],
    ['swiss', '1’234.50', 1234.5],
    ['compact', '1234567.5', 1234567.5],
    ['us', 1500, 1500],
    ['us', '', null],
    ['us', null, null],
  ])('%s: given %j, returns %j', (platform, input, expected) => {
    expect(run('money', input, platform)).toBe(expected);
  });

  it.each<[PlatformName, Value, string]>([
    ['us', 'abc', '"abc" is not a number written like 1,234.56'],
    ['us', 'n/a', 'is not a number'],
    ['us', '12,50', '"12,50" is not a number written like 1,234.56'],
    ['us', '1,2345', 'is not a number'],
    ['us', '1.200.000', 'is not a number'],
    ['us', '--5', 'is not a number'],
    ['us', '-(5)', 'is not a number'],
    ['us', '5-', 'is not a number'],
    ['us', '1 200', 'is not a number'],
    ['us', '1e5', 'is not a number'],
    ['us', '5.', 'is not a number'],
    ['us', '50%', 'is not a number'],
    ['german', '1,234.56', '"1,234.56" is not a number written like 1.234,56'],
    ['compact', '1,234', 'is not a number written like 1234.56'],
    ['us', true, 'true is not a number'],
    ['us', '¥100', 'is not a number'],
  ])('%s: given %j, throws a TransformError saying %j', (platform, input, message) => {
    expect(failure('money', input, platform).message).toContain(message);
  });
});

describe('number', () => {
  it.each<[PlatformName, Value, Value]>([
    ['us', '3.14159', 3.14159],
    ['us', '-42', -42],
    ['us', '50%', 50],
    ['us', '12.5 %', 12.5],
    ['german', '0,75', 0.75],
    ['us', '', null],
  ])('%s: given %j, returns %j', (platform, input, expected) => {
    expect(run('number', input, platform)).toBe(expected);
  });

  it.each<[PlatformName, Value, string]>([
    ['us', 'twelve', '"twelve" is not a number'],
    ['us', '%', 'is not a number'],
  ])('%s: given %j, throws a TransformError saying %j', (platform, input, message) => {
    expect(failure('number', input, platform).message).toContain(message);
  });
});

describe('integer', () => {
  it.each<[PlatformName, Value, Value]>([
    ['us', '1,250', 1250],
    ['us', '12.00', 12],
    ['german', '1.250', 1250],
    ['us', '(3)', -3],
    ['us', 7, 7],
    ['us', null, null],
  ])('%s: given %j, returns %j', (platform, input, expected) => {
    expect(run('integer', input, platform)).toBe(expected);
  });

  it.each<[PlatformName, Value, string]>([
    ['us', '12.5', '"12.5" is not a whole number'],
    ['german', '1,5', '"1,5" is not a whole number'],
    ['us', 2.5, '2.5 is not a whole number'],
    ['us', 'many', 'is not a number'],
  ])('%s: given %j, throws a TransformError saying %j', (platform, input, message) => {
    expect(failure('integer', input, platform).message).toContain(message);
  });
});
