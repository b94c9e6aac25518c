import { Flags } from '@oclif/core';
import type { Outcome } from '../base-command.js';
import { EngagementCommand } from '../engagement-command.js';
import { table } from '../printers/table.js';
import { discover } from '../../engine/discover/discover.js';
import { writeDiscoveryReports } from '../../engine/discover/discovery-report.js';
import { savedDiscovery } from '../../engine/discover/saved-discovery.js';
import { writeProposals, type Proposals } from '../../engine/engagement/write-proposals.js';
import { needsReview } from '../../engine/engagement/review-threshold.js';
import { engagementEvidence, proposeForEngagement } from '../../engine/propose/propose-engagement.js';

interface ProposeResult {
  proposals: Proposals;
  written: { added: number; replaced: number; kept: number };
}

export default class Propose extends EngagementCommand<ProposeResult> {
  static override summary = 'Propose a field map, stage table and owner map in migration.yaml, each with a confidence and a reason.';
  static override description =
    'Reads discovery/discovery.json (running discovery first when there is none). Confirmed decisions are never overwritten; earlier unconfirmed proposals are replaced. Nothing moves until `confirm`.';
  static override examples = ['<%= config.bin %> propose', '<%= config.bin %> propose --rediscover'];
  static override flags = { rediscover: Flags.boolean({ description: 'Read the export again even when a discovery exists.', default: false }) };

  protected async execute(): Promise<Outcome<ProposeResult>> {
    const { flags } = await this.parse(Propose);
    const engagement = await this.engagement(flags.project);
    let discovery = flags.rediscover ? undefined : savedDiscovery(engagement);
    if (discovery === undefined) {
      discovery = await discover(engagement);
      writeDiscoveryReports(engagement.dir, discovery);
    }
    // The export's values (keys, references, users) are evidence the names alone do not give.
    const proposals = proposeForEngagement(engagement, discovery, { evidence: await engagementEvidence(engagement, discovery) });
    const written = writeProposals(engagement.file, proposals);
    const review = [...proposals.customFields, ...proposals.stageTable, ...proposals.ownerMap].filter((d) => needsReview(d)).length;
    const pct = (n: number | undefined): string => `${Math.round((n ?? 0) * 100)}%`;
    const lines = [
      'Custom fields:',
      table(['object', 'column', 'action', 'to', 'type', 'confidence', 'reason'], proposals.customFields.map((d) => [d.object, d.column, d.action, d.lookup ? `${d.to ?? ''} -> ${d.lookup.join('|')}` : (d.to ?? ''), d.type ?? '', pct(d.confidence), d.reason ?? ''])),
      '',
      'Stage table:',
      table(['source stage', 'stage', 'probability', 'outcome', 'confidence', 'reason'], proposals.stageTable.map((d) => [d.source, d.stage, String(d.probability), d.outcome, pct(d.confidence), d.reason ?? ''])),
      '',
      'Owner map:',
      table(['source owner', 'user', 'confidence', 'reason'], proposals.ownerMap.map((d) => [d.source, d.user ?? '(owner queue)', pct(d.confidence), d.reason ?? ''])),
      '',
      `migration.yaml: ${written.added} proposals added, ${written.replaced} replaced, ${written.kept} confirmed decisions kept.`,
      `${review} of them are below 50% confidence: guesses that confirm lists apart and takes only when named.`,
      'Review and edit them there, then run: crm-migrate confirm',
    ];
    return { data: { proposals, written }, text: lines.join('\n') };
  }
}
