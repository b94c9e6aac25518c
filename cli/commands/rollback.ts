import { Flags } from '@oclif/core';
import type { Outcome } from '../base-command.js';
import { EngagementCommand } from '../engagement-command.js';
import { EXIT } from '../exit-codes.js';
import { rollbackRun, type RollbackReport } from '../../engine/run/rollback-run.js';
import { openDestination } from '../../engine/destinations/open-destination.js';

export default class Rollback extends EngagementCommand<RollbackReport> {
  static override summary = 'Undo a run: delete what it created, restore what it updated.';
  static override examples = ['<%= config.bin %> rollback', '<%= config.bin %> rollback --run 3'];
  static override flags = { run: Flags.integer({ description: 'The run to undo (default: the latest).' }) };

  protected async execute(): Promise<Outcome<RollbackReport>> {
    const { flags } = await this.parse(Rollback);
    const engagement = await this.engagement(flags.project);
    const destination = openDestination(engagement);
    let report: RollbackReport;
    try {
      report = await rollbackRun(engagement, destination, flags.run);
    } finally {
      await destination.close();
    }
    if (report.refused !== undefined) return { data: report, text: report.refused, exitCode: EXIT.refused };
    const text = `Rolled back run ${report.runId}: ${report.deleted} records deleted, ${report.restored} restored${report.failed.length > 0 ? `, ${report.failed.length} could not be undone` : ''}.`;
    return { data: report, text, exitCode: report.failed.length > 0 ? EXIT.failed : EXIT.ok };
  }
}
