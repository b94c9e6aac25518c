import { describe, it, expect } from 'vitest';
import type { TransformStep } from '../../../engine/spec/generated/pair-spec.js';
import type { Value } from '../../../engine/transforms/transform.js';
import { TransformError } from '../../../engine/transforms/transform.js';
import { TRANSFORMS, applyTransforms, checkTransformCall, compileTransforms } from '../../../engine/transforms/registry.js';
import { contextFor, run } from './fixtures.js';

/** The names the pairs README documents; the registry must hold exactly these. */
const DOCUMENTED = [
  'trim',
  'lower',
  'upper',
  'title-case',
  'strip-html',
  'date',
  'datetime',
  'money',
  'number',
  'integer',
  'boolean',
  'email',
  'url',
  'phone',
  'split-name',
  'split-address',
  'join',
  'tags',
  'map',
  'stage',
  'default',
  'prefix',
  'first-non-empty',
  'if',
  'currency',
  'exchange-rate',
  'enabled-currency',
];

/** One sound call per transform, so that every one can be run on empty input. */
const SOUND_CALLS: Record<string, TransformStep> = {
  'split-name': { name: 'split-name', part: 'first' },
  'split-address': { name: 'split-address', part: 'city' },
  map: { name: 'map', values: [{ from: 'a', to: 'b' }] },
  stage: { name: 'stage', table: 'deal-stages' },
  default: { name: 'default', value: 'fallback' },
  prefix: { name: 'prefix', value: 'x-' },
};
const soundCall = (name: string): TransformStep => SOUND_CALLS[name] ?? name;

describe('TRANSFORMS', () => {
  it('given the documented names, returns a definition for each and nothing else', () => {
    expect([...TRANSFORMS.keys()].sort()).toEqual([...DOCUMENTED].sort());
  });

  it.each([...TRANSFORMS.values()].map((d) => [d.name, d]))(
    'given %s, returns a definition with a description',
    (name, d) => {
      expect(d.name).toBe(name);
      expect(d.description).toMatch(/\S/);
    },
  );

  // These fill an empty input on purpose: a default value, the engagement's currency and its rate.
  const fillsEmpty = ['default', 'currency', 'exchange-rate', 'enabled-currency'];
  it.each(
    DOCUMENTED.filter((name) => !fillsEmpty.includes(name)).flatMap((name) => [
      [name, ''],
      [name, null],
      [name, '  '],
    ]),
  )('given %s and empty input %j, returns null', (name, input) => {
    expect(run(soundCall(name), input as Value)).toBeNull();
  });
});

