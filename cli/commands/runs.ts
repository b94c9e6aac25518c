import type { Outcome } from '../base-command.js';
import { EngagementCommand } from '../engagement-command.js';
import { formatElapsed } from '../output/elapsed.js';
import { table } from '../printers/table.js';
import { listRuns, type RunListing } from '../../engine/run/run-list.js';

export default class Runs extends EngagementCommand<RunListing[]> {
  static override summary = "List the engagement's runs with their state, counts and elapsed time.";
  static override description =
    'Read from the ledger (ledger.db) and each run\'s reconciliation. A run shown as running was interrupted, unless one is going now: the next apply resumes it. A rolled-back run can no longer be verified or rolled back.';
  static override examples = ['<%= config.bin %> runs', '<%= config.bin %> runs --project acme --json'];

  protected async execute(): Promise<Outcome<RunListing[]>> {
    const { flags } = await this.parse(Runs);
    const engagement = await this.engagement(flags.project);
    const runs = listRuns(engagement);
    if (runs.length === 0) return { data: runs, text: 'No runs yet: crm-migrate apply starts the first.' };
    const figure = (r: RunListing, k: keyof NonNullable<RunListing['counts']>): string => (r.counts === null ? '' : r.counts[k].toLocaleString('en-US'));
    const text = [
      `${runs.length} runs in ${engagement.dir}:`,
      table(
        ['run', 'kind', 'state', 'started', 'elapsed', 'rows', 'created', 'updated', 'unchanged', 'skipped', 'held', 'failed', 'in ledger'],
        runs.map((r) => [
          String(r.id),
          r.kind,
          r.state === 'running' ? 'running or interrupted' : r.state,
          r.startedAt.replace('T', ' ').replace(/\.\d+Z$/, 'Z'),
          r.elapsedMs === null ? '' : formatElapsed(r.elapsedMs),
          figure(r, 'sourceRows'),
          figure(r, 'created'),
          figure(r, 'updated'),
          figure(r, 'unchanged'),
          figure(r, 'skipped'),
          figure(r, 'held'),
          figure(r, 'failed'),
          r.ledgerEntries.toLocaleString('en-US'),
        ]),
      ),
    ].join('\n');
    return { data: runs, text };
  }
}
