import { describe, expect, it } from 'vitest';
import { runCli } from '../run-cli.js';

describe('crm-migrate estimate', () => {
  it('given 3,000,000 records, exits 0 and says the migration is scoped individually, with no price', () => {
    const result = runCli(['estimate', '--pair', 'vtiger--dynamics-365-sales', '--records', '3000000']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^Price:\s+scoped individually/m);
    expect(result.stdout).not.toMatch(/\$\d/);
  });
});
