import type { Load, PairSpec } from '../spec/generated/pair-spec.js';
import type { ExportFormat, PlatformField, PlatformObject } from '../spec/generated/platform-spec.js';
import { asList, destinationField } from '../spec/pair-model.js';
import type { PlatformIndex } from '../spec/platform-index.js';
import { fieldSemantic, headerWords } from './header-words.js';
import { columnsOf, domainOf, intersect, type Domain } from './transform-domain.js';
import { companionOf, typeColumn } from './related-columns.js';
import type { ColumnRole, RefTarget, RowGroup, Semantic, ValueShape } from './types.js';

/**
 * Decides, per group of rows, what every column of a source object holds. The pair's loads come first: keys, the
 * `where` column, owners, attachments, lookups, then mapped columns through what their transforms accept. Columns no
 * load reads fall back to the platform field's type and header words, and columns only other groups' loads read
 * stay empty (an export leaves call-only columns blank on task rows).
 */
export interface RoleContext {
  pair: PairSpec;
  destination: PlatformIndex;
  format: ExportFormat;
  object: PlatformObject;
  loadsById: Map<string, Load>;
  /** Objects the sample knows how to reference (written or not). */
  known: Set<string>;
  personLike: boolean;
  keyColumns: string[];
  identity: Map<string, Extract<ColumnRole, { kind: 'identity' }>['part']>;
  /** Lower-case singular names an object goes by (`organisation`, `account`), to read `Related To Type` options. */
  labels: (object: string) => string[];
  /** The module name Vtiger-style references and `Parent Module` columns write for an object. */
  moduleName: (object: string) => string;
  notes: string[];
}

interface Mapped {
  domains: Domain[];
  dest: PlatformField[];
}

const SHAPED: readonly Semantic[] = ['email', 'url', 'phone', 'integer', 'decimal', 'money', 'boolean', 'date', 'datetime'];

export function buildGroups(ctx: RoleContext, loads: Load[]): { groups: RowGroup[]; whereColumn?: string } {
  const filtered = loads.filter((l) => l.where !== undefined);
  const whereColumn = filtered[0]?.where?.column;
  const sameColumn = filtered.filter((l) => l.where?.column === whereColumn);
  if (filtered.length > sameColumn.length) ctx.notes.push(`${ctx.object.name}: loads filter on several columns; only \`${whereColumn}\` is cycled.`);
  const unfiltered = loads.filter((l) => l.where === undefined);
  const values: string[] = [];
  for (const load of sameColumn) for (const v of load.where?.in ?? []) if (!values.some((x) => x.toLowerCase() === v.toLowerCase())) values.push(v);
  const allMapped = mappedColumns(ctx, loads);
  const others = specialColumns(loads);
  if (values.length === 0) return { groups: [group(ctx, undefined, loads, allMapped, undefined, others)] };
  const groups = values.map((value) => {
    const reading = [...sameColumn.filter((l) => (l.where?.in ?? []).some((v) => v.toLowerCase() === value.toLowerCase())), ...unfiltered];
    return group(ctx, value, reading, allMapped, whereColumn, others);
  });
  return whereColumn === undefined ? { groups } : { groups, whereColumn };
}

function mappedColumns(ctx: RoleContext, loads: Load[]): Map<string, Mapped> {
  const out = new Map<string, Mapped>();
  for (const load of loads) {
    for (const mapping of load.fields ?? []) {
      const columns = columnsOf(mapping);
      const domain: Domain = columns.length === 1 ? domainOf(mapping, ctx.pair) : { blankable: true };
      const dest = destinationField(ctx.destination, ctx.pair.customAttributes, load.to, mapping.to);
      for (const column of columns) {
        const entry = out.get(column) ?? { domains: [], dest: [] };
        entry.domains.push(domain);
        if (dest) entry.dest.push(dest);
        out.set(column, entry);
      }
    }
  }
  return out;
}

