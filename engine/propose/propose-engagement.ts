import type { Discovery } from '../discover/discovery.js';
import type { Engagement } from '../engagement/engagement.js';
import type { Proposals } from '../engagement/write-proposals.js';
import type { ColumnEvidence } from './column-evidence.js';
import { gatherEvidence } from './column-evidence.js';
import type { FieldMatcher } from './field-matcher.js';
import { proposeCustomFields } from './propose-custom-fields.js';
import { proposeOwnerMap } from './propose-owner-map.js';
import { proposeStageTable } from './propose-stage-table.js';
import { readExportTables } from './read-export-tables.js';

export interface ProposeOptions {
  /** A stronger name matcher; the default needs no network. */
  matcher?: FieldMatcher;
  /** What the export's values show per column (see `engagementEvidence`); without it, names alone decide. */
  evidence?: ReadonlyMap<string, ColumnEvidence>;
}

/** Reads the export's keys, names, users and custom columns and measures each custom column's evidence. */
export async function engagementEvidence(engagement: Engagement, discovery: Discovery): Promise<Map<string, ColumnEvidence>> {
  const { tables, users, clean } = await readExportTables(engagement, discovery);
  return gatherEvidence(tables, users, clean);
}

/**
 * Every proposal an engagement needs, from its discovery: a decision for each custom column, a stage table for every
 * stage seen, and a user for every owner. Deterministic and offline: the same discovery and evidence give the same
 * proposals.
 */
export function proposeForEngagement(engagement: Engagement, discovery: Discovery, options: ProposeOptions = {}): Proposals {
  const headers = new Map(discovery.objects.map((o) => [o.object, o.headers]));
  return {
    customFields: proposeCustomFields({
      columns: discovery.columns,
      pair: engagement.pair,
      destination: engagement.destination,
      headers,
      ...(options.matcher ? { matcher: options.matcher } : {}),
      ...(options.evidence ? { evidence: options.evidence } : {}),
    }),
    stageTable: proposeStageTable(discovery.stages, engagement.pair, engagement.destination),
    ownerMap: proposeOwnerMap(discovery.owners, engagement.spec.users ?? [], engagement.spec.options?.fallbackOwner),
  };
}
