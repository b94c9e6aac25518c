import type { ColumnProfile } from '../discover/discovery.js';
import type { PairSpec } from '../spec/generated/pair-spec.js';
import type { PlatformIndex } from '../spec/platform-index.js';
import { CREATED_ATTRIBUTES, loadsOf, MODIFIED_ATTRIBUTES, pairSlots, type ExportHeaders, type PairSlot } from './candidates.js';
import type { ColumnEvidence } from './column-evidence.js';
import type { ColumnBasis } from './confidence.js';
import { textScore } from './field-matcher.js';
import { words } from './normalise.js';

/** A decision reached from the column's values or from what the pair already does, before any name matching. */
export interface Inferred {
  action: 'map' | 'key' | 'skip' | 'lookup' | 'owner' | 'create';
  to?: string;
  type?: string;
  lookup?: string[];
  basis: ColumnBasis;
  reason: string;
}

export interface InferContext {
  column: ColumnProfile;
  evidence: ColumnEvidence | undefined;
  pair: PairSpec;
  destination: PlatformIndex;
  destObject: string;
  headers: ExportHeaders | undefined;
  /** Attributes of destObject that earlier proposals of this run already took. */
  used: ReadonlySet<string>;
}

/** A reference or user match counts from this share of the column's distinct values. */
export const MATCH_FROM = 0.5;
/** From this share it is taken as settled. */
export const MATCH_STRONG = 0.9;

const pct = (rate: number): string => `${Math.round(rate * 100)}%`;
const DO_NOT_MODIFY = /^\(do not modify\)\s*/i;
const digits = (header: string): string => header.replace(/\D+/g, ' ').trim();

function timestampKind(header: string): 'created' | 'modified' | undefined {
  const w = words(header.replace(DO_NOT_MODIFY, ''));
  if (w.some((x) => ['created', 'creation', 'create'].includes(x))) return 'created';
  if (w.some((x) => ['modified', 'updated', 'changed', 'lastmodified'].includes(x))) return 'modified';
  return undefined;
}

/** The loads reading the column's object, and the pair's slots they fill on the destination object. */
function ownSlots(ctx: InferContext): PairSlot[] {
  const loads = new Set(loadsOf(ctx.pair, ctx.column.object).map((l) => l.id));
  return pairSlots(ctx.pair, ctx.destObject, ctx.headers).filter((s) => loads.has(s.load));
}

/** An attribute of destObject neither this export fills through the pair nor an earlier proposal took. */
function isFree(ctx: InferContext, name: string): boolean {
  return !ctx.used.has(name) && !pairSlots(ctx.pair, ctx.destObject, ctx.headers).some((s) => s.filled && s.to === name);
}

function inferTimestamp(ctx: InferContext): Inferred | undefined {
  const { column } = ctx;
  if (column.type !== 'date' && column.type !== 'datetime') return undefined;
  const kind = timestampKind(column.column);
  if (kind === undefined) return undefined;
  const names = kind === 'created' ? CREATED_ATTRIBUTES : MODIFIED_ATTRIBUTES;
  const field = (ctx.destination.object(ctx.destObject)?.fields ?? []).find((f) => names.includes(f.name));
  if (field && isFree(ctx, field.name)) {
    const what = kind === 'created' ? 'creation' : 'last-modified';
    return { action: 'map', to: field.name, type: field.type, basis: kind === 'created' ? 'created-on' : 'modified-on', reason: `"${column.column}" holds ${column.type} values named as the record's ${what} time: ${ctx.destObject}.${field.name} (${field.label ?? field.name}) keeps it` };
  }
  if (kind === 'modified' && field === undefined) {
    return { action: 'skip', basis: 'modified-unsettable', reason: `"${column.column}" is the record's last-modified time; ${ctx.destination.spec.name} stamps its own and lets no migration set it` };
  }
  return undefined;
}

