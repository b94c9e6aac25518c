import { Args, Flags } from '@oclif/core';
import { BaseCommand, UserError, type Outcome } from '../base-command.js';
import { initEngagement, type InitResult } from '../../engine/engagement/init-engagement.js';
import { readUsersFile } from '../../engine/engagement/users-file.js';
import { createDataverse } from '../../engine/destinations/dataverse/index.js';
import { createSalesforce } from '../../engine/destinations/salesforce/index.js';
import type { DestinationUser } from '../../engine/spec/generated/engagement-spec.js';
import { userSpecDirs } from '../specs-flag.js';
import { bundledPair } from '../pair-flag.js';
import { EXIT } from '../exit-codes.js';

export default class Init extends BaseCommand<InitResult> {
  static override summary = 'Start an engagement folder with a migration.yaml.';
  static override description =
    'The target is the SQLite sandbox inside the folder unless --target names another. Destination users come from --users (a CSV with email, name and active columns, or JSON), from a live --target (read through its API with the credentials in the environment), or from a sample export.';
  static override examples = [
    '<%= config.bin %> init acme --pair vtiger--dynamics-365-sales --source ./export',
    '<%= config.bin %> init acme --pair vtiger--dynamics-365-sales --source ./export --users users.csv',
    '<%= config.bin %> init acme --pair dynamics-365-sales--salesforce-sales-cloud --source ./export --target salesforce:https://acme.my.salesforce.com',
    '<%= config.bin %> init acme --pair acme-crm--dynamics-365-sales --source ./export --specs ../acme-specs',
  ];
  static override args = { dir: Args.string({ description: 'The engagement folder to create.', required: true }) };
  static override flags = {
    pair: Flags.string({ description: 'The pair id (see `crm-migrate pairs`).', required: true }),
    source: Flags.string({ description: 'The folder holding the source export.', required: true }),
    target: Flags.string({ description: 'Where records go: sqlite:PATH, dataverse:URL, salesforce:URL or package:DIR (paths relative to the engagement folder).', default: 'sqlite:sandbox.db' }),
    users: Flags.string({ description: "A file of the destination's users: CSV (email, name, active) or JSON." }),
    force: Flags.boolean({ description: 'Overwrite an existing migration.yaml.', default: false }),
  };

  protected async execute(): Promise<Outcome<InitResult>> {
    const { args, flags } = await this.parse(Init);
    const users = await this.destinationUsers(flags.users, flags.target, flags.pair, flags.specs);
    const result = await initEngagement(args.dir, {
      pair: flags.pair,
      source: flags.source,
      force: flags.force,
      target: flags.target,
      specs: userSpecDirs(flags.specs),
      ...(users === undefined ? {} : { users }),
    });
    const problem = result.diagnostics[0];
    if (problem) throw new UserError(problem.message);
    const count = result.spec?.users?.length ?? 0;
    const from = { file: ` from ${flags.users ?? ''}`, destination: ' read from the destination', sample: ' from the sample', none: '' }[result.usersFrom ?? 'none'];
    const specs = result.spec?.specs === undefined ? '' : `, specs ${result.spec.specs.join(', ')}`;
    return { data: result, text: `Wrote ${result.file} (pair ${flags.pair}, target ${flags.target}, ${count} destination users${from}${specs}).` };
  }

  /** A users file wins; otherwise a live target is asked for its users; otherwise none are given (a sample may add them). */
  private async destinationUsers(
    file: string | undefined,
    target: string,
    pairId: string,
    specs: string | undefined,
  ): Promise<{ list: DestinationUser[]; from: 'file' | 'destination' } | undefined> {
    if (file !== undefined) return { list: readUsersFile(file), from: 'file' };
    const [kind, ...rest] = target.split(':');
    const url = rest.join(':');
    if (kind !== 'salesforce' && kind !== 'dataverse') return undefined;
    const destination = kind === 'salesforce' ? createSalesforce(url, process.env) : createDataverse(url, process.env);
    try {
      // Opening with no objects signs in and reads nothing but what the users query needs.
      const { destination: platform } = await bundledPair(pairId, specs);
      const problems = await destination.open({ destination: platform.spec, objects: [], customAttributes: [], users: [] });
      if (problems.length > 0) throw new UserError(`The destination's users cannot be read: ${problems.map((p) => p.message).join(' ')}`, EXIT.refused);
      const found = await destination.users();
      return { list: [...found].map(([email, u]) => ({ email, name: u.name, ...(u.active ? {} : { active: false }) })), from: 'destination' };
    } finally {
      await destination.close();
    }
  }
}
