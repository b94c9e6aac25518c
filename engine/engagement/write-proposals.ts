import { readFileSync, writeFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import type { CustomFieldDecision, EngagementSpec, OwnerDecision, StageDecision } from '../spec/generated/engagement-spec.js';

export interface Proposals {
  customFields: CustomFieldDecision[];
  stageTable: StageDecision[];
  ownerMap: OwnerDecision[];
}

/**
 * Writes proposals into migration.yaml without overriding a person: a decision already confirmed stays exactly as it
 * is, an earlier unconfirmed proposal is replaced by the new one, and new items are added as `proposed`. Comments and
 * layout of the file survive.
 */
export function writeProposals(file: string, proposals: Proposals): { added: number; replaced: number; kept: number } {
  const doc = parseDocument(readFileSync(file, 'utf8'));
  const spec = doc.toJS() as EngagementSpec;
  const counts = { added: 0, replaced: 0, kept: 0 };
  const merge = <T extends { status: string }>(scope: keyof Proposals, existing: T[] | undefined, proposed: T[], identity: (d: T) => string): void => {
    const byId = new Map((existing ?? []).map((d) => [identity(d), d]));
    const result: T[] = [];
    for (const p of proposed) {
      const old = byId.get(identity(p));
      if (old?.status === 'confirmed') {
        result.push(old);
        counts.kept += 1;
      } else {
        result.push(p);
        counts[old === undefined ? 'added' : 'replaced'] += 1;
      }
      byId.delete(identity(p));
    }
    // Confirmed decisions the proposer no longer makes are a person's choice too: keep them.
    for (const old of byId.values()) if (old.status === 'confirmed') result.push(old);
    if (result.length > 0) doc.set(scope, doc.createNode(result));
  };
  merge('customFields', spec.customFields, proposals.customFields, (d) => `${d.object}\u0000${d.column}`);
  merge('stageTable', spec.stageTable, proposals.stageTable, (d) => d.source.toLowerCase());
  merge('ownerMap', spec.ownerMap, proposals.ownerMap, (d) => d.source.toLowerCase());
  writeFileSync(file, doc.toString({ lineWidth: 0 }));
  return counts;
}
