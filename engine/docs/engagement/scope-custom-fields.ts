import type { Engagement } from '../../engagement/engagement.js';
import type { CustomFieldDecision } from '../../spec/generated/engagement-spec.js';
import type { CustomAttribute } from '../../spec/generated/pair-spec.js';
import { typeVocabulary } from '../../plan/field-type-names.js';

/** One custom-column decision of migration.yaml, as the scope document lists it. */
export interface ScopeCustomField {
  object: string;
  column: string;
  action: CustomFieldDecision['action'];
  /** The destination field, empty for a skipped column. */
  to: string;
  /** The type in the destination's own words (`Whole number`, `Number(18,0)`), or the inferred type when skipped. */
  type: string;
  status: CustomFieldDecision['status'];
  confirmed: boolean;
}

export interface ScopeCustomFields {
  decisions: ScopeCustomField[];
  counts: { total: number; confirmed: number; proposed: number; create: number; map: number; skip: number };
}

/** The engagement's custom-column decisions in file order, with how many are still only proposed. */
export function scopeCustomFields(engagement: Engagement): ScopeCustomFields {
  const typeName = typeVocabulary(engagement.destination.spec.rules?.customFieldPattern);
  const decisions = (engagement.spec.customFields ?? []).map((d): ScopeCustomField => {
    const type = d.type ?? '';
    // A skipped column never reaches the destination, so its destination type name would mislead.
    const named = d.action === 'skip' || type === '' ? undefined : typeName({ type: type as CustomAttribute['type'], ...(d.maxLength === undefined ? {} : { maxLength: d.maxLength }) });
    return { object: d.object, column: d.column, action: d.action, to: d.to ?? '', type: named ?? type, status: d.status, confirmed: d.status === 'confirmed' };
  });
  const by = (test: (d: ScopeCustomField) => boolean): number => decisions.filter(test).length;
  return {
    decisions,
    counts: {
      total: decisions.length,
      confirmed: by((d) => d.confirmed),
      proposed: by((d) => !d.confirmed),
      create: by((d) => d.action === 'create'),
      map: by((d) => d.action === 'map'),
      skip: by((d) => d.action === 'skip'),
    },
  };
}
