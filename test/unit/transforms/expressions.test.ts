import { describe, it, expect } from 'vitest';
import type { TransformStep } from '../../../engine/spec/generated/pair-spec.js';
import type { Value } from '../../../engine/transforms/transform.js';
import { checkTransformCall } from '../../../engine/transforms/registry.js';
import { run } from './fixtures.js';

describe('first-non-empty', () => {
  const closeDate: TransformStep[] = ['first-non-empty', 'date'];
  it.each<[readonly Value[], Value]>([
    [['04/30/2021', '05/15/2021'], '2021-04-30'],
    [['', '05/15/2021'], '2021-05-15'],
    [['   ', '05/15/2021'], '2021-05-15'],
    [[null, '05/15/2021'], '2021-05-15'],
    [['', ''], null],
  ])('close date = actual, else expected: given %j, returns %j', (inputs, expected) => {
    expect(run(closeDate, inputs)).toBe(expected);
  });

  it('given three columns, takes the first one with a value, trimmed', () => {
    expect(run('first-non-empty', ['', ' b ', 'c'])).toBe('b');
  });
});

describe('if', () => {
  const won: TransformStep = { name: 'if', in: ['Closed Won', 'closed lost'], value: 1, otherwise: 0 };
  it.each<[Value, Value]>([
    ['Closed Won', 1],
    ['CLOSED LOST', 1],
    ['Negotiation', 0],
    ['', 0],
  ])('a constant by condition: given stage %j, returns %j', (stage, expected) => {
    expect(run(won, stage)).toBe(expected);
  });

  it('given no `in`, tests whether the first column has a value', () => {
    const hasPhone: TransformStep = { name: 'if', value: 'Yes', otherwise: 'No' };
    expect(run(hasPhone, '555-0100')).toBe('Yes');
    expect(run(hasPhone, ' ')).toBe('No');
  });

  it('given no constants, chooses between the second and third columns', () => {
    // Closed deals keep their actual close date; open ones their expected one.
    const closeDate: TransformStep[] = [{ name: 'if', in: ['Closed Won', 'Closed Lost'] }, 'date'];
    expect(run(closeDate, ['Closed Won', '04/30/2021', '05/15/2021'])).toBe('2021-04-30');
    expect(run(closeDate, ['Proposal', '04/30/2021', '05/15/2021'])).toBe('2021-05-15');
    expect(run(closeDate, ['Proposal', '04/30/2021', ''])).toBeNull();
  });

  it('given an argument it does not take, says so', () => {
    expect(checkTransformCall({ name: 'if', separator: ',' })).toBe('Transform "if" takes no argument "separator".');
    expect(checkTransformCall({ name: 'first-non-empty', value: 1 })).toBe('Transform "first-non-empty" takes no arguments.');
  });
});
