import { Flags } from '@oclif/core';
import type { Outcome } from '../base-command.js';
import { EngagementCommand } from '../engagement-command.js';
import { EXIT } from '../exit-codes.js';
import { applyRun } from '../../engine/run/apply-run.js';
import { writeReconciliationMarkdown } from '../../engine/reports/reconciliation-markdown.js';
import { openDestination } from '../../engine/destinations/open-destination.js';
import type { RunReport } from '../../engine/run/run-report.js';
import { table } from '../printers/table.js';
import { UserError } from '../base-command.js';
import { dryRunOutcome } from '../dry-run-outcome.js';
import type { DryRunSummary } from '../../engine/run/dry-run.js';

export default class Apply extends EngagementCommand<RunReport | DryRunSummary> {
  static override summary = 'Run the migration into the target, with a ledger, reconciliation and exceptions.';
  static override description =
    'Rows load in dependency order, upserted by source key, so running again changes nothing that is already there. An interrupted run is resumed. Exit 1 when skipped and refused rows pass the engagement\'s failThreshold.';
  static override examples = ['<%= config.bin %> apply', '<%= config.bin %> apply --delta', '<%= config.bin %> apply --dry-run', '<%= config.bin %> apply --project acme --json'];
  static override flags = {
    delta: Flags.boolean({
      description: 'Move only rows new or changed since the last run (by modified timestamp, else by content); report rows gone from the source and records edited in the destination meanwhile.',
      default: false,
    }),
    force: Flags.boolean({ description: 'With --delta: overwrite records edited in the destination since the last run.', default: false }),
    'dry-run': Flags.boolean({
      description: 'Count what the run would do (create, update, unchanged, skip, hold, refused, duplicates, unresolved lookups per load) by running it on copies of the target and ledger; writes nothing. Same as plan --dry-run.',
      default: false,
    }),
  };

  static override longRunning = true;

  private resume = 'Run the same command again to resume: the ledger knows every record written so far.';

  protected override resumeHint(): string {
    return this.resume;
  }

  protected async execute(): Promise<Outcome<RunReport | DryRunSummary>> {
    const { flags } = await this.parse(Apply);
    // A full run writes every changed record anyway; a --force that does nothing would make a person think it did.
    if (flags.force && !flags.delta) {
      throw new UserError('--force only applies to --delta: it overwrites records edited in the destination since the last run, which only a delta run checks.', EXIT.invalid, { code: 'cli/usage', hint: 'Run `crm-migrate apply --delta --force`, or drop --force.' });
    }
    if (flags['dry-run']) {
      this.resume = 'A dry run writes nothing, so there is nothing to resume.';
      return dryRunOutcome(await this.engagement(flags.project), { delta: flags.delta, force: flags.force }, this.progress());
    }
    const again = ['crm-migrate apply', ...(flags.project === '.' ? [] : ['--project', flags.project]), ...(flags.delta ? ['--delta'] : []), ...(flags.force ? ['--force'] : [])].join(' ');
    this.resume = `Run \`${again}\` to resume: the ledger knows every record written so far.`;
    const progress = this.progress();
    progress.begin(flags.delta ? 'delta: starting' : 'apply: starting');
    const engagement = await this.engagement(flags.project);
    const destination = openDestination(engagement);
    let report: RunReport;
    try {
      report = await applyRun(engagement, destination, {
        delta: flags.delta,
        force: flags.force,
        onCheck: (file, rows) => progress.update(`${flags.delta ? 'delta' : 'apply'}: reading the export (${file})`, rows),
        onProgress: (e) => progress.update(`[${e.loadIndex + 1}/${e.loads}] ${e.phase === 'linking' ? 'linking ' : ''}${e.load}`, e.done, e.total),
      });
      writeReconciliationMarkdown(engagement.dir, report);
    } finally {
      progress.stop();
      await destination.close();
    }
    if (report.unconfirmed.length > 0) {
      const lines = report.unconfirmed.map((u) => `  ${u.item} (${u.reason})`);
      const message = 'Nothing was moved: these proposals need a person to confirm them (crm-migrate confirm):';
      return { data: report, text: [message, ...lines].join('\n'), exitCode: EXIT.refused, failure: { code: 'engagement/unconfirmed', message, hint: 'Review migration.yaml, then run crm-migrate confirm.' } };
    }
    if (report.blockers.length > 0) {
      const text = ['Nothing was loaded:', ...report.blockers.map((b) => `  ${b}`)].join('\n');
      return { data: report, text, exitCode: EXIT.refused, failure: { code: 'run/blocked', message: `Nothing was loaded: ${report.blockers.join(' ')}` } };
    }
    const t = report.totals;
    const delta = report.kind === 'delta';
    const sum = (k: 'created' | 'updated' | 'unchanged' | 'conflicts' | 'removed'): number => report.loads.reduce((n, l) => n + (l[k] ?? 0), 0);
    const files = [report.files.markdown, report.files.exceptions, report.files.lookups, report.files.blanked, report.files.conflicts, report.files.removed, ...report.files.queues].filter((f) => f !== undefined);
    if ((report.imbalances ?? []).length > 0) {
      // Rows the run cannot account for are crm-migrate's own fault, whatever the export held.
      const message = `The run's figures do not add up, which is a bug in crm-migrate: ${(report.imbalances ?? []).join('; ')}`;
      return { data: report, text: message, exitCode: EXIT.internal, failure: { code: 'run/imbalance', message } };
    }
    const text = [
      `${delta ? 'Delta run' : 'Run'} ${report.runId}${report.resumed ? ' (resumed)' : ''}: ${t.sourceRows} source rows, ${t.loaded} loaded, ${t.skipped} skipped, ${t.held} held, ${t.failed} refused.`,
      // A delta's "loaded" includes rows left alone; what changed is the figure a cutover team watches.
      ...(report.notes ?? []).map((n) => `Note: ${n}`),
      ...(delta ? [`${sum('created')} created, ${sum('updated')} updated, ${sum('unchanged')} unchanged since the last run.`, `${sum('conflicts')} conflicts with edits made in the destination; ${sum('removed')} rows gone from the source (reported, not deleted).`] : []),
      '',
      table(
        ['load', 'object', 'rows', 'created', 'updated', 'unchanged', 'skipped', 'held', 'failed', 'duplicates', ...(delta ? ['conflicts', 'removed'] : [])],
        report.loads.map((l) => [l.load, l.object, l.sourceRows, l.created, l.updated, l.unchanged, l.skipped, l.held, l.failed, l.duplicates, ...(delta ? [l.conflicts ?? 0, l.removed ?? 0] : [])].map(String)),
      ),
      '',
      `Reports in ${engagement.dir}: ${files.join(', ')}`,
    ].join('\n');
    const warnings = (report.notes ?? []).slice();
    if (report.failureRate <= report.threshold) return { data: report, text, warnings };
    // Exit 1 must say why: the share of rows that did not load, against the engagement's threshold.
    const pct = (n: number): string => `${(n * 100).toFixed(n < 0.01 ? 2 : 1)}%`;
    const message = `Exit 1: ${t.skipped + t.failed} of ${t.sourceRows} rows were skipped or refused (${pct(report.failureRate)}), more than failThreshold ${pct(report.threshold)} in migration.yaml.`;
    const hint = `See ${report.files.exceptions ?? report.files.markdown} for each row and its reason.`;
    return { data: report, text: `${text}\n${message} ${hint}`, exitCode: EXIT.failed, failure: { code: 'run/threshold', message, hint }, warnings };
  }
}
