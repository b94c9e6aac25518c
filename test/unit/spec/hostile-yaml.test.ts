import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { locate, parseSpec, readSpec } from '../../../engine/spec/spec-document.js';

const ENGAGEMENT = 'pair: vtiger--dynamics-365-sales\nsource: ./export\ntarget: sqlite:sandbox.db\n';

/** `n` levels of anchors, each listing the previous one nine times: 9^n strings once expanded. */
function aliasBomb(levels: number): string {
  const rows = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let i = 1; i <= levels; i += 1) rows.push(`a${i}: &a${i} [${Array.from({ length: 9 }, () => `*a${i - 1}`).join(', ')}]`);
  return `${ENGAGEMENT}${rows.join('\n')}\n`;
}

describe('a spec file that is empty, hostile or absurdly nested', () => {
  it.each([
    ['empty', ''],
    ['only blank lines', '\n\n   \n'],
    ['only comments', '# yaml-language-server: $schema=x\n# nothing here\n'],
    ['a bare null', '~\n'],
  ])('given a file that is %s, reports that it holds no spec at line 1 instead of handing null on', (_name, text) => {
    const { document, diagnostics } = parseSpec('/e/migration.yaml', text);
    expect(document.data).toBeUndefined();
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'yaml/syntax', severity: 'error', file: '/e/migration.yaml' });
    expect(diagnostics[0]?.message).toContain('holds no spec');
    expect(locate(document, diagnostics[0] ?? {}).line).toBe(1);
  });

  it('given an alias bomb (9^8 strings once expanded), refuses it as a file error without expanding it', () => {
    const { document, diagnostics } = parseSpec('/e/migration.yaml', aliasBomb(8));
    expect(document.data).toBeUndefined();
    expect(diagnostics.map((d) => d.code)).toEqual(['yaml/syntax']);
    expect(diagnostics[0]?.message).toMatch(/expands its aliases .* more than 100 times/);
  });

  it('given a few aliases, as specs may use, still reads them', () => {
    const { document, diagnostics } = parseSpec('/e/p.yaml', 'base: &b {x: 1}\nuse: [*b, *b]\n');
    expect(diagnostics).toEqual([]);
    expect(document.data).toEqual({ base: { x: 1 }, use: [{ x: 1 }, { x: 1 }] });
  });

  it.each([
    ['flow sequences', `${ENGAGEMENT}extra: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`],
    ['flow mappings', `${ENGAGEMENT}extra: ${'{a: '.repeat(5_000)}1${'}'.repeat(5_000)}\n`],
    ['block mappings', `${ENGAGEMENT}extra:\n${Array.from({ length: 300 }, (_, d) => `${' '.repeat(d + 2)}k${d}:`).join('\n')} leaf\n`],
  ])('given %s nested past 64 levels, reports the nesting instead of overflowing the stack', (_name, text) => {
    const { document, diagnostics } = parseSpec('/e/migration.yaml', text);
    expect(document.data).toBeUndefined();
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]?.message).toContain('nests deeper than 64 levels');
    expect(locate(document, diagnostics[0] ?? {}).line).toBeGreaterThanOrEqual(1);
  });

  it.each([
    ['at the top', `${ENGAGEMENT}__proto__:\n  polluted: true\n`, 4],
    ['quoted, in a nested mapping', `${ENGAGEMENT}options:\n  "__proto__": {polluted: true}\n`, 5],
    ['in a flow mapping inside a list', `${ENGAGEMENT}users: [{__proto__: {polluted: true}}]\n`, 4],
  ])('given a __proto__ key %s, rejects it at its line and leaves Object.prototype alone', (_name, text, line) => {
    const { document, diagnostics } = parseSpec('/e/migration.yaml', text);
    expect(document.data).toBeUndefined();
    expect(diagnostics.map((d) => [d.code, locate(document, d).line])).toEqual([['spec/unknown-property', line]]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('given a folder where the spec file should be, reports it as a diagnostic on that path', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'hostile-yaml-')), 'migration.yaml');
    mkdirSync(dir);
    const { document, diagnostics } = await readSpec(dir);
    expect(document.data).toBeUndefined();
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'io/not-found', file: dir, message: 'This is a folder, not a spec file.' })]);
  });
});
