import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES } from '../../engine/diagnostics/diagnostic.js';

describe('diagnostic codes', () => {
  it('given the closed list of codes, schemas/README.md documents each one', () => {
    const readme = readFileSync(join(import.meta.dirname, '..', '..', 'schemas', 'README.md'), 'utf8');
    expect(DIAGNOSTIC_CODES.filter((code) => !readme.includes(`| \`${code}\` |`))).toEqual([]);
  });
});
