import { describe, it, expect } from 'vitest';
import type { Value } from '../../../engine/transforms/transform.js';
import { run } from './fixtures.js';

describe('trim', () => {
  it.each<[Value, Value]>([
    ['  Acme Corp  ', 'Acme Corp'],
    ['\tZürich\n', 'Zürich'],
    ['\u00a0Ñandú\u00a0', 'Ñandú'],
    ['Inner  spaces stay', 'Inner  spaces stay'],
    ['', null],
    ['   ', null],
    [null, null],
    [42, '42'],
  ])('given %j, returns %j', (input, expected) => {
    expect(run('trim', input)).toBe(expected);
  });
});

describe('lower and upper', () => {
  it.each<[string, Value, Value]>([
    ['lower', 'ACME Corp', 'acme corp'],
    ['lower', 'ÉCOLE ÜBER', 'école über'],
    ['upper', 'acme corp', 'ACME CORP'],
    ['upper', 'straße', 'STRASSE'],
    ['upper', 'élodie', 'ÉLODIE'],
    ['lower', '', null],
    ['upper', null, null],
  ])('%s: given %j, returns %j', (name, input, expected) => {
    expect(run(name, input)).toBe(expected);
  });
});

describe('title-case', () => {
  it.each<[Value, Value]>([
    ['jane doe', 'Jane Doe'],
    ['JANE DOE', 'Jane Doe'],
    ['mary-jane watson', 'Mary-Jane Watson'],
    ["o'brien", "O'Brien"],
    ["l'oréal paris", "L'Oréal Paris"],
    ["don't stop", "Don't Stop"],
    ["smith's garage", "Smith's Garage"],
    ['élodie durand', 'Élodie Durand'],
    ['ÅSA ÖBERG', 'Åsa Öberg'],
    ['sales/ops (emea)', 'Sales/Ops (Emea)'],
    ['', null],
  ])('given %j, returns %j', (input, expected) => {
    expect(run('title-case', input)).toBe(expected);
  });
});

describe('strip-html', () => {
  it.each<[Value, Value]>([
    ['<p>Hello <b>world</b></p>', 'Hello world'],
    ['<p>First</p><p>Second</p>', 'First\nSecond'],
    ['Line one<br>Line two<br/>Line three', 'Line one\nLine two\nLine three'],
    ['<ul><li>One</li><li>Two</li></ul>', 'One\nTwo'],
    ['Fish &amp; Chips &lt;3 &quot;yum&quot;', 'Fish & Chips <3 "yum"'],
    ['&lt;b&gt;not a tag&lt;/b&gt;', '<b>not a tag</b>'],
    ['Caf&eacute;? &#233; &#xE9;', 'Caf&eacute;? é é'],
    ['<style>p { color: red }</style><script>alert(1)</script>Text', 'Text'],
    ['<!-- hidden -->Shown', 'Shown'],
    ['<div>  spaced&nbsp;&nbsp;out  </div>', 'spaced out'],
    ['<p>Grüße aus München</p>', 'Grüße aus München'],
    ['<p></p><br>', null],
    ['plain text', 'plain text'],
    ['', null],
  ])('given %j, returns %j', (input, expected) => {
    expect(run('strip-html', input)).toBe(expected);
  });
});

describe('prefix', () => {
  it.each<[string | number, Value, Value]>([
    ['HS-', '12345', 'HS-12345'],
    ['Migrated: ', 'Réunion annuelle', 'Migrated: Réunion annuelle'],
    [1, '23', '123'],
    ['HS-', '', null],
    ['HS-', null, null],
  ])('given value %j and input %j, returns %j', (value, input, expected) => {
    expect(run({ name: 'prefix', value }, input)).toBe(expected);
  });
});

describe('default', () => {
  it.each<[string | number | boolean, Value, Value]>([
    ['Unknown', '', 'Unknown'],
    ['Unknown', null, 'Unknown'],
    ['Unknown', '   ', 'Unknown'],
    ['Unknown', 'Acme', 'Acme'],
    [0, null, 0],
    [false, '', false],
    ['Inconnu', 'Société Générale', 'Société Générale'],
  ])('given value %j and input %j, returns %j', (value, input, expected) => {
    expect(run({ name: 'default', value }, input)).toBe(expected);
  });

  it('given several empty columns, returns the default', () => {
    expect(run({ name: 'default', value: 'n/a' }, ['', null])).toBe('n/a');
  });
});

describe('join', () => {
  it.each<[string | undefined, readonly Value[], Value]>([
    [undefined, ['Jane', 'Doe'], 'Jane Doe'],
    [undefined, ['Jane', '', 'Doe'], 'Jane Doe'],
    [', ', ['1 Main St', 'Springfield', 'IL'], '1 Main St, Springfield, IL'],
    ['\n', ['Line 1', null, 'Line 3'], 'Line 1\nLine 3'],
    ['', ['+44', '2079460958'], '+442079460958'],
    [' / ', ['  José ', ' Núñez '], 'José / Núñez'],
    [undefined, [42, true], '42 true'],
    [undefined, ['', null, '  '], null],
  ])('given separator %j and columns %j, returns %j', (separator, input, expected) => {
    const call = separator === undefined ? { name: 'join' } : { name: 'join', separator };
    expect(run(call, input)).toBe(expected);
  });
});
