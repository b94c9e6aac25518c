import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import type { EngagementSpec } from '../spec/generated/engagement-spec.js';
import { REVIEW_BELOW } from './review-threshold.js';

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

/** A proposal `confirm` does not take on trust: below the review threshold, never confirmed, not named. */
export interface Guess {
  scope: Scope;
  /** As `unconfirmed` names it, e.g. `stageTable: Negotiation`: what `--accept` takes. */
  item: string;
  confidence: number;
  /** What was proposed, in a few words, and the proposer's reason. */
  proposal: string;
  reason: string;
}

export interface ConfirmOptions {
  /** Items (as `Guess.item`, or the part after `scope: `) a person has read and accepts although they are guesses. */
  accept?: readonly string[];
  /** Confirm the guesses too, without naming them. */
  includeLowConfidence?: boolean;
}

export interface ConfirmResult {
  confirmed: { scope: Scope; items: number; hash: string }[];
  /** Guesses left unconfirmed: `apply` keeps refusing until each is named, edited, or the flag is given. */
  held: Guess[];
  /** Names given to `accept` that match no guess, so a typo is not silently ignored. */
  unknownNames: string[];
}

function proposalWords(scope: Scope, d: Record<string, unknown>): string {
  if (scope === 'customFields') return `${String(d['action'])}${d['to'] === undefined ? '' : ` ${String(d['to'])}`}${Array.isArray(d['lookup']) ? ` -> ${(d['lookup'] as string[]).join('|')}` : ''}`;
  if (scope === 'stageTable') return `${String(d['stage'])} ${String(d['probability'])}% ${String(d['outcome'])}`;
  return d['user'] === undefined ? '(owner queue)' : String(d['user']);
}

const sameName = (item: string, name: string): boolean => {
  const n = name.trim().toLowerCase();
  return item.toLowerCase() === n || item.slice(item.indexOf(': ') + 2).toLowerCase() === n;
};

/**
 * Marks every decision confirmed and records who confirmed, when, and the hash of what they confirmed, editing
 * migration.yaml in place so comments and layout survive. Proposals below the review threshold are guesses: they
 * stay `proposed` (so `apply` still refuses) unless named in `accept` or `includeLowConfidence` is set.
 */
export function confirmEngagement(file: string, by: string, now: Date, options: ConfirmOptions = {}): ConfirmResult {
  const doc = parseDocument(readFileSync(file, 'utf8'));
  const spec = doc.toJS() as EngagementSpec;
  const accept = options.accept ?? [];
  const used = new Set<string>();
  const confirmed: ConfirmResult['confirmed'] = [];
  const held: Guess[] = [];
  for (const scope of SCOPES) {
    const items = (spec[scope] ?? []) as unknown as Record<string, unknown>[];
    if (items.length === 0) continue;
    const names = label(scope, spec);
    let count = 0;
    items.forEach((d, i) => {
      const item = `${scope}: ${names[i] ?? String(i)}`;
      const confidence = typeof d['confidence'] === 'number' ? d['confidence'] : 1;
      const guess = d['status'] !== 'confirmed' && confidence < REVIEW_BELOW;
      const named = accept.find((a) => sameName(item, a));
      if (named !== undefined) used.add(named);
      if (guess && named === undefined && options.includeLowConfidence !== true) {
        held.push({ scope, item, confidence, proposal: proposalWords(scope, d), reason: typeof d['reason'] === 'string' ? d['reason'] : '' });
        return;
      }
      doc.setIn([scope, i, 'status'], 'confirmed');
      count += 1;
    });
    if (count === 0) continue;
    const hash = scopeHash(spec, scope);
    const record = { by, at: now.toISOString(), hash, scope };
    if (doc.hasIn(['confirmations'])) doc.addIn(['confirmations'], record);
    else doc.set('confirmations', doc.createNode([record]));
    confirmed.push({ scope, items: count, hash });
  }
  writeFileSync(file, doc.toString({ lineWidth: 0 }));
  return { confirmed, held, unknownNames: accept.filter((a) => !used.has(a)) };
}
