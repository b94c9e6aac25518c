import type { Discovery } from '../discover/discovery.js';
import type { Engagement } from '../engagement/engagement.js';
import type { Proposals } from '../engagement/write-proposals.js';
import { proposeCustomFields } from './propose-custom-fields.js';
import type { FieldMatcher } from './field-matcher.js';
import { proposeOwnerMap } from './propose-owner-map.js';
import { proposeStageTable } from './propose-stage-table.js';

/**
 * Every proposal an engagement needs, from its discovery: a destination field for each custom column, a stage table
 * for every stage seen, and a user for every owner. A stronger matcher can be passed in; the default needs no network.
 */
export function proposeForEngagement(engagement: Engagement, discovery: Discovery, matcher?: FieldMatcher): Proposals {
  return {
    customFields: proposeCustomFields({ columns: discovery.columns, pair: engagement.pair, destination: engagement.destination, ...(matcher ? { matcher } : {}) }),
    stageTable: proposeStageTable(discovery.stages, engagement.pair, engagement.destination),
    ownerMap: proposeOwnerMap(discovery.owners, engagement.spec.users ?? [], engagement.spec.options?.fallbackOwner),
  };
}