/** Columns some load of the object uses as a reference, owner or attachment. */
function specialColumns(loads: Load[]): Set<string> {
  return new Set(loads.flatMap((l) => [...(l.lookups ?? []).flatMap((k) => asList(k.from)), ...(l.owner ? [l.owner.from] : []), ...(l.attachment ? [l.attachment.from] : []), ...(l.attendees ?? []).flatMap((a) => (a.from === undefined ? [] : [a.from]))]));
}

/**
 * A meeting's invitee columns hold emails of the people the destination's attendees can be (contacts, leads): the
 * sample writes them as references by email to the loads writing those objects, so its invitees resolve.
 */
function attendeeLookups(ctx: RoleContext, load: Load): NonNullable<Load['lookups']> {
  const targets = new Set((ctx.destination.spec.rules?.attendees?.targets ?? []).map((t) => t.toLowerCase()));
  const [first, ...rest] = [...ctx.loadsById.values()].filter((l) => targets.has(l.to.toLowerCase())).map((l) => l.id);
  if (first === undefined) return [];
  const people: [string, ...string[]] = [first, ...rest];
  // A column the load already reads as a lookup (Vtiger's Contact Name, LeadSmart's WhoId) keeps that lookup's targets.
  const looked = new Set((load.lookups ?? []).flatMap((l) => asList(l.from)));
  return (load.attendees ?? []).flatMap((a) => (a.owner === true || a.from === undefined || looked.has(a.from) ? [] : [{ to: `attendees:${a.from}`, from: a.from, load: people, by: a.by ?? 'email' }]));
}

function group(ctx: RoleContext, whereValue: string | undefined, loads: Load[], everywhere: Map<string, Mapped>, whereColumn: string | undefined, others: Set<string>): RowGroup {
  const mapped = mappedColumns(ctx, loads);
  const roles = new Map<string, ColumnRole>();
  const refs = new Map<string, { targets: RefTarget[]; always: boolean }>();
  const chains: string[][] = [];
  const owners = new Set<string>();
  const attachments = new Set<string>();
  for (const load of loads) {
    if (load.owner) owners.add(load.owner.from);
    if (load.attachment) attachments.add(load.attachment.from);
    const byAttribute = new Map<string, string[]>();
    // A composite-key reference is a set of key columns the sample fills as values, not one generated reference.
    for (const lookup of [...(load.lookups ?? []), ...attendeeLookups(ctx, load)].filter((k): k is typeof k & { from: string } => typeof k.from === 'string')) {
      const field = ctx.object.fields?.find((f) => f.name === lookup.from);
      // Vtiger writes a reference by name as `Module::::Name`; a record number (`by: key`) is written bare.
      const wrap = ctx.format.references === 'module-label' && lookup.by === 'name' && (field === undefined || field.type === 'lookup');
      const entry = refs.get(lookup.from) ?? { targets: [], always: false };
      for (const id of asList(lookup.load)) {
        const target = ctx.loadsById.get(id);
        if (target === undefined) continue;
        let ref = entry.targets.find((t) => t.object === target.from && t.by === lookup.by);
        if (ref === undefined) {
          ref = { object: target.from, by: lookup.by, wrap, where: [] };
          entry.targets.push(ref);
        }
        // Only rows a target load reads can be pointed at: a reference to a call from a lookup to meetings finds nothing.
        if (target.where === undefined) delete ref.where;
        else if (ref.where !== undefined) ref.where.push(...target.where.in);
      }
      refs.set(lookup.from, entry);
      const members = byAttribute.get(lookup.to) ?? [];
      if (!members.includes(lookup.from)) members.push(lookup.from);
      byAttribute.set(lookup.to, members);
    }
    for (const members of byAttribute.values()) {
      if (members.length === 1) (refs.get(members[0] as string) as { always: boolean }).always = true;
      else if (!chains.some((c) => c.join('\u0000') === members.join('\u0000'))) chains.push(members);
    }
  }

  const dateColumns: RowGroup['dateColumns'] = [];
  const stageTables: RowGroup['stageTables'] = [];
  for (const [column, entry] of mapped) {
    for (const d of entry.domains) {
      if (d.semantic === 'date' || d.semantic === 'datetime') {
        if (!dateColumns.some((c) => c.column === column)) dateColumns.push({ column, kind: d.semantic });
      }
      if (d.stageTable && !stageTables.includes(d.stageTable)) stageTables.push(d.stageTable);
    }
  }

  for (const field of ctx.object.fields ?? []) {
    roles.set(field.name, roleOf(ctx, field, { whereValue, whereColumn, mapped, everywhere, others, refs, owners, attachments, stageTables }));
  }
  for (const [column, ref] of refs) if (!roles.has(column)) roles.set(column, { kind: 'reference', targets: ref.targets, always: ref.always, optional: false });
  for (const [column, role] of roles) {
    if (role.kind === 'value' || role.kind === 'blank' || (role.kind === 'reference' && role.optional)) {
      const companion = companionOf(column, refs);
      if (companion !== undefined && !mapped.has(column)) roles.set(column, { kind: 'companion', column: companion });
    }
  }
  for (const [column, role] of roles) {
    if ((role.kind !== 'choice' && role.kind !== 'value') || mapped.has(column)) continue;
    const typeOf = typeColumn(column, role.kind === 'choice' ? role.values : undefined, refs, ctx.labels, ctx.moduleName);
    if (typeOf) roles.set(column, { kind: 'type-of', column: typeOf.column, values: typeOf.values });
  }
  const result: RowGroup = { ...(whereValue === undefined ? {} : { whereValue }), loads, roles, chains, dateColumns, stageTables };
  const stage = [...mapped].find(([, m]) => m.domains.some((d) => d.stageTable))?.[0];
  const table = stage === undefined ? undefined : mapped.get(stage)?.domains.find((d) => d.stageTable)?.stageTable;
  const probability = [...roles].find(([column, role]) => role.kind === 'value' && /\bprobability\b/.test(headerWords(column)))?.[0];
  if (stage !== undefined && table !== undefined && probability !== undefined) result.stageLink = { stage, table, probability };
  return result;
}

