import { Flags } from '@oclif/core';
import type { Outcome } from '../base-command.js';
import { EngagementCommand } from '../engagement-command.js';
import { EXIT } from '../exit-codes.js';
import { table } from '../printers/table.js';
import { openDestination } from '../../engine/destinations/open-destination.js';
import { describeMismatch, type VerificationReport } from '../../engine/verify/verification-report.js';
import { verifyRun } from '../../engine/verify/verify-run.js';

export default class Verify extends EngagementCommand<VerificationReport> {
  static override summary = 'Check a random sample of source rows field by field, lookups included, against the destination.';
  static override description =
    'Each sampled row is mapped again exactly as a run maps it and compared with the record the destination holds for it. Rows that were skipped, held or refused must be absent. Writes verify/<run or time>/verification.json and .md. Exit 1 when any record mismatches.';
  static override examples = ['<%= config.bin %> verify', '<%= config.bin %> verify --run 3 --sample 500 --seed 7'];
  static override flags = {
    run: Flags.integer({ description: 'Check only rows this run created or updated (default: the current state of every row).' }),
    sample: Flags.integer({ description: 'Source rows to check in all, spread evenly over the loads; more than the export holds checks every row.', default: 50, min: 1 }),
    seed: Flags.integer({ description: 'Seed of the random pick: the same seed picks the same rows.', default: 1 }),
  };

  static override longRunning = true;

  protected async execute(): Promise<Outcome<VerificationReport>> {
    const { flags } = await this.parse(Verify);
    const engagement = await this.engagement(flags.project);
    const progress = this.progress();
    progress.begin('verify: starting');
    const destination = openDestination(engagement);
    let report: VerificationReport;
    try {
      const onProgress = (e: { step: string; done: number; total: number }): void => progress.update(e.step, e.done, e.total);
      report = await verifyRun(engagement, destination, { sample: flags.sample, seed: flags.seed, onProgress, ...(flags.run === undefined ? {} : { run: flags.run }) });
    } finally {
      progress.stop();
      await destination.close();
    }
    // A refusal is an error: on stderr (or in the envelope's error), never as if it were the report.
    if (report.refused !== undefined) return { data: report, text: '', exitCode: EXIT.refused, failure: { code: 'verify/refused', message: report.refused } };
    const t = report.totals;
    const lines = [
      `Verified ${report.run === null ? 'the destination' : `run ${report.run}`} with a sample of ${report.sampleSize} rows (seed ${report.seed}): ${t.checked} records checked, ${t.matching} matching, ${t.mismatching} mismatching, ${t.notLoaded} rightly not loaded.`,
      '',
      table(
        ['load', 'object', 'rows', 'checked', 'matching', 'mismatching', 'not loaded'],
        report.loads.map((l) => [l.load, l.object, l.rows, l.checked, l.matching, l.mismatching, l.notLoaded].map(String)),
      ),
      ...(report.mismatches.length === 0 ? [] : ['', `${report.mismatches.length} mismatches:`, ...report.mismatches.map((m) => `  ${describeMismatch(m)}`)]),
      '',
      `Report in ${engagement.dir}: ${report.files.markdown}`,
    ];
    if (t.mismatching === 0) return { data: report, text: lines.join('\n') };
    const message = `Exit 1: ${t.mismatching} of ${t.checked} records checked differ from what the source maps to.`;
    return { data: report, text: [...lines, message].join('\n'), exitCode: EXIT.failed, failure: { code: 'verify/mismatch', message, hint: `See ${report.files.markdown}.` } };
  }
}
