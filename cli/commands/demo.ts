import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Flags } from '@oclif/core';
import { BaseCommand, UserError, type Outcome } from '../base-command.js';
import { EXIT } from '../exit-codes.js';
import { bundledPair } from '../pair-flag.js';
import { userSpecDirs } from '../specs-flag.js';
import { generateSample } from '../../engine/sample/index.js';
import { initEngagement } from '../../engine/engagement/init-engagement.js';
import { loadEngagement } from '../../engine/engagement/engagement.js';
import { applyRun } from '../../engine/run/apply-run.js';
import { writeReconciliationMarkdown } from '../../engine/reports/reconciliation-markdown.js';
import { openDestination } from '../../engine/destinations/open-destination.js';
import type { RunReport } from '../../engine/run/run-report.js';
import { discover } from '../../engine/discover/discover.js';
import { writeDiscoveryReports } from '../../engine/discover/discovery-report.js';

export default class Demo extends BaseCommand<RunReport> {
  static override summary = 'A whole sample migration into the sandbox: sample, init and apply in one go.';
  static override description = 'Writes a synthetic export, starts an engagement folder on it, audits the export and runs the migration into the SQLite sandbox, then says where the reports are.';
  static override examples = ['<%= config.bin %> demo', '<%= config.bin %> demo --pair smart-crm-online--salesforce-sales-cloud --out /tmp/demo'];
  static override longRunning = true;
  static override flags = {
    pair: Flags.string({ description: 'The pair id.', default: 'vtiger--dynamics-365-sales' }),
    out: Flags.string({ description: 'The folder for the export and the engagement (emptied first).', default: 'crm-migrate-demo' }),
    seed: Flags.integer({ description: 'Seed of the sample generator.', default: 1 }),
  };

  protected async execute(): Promise<Outcome<RunReport>> {
    const { flags } = await this.parse(Demo);
    const root = resolve(flags.out);
    rmSync(root, { recursive: true, force: true });
    const exportDir = join(root, 'export');
    const engagementDir = join(root, 'engagement');
    const { pair, source, destination } = await bundledPair(flags.pair, flags.specs);
    await generateSample({ pair, source, destination, outDir: exportDir, seed: flags.seed });
    const init = await initEngagement(engagementDir, { pair: flags.pair, source: exportDir, specs: userSpecDirs(flags.specs) });
    if (init.diagnostics[0]) throw new UserError(init.diagnostics[0].message);
    const { engagement } = await loadEngagement(engagementDir);
    if (!engagement) throw new UserError('The demo engagement could not be loaded.', EXIT.internal);
    const progress = this.progress();
    progress.begin('demo: auditing the export');
    // The audit an engineer starts every engagement with; the demo shows its report beside the run's.
    const discovery = writeDiscoveryReports(engagementDir, await discover(engagement));
    const target = openDestination(engagement);
    let report: RunReport;
    try {
      report = await applyRun(engagement, target, { onProgress: (e) => progress.update(`[${e.loadIndex + 1}/${e.loads}] ${e.phase === 'linking' ? 'linking ' : ''}${e.load}`, e.done, e.total) });
      writeReconciliationMarkdown(engagement.dir, report);
    } finally {
      progress.stop();
      await target.close();
    }
    const t = report.totals;
    const text = [
      `Migrated a sample ${source.spec.name} export into a ${destination.spec.name} sandbox (${flags.pair}).`,
      `${t.sourceRows} source rows: ${t.loaded} loaded, ${t.skipped} skipped, ${t.held} held for the admin, ${t.failed} refused by the sandbox's rules.`,
      '',
      `Export:       ${exportDir}`,
      `Engagement:   ${engagementDir}/migration.yaml`,
      `Discovery:    ${discovery.markdown} (and .html)`,
      `Sandbox:      ${engagementDir}/sandbox.db (open it with any SQLite tool)`,
      `Reports:      ${join(engagementDir, report.files.markdown)}`,
      ...(report.files.exceptions === undefined ? [] : [`Exceptions:   ${join(engagementDir, report.files.exceptions)}`]),
      ...report.files.queues.map((q) => `Queue:        ${join(engagementDir, q)}`),
    ].join('\n');
    return { data: report, text, exitCode: report.failureRate > report.threshold ? EXIT.failed : EXIT.ok };
  }
}
