import { describe, expect, it } from 'vitest';
import { runCli, transcript } from '../run-cli.js';

const specs = 'test/e2e/validate-broken/specs';

describe('crm-migrate validate on broken specs', () => {
  it.each([
    ['text', ['validate', specs]],
    ['github', ['validate', specs, '--format', 'github']],
    ['json', ['validate', specs, '--json']],
  ])('given every kind of fault, reports all of them in one pass as %s and exits 2', async (name, args) => {
    const result = runCli(args);
    expect(result.exitCode).toBe(2);
    await expect(transcript(args, result)).toMatchFileSnapshot(`./snapshot-${name}.txt`);
  });

  it('given a codeframe request, shows the offending line with a caret under the column', () => {
    const result = runCli(['validate', `${specs}/opencrm--dynamics-365-sales.yaml`, '--format', 'codeframe']);
    expect(result.stdout).toContain(
      [
        '  33 |           - { from: Last Name, to: lastname }',
        '  34 |           - { from: Email, to: emailaddres1, transform: email }   # fault: the attribute is emailaddress1',
        '     |                                ^',
        '  at #/objects/1/loads/0/fields/1/to',
      ].join('\n'),
    );
  });
});
