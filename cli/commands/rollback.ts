import { Flags } from '@oclif/core';
import type { Outcome } from '../base-command.js';
import { EngagementCommand } from '../engagement-command.js';
import { EXIT } from '../exit-codes.js';
import { askYesNo, canAsk } from '../confirm-prompt.js';
import { rollbackPreview, rollbackRun, type RollbackReport } from '../../engine/run/rollback-run.js';
import { openDestination } from '../../engine/destinations/open-destination.js';

export default class Rollback extends EngagementCommand<RollbackReport> {
  static override summary = 'Undo a run: delete what it created, restore what it updated.';
  static override description =
    'Deletes records in the destination, so it asks first on a terminal; without a terminal (scripts, CI) it refuses unless --yes is given.';
  static override examples = ['<%= config.bin %> rollback', '<%= config.bin %> rollback --run 3 --yes'];
  static override flags = {
    run: Flags.integer({ description: 'The run to undo (default: the latest).' }),
    yes: Flags.boolean({ char: 'y', description: 'Do not ask: undo the run straight away (needed without a terminal).', default: false }),
  };
  static override longRunning = true;

  protected override resumeHint(): string {
    return 'Records undone so far are recorded in the ledger; run the same rollback again to undo the rest.';
  }

  protected async execute(): Promise<Outcome<RollbackReport>> {
    const { flags } = await this.parse(Rollback);
    const engagement = await this.engagement(flags.project);
    const preview = rollbackPreview(engagement, flags.run);
    if (!flags.yes && preview !== undefined) {
      const question = `Roll back run ${preview.runId} in ${engagement.spec.target}: delete ${preview.deletes} records it created and restore ${preview.restores} it updated?`;
      if (this.jsonMode || !canAsk()) {
        const message = `Refused: rollback deletes records and there is no terminal to ask on (${preview.deletes} deletes, ${preview.restores} restores in run ${preview.runId}).`;
        const empty: RollbackReport = { runId: preview.runId, deleted: 0, restored: 0, failed: [], refused: message };
        return { data: empty, text: '', exitCode: EXIT.refused, failure: { code: 'rollback/unconfirmed', message, hint: 'Pass --yes to roll back without being asked.' } };
      }
      if (!(await askYesNo(question))) {
        const empty: RollbackReport = { runId: preview.runId, deleted: 0, restored: 0, failed: [], refused: 'Not rolled back: the answer was no.' };
        return { data: empty, text: 'Nothing was rolled back.', exitCode: EXIT.refused, failure: { code: 'rollback/declined', message: 'Nothing was rolled back.' } };
      }
    }
    const progress = this.progress('records');
    progress.begin('rollback: starting');
    const destination = openDestination(engagement);
    let report: RollbackReport;
    try {
      report = await rollbackRun(engagement, destination, flags.run, undefined, (e) => progress.update(e.step, e.done, e.total));
    } finally {
      progress.stop();
      await destination.close();
    }
    // A refusal is an error: on stderr (or in the envelope's error), never as if it were the report.
    if (report.refused !== undefined) return { data: report, text: '', exitCode: EXIT.refused, failure: { code: 'rollback/refused', message: report.refused } };
    const text = `Rolled back run ${report.runId}: ${report.deleted} records deleted, ${report.restored} restored${report.failed.length > 0 ? `, ${report.failed.length} could not be undone` : ''}.`;
    if (report.failed.length === 0) return { data: report, text };
    const message = `${report.failed.length} records could not be undone; the run stays in the ledger so that rollback can be run again.`;
    return { data: report, text: `${text}\n${message}`, exitCode: EXIT.failed, failure: { code: 'rollback/incomplete', message } };
  }
}
