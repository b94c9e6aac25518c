import { writeFileSync } from 'node:fs';
import { Flags } from '@oclif/core';
import { UserError, type Outcome } from '../base-command.js';
import { EngagementCommand } from '../engagement-command.js';
import { EXIT } from '../exit-codes.js';
import { summarizePlan, type PlanSummary } from '../../engine/plan/plan-summary.js';
import { destinationProblems } from '../../engine/plan/destination-preflight.js';
import { writeSchemaChangeFiles, type SchemaChangeFiles } from '../../engine/plan/schema-change-files.js';
import { displayPath } from '../printers/display-path.js';
import { table } from '../printers/table.js';
import { dryRunOutcome } from '../dry-run-outcome.js';
import type { DryRunSummary } from '../../engine/run/dry-run.js';

/** The plan, plus where the admin's schema-change document was written (relative to the engagement folder). */
type PlanOutput = PlanSummary & { schemaFiles: SchemaChangeFiles };

export default class Plan extends EngagementCommand<PlanOutput | DryRunSummary> {
  static override summary = 'Show the phases of the run in dependency order, and the schema changes to make first.';
  static override description =
    'Also writes schema-changes.md and schema-changes.html into the engagement folder: a checklist for the admin who prepares the real destination (custom fields, choice values, stages).';
  static override examples = ['<%= config.bin %> plan', '<%= config.bin %> plan --project acme --out plan.json', '<%= config.bin %> plan --dry-run'];
  /** plan reads every export file, and its dry run is a whole apply on copies: both say how long they took. */
  static override longRunning = true;

  static override flags = {
    out: Flags.string({ description: 'Also write the plan as JSON to this file.' }),
    'dry-run': Flags.boolean({
      description: 'Instead of the phases, count what apply would do per load (create, update, unchanged, skip, hold, refused, duplicates, unresolved lookups) by running it on copies of the target and ledger; writes nothing. Same as apply --dry-run.',
      default: false,
    }),
    delta: Flags.boolean({ description: 'With --dry-run: count what apply --delta would do.', default: false }),
  };

  protected async execute(): Promise<Outcome<PlanOutput | DryRunSummary>> {
    const { flags } = await this.parse(Plan);
    if (flags.delta && !flags['dry-run']) throw new UserError('--delta only applies to --dry-run here: plan shows the phases, which are the same for a delta run.', EXIT.invalid, { code: 'cli/usage', hint: 'Run `crm-migrate plan --dry-run --delta`.' });
    const engagement = await this.engagement(flags.project);
    if (flags['dry-run']) return dryRunOutcome(engagement, { delta: flags.delta, force: false }, this.progress());
    const plan = await summarizePlan(engagement, { preflight: (compiled) => destinationProblems(engagement, compiled) });
    const summary: PlanOutput = { ...plan, schemaFiles: writeSchemaChangeFiles(engagement, plan.schemaDocument) };
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
    for (const c of summary.schemaDocument.customObjects) {
      const fields = c.fields.map((f) => `${f.name} (${f.type})`).join(', ');
      lines.push('', c.createObject ? `Custom object to create: ${c.object} (${c.objectLabel}), before ${c.loads.join(', ')}: ${fields}` : `Custom fields to add to ${c.object}: ${fields}`);
    }
    lines.push('', `Schema-change checklist for the admin in ${displayPath(engagement.dir)}: ${summary.schemaFiles.markdown}, ${summary.schemaFiles.html}`);
    for (const w of summary.warnings) lines.push(`Warning: ${w}`);
    for (const f of summary.notInScope) lines.push(`Not in scope: ${f.file}${f.rows === null ? '' : ` (${f.rows} rows)`}: ${f.reason}`);
    for (const b of summary.blockers) lines.push(`Blocked: ${b}`);
    if (summary.blockers.length === 0) return { data: summary, text: lines.join('\n') };
    const message = `${summary.blockers.length} ${summary.blockers.length === 1 ? 'blocker' : 'blockers'} must be fixed before a run.`;
    return { data: summary, text: [...lines, message].join('\n'), exitCode: EXIT.invalid, failure: { code: 'plan/blocked', message } };
  }
}
