import { describe, it, expect } from 'vitest';
import type { Value } from '../../../engine/transforms/transform.js';
import { run } from './fixtures.js';

const split = (part: string, input: Value): Value => run({ name: 'split-name', part }, input);

describe('split-name', () => {
  it.each<[Value, Value, Value]>([
    // First Middle Last
    ['Jane Doe', 'Jane', 'Doe'],
    ['  Jane   Doe  ', 'Jane', 'Doe'],
    ['Jane Marie Doe', 'Jane Marie', 'Doe'],
    ['José Álvarez', 'José', 'Álvarez'],
    ['Zoë Ångström-Løvik', 'Zoë', 'Ångström-Løvik'],
    // Last, First
    ['Doe, Jane', 'Jane', 'Doe'],
    ['Doe, Jane Marie', 'Jane Marie', 'Doe'],
    ['van der Berg, Pieter', 'Pieter', 'van der Berg'],
    ['Müller,Jürgen', 'Jürgen', 'Müller'],
    // Particles stay with the last name, but a first word is never one
    ['Ludwig van Beethoven', 'Ludwig', 'van Beethoven'],
    ['Pieter van der Berg', 'Pieter', 'van der Berg'],
    ['Juan de la Cruz', 'Juan', 'de la Cruz'],
    ['Robert De Niro', 'Robert', 'De Niro'],
    ['Van Morrison', 'Van', 'Morrison'],
    // Honorifics go, suffixes stay with the last name
    ['Dr. Jane Doe', 'Jane', 'Doe'],
    ['Mrs Jane Doe', 'Jane', 'Doe'],
    ['Martin Luther King Jr.', 'Martin Luther', 'King Jr.'],
    ['John Smith, Jr.', 'John', 'Smith Jr.'],
    ['King, Martin Luther, Jr.', 'Martin Luther', 'King Jr.'],
    ['Henry Ford II', 'Henry', 'Ford II'],
    // One word is a last name
    ['Madonna', null, 'Madonna'],
    ['王小明', null, '王小明'],
    ['', null, null],
    [null, null, null],
  ])('given %j, returns first %j and last %j', (input, first, last) => {
    expect(split('first', input)).toBe(first);
    expect(split('last', input)).toBe(last);
  });

  it('given two columns, returns the parts of the names joined with a space', () => {
    expect(run({ name: 'split-name', part: 'last' }, ['Jane', 'Doe'])).toBe('Doe');
  });
});
