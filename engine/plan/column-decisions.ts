import type { Engagement } from '../engagement/engagement.js';
import type { CustomFieldDecision } from '../spec/generated/engagement-spec.js';
import type { PlannedLoad } from './planned-load.js';

/** How the export names users and records, as owners and lookups the engagement adds must match them. */
function matchBy(engagement: Engagement): { owner: 'email' | 'name'; lookup: 'key' | 'name' } {
  const format = engagement.source.spec.export;
  return {
    owner: format?.owners === 'user-name' ? 'name' : 'email',
    lookup: format?.references === 'name' || format?.references === 'module-label' ? 'name' : 'key',
  };
}

/** Every use of column `from` in the load reads `to` instead. */
function alias(load: PlannedLoad, from: string, to: string): void {
  const swap = (c: string): string => (c === from ? to : c);
  load.keyColumns = load.keyColumns.map(swap);
  for (const f of load.fields) f.columns = f.columns.map(swap);
  for (const l of load.lookups) {
    l.columns = l.columns.map(swap);
    l.column = l.columns.join(' + ');
  }
  if (load.owner) load.owner = { ...load.owner, from: swap(load.owner.from) };
}

/**
 * Applies a confirmed decision that gives a column a role the pair already has a place for: the record's key, the
 * owner, a lookup, or an attribute the pair fills from a column this export lacks (`CreatedDate__c` for `CreatedDate`,
 * `Account.External_Id__c` for the `AccountId` link). The pair's mapping keeps its transforms and reads the decided
 * column instead, everywhere the load read the old one. A lookup or owner the pair has no place for is added.
 * Returns false when the decision is a plain mapping of its own, which the caller adds as a field.
 */
export function applyColumnDecision(decision: CustomFieldDecision, load: PlannedLoad, loads: readonly PlannedLoad[], engagement: Engagement): boolean {
  const by = matchBy(engagement);
  const column = decision.column;
  if (decision.action === 'key') {
    load.keyColumns = [column];
    return true;
  }
  if (decision.action === 'owner') {
    if (load.owner) alias(load, load.owner.from, column);
    else if (decision.to !== undefined) load.owner = { from: column, to: decision.to, by: by.owner, onMissing: 'hold' };
    return true;
  }
  if (decision.action === 'lookup') {
    const existing = load.lookups.find((l) => l.to === decision.to && l.column !== column);
    if (existing) {
      alias(load, existing.column, column);
      return true;
    }
    if (decision.to !== undefined && !load.lookups.some((l) => l.to === decision.to && l.column === column)) {
      const targets = [...(decision.lookup ?? [])];
      const at = loads.indexOf(load);
      // A target that has not loaded yet (or this load itself) is linked in the second pass.
      const deferred = !targets.every((t) => { const i = loads.findIndex((l) => l.id === t); return i >= 0 && i < at; });
      load.lookups.push({ to: decision.to, column, columns: [column], targets, by: by.lookup, onMissing: 'blank', deferred });
    }
    return true;
  }
  if (decision.action === 'map') {
    const field = load.fields.find((f) => f.to === decision.to && f.columns.length === 1 && f.columns[0] !== column);
    if (field) {
      alias(load, field.columns[0]!, column);
      return true;
    }
  }
  return false;
}
