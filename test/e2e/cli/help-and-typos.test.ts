import { describe, expect, it } from 'vitest';
import { runCliAsync } from '../run-cli.js';

/** Help the way oclif CLIs give it (`help`, `-h`), and a misspelt command named with the closest real one. */
describe('help and misspelt commands', () => {
  it('lists every command with `help`, runs and rollback included', async () => {
    const result = await runCliAsync(['help']);
    expect(result.exitCode).toBe(0);
    for (const command of ['apply', 'rollback', 'runs', 'verify', 'discover', 'docs']) expect(result.stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
  });

  it('shows a command\'s flags with -h, rollback\'s --yes among them', async () => {
    const result = await runCliAsync(['rollback', '-h']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('USAGE');
    expect(result.stdout).toMatch(/-y, --yes\s+Do not ask/);
  });

  it('names the closest command for `aply` without a terminal, and exits 127', async () => {
    const result = await runCliAsync(['aply', '--project', 'x']);
    expect(result.exitCode).toBe(127);
    expect(result.stderr).toContain('Did you mean "crm-migrate apply"?');
    expect(result.stderr).toContain('aply is not a crm-migrate command');
    expect(result.stdout).toBe('');
  });
});
