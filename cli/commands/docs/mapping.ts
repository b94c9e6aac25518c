import type { Outcome } from '../../base-command.js';
import { EngagementCommand } from '../../engagement-command.js';
import { generatedDate, generatedDateFlag } from '../../generated-date-flag.js';
import { displayPath } from '../../printers/display-path.js';
import { mappingDocument, type MappingDocument } from '../../../engine/docs/engagement/mapping-document.js';
import { writeMappingDocument, type EngagementDocFiles } from '../../../engine/docs/engagement/engagement-doc-files.js';

type MappingOutput = MappingDocument & { files: EngagementDocFiles & { csv: string } };

export default class DocsMapping extends EngagementCommand<MappingOutput> {
  static override summary = "Write the engagement's field mapping document for the customer's admin to review.";
  static override description =
    "Every field of every object: source column, destination attribute, the transform in plain words, value tables, and each lookup with what happens when nothing matches. The pair's map is merged with the decisions confirmed in migration.yaml (custom fields, stage table, owner map); proposed decisions are listed apart. Writes docs/mapping.md, docs/mapping.html and docs/mapping.csv in the engagement folder.";
  static override examples = ['<%= config.bin %> docs mapping', '<%= config.bin %> docs mapping --project acme --date 2026-01-01'];
  static override flags = { date: generatedDateFlag };

  protected async execute(): Promise<Outcome<MappingOutput>> {
    const { flags } = await this.parse(DocsMapping);
    const engagement = await this.engagement(flags.project);
    const document = mappingDocument(engagement, { generated: generatedDate(flags.date) });
    const files = writeMappingDocument(engagement, document);
    const { counts } = document;
    const lines = [
      `Wrote the mapping document for ${document.pair}: ${displayPath(files.markdown)}, ${displayPath(files.html)}, ${displayPath(files.csv)}`,
      `  ${counts.objects} objects, ${counts.fields} mapped fields (${counts.lookups} links, ${counts.valueTables} with a value table), ${counts.confirmed} confirmed decisions merged`,
    ];
    if (counts.pending > 0) lines.push(`Still proposed: ${counts.pending} decisions, listed apart and not in the map; review migration.yaml and run crm-migrate confirm.`);
    return { data: { ...document, files }, text: lines.join('\n') };
  }
}
