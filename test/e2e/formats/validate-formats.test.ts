import { describe, expect, it } from 'vitest';
import { runCli, transcript } from '../run-cli.js';

const specs = 'test/e2e/formats/specs';

describe('crm-migrate validate on impossible formats and constants outside the options', () => {
  // Each output names the value-map target that is not an option at its place, with the option meant.
  const optionFault = {
    text: 'opencrm--dynamics-365-sales.yaml:39:41 error spec/option-value Value "Proposl" does not exist in the options of "salesstage" (0 Qualify, 1 Develop, 2 Propose, 3 Close). Did you mean "Propose"?',
    json: '"pointer": "/objects/0/loads/0/fields/3/transform/values/1/to",\n        "suggestions": [\n          "Propose"\n        ],',
  };

  it.each([
    ['text', ['validate', specs]],
    ['json', ['validate', specs, '--json']],
  ] as const)('given every kind of fault, reports each at its string with a did-you-mean as %s and exits 2', async (name, args) => {
    const result = runCli(args);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toContain(optionFault[name]);
    await expect(transcript(args, result)).toMatchFileSnapshot(`./snapshot-validate-${name}.txt`);
  });

  it('given an impossible date format, points at it and proposes the format that was meant', () => {
    const result = runCli(['validate', `${specs}/opencrm--dynamics-365-sales.yaml`, '--format', 'codeframe']);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toContain('Date-time format "DD MMM, YYYY HH:mm:SS" can never match a value');
    expect(result.stdout).toContain('Did you mean "DD MMM, YYYY HH:mm:ss"?');
    expect(result.stdout).toContain(
      [
        '  27 |                 - DD MMM, YYYY HH:mm:SS         # fault: SS is not a token (seconds are ss)',
        '     |                   ^',
      ].join('\n'),
    );
  });
});
