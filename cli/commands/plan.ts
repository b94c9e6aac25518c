import { writeFileSync } from 'node:fs';
import { Flags } from '@oclif/core';
import type { Outcome } from '../base-command.js';
import { EngagementCommand } from '../engagement-command.js';
import { EXIT } from '../exit-codes.js';
import { summarizePlan, type PlanSummary } from '../../engine/plan/plan-summary.js';
import { table } from '../printers/table.js';

export default class Plan extends EngagementCommand<PlanSummary> {
  static override summary = 'Show the phases of the run in dependency order, and the schema changes to make first.';
  static override examples = ['<%= config.bin %> plan', '<%= config.bin %> plan --project acme --out plan.json'];
  static override flags = { out: Flags.string({ description: 'Also write the plan as JSON to this file.' }) };

  protected async execute(): Promise<Outcome<PlanSummary>> {
    const { flags } = await this.parse(Plan);
    const summary = await summarizePlan(await this.engagement(flags.project));
    if (flags.out !== undefined) writeFileSync(flags.out, JSON.stringify(summary, null, 2) + '\n');
    const lines = [
      `Plan for ${summary.pair} into ${summary.target}:`,
      '',
      table(
        ['phase', 'load', 'file', 'destination', 'rows', 'after', 'second pass'],
        summary.phases.map((p) => [String(p.phase), p.load, p.file, p.object, p.sourceRows === undefined ? 'missing' : String(p.sourceRows), p.dependsOn.join(', '), p.deferred.join(', ')]),
      ),
    ];
    if (summary.schemaChanges.length > 0) {
      lines.push('', 'Schema changes the destination needs before loading:');
      for (const c of summary.schemaChanges) lines.push(`  ${c.object}.${c.name} (${c.type}${c.maxLength === undefined ? '' : `, ${c.maxLength}`}): ${c.label}`);
    }
    for (const b of summary.blockers) lines.push(`Blocked: ${b}`);
    return { data: summary, text: lines.join('\n'), exitCode: summary.blockers.length > 0 ? EXIT.invalid : EXIT.ok };
  }
}
