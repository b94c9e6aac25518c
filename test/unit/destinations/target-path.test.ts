import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkTargetPath } from '../../../engine/destinations/target-path.js';
import { InputError } from '../../../engine/util/input-error.js';

const root = mkdtempSync(join(tmpdir(), 'target-path-'));
const isRoot = process.getuid?.() === 0;

/** The InputError checkTargetPath throws for `path`, or undefined when it accepts the path. */
function refusal(path: string, kind: 'file' | 'folder' = 'file'): InputError | undefined {
  try {
    checkTargetPath(path, kind, `shown:${path}`);
    return undefined;
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
}

describe('a target that cannot hold the sandbox or a package', () => {
  it.each([
    ['the engagement folder itself (sqlite:.)', () => join(root, '.'), 'is a folder'],
    ['an existing folder', () => root, 'is a folder'],
    ['a file under /proc', () => '/proc/self/sandbox.db', 'system file system'],
    ['an existing /proc entry', () => '/proc/self/status', 'system file system'],
    ['/dev/null', () => '/dev/null', 'not a plain file'],
    ['a FIFO', () => fifo(), 'not a plain file'],
    ['a file in a folder that does not exist', () => join(root, 'missing', 'deeper', 'sandbox.db'), 'does not exist'],
    ['a file inside a file', () => join(plainFile(), 'sandbox.db'), 'not a folder'],
  ])('given %s, is refused (exit 3) naming the target, and nothing is created', (_name, path, says) => {
    const target = path();
    const error = refusal(target);
    expect(error).toBeInstanceOf(InputError);
    expect(error?.kind).toBe('refused');
    expect(error?.file).toBe(`shown:${target}`);
    expect(error?.message).toContain(says);
    expect(error?.hint).toMatch(/target:/);
    expect(existsSync(join(root, 'missing'))).toBe(false);
  });

  it.skipIf(isRoot)('given a file in a read-only folder, is refused as read-only', () => {
    const folder = join(root, 'read-only');
    mkdirSync(folder);
    chmodSync(folder, 0o555);
    expect(refusal(join(folder, 'sandbox.db'))?.message).toContain('read-only');
  });

  it('given a package target that is a file, is refused; a folder or a new name beside existing ones is accepted', () => {
    expect(refusal(plainFile(), 'folder')?.message).toContain('not a folder');
    expect(refusal(root, 'folder')).toBeUndefined();
    expect(refusal(join(root, 'new-package'), 'folder')).toBeUndefined();
  });

  it('given a new or existing plain file in a writable folder, accepts it', () => {
    expect(refusal(join(root, 'sandbox.db'))).toBeUndefined();
    expect(refusal(plainFile())).toBeUndefined();
  });
});

function plainFile(): string {
  const path = join(root, 'plain.db');
  writeFileSync(path, '');
  return path;
}

function fifo(): string {
  const path = join(root, `pipe-${Math.random().toString(36).slice(2)}`);
  execFileSync('mkfifo', [path]);
  return path;
}