interface Facts {
  whereValue: string | undefined;
  whereColumn: string | undefined;
  mapped: Map<string, Mapped>;
  everywhere: Map<string, Mapped>;
  others: Set<string>;
  refs: Map<string, { targets: RefTarget[]; always: boolean }>;
  owners: Set<string>;
  attachments: Set<string>;
  stageTables: RowGroup['stageTables'];
}

function roleOf(ctx: RoleContext, field: PlatformField, facts: Facts): ColumnRole {
  const column = field.name;
  if (ctx.keyColumns.includes(column)) return { kind: 'key' };
  if (column === facts.whereColumn && facts.whereValue !== undefined) return { kind: 'where', values: [facts.whereValue] };
  if (facts.attachments.has(column)) return { kind: 'attachment' };
  if (facts.owners.has(column)) return { kind: 'owner', loadOwner: true };
  const ref = facts.refs.get(column);
  if (ref) return { kind: 'reference', targets: ref.targets, always: ref.always, optional: false };
  const identity = ctx.identity.get(column);
  if (identity !== undefined) return { kind: 'identity', part: identity };
  const mapped = facts.mapped.get(column);
  if (mapped) return mappedRole(ctx, field, mapped, facts);
  // Columns only other groups' loads read stay empty, as an export leaves call-only columns blank on task rows.
  if (facts.everywhere.has(column) || facts.others.has(column)) return { kind: 'blank' };
  return unmappedRole(ctx, field);
}

