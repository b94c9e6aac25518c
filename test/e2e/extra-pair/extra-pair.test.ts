import { describe, expect, it } from 'vitest';
import { runCli, jsonResult } from '../run-cli.js';

describe('a pair that exists only as one YAML file', () => {
  const file = 'test/e2e/extra-pair/specs/opencrm--salesforce-sales-cloud.yaml';

  it('given the file alone, validates it against the bundled platforms with no error', () => {
    const result = runCli(['validate', file]);
    expect(result.stdout).toBe('1 file checked: 0 errors, 0 warnings.\n');
    expect(result.exitCode).toBe(0);
  });

  it('given a typo in that file, reports it at its position with a suggestion', async () => {
    const { mkdtemp, readFile, writeFile } = await import('node:fs/promises');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = await mkdtemp(join(tmpdir(), 'extra-pair-'));
    const broken = join(dir, 'opencrm--salesforce-sales-cloud.yaml');
    await writeFile(broken, (await readFile(file, 'utf8')).replace('to: LastName', 'to: LastNam'));
    const result = runCli(['validate', broken, '--json']);
    expect(result.exitCode).toBe(2);
    const report = jsonResult(result.stdout) as { diagnostics: { code: string; line: number; col: number; suggestions: string[] }[] };
    expect(report.diagnostics).toEqual([
      // The misspelt attribute also leaves the required LastName unfilled: both are reported.
      expect.objectContaining({ code: 'spec/required-unmapped', severity: 'warning', line: 33 }),
      expect.objectContaining({ code: 'spec/unknown-attribute', severity: 'error', line: 33, col: 36, suggestions: ['LastName'] }),
    ]);
  });
});
