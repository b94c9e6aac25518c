import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliAsync } from '../run-cli.js';

/** An engagement folder holding only `migration.yaml` with `text`, beside an (empty) export folder. */
function engagement(text: string): string {
  const root = mkdtempSync(join(tmpdir(), 'bad-input-'));
  mkdirSync(join(root, 'export'));
  const dir = join(root, 'eng');
  mkdirSync(dir);
  writeFileSync(join(dir, 'migration.yaml'), text);
  return dir;
}

const spec = (target: string): string => `pair: vtiger--dynamics-365-sales\nsource: ../export\ntarget: ${target}\noptions:\n  failThreshold: 0.05\n`;

describe('crm-migrate given a broken engagement or an unusable target', () => {
  it.each([
    ['an empty migration.yaml', '', 'holds no spec'],
    ['a comment-only migration.yaml', '# yaml-language-server: $schema=x\n', 'holds no spec'],
    [
      'an alias bomb',
      `${spec('sqlite:sandbox.db')}${['a0: &a0 [x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 8 }, (_, i) => `a${i + 1}: &a${i + 1} [${Array(9).fill(`*a${i}`).join(', ')}]`)].join('\n')}\n`,
      'expands its aliases',
    ],
  ])('given %s, apply exits 2 naming migration.yaml:1 and writes nothing', async (_name, text, says) => {
    const dir = engagement(text);
    const result = await runCliAsync(['apply', '--project', dir]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/migration\.yaml:1:1 error yaml\/syntax/);
    expect(result.stderr).toContain(says);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(readdirSync(dir)).toEqual(['migration.yaml']);
  });

  it.each([
    ['sqlite:.', 'is a folder'],
    ['sqlite:/proc/self/sandbox.db', 'system file system'],
    ['sqlite:no-such-folder/sandbox.db', 'does not exist'],
  ])('given target %s, apply exits 3 naming the target and what to do, before writing anything', async (target, says) => {
    const dir = engagement(spec(target));
    const result = await runCliAsync(['apply', '--project', dir, '--json']);
    expect(result.exitCode).toBe(3);
    const { error } = JSON.parse(result.stdout) as { error: { code: string; message: string; file: string; hint: string } };
    expect(error).toMatchObject({ code: 'target/unusable', file: target });
    expect(error.message).toContain(says);
    expect(error.hint).toContain('target:');
    expect(readdirSync(dir)).toEqual(['migration.yaml']);
  });
});
