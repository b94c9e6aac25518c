import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import type { EngagementSpec } from '../spec/generated/engagement-spec.js';

export type Scope = 'customFields' | 'stageTable' | 'ownerMap';
export const SCOPES: readonly Scope[] = ['customFields', 'stageTable', 'ownerMap'];

/** A proposal that blocks `apply`: never confirmed, or changed since it was. */
export interface Unconfirmed {
  scope: Scope;
  /** How a person finds it in migration.yaml, e.g. `customFields: accounts.Credit Limit`. */
  item: string;
  reason: 'not confirmed' | 'changed after confirmation';
}

/** The fields of a decision that make up what was decided; confidence, reasons and status are commentary. */
function decided(scope: Scope, spec: EngagementSpec): unknown[] {
  if (scope === 'customFields') return (spec.customFields ?? []).map((d) => [d.object, d.column, d.action, d.to ?? null, d.type ?? null, d.maxLength ?? null]);
  if (scope === 'stageTable') return (spec.stageTable ?? []).map((d) => [d.source, d.stage, d.probability, d.outcome]);
  return (spec.ownerMap ?? []).map((d) => [d.source, d.user ?? null]);
}

function label(scope: Scope, spec: EngagementSpec): string[] {
  if (scope === 'customFields') return (spec.customFields ?? []).map((d) => `${d.object}.${d.column}`);
  if (scope === 'stageTable') return (spec.stageTable ?? []).map((d) => d.source);
  return (spec.ownerMap ?? []).map((d) => d.source);
}

/** SHA-256 of exactly what a scope decides, so any later edit to a decision no longer matches its confirmation. */
export function scopeHash(spec: EngagementSpec, scope: Scope): string {
  return createHash('sha256').update(JSON.stringify(decided(scope, spec))).digest('hex');
}

/** Every decision `apply` must not act on yet, by name. An empty scope needs no confirmation. */
export function unconfirmed(spec: EngagementSpec): Unconfirmed[] {
  const out: Unconfirmed[] = [];
  for (const scope of SCOPES) {
    const items = spec[scope] ?? [];
    if (items.length === 0) continue;
    const names = label(scope, spec);
    const last = (spec.confirmations ?? []).filter((c) => c.scope === scope).at(-1);
    const edited = last !== undefined && last.hash !== scopeHash(spec, scope);
    items.forEach((decision, i) => {
      if (decision.status !== 'confirmed') out.push({ scope, item: `${scope}: ${names[i] ?? String(i)}`, reason: 'not confirmed' });
      else if (last === undefined || edited) out.push({ scope, item: `${scope}: ${names[i] ?? String(i)}`, reason: 'changed after confirmation' });
    });
  }
  return out;
}

/**
 * Marks every decision confirmed and records who confirmed, when, and the hash of what they confirmed, editing
 * migration.yaml in place so comments and layout survive.
 */
export function confirmEngagement(file: string, by: string, now: Date): { scope: Scope; items: number; hash: string }[] {
  const doc = parseDocument(readFileSync(file, 'utf8'));
  const spec = doc.toJS() as EngagementSpec;
  const done: { scope: Scope; items: number; hash: string }[] = [];
  for (const scope of SCOPES) {
    const items = spec[scope] ?? [];
    if (items.length === 0) continue;
    items.forEach((_, i) => doc.setIn([scope, i, 'status'], 'confirmed'));
    const hash = scopeHash(spec, scope);
    const record = { by, at: now.toISOString(), hash, scope };
    if (doc.hasIn(['confirmations'])) doc.addIn(['confirmations'], record);
    else doc.set('confirmations', doc.createNode([record]));
    done.push({ scope, items: items.length, hash });
  }
  writeFileSync(file, doc.toString({ lineWidth: 0 }));
  return done;
}
