import { describe, it, expect } from 'vitest';
import type { ValuePair } from '../../../engine/spec/generated/pair-spec.js';
import type { Value } from '../../../engine/transforms/transform.js';
import { applyTransforms } from '../../../engine/transforms/registry.js';
import { contextFor, failure, run, type PlatformName } from './fixtures.js';

describe('boolean', () => {
  it.each<[Value, Value]>([
    ['yes', true],
    ['YES', true],
    [' Yes ', true],
    ['true', true],
    ['1', true],
    ['on', true],
    ['Y', true],
    ['checked', true],
    ['no', false],
    ['False', false],
    ['0', false],
    ['OFF', false],
    ['n', false],
    ['Unchecked', false],
    [1, true],
    [0, false],
    [true, true],
    [false, false],
    ['', null],
    [null, null],
  ])('given %j, returns %j', (input, expected) => {
    expect(run('boolean', input)).toBe(expected);
  });

  it.each<[Value, string]>([
    [
      'maybe',
      '"maybe" is not a yes/no value; expected one of yes, true, 1, on, y, checked, no, false, 0, off, n, unchecked',
    ],
    ['oui', 'is not a yes/no value'],
    ['2', 'is not a yes/no value'],
    [2, '2 is not a yes/no value'],
  ])('given %j, throws a TransformError saying %j', (input, message) => {
    expect(failure('boolean', input).message).toContain(message);
  });
});

describe('map', () => {
  const values: ValuePair[] = [
    { from: 'Hot', to: 'Warm Lead' },
    { from: 'cold', to: 'Cold Lead' },
    { from: 'Société', to: 'Company' },
    { from: '1', to: true },
    { from: 'Zero', to: 0 },
  ];
  it.each<[Value, Value]>([
    ['Hot', 'Warm Lead'],
    ['HOT', 'Warm Lead'],
    ['  cold ', 'Cold Lead'],
    ['SOCIÉTÉ', 'Company'],
    ['Socie\u0301te\u0301', 'Company'],
    [1, true],
    ['zero', 0],
    ['', null],
    [null, null],
  ])('given %j, returns %j', (input, expected) => {
    expect(run({ name: 'map', values }, input)).toBe(expected);
  });

  it('given an unmatched value, throws a TransformError listing the known values', () => {
    expect(failure({ name: 'map', values }, 'Lukewarm').message).toBe(
      '"Lukewarm" is not in the value map; known values: "Hot", "cold", "Société", "1", "Zero"',
    );
  });

  it('given an unmatched value and a long table, lists the first ten known values and counts the rest', () => {
    const many = Array.from({ length: 13 }, (_, i) => ({ from: `v${i}`, to: i }));
    expect(failure({ name: 'map', values: many }, 'x').message).toMatch(/"v9" and 3 more$/);
  });

  it('given a table of 250 entries used for many rows, maps each value, any case, to its own entry', () => {
    const countries = Array.from({ length: 250 }, (_, i) => ({ from: `Country ${i} Ö`, to: `C${i}` }));
    const call = { name: 'map', values: countries };
    const inputs = Array.from({ length: 1000 }, (_, i) => (i % 2 === 0 ? `country ${i % 250} ö` : `COUNTRY ${i % 250} O\u0308`));
    expect(inputs.map((input) => run(call, input))).toEqual(inputs.map((_, i) => `C${i % 250}`));
  });

  it('given two entries that differ only in case, takes the first, as reading the table from the top does', () => {
    const call = { name: 'map', values: [{ from: 'Hot', to: 'first' }, { from: 'HOT', to: 'second' }] };
    expect(run(call, 'hot')).toBe('first');
  });
});

describe('tags', () => {
  it.each<[PlatformName, string | undefined, Value, Value]>([
    // Vtiger writes " |##| " between values
    ['vtiger', undefined, 'VIP |##| Partner |##| Reseller', 'VIP;Partner;Reseller'],
    ['vtiger', undefined, 'VIP |##| vip |##|  Partner ', 'VIP;Partner'],
    ['vtiger', undefined, 'Acme, Inc. |##| Beta', 'Acme, Inc.;Beta'],
    // The platform's own separator
    ['us', undefined, 'a;b;;c;', 'a;b;c'],
    ['us', undefined, 'Ünïcödé;ünïcödé;Ελληνικά', 'Ünïcödé;Ελληνικά'],
    // Without one, ; , and |##| are all separators
    ['uk', undefined, 'red, green; blue |##| Red', 'red;green;blue'],
    // call.separator chooses the destination separator
    ['vtiger', ', ', 'VIP |##| Partner', 'VIP, Partner'],
    ['us', '|', 'one;two', 'one|two'],
    ['us', undefined, 'solo', 'solo'],
    ['us', undefined, ' ; ; ', null],
    ['us', undefined, '', null],
  ])('%s: given separator %j and %j, returns %j', (platform, separator, input, expected) => {
    const call = separator === undefined ? { name: 'tags' } : { name: 'tags', separator };
    expect(run(call, input, platform)).toBe(expected);
  });

  it("given no call separator, returns the values joined with the destination's separator", () => {
    expect(applyTransforms('a |##| b', 'tags', contextFor('vtiger', '\n'))).toBe('a\nb');
  });

  it('given a value holding the destination separator, throws a TransformError naming it', () => {
    expect(failure('tags', 'Fish;Chips |##| Peas', 'vtiger').message).toBe(
      'value "Fish;Chips" contains the destination separator ";"',
    );
  });
});
