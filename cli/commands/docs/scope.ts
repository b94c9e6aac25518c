import type { Outcome } from '../../base-command.js';
import { EngagementCommand } from '../../engagement-command.js';
import { generatedDate, generatedDateFlag } from '../../generated-date-flag.js';
import { displayPath } from '../../printers/display-path.js';
import { scopeDocument, type ScopeDocument } from '../../../engine/docs/engagement/scope-document.js';
import { writeScopeDocument, type EngagementDocFiles } from '../../../engine/docs/engagement/engagement-doc-files.js';

type ScopeOutput = ScopeDocument & { files: EngagementDocFiles };

export default class DocsScope extends EngagementCommand<ScopeOutput> {
  static override summary = "Write the engagement's scope document for the customer's admin and project lead.";
  static override description =
    'Objects in scope with their row counts, what is left out and why, what lossy mappings lose, the custom-field decisions and whether they are confirmed, the import order, the schema changes, data-quality findings (when `discover` has run) and the timeline. Writes docs/scope.md and docs/scope.html in the engagement folder.';
  static override examples = ['<%= config.bin %> docs scope', '<%= config.bin %> docs scope --project acme --date 2026-01-01'];
  static override flags = { date: generatedDateFlag };

  protected async execute(): Promise<Outcome<ScopeOutput>> {
    const { flags } = await this.parse(DocsScope);
    const engagement = await this.engagement(flags.project);
    const scope = await scopeDocument(engagement, { generated: generatedDate(flags.date) });
    const files = writeScopeDocument(engagement, scope);
    const { counts, customFields, timeline } = scope;
    const lines = [
      `Wrote the scope document for ${scope.pair}: ${displayPath(files.markdown)}, ${displayPath(files.html)}`,
      `  ${counts.objects} objects in scope (${counts.oneToOne} 1:1, ${counts.lossy} lossy), ${counts.rows.toLocaleString('en-US')} rows in ${counts.files} files of the export${counts.loadsDiffer ? ` (the loads take ${counts.loadRows.toLocaleString('en-US')})` : ''}, ${scope.exclusions.length} exclusions`,
      `  ${customFields.counts.total} custom-field decisions (${customFields.counts.proposed} proposed), ${scope.schemaChanges.counts.changes} schema changes, ${scope.phases.length} import phases`,
      `  Timeline: ${timeline.text} (grade ${timeline.grade.letter}, ${timeline.grade.label})`,
    ];
    if (customFields.counts.proposed > 0) lines.push(`Still proposed: ${customFields.counts.proposed} custom-field decisions; review migration.yaml and run crm-migrate confirm.`);
    if (scope.findings === null) lines.push('Discovery has not run, so the document has no data-quality section yet: crm-migrate discover');
    for (const b of scope.blockers) lines.push(`Missing: ${b}`);
    return { data: { ...scope, files }, text: lines.join('\n') };
  }
}