function inferKey(ctx: InferContext): Inferred | undefined {
  const { column, evidence } = ctx;
  if (DO_NOT_MODIFY.test(column.column) && !(evidence?.idNamed ?? false) && timestampKind(column.column) === undefined) {
    return { action: 'skip', basis: 'bookkeeping', reason: `"${column.column}" is the exporter's bookkeeping (a checksum or marker), not data` };
  }
  if (evidence === undefined || !evidence.ownKey) return undefined;
  const declared = evidence.objectKey;
  const present = evidence.objectKeyPresent;
  if (present && !DO_NOT_MODIFY.test(column.column)) return undefined;
  const why = declared === undefined ? 'the object declares no key' : present ? `it is the exporter's record id` : `the export has no ${declared} column`;
  return { action: 'key', basis: 'key', reason: `"${column.column}" is unique on all ${evidence.rows} rows and named like an id, and ${why}: the record's own key` };
}

function inferOwner(ctx: InferContext): Inferred | undefined {
  const users = ctx.evidence?.users;
  if (users === undefined || users.rate < MATCH_FROM) return undefined;
  const slot = ownSlots(ctx).find((s) => s.kind === 'owner');
  const field = slot?.to ?? (ctx.destination.object(ctx.destObject)?.fields ?? []).find((f) => f.type === 'owner')?.name;
  const evidence = `${pct(users.rate)} of its ${users.checked} distinct values are users' ${users.by === 'id' ? 'ids' : users.by === 'email' ? 'emails' : 'names'}`;
  if (field === undefined || !isFree(ctx, field)) return { action: 'create', basis: 'create-clear', reason: `${evidence}, but the owner is already filled${slot ? ` from ${slot.columns.join(' + ')}` : ''}; kept as text` };
  const gap = slot ? `; the pair's owner column ${slot.columns[0]} is not in this export` : '';
  return { action: 'owner', to: field, type: 'owner', basis: users.rate >= MATCH_STRONG ? 'owner' : 'owner-partial', reason: `"${ctx.column.column}": ${evidence}: the record's owner (${ctx.destObject}.${field})${gap}` };
}

