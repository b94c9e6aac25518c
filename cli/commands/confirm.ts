import { execFileSync } from 'node:child_process';
import { userInfo } from 'node:os';
import { Flags } from '@oclif/core';
import type { Outcome } from '../base-command.js';
import { EXIT } from '../exit-codes.js';
import { EngagementCommand } from '../engagement-command.js';
import { confirmEngagement, unconfirmed, type Guess } from '../../engine/engagement/confirmation.js';

interface ConfirmResult {
  by: string;
  confirmed: { scope: string; items: number; hash: string }[];
  /** Guesses (below 50% confidence) left unconfirmed because nobody named them. */
  held: Guess[];
}

export default class Confirm extends EngagementCommand<ConfirmResult> {
  static override summary = 'Confirm the proposals in migration.yaml, recording who, when and a hash of what was confirmed.';
  static override description =
    'Review the customFields, stageTable and ownerMap decisions first: apply acts on exactly what is confirmed here, and refuses to run if any of it is edited afterwards until it is confirmed again.';
  static override examples = [
    '<%= config.bin %> confirm --by "Dana Reyes <dana@example.com>"',
    '<%= config.bin %> confirm --accept "stageTable: Parked" --accept "customFields: contact.Region__c"',
  ];
  static override flags = {
    by: Flags.string({ description: 'Who confirms (default: git user.email, else the login name).' }),
    accept: Flags.string({ description: 'A proposal below 50% confidence that you have read and accept, named as confirm lists it (repeatable).', multiple: true }),
    'include-low-confidence': Flags.boolean({ description: 'Confirm the proposals below 50% confidence too, without naming each.', default: false }),
  };

  protected async execute(): Promise<Outcome<ConfirmResult>> {
    const { flags } = await this.parse(Confirm);
    const engagement = await this.engagement(flags.project);
    const by = flags.by ?? whoAmI();
    const before = unconfirmed(engagement.spec).length;
    const { confirmed, held, unknownNames } = confirmEngagement(engagement.file, by, new Date(), { accept: flags.accept ?? [], includeLowConfidence: flags['include-low-confidence'] });
    const lines = [
      confirmed.length === 0 && held.length === 0
        ? 'There is nothing to confirm: migration.yaml holds no proposals.'
        : `${by} confirmed ${confirmed.map((c) => `${c.items} ${c.scope}`).join(', ') || 'nothing'} (${before} were pending).`,
    ];
    if (held.length > 0) {
      lines.push('', `Not confirmed: ${held.length} guesses below 50% confidence. Read each; edit it in migration.yaml or accept it by name (--accept "<item>"), or pass --include-low-confidence:`);
      for (const g of held) lines.push(`  ${g.item} -> ${g.proposal} (${Math.round(g.confidence * 100)}%): ${g.reason}`);
    }
    for (const name of unknownNames) lines.push(`--accept "${name}" names no proposal in migration.yaml.`);
    if (held.length === 0 && unknownNames.length === 0) return { data: { by, confirmed, held }, text: lines.join('\n') };
    const message = held.length > 0 ? `${held.length} proposals below 50% confidence were not confirmed: ${held.map((g) => g.item).join('; ')}` : `--accept names no proposal: ${unknownNames.join('; ')}`;
    const hint = 'Read them in migration.yaml, then confirm --accept "<item>" for each, or --include-low-confidence.';
    return { data: { by, confirmed, held }, text: lines.join('\n'), exitCode: EXIT.refused, failure: { code: 'confirm/low-confidence', message, hint } };
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
