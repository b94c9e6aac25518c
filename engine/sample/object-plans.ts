import type { PairSpec } from '../spec/generated/pair-spec.js';
import type { ExportFormat, PlatformField } from '../spec/generated/platform-spec.js';
import { asList } from '../spec/pair-model.js';
import type { PlatformIndex } from '../spec/platform-index.js';
import { buildGroups } from './column-roles.js';
import { customColumnsFor, customRole } from './custom-columns.js';
import { headerWords, personPart, textSemantic } from './header-words.js';
import { BASE_COUNTS, isPersonLike, type Selection, type SelectedObject } from './object-roles.js';
import { KeyStyle } from './record-keys.js';
import { singular } from './related-columns.js';
import type { ColumnRole, NameKind, ObjectPlan } from './types.js';

export interface PlanInput {
  pair: PairSpec;
  source: PlatformIndex;
  destination: PlatformIndex;
  format: ExportFormat;
  scale: number;
  counts?: Record<string, number>;
  objects?: string[];
}

/** Everything the row generator needs to know about each source object, decided once before any row is written. */
export function buildPlans(input: PlanInput, selection: Selection, notes: string[]): ObjectPlan[] {
  const { pair, source, format } = input;
  const used = new Set<string>();
  const objectCount = (source.spec.objects ?? []).length;
  const known = new Set(selection.objects.map((o) => o.name));
  const loads = [...selection.loadsById.values()];
  const referencedBy = (object: string, by: string): boolean =>
    loads.some((l) => (l.lookups ?? []).some((k) => k.by === by && asList(k.load).some((id) => selection.loadsById.get(id)?.from === object)));
  const labels = (object: string): string[] => {
    const o = source.object(object);
    const label = o?.label ?? object;
    const inner = /\(([^)]+)\)/.exec(label)?.[1];
    return [object, label, label.replace(/\s*\(.*\)\s*/, ''), inner ?? ''].filter((s) => s !== '').map(singular);
  };
  const moduleName = (object: string): string => {
    const label = source.object(object)?.label ?? object;
    return /\(([^)]+)\)/.exec(label)?.[1] ?? label;
  };

  let writtenOrdinal = 0;
  return selection.objects.map((selected): ObjectPlan => {
    const { name, object, loads: mine } = selected;
    const fields = object.fields ?? [];
    const personLike = isPersonLike(object);
    const written = input.objects === undefined || input.objects.includes(name);
    const count = input.counts?.[name] ?? (selected.role === 'user' ? BASE_COUNTS.user : Math.max(1, Math.round(BASE_COUNTS[selected.role] * input.scale)));
    // The record key is the object's key, else the first column of a load's key; the other columns of a composite
    // key (line items) are ordinary columns whose combination with the record key stays unique.
    const keyColumns = [object.key, ...mine.map((l) => asList(l.key)[0])].filter((k): k is string => k !== undefined && fields.some((f) => f.name === k)).slice(0, 1);
    if (keyColumns.length === 0) notes.push(`${name}: the object names no key column, so rows carry no id.`);
    const nameField = fields.find((f) => f.name === object.primaryName);
    const nameKind = nameKindOf(selected, nameField, personLike);
    const referencedByName = referencedBy(name, 'name');
    const emailField = emailColumnOf(selected, fields);
    const emailColumn = emailField !== undefined && (personLike || nameKind === 'email' || referencedBy(name, 'email')) ? emailField : undefined;

    const identity = new Map<string, Extract<ColumnRole, { kind: 'identity' }>['part']>();
    if (personLike || selected.role === 'user') {
      for (const f of fields) {
        const part = personPart(f);
        if (part) identity.set(f.name, part);
        else if (f.type === 'text' && textSemantic(headerWords(f.name), true) === 'full-name') identity.set(f.name, 'full');
      }
    }
    if (emailColumn !== undefined) identity.set(emailColumn, 'email');
    if (nameField && !identity.has(nameField.name)) identity.set(nameField.name, nameField.type === 'email' ? 'email' : 'name');

    const ctx = { pair, destination: input.destination, format, object, loadsById: selection.loadsById, known, personLike, keyColumns, identity, labels, moduleName, notes };
    const { groups, whereColumn } = buildGroups(ctx, mine);
    const file = object.file ?? `${name}.csv`;
    const custom = written && selected.role !== 'user' ? customColumnsFor(source.spec, name, file, writtenOrdinal, fields) : [];
    if (written && selected.role !== 'user') writtenOrdinal += 1;
    for (const group of groups) for (const c of custom) group.roles.set(c.column, customRole(c));
    return {
      name,
      object,
      file,
      ordinal: selected.ordinal,
      count,
      role: selected.role,
      fields,
      custom,
      headers: [...fields.map((f) => f.name), ...custom.map((c) => c.column)],
      keys: new KeyStyle(format, object, selected.ordinal, Math.max(objectCount, 1), used),
      keyColumns,
      ...(whereColumn === undefined ? {} : { whereColumn }),
      groups,
      nameKind,
      ...(nameField === undefined ? {} : { nameColumn: nameField.name }),
      ...(emailColumn === undefined ? {} : { emailColumn }),
      moduleName: moduleName(name),
      referencedByName,
      written,
    };
  });
}

function nameKindOf(selected: SelectedObject, field: PlatformField | undefined, personLike: boolean): NameKind {
  if (field === undefined) return 'generic';
  if (field.type === 'email') return 'email';
  const semantic = textSemantic(headerWords(field.name), personLike);
  if (personLike && (personPart(field) !== undefined || semantic === 'full-name')) return 'person';
  if (selected.role === 'user') return 'person';
  if (selected.role === 'company' || semantic === 'company-name') return 'company';
  if (selected.role === 'deal' || semantic === 'deal-name') return 'deal';
  if (selected.role === 'attachment' || semantic === 'file-name') return 'file';
  if (field.type === 'longtext' || semantic === 'paragraph') return 'paragraph';
  if (semantic === 'subject') return 'subject';
  return 'generic';
}

/**
 * The column other objects match this one's email on: the first email field, as the engine's planner indexes it;
 * failing that, a text column a load maps through `email`.
 */
function emailColumnOf(selected: SelectedObject, fields: PlatformField[]): string | undefined {
  const typed = fields.find((f) => f.type === 'email')?.name;
  if (typed !== undefined) return typed;
  for (const load of selected.loads) {
    for (const mapping of load.fields ?? []) {
      const steps = asList(mapping.transform).map((s) => (typeof s === 'string' ? s : s.name));
      const from = asList(mapping.from);
      if (steps.includes('email') && from.length === 1 && fields.some((f) => f.name === from[0])) return from[0];
    }
  }
  return undefined;
}