function inferLookup(ctx: InferContext): Inferred | undefined {
  const refs = (ctx.evidence?.references ?? []).filter((r) => r.rate >= MATCH_FROM / 2 && loadsOf(ctx.pair, r.object).length > 0);
  if (refs.length === 0) return undefined;
  const loadsOfRef = new Map(refs.map((r) => [r.object, loadsOf(ctx.pair, r.object).map((l) => l.id)]));
  const rateFor = (targets: readonly string[]): number => Math.min(1, refs.filter((r) => loadsOfRef.get(r.object)!.some((l) => targets.includes(l))).reduce((n, r) => n + r.rate, 0));
  const best = refs[0]!;
  if (best.rate < MATCH_FROM && rateFor(refs.flatMap((r) => loadsOfRef.get(r.object)!)) < MATCH_FROM) return undefined;
  const describe = (rate: number): string => refs.map((r) => `${r.matched} of ${r.checked} values are ${r.object} ${r.by === 'key' ? 'keys' : 'names'}`).join(', ') + ` (${pct(rate)})`;

  const mine = ownSlots(ctx);
  // Lookups the pair writes to one attribute from several columns are fallbacks (WhoId, then WhatId): each may be filled.
  const fallback = (s: PairSlot): boolean => mine.filter((x) => x.kind === 'lookup' && x.to === s.to).length > 1;
  const slots = mine
    .filter((s) => s.kind === 'lookup' && !s.filled && (!ctx.used.has(s.to) || fallback(s)))
    .map((s) => ({ s, rate: rateFor(s.targets), name: textScore(ctx.column.column, s.columns[0]!) }))
    .filter((x) => x.rate >= MATCH_FROM)
    .sort((a, b) => b.rate - a.rate || b.name - a.name);
  const slot = slots[0];
  if (slot) {
    return {
      action: 'lookup',
      to: slot.s.to,
      type: 'lookup',
      lookup: slot.s.targets,
      basis: slot.rate >= MATCH_STRONG ? 'lookup' : 'lookup-partial',
      reason: `"${ctx.column.column}": ${describe(slot.rate)}: a lookup through ${ctx.destObject}.${slot.s.to}, the pair's link for ${slot.s.columns[0]}, which this export lacks`,
    };
  }
  const targetObjects = new Set(refs.flatMap((r) => loadsOf(ctx.pair, r.object).map((l) => l.to)));
  const fields = (ctx.destination.object(ctx.destObject)?.fields ?? [])
    .filter((f) => f.type === 'lookup' && f.writable !== false && isFree(ctx, f.name) && !mine.some((s) => s.to === f.name) && (f.targets ?? []).some((t) => targetObjects.has(t)))
    .map((f) => ({ f, name: Math.max(textScore(ctx.column.column, f.name), f.label ? textScore(ctx.column.column, f.label) : 0) }))
    .sort((a, b) => b.name - a.name);
  const rate = rateFor(refs.flatMap((r) => loadsOfRef.get(r.object)!));
  const field = fields[0];
  if (field && (fields.length === 1 || field.name >= 0.6)) {
    const lookup = refs.flatMap((r) => loadsOfRef.get(r.object)!.filter((l) => (field.f.targets ?? []).includes(loadsOf(ctx.pair, r.object).find((x) => x.id === l)!.to)));
    const sure = rate >= MATCH_STRONG && (fields.length === 1 || field.name >= 0.8);
    return { action: 'lookup', to: field.f.name, type: 'lookup', lookup: [...new Set(lookup)], basis: sure ? 'lookup' : 'lookup-partial', reason: `"${ctx.column.column}": ${describe(rate)}: a lookup through ${ctx.destObject}.${field.f.name} (${field.f.label ?? field.f.name})` };
  }
  return { action: 'create', basis: 'reference-unplaced', reason: `"${ctx.column.column}": ${describe(rate)}, but no unused lookup on ${ctx.destObject} points there; kept as text for review` };
}

/** A column named like a column the pair maps but this export lacks takes that mapping: the pair's own are first. */
function inferPairColumn(ctx: InferContext): Inferred | undefined {
  const scored = ownSlots(ctx)
    .filter((s) => s.kind === 'field' && !s.filled && s.columns.length === 1 && !ctx.used.has(s.to))
    // `Address 2: City` is not the pair's `Address 1: City`: numbers that differ name different slots.
    .filter((s) => digits(s.columns[0]!) === digits(ctx.column.column))
    .map((s) => ({ s, score: textScore(ctx.column.column, s.columns[0]!) }))
    .sort((a, b) => b.score - a.score);
  const best = scored[0];
  if (!best || best.score < 0.85) return undefined;
  const field = ctx.destination.field(ctx.destObject, best.s.to);
  return { action: 'map', to: best.s.to, ...(field ? { type: field.type } : {}), basis: 'pair-column', reason: `"${ctx.column.column}" is the pair's ${best.s.columns[0]} under another name (which this export lacks): ${ctx.destObject}.${best.s.to}` };
}

/** Evidence from values and from the pair, strongest first; undefined leaves the column to the name matcher. */
export function inferFromValues(ctx: InferContext): Inferred | undefined {
  return inferTimestamp(ctx) ?? inferKey(ctx) ?? inferOwnerOrLookup(ctx) ?? inferPairColumn(ctx);
}

function inferOwnerOrLookup(ctx: InferContext): Inferred | undefined {
  const userRate = ctx.evidence?.users?.rate ?? 0;
  const refRate = ctx.evidence?.references.find((r) => loadsOf(ctx.pair, r.object).length > 0)?.rate ?? 0;
  return userRate >= refRate ? (inferOwner(ctx) ?? inferLookup(ctx)) : (inferLookup(ctx) ?? inferOwner(ctx));
}
