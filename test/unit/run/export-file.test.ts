import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkExportFile, readExportFile } from '../../../engine/source/export-file.js';

/** An export folder with one good attachment, and a secret beside (outside) it that no row may reach. */
let root: string;
let exportDir: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'export-file-'));
  exportDir = join(root, 'export');
  mkdirSync(join(exportDir, 'attachments', '10005'), { recursive: true });
  writeFileSync(join(exportDir, 'attachments', '10005', 'quote.txt'), 'price list 2024\n');
  writeFileSync(join(root, 'secret.env'), 'API_KEY=top-secret\n');
  symlinkSync(join(root, 'secret.env'), join(exportDir, 'attachments', 'escape.txt'));
  symlinkSync('10005/quote.txt', join(exportDir, 'attachments', 'inside-link.txt'));
  symlinkSync('/dev/zero', join(exportDir, 'attachments', 'zero'));
  execFileSync('mkfifo', [join(exportDir, 'attachments', 'pipe')]);
  writeFileSync(join(exportDir, 'attachments', 'big.bin'), Buffer.alloc(2048, 1));
});

describe('readExportFile', () => {
  it('given a relative path to a regular file inside the export, returns its bytes', () => {
    const result = readExportFile(exportDir, 'attachments/10005/quote.txt', 1024);
    expect(result).toEqual({ ok: true, bytes: Buffer.from('price list 2024\n') });
  });

  it('given a symlink that stays inside the export, follows it', () => {
    const result = readExportFile(exportDir, 'attachments/inside-link.txt', 1024);
    expect(result.ok && result.bytes.toString()).toBe('price list 2024\n');
  });

  it.each([
    ['a relative escape', '../secret.env', 'is outside the export folder'],
    ['a deep relative escape', '../../../../proc/self/environ', 'is outside the export folder'],
    ['an escape hidden mid-path', 'attachments/../../secret.env', 'is outside the export folder'],
    ['an absolute path', '/proc/self/environ', 'is an absolute path'],
    ['a Windows absolute path', 'C:\\Users\\admin\\secret.env', 'is an absolute path'],
    ['a symlink pointing out', 'attachments/escape.txt', 'a link that points outside the export folder'],
    ['a symlink to /dev/zero', 'attachments/zero', 'a link that points outside the export folder'],
    ['a directory', 'attachments/10005', 'is a directory, not a regular file'],
    ['the export folder itself', '.', 'is outside the export folder'],
    ['a FIFO', 'attachments/pipe', 'is a named pipe (FIFO), not a regular file'],
    ['a file over the limit', 'attachments/big.bin', 'is 2,048 bytes, over the destination\'s limit of 1,024 bytes'],
    ['a missing file', 'attachments/none.pdf', 'is not in the export'],
  ])('given %s, reads nothing and says why', (_kind, path, reason) => {
    const result = readExportFile(exportDir, path, 1024);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain(reason);
  });

  it('given a device inside the folder it is pointed at, refuses it as a device', () => {
    expect(checkExportFile('/dev', 'zero', 1024).reason).toBe('the file "zero" is a device, not a regular file');
  });
});
