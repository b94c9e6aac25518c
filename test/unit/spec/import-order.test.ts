import { describe, expect, it } from 'vitest';
import { importOrder, type Dependency } from '../../../engine/spec/import-order.js';

const dep = (from: string, to: string, deferrable = false): Dependency => ({ from, to, deferrable, via: `${to}.${from}` });

describe('importOrder', () => {
  it('given lookups, returns every target before the loads that point at it', () => {
    const { order, deferred, cycles } = importOrder(['quotes', 'contacts', 'products', 'accounts'], [
      dep('accounts', 'contacts'),
      dep('products', 'quotes'),
      dep('contacts', 'quotes'),
    ]);
    expect(order).toEqual(['products', 'accounts', 'contacts', 'quotes']);
    expect(deferred).toEqual([]);
    expect(cycles).toEqual([]);
  });

  it('given a self-reference such as a parent account, defers it to a second pass', () => {
    const parent = dep('accounts', 'accounts', true);
    const { order, deferred, cycles } = importOrder(['accounts', 'contacts'], [parent, dep('accounts', 'contacts')]);
    expect(order).toEqual(['accounts', 'contacts']);
    expect(deferred).toEqual([parent]);
    expect(cycles).toEqual([]);
  });

  it('given a cycle with one optional lookup, breaks the cycle there', () => {
    const soft = dep('b', 'a', true);
    const { order, deferred, cycles } = importOrder(['a', 'b'], [dep('a', 'b'), soft]);
    expect(order).toEqual(['a', 'b']);
    expect(deferred).toEqual([soft]);
    expect(cycles).toEqual([]);
  });

  it('given a cycle of required lookups, reports it as unbreakable', () => {
    const { cycles } = importOrder(['a', 'b', 'c'], [dep('a', 'b'), dep('b', 'c'), dep('c', 'a')]);
    expect(cycles).toEqual([['a', 'b', 'c']]);
  });
});
