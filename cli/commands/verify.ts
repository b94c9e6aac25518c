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

  protected async execute(): Promise<Outcome<VerificationReport>> {
    const { flags } = await this.parse(Verify);
    const engagement = await this.engagement(flags.project);
    const destination = openDestination(engagement);
    let report: VerificationReport;
    try {
      report = await verifyRun(engagement, destination, { sample: flags.sample, seed: flags.seed, ...(flags.run === undefined ? {} : { run: flags.run }) });
    } finally {
      await destination.close();
    }
    if (report.refused !== undefined) return { data: report, text: report.refused, exitCode: EXIT.refused };
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
    return { data: report, text: lines.join('\n'), exitCode: t.mismatching > 0 ? EXIT.failed : EXIT.ok };
  }
}
