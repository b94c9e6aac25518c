import { Args, Flags } from '@oclif/core';
import { BaseCommand, UserError, type Outcome } from '../base-command.js';
import { initEngagement, type InitResult } from '../../engine/engagement/init-engagement.js';

export default class Init extends BaseCommand<InitResult> {
  static override summary = 'Start an engagement folder with a migration.yaml.';
  static override description = 'The target is the SQLite sandbox inside the folder until migration.yaml says otherwise.';
  static override examples = ['<%= config.bin %> init acme --pair vtiger--dynamics-365-sales --source ./export'];
  static override args = { dir: Args.string({ description: 'The engagement folder to create.', required: true }) };
  static override flags = {
    pair: Flags.string({ description: 'The pair id (see `crm-migrate pairs`).', required: true }),
    source: Flags.string({ description: 'The folder holding the source export.', required: true }),
    force: Flags.boolean({ description: 'Overwrite an existing migration.yaml.', default: false }),
  };

  protected async execute(): Promise<Outcome<InitResult>> {
    const { args, flags } = await this.parse(Init);
    const result = await initEngagement(args.dir, { pair: flags.pair, source: flags.source, force: flags.force });
    const problem = result.diagnostics[0];
    if (problem) throw new UserError(problem.message);
    const users = result.spec?.users?.length ?? 0;
    return { data: result, text: `Wrote ${result.file} (pair ${flags.pair}, target sqlite:sandbox.db, ${users} destination users).` };
  }
}
