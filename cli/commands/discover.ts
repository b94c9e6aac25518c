import type { Outcome } from '../base-command.js';
import { EngagementCommand } from '../engagement-command.js';
import { displayPath } from '../printers/display-path.js';
import { table } from '../printers/table.js';
import { discover } from '../../engine/discover/discover.js';
import type { Discovery } from '../../engine/discover/discovery.js';
import { writeDiscoveryReports, type DiscoveryFiles } from '../../engine/discover/discovery-report.js';

export default class Discover extends EngagementCommand<Discovery & { files: DiscoveryFiles }> {
  static override summary = 'Audit the export before anything moves: custom columns and their types, stages, owners, data-quality problems.';
  static override description =
    'Reads every file of the export once. Writes discovery/discovery.json, .md and .html beside migration.yaml; `propose` reads the JSON.';
  static override examples = ['<%= config.bin %> discover', '<%= config.bin %> discover --project acme --json'];

  static override longRunning = true;

  protected async execute(): Promise<Outcome<Discovery & { files: DiscoveryFiles }>> {
    const { flags } = await this.parse(Discover);
    const engagement = await this.engagement(flags.project);
    const progress = this.progress();
    progress.begin('discover: counting rows');
    let discovery: Discovery;
    try {
      discovery = await discover(engagement, {
        onProgress: (e) => progress.update(`[${e.objectIndex + 1}/${e.objects}] ${e.object}`, e.done, e.total),
      });
    } finally {
      progress.stop();
    }
    const files = writeDiscoveryReports(engagement.dir, discovery);
    const rows = discovery.objects.reduce((n, o) => n + o.rows, 0);
    const lines = [
      `Read ${rows.toLocaleString('en-US')} rows in ${discovery.objects.length} files of ${discovery.source}.`,
      '',
      `${discovery.columns.length} custom columns:`,
      table(['object', 'column', 'type', 'filled'], discovery.columns.map((c) => [c.object, c.column, c.type, `${c.filled}/${c.rows}`])),
      '',
      discovery.findings.length === 0 ? 'No data-quality findings.' : `${discovery.findings.length} data-quality findings:`,
      ...(discovery.findings.length === 0
        ? []
        : [table(['finding', 'object', 'column', 'rows', 'first'], discovery.findings.map((f) => [f.kind, f.object, f.column ?? '', String(f.count), f.examples.map((e) => `${f.file}:${e.line}`).slice(0, 2).join(', ')]))]),
      '',
      `Reports: ${[files.markdown, files.html, files.json].map(displayPath).join(', ')}`,
      'Next: crm-migrate propose',
    ];
    return { data: { ...discovery, files }, text: lines.join('\n') };
  }
}