function mappedRole(ctx: RoleContext, field: PlatformField, mapped: Mapped, facts: Facts): ColumnRole {
  let values: string[] | undefined;
  let semantic: Semantic | undefined;
  for (const d of mapped.domains) {
    if (d.values) {
      const next = intersect(values, d.values);
      if (next !== undefined && next.length === 0) ctx.notes.push(`${ctx.object.name}.${field.name}: mappings accept disjoint values; the first mapping's values are written.`);
      else values = next;
    }
    semantic ??= d.semantic === 'decimal' && field.type === 'percent' ? 'percent' : d.semantic;
  }
  const blankable = mapped.domains.every((d) => d.blankable);
  // Values the export writes for "nothing" (`--None--`) read as empty, so a mapped column never gets one.
  const nulls = new Set((ctx.format.nullValues ?? []).map((v) => v.toLowerCase()));
  values = values?.filter((v) => !nulls.has(v.toLowerCase()));
  if (values !== undefined && values.length > 0) {
    const table = mapped.domains.find((d) => d.stageTable)?.stageTable;
    return { kind: 'choice', values, blankable, ...(table?.pipeline === undefined ? {} : { pipeline: table.pipeline }) };
  }
  if (semantic === 'tags' && field.options?.length) {
    return { kind: 'choice', values: field.options.map((o) => String(o.value)), blankable, separator: ctx.format.multiValueSeparator ?? ';' };
  }
  const fromField = fieldSemantic(field, ctx.personLike);
  if (semantic === undefined) {
    const destType = mapped.dest.map((d) => d.type).find((t) => SHAPED.includes(t as Semantic)) as Semantic | undefined;
    const textual = field.type === 'text' || field.type === 'longtext' || field.type === undefined;
    semantic = textual && destType !== undefined ? destType : fromField;
    const options = (field.options ?? []).map((o) => String(o.value)).filter((v) => !nulls.has(v.toLowerCase()));
    if (options.length > 0 && semantic === 'word') return { kind: 'choice', values: options, blankable };
  }
  if (semantic === 'paragraph' && mapped.domains.some((d) => d.html)) semantic = 'html';
  if (semantic === 'word' && facts.stageTables.length > 0 && /\bpipeline\b/.test(headerWords(field.name))) semantic = 'pipeline';
  return { kind: 'value', shape: shapeOf(field, semantic, mapped.dest), blankable: blankable ? 0.25 : 0 };
}

function unmappedRole(ctx: RoleContext, field: PlatformField): ColumnRole {
  if (field.type === 'owner') return { kind: 'owner', loadOwner: false };
  if (field.type === 'file') return { kind: 'blank' };
  if (field.type === 'lookup') {
    const by = ctx.format.references === 'module-label' || ctx.format.references === 'name' ? 'name' : 'key';
    const targets = (field.targets ?? []).filter((t) => ctx.known.has(t)).map((object): RefTarget => ({ object, by, wrap: ctx.format.references === 'module-label' && by === 'name' }));
    return targets.length === 0 ? { kind: 'blank' } : { kind: 'reference', targets, always: false, optional: true };
  }
  if (field.options?.length && (field.type === 'picklist' || field.type === 'status' || field.type === 'state' || field.type === 'multipicklist')) {
    const values = field.options.map((o) => String(o.value));
    return field.type === 'multipicklist' ? { kind: 'choice', values, blankable: true, separator: ctx.format.multiValueSeparator ?? ';' } : { kind: 'choice', values, blankable: false };
  }
  const semantic = fieldSemantic(field, ctx.personLike);
  if (semantic === 'blank') return { kind: 'blank' };
  return { kind: 'value', shape: shapeOf(field, semantic, []), blankable: field.required ? 0 : 0.1 };
}

export function shapeOf(field: PlatformField | undefined, semantic: Semantic, dest: PlatformField[]): ValueShape {
  const lengths = [field?.maxLength, ...dest.map((d) => d.maxLength)].filter((n): n is number => n !== undefined);
  const mins = [field?.min, ...dest.map((d) => d.min)].filter((n): n is number => n !== undefined);
  const maxes = [field?.max, ...dest.map((d) => d.max)].filter((n): n is number => n !== undefined);
  const temporal = field?.type === 'date' ? 'date' : field?.type === 'datetime' ? 'datetime' : semantic === 'date' || semantic === 'datetime' ? semantic : undefined;
  return {
    semantic,
    ...(lengths.length ? { maxLength: Math.min(...lengths) } : {}),
    ...(mins.length ? { min: Math.max(...mins) } : {}),
    ...(maxes.length ? { max: Math.min(...maxes) } : {}),
    ...(temporal === undefined ? {} : { temporal }),
  };
}
