import type { ColumnRole, ObjectPlan, RowGroup, Semantic } from './types.js';

/** Planted text problems: values that test quoting and encoding rather than the data. */
export type TextKind = 'non-ascii' | 'embedded-quote' | 'embedded-comma' | 'embedded-newline';

const FREE_TEXT: readonly Semantic[] = ['job-title', 'subject', 'text', 'paragraph', 'html', 'company-name', 'deal-name', 'location', 'street', 'city'];
const MULTI_LINE: readonly Semantic[] = ['paragraph', 'html', 'street'];

function entries(group: RowGroup): [string, ColumnRole][] {
  return [...group.roles.entries()];
}

function mappedByGroup(group: RowGroup, column: string): boolean {
  return group.loads.some((l) => l.fields.some((f) => f.from === column || (Array.isArray(f.from) && f.from.includes(column))));
}

/** A free-text value column: mapped ones first so the destination sees the planted value, then by `accept` order. */
function freeText(group: RowGroup, accept: readonly Semantic[], minLength: number): string | undefined {
  const candidates = entries(group)
    .filter(([, role]) => role.kind === 'value' && accept.includes(role.shape.semantic) && (role.shape.maxLength ?? 1000) >= minLength)
    .map(([column, role]) => ({ column, rank: (mappedByGroup(group, column) ? 0 : 100) + accept.indexOf((role as { shape: { semantic: Semantic } }).shape.semantic) }))
    .sort((a, b) => a.rank - b.rank);
  return candidates[0]?.column;
}

/** The record's own name column, when it holds free text a decoration cannot break. */
function textName(plan: ObjectPlan): string | undefined {
  return ['company', 'deal', 'subject', 'paragraph', 'generic'].includes(plan.nameKind) ? plan.nameColumn : undefined;
}

/** The column a planted problem of `kind` goes in for rows of `group`, or undefined when none fits. */
export function findColumn(plan: ObjectPlan, group: RowGroup, kind: string, company: string | undefined): string | undefined {
  const roles = entries(group);
  switch (kind) {
    case 'duplicate-company':
      return plan.nameColumn !== undefined && plan.nameKind === 'company' ? plan.nameColumn : undefined;
    case 'duplicate-email':
      return plan.emailColumn;
    case 'missing-company':
    case 'unknown-company':
      return roles.find(([, r]) => r.kind === 'reference' && !r.optional && r.always && r.targets.some((t) => t.object === company))?.[0];
    case 'unknown-owner':
    case 'inactive-owner':
      return roles.find(([, r]) => r.kind === 'owner' && r.loadOwner)?.[0];
    case 'malformed-date':
      return group.dateColumns.find((c) => group.roles.get(c.column)?.kind === 'value')?.column;
    case 'embedded-newline':
      return freeText(group, MULTI_LINE, 200) ?? (plan.nameKind === 'paragraph' ? plan.nameColumn : undefined);
    case 'non-ascii': {
      const first = roles.find(([, r]) => r.kind === 'identity' && r.part === 'first')?.[0];
      return first ?? textName(plan) ?? freeText(group, FREE_TEXT, 40);
    }
    default: {
      if (kind === 'embedded-quote' && plan.nameKind === 'company') return plan.nameColumn;
      return freeText(group, FREE_TEXT, 60) ?? textName(plan);
    }
  }
}