describe('applyTransforms', () => {
  it.each<[string, Value | readonly Value[], TransformStep | TransformStep[] | undefined, Value]>([
    ['no steps', 'Acme', undefined, 'Acme'],
    ['no steps and an empty cell', '', undefined, null],
    ['no steps and two columns', ['Jane', 'Doe'], undefined, 'Jane Doe'],
    ['one name', ' Acme ', 'trim', 'Acme'],
    ['a chain', '  JANE   doe ', ['trim', 'title-case'], 'Jane   Doe'],
    ['a chain ending in default', '', ['trim', { name: 'default', value: 'Unknown' }], 'Unknown'],
    ['two columns and a one-value transform', ['jane', 'DOE'], 'title-case', 'Jane Doe'],
    ['two columns with an empty one', ['Jane', '', 'Doe'], 'trim', 'Jane Doe'],
    [
      'two columns and join first',
      ['Springfield', 'IL'],
      [{ name: 'join', separator: ', ' }, 'upper'],
      'SPRINGFIELD, IL',
    ],
    ['two columns and join later', ['a', 'b'], ['upper', { name: 'join', separator: '-' }], 'A B'],
    ['money then default', '', ['money', { name: 'default', value: 0 }], 0],
    ['a number through text transforms', 12, ['trim', { name: 'prefix', value: '#' }], '#12'],
  ])('given %s, returns the expected value', (_title, input, steps, expected) => {
    expect(applyTransforms(input, steps, contextFor('us'))).toBe(expected);
  });

  it('given an unknown transform name, throws a plain Error', () => {
    const thrown = (() => {
      try {
        applyTransforms('x', ['trim', 'sparkle'], contextFor());
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(thrown).toBeInstanceOf(Error);
    expect(thrown).not.toBeInstanceOf(TransformError);
    expect((thrown as Error).message).toBe('unknown transform "sparkle"');
  });

  it('given a failing step in a chain, throws its TransformError', () => {
    expect(() => applyTransforms('13/45/2024', ['trim', 'date'], contextFor('uk'))).toThrow(TransformError);
  });
});

describe('compileTransforms', () => {
  it('given one chain run over many rows, gives each row what applying the chain to it alone gives', () => {
    const steps: TransformStep[] = [{ name: 'join', separator: ', ' }, 'upper'];
    const chain = compileTransforms(steps, contextFor('us'));
    const rows: Value[][] = [['Springfield', 'IL'], ['', 'OR'], ['', ''], ['Zoë', 'Åre']];
    expect(rows.map((row) => chain(row))).toEqual(['SPRINGFIELD, IL', 'OR', null, 'ZOË, ÅRE']);
    expect(rows.map((row) => chain(row))).toEqual(rows.map((row) => applyTransforms(row, steps, contextFor('us'))));
  });

  it('given an unknown transform name, makes the chain and throws only when it runs, then on every row', () => {
    const chain = compileTransforms(['trim', 'sparkle'], contextFor());
    expect(() => chain('x')).toThrow('unknown transform "sparkle"');
    expect(() => chain('y')).toThrow('unknown transform "sparkle"');
  });

  it('given a chain that fails on one row, still maps the next row', () => {
    const chain = compileTransforms(['trim', 'date'], contextFor('uk'));
    expect(() => chain('13/45/2024')).toThrow(TransformError);
    expect(chain(' 05/03/2024 ')).toBe('2024-03-05');
  });
});

describe('checkTransformCall', () => {
  it.each<[TransformStep, string | undefined]>([
    ['trim', undefined],
    ['sparkle', '"sparkle" is not a known transform.'],
    [{ name: 'trim', part: 'first' }, 'Transform "trim" takes no arguments.'],
    [{ name: 'join', part: 'first' }, 'Transform "join" takes no argument "part".'],
    [{ name: 'join' }, undefined],
    [{ name: 'join', separator: '' }, undefined],
    ['split-name', 'Transform "split-name" needs the argument "part" (first or last).'],
    [{ name: 'split-name', part: 'last' }, undefined],
    [
      { name: 'split-name', part: 'middle' },
      '"middle" is not a valid part for transform "split-name"; expected first or last.',
    ],
    [{ name: 'split-address', part: 'postal-code' }, undefined],
    [
      { name: 'split-address', part: 'zip' },
      '"zip" is not a valid part for transform "split-address"; expected street, city, state, postal-code or country.',
    ],
    [{ name: 'stage' }, 'Transform "stage" needs the argument "table".'],
    [{ name: 'stage', table: 'deal-stages' }, undefined],
    [{ name: 'stage', table: 'deal-stages', output: 'outcome' }, undefined],
    [
      { name: 'stage', table: 'deal-stages', output: 'score' as 'stage' },
      '"score" is not a valid output for transform "stage"; expected stage, probability or outcome.',
    ],
    ['map', 'Transform "map" needs the argument "values".'],
    [{ name: 'map', values: [] }, 'Transform "map" needs at least one entry in "values".'],
    [
      {
        name: 'map',
        values: [
          { from: 'Hot', to: 1 },
          { from: 'HOT', to: 2 },
        ],
      },
      'Transform "map" lists the value "HOT" more than once (case is ignored).',
    ],
    ['default', 'Transform "default" needs the argument "value".'],
    [{ name: 'default', value: false }, undefined],
    [{ name: 'prefix', value: 'ID-' }, undefined],
    ['prefix', 'Transform "prefix" needs the argument "value".'],
    [{ name: 'tags', separator: '|' }, undefined],
    [{ name: 'tags', separator: '' }, 'The separator of transform "tags" must not be empty.'],
    [{ name: 'trim', value: 'x' }, 'Transform "trim" takes no arguments.'],
    [{ name: 'date', value: 'x' }, 'Transform "date" takes no argument "value".'],
  ])('given %j, returns %j', (step, expected) => {
    expect(checkTransformCall(step)).toBe(expected);
  });
});
