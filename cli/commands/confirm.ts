import { execFileSync } from 'node:child_process';
import { userInfo } from 'node:os';
import { Flags } from '@oclif/core';
import type { Outcome } from '../base-command.js';
import { EngagementCommand } from '../engagement-command.js';
import { confirmEngagement, unconfirmed } from '../../engine/engagement/confirmation.js';

interface ConfirmResult {
  by: string;
  confirmed: { scope: string; items: number; hash: string }[];
}

export default class Confirm extends EngagementCommand<ConfirmResult> {
  static override summary = 'Confirm the proposals in migration.yaml, recording who, when and a hash of what was confirmed.';
  static override description =
    'Review the customFields, stageTable and ownerMap decisions first: apply acts on exactly what is confirmed here, and refuses to run if any of it is edited afterwards until it is confirmed again.';
  static override examples = ['<%= config.bin %> confirm --by "Dana Reyes <dana@example.com>"'];
  static override flags = { by: Flags.string({ description: 'Who confirms (default: git user.email, else the login name).' }) };

  protected async execute(): Promise<Outcome<ConfirmResult>> {
    const { flags } = await this.parse(Confirm);
    const engagement = await this.engagement(flags.project);
    const by = flags.by ?? whoAmI();
    const before = unconfirmed(engagement.spec).length;
    const confirmed = confirmEngagement(engagement.file, by, new Date());
    const text =
      confirmed.length === 0
        ? 'There is nothing to confirm: migration.yaml holds no proposals.'
        : `${by} confirmed ${confirmed.map((c) => `${c.items} ${c.scope}`).join(', ')} (${before} were pending).`;
    return { data: { by, confirmed }, text };
  }
}

function whoAmI(): string {
  try {
    const email = execFileSync('git', ['config', 'user.email'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (email !== '') return email;
  } catch {
    // No git, or no configured identity: fall back to the login name.
  }
  return userInfo().username;
}
