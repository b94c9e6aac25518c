import { Flags } from '@oclif/core';
import { BaseCommand, UserError } from './base-command.js';
import { EXIT } from './exit-codes.js';
import { loadEngagement, type Engagement } from '../engine/engagement/engagement.js';
import { hasErrors } from '../engine/diagnostics/diagnostic.js';
import { position } from './printers/positioned.js';
import { formatLine } from './printers/diagnostics.js';
import { diskFullError } from '../engine/util/disk-full.js';
import { userSpecDirs } from './specs-flag.js';

/** A command that works inside an engagement folder (or on the one `--project` names). */
export abstract class EngagementCommand<T> extends BaseCommand<T> {
  static override baseFlags = {
    ...BaseCommand.baseFlags,
    project: Flags.string({ description: 'The engagement folder or its migration.yaml (default: the current folder).', default: '.' }),
  };

  /** The engagement folder once loaded: where the ledger and reports live, named when its disk fills up. */
  private engagementDir: string | undefined;

  protected async engagement(project: string): Promise<Engagement> {
    const { flags } = await this.parse();
    const specs = userSpecDirs(typeof flags['specs'] === 'string' ? flags['specs'] : undefined);
    const { engagement, diagnostics, documents } = await loadEngagement(project, { specs });
    if (engagement && !hasErrors(diagnostics)) {
      this.engagementDir = engagement.dir;
      return engagement;
    }
    const lines = position(diagnostics, documents).map(formatLine);
    throw new UserError(`The engagement cannot be used:\n${lines.join('\n')}`, EXIT.invalid);
  }

  /** A full disk while writing the ledger or reports (the sandbox names itself) is the environment, not a bug. */
  protected override async catch(error: Error & { exitCode?: number; oclif?: { exit?: number } }): Promise<unknown> {
    return super.catch(this.engagementDir === undefined ? error : (diskFullError(error, this.engagementDir) ?? error));
  }
}
