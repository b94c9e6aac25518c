import type { CustomFieldDecision } from '../../spec/generated/engagement-spec.js';
import type { FieldMapping, Load, Lookup, PairSpec, StageRow, TransformStep } from '../../spec/generated/pair-spec.js';
import type { PlatformIndex } from '../../spec/platform-index.js';
import { asList } from '../../spec/pair-model.js';
import { toCall } from '../../transforms/registry.js';
import { transformInWords } from './transform-words.js';

/** One line of the mapping document: where a destination attribute's value comes from and what happens on the way. */
export interface FieldMappingEntry {
  kind: 'field' | 'constant' | 'lookup' | 'owner' | 'attachment' | 'custom';
  /** Source column(s) as the export heads them, joined with ` + `; for a constant, the value in quotes. */
  source: string;
  destination: string;
  /** The attribute's display label in the destination, when the platform spec gives one. */
  destinationLabel: string;
  /** The transform chain, or how a lookup or owner is resolved, in plain words. */
  transform: string;
  /** A lookup's or owner's rule for a reference that matches nothing; empty for plain fields. */
  policy: string;
  /** The value table the field is translated through (a `map` transform or a stage table); empty when none. */
  values: { from: string; to: string }[];
  note: string;
  /** For the engagement's custom-column decisions: `confirmed` or `proposed`; empty for the pair's own mappings. */
  status: string;
}

export interface LoadMapping {
  id: string;
  sourceObject: string;
  file: string;
  destinationObject: string;
  /** Which source rows the load reads, when it filters them. */
  filter: string;
  entries: FieldMappingEntry[];
}

/** The field-level map of one row of the object table. */
export interface ObjectMapping {
  rowId: string;
  source: string;
  destination: string;
  loads: LoadMapping[];
  fieldCount: number;
}

export interface MappingInputs {
  pair: PairSpec;
  source: PlatformIndex;
  destination: PlatformIndex;
  /** The engagement's stage rows replacing the pair's defaults, by stage table id. */
  stageTables?: ReadonlyMap<string, readonly StageRow[]>;
  /** The engagement's custom-column decisions; skipped columns never reach a load. */
  customFields?: readonly CustomFieldDecision[];
}

/** Every field of every load, object row by object row, in the order the pair spec declares them. */
export function fieldMappingOf(inputs: MappingInputs): ObjectMapping[] {
  return inputs.pair.objects.map((row) => {
    const loads = (row.loads ?? []).map((load) => loadMapping(load, inputs));
    return { rowId: row.id, source: row.source, destination: row.destination, loads, fieldCount: loads.reduce((n, l) => n + l.entries.length, 0) };
  });
}

function loadMapping(load: Load, inputs: MappingInputs): LoadMapping {
  const { source, destination } = inputs;
  const sourceObject = source.object(load.from);
  const names = { sourceName: source.spec.name, destinationName: destination.spec.name };
  const label = (attribute: string): string => destination.field(load.to, attribute)?.label ?? customLabel(inputs.pair, load.to, attribute);
  const entries: FieldMappingEntry[] = [
    ...load.fields.map((f) => fieldEntry(f, names, label, inputs)),
    ...(load.lookups ?? []).map((l) => lookupEntry(l, label, inputs)),
  ];
  if (load.owner !== undefined) {
    const { owner } = load;
    entries.push({
      ...blank('owner', owner.from, owner.to, label(owner.to)),
      transform: `The owner is matched to an active ${destination.spec.name} user by ${owner.by === 'email' ? 'email address' : 'user name'}, or through the engagement's owner map.`,
      policy: owner.onMissing === 'fallback' ? "No active user matches: the record gets the engagement's fallback owner." : 'No active user matches: the row waits in queues/owners.csv until the admin names a user.',
    });
  }
  if (load.attachment !== undefined) {
    const a = load.attachment;
    const parts = [a.content, a.fileName, a.mimeType, a.size].filter((p): p is string => p !== undefined);
    entries.push({
      ...blank('attachment', a.from, parts.join(', '), parts.map(label).filter((l) => l !== '').join(', ')),
      transform: 'The file the column names is read from the export folder and stored in the record: content, file name, type and size.',
      policy: 'A file missing from the export stops the row, reported with its file and line.',
    });
  }
  for (const decision of inputs.customFields ?? []) {
    if (decision.object !== load.from || decision.action === 'skip' || decision.to === undefined || decision.to === '') continue;
    if (entries.some((e) => e.destination === decision.to)) continue;
    entries.push({
      ...blank('custom', decision.column, decision.to, decision.action === 'create' ? `New ${decision.type ?? 'text'} column` : label(decision.to)),
      transform: decision.action === 'create' ? `Custom column created for it (${decision.type ?? 'text'}); the value is read as ${decision.type ?? 'text'}.` : 'Mapped onto an existing attribute; the value is read as its type.',
      note: decision.reason ?? '',
      status: decision.status,
    });
  }
  return {
    id: load.id,
    sourceObject: sourceObject?.label ?? load.from,
    file: sourceObject?.file ?? `${load.from}.csv`,
    destinationObject: destination.object(load.to)?.label ?? load.to,
    filter: load.where === undefined ? '' : `Only rows whose ${load.where.column} is ${load.where.in.map((v) => `"${v}"`).join(' or ')}.`,
    entries,
  };
}

function fieldEntry(field: FieldMapping, names: { sourceName: string; destinationName: string }, label: (a: string) => string, inputs: MappingInputs): FieldMappingEntry {
  if (field.from === undefined) {
    return { ...blank('constant', `"${String(field.value ?? '')}"`, field.to, label(field.to)), transform: 'The same value on every record.', note: field.note ?? '' };
  }
  const steps = field.transform === undefined ? [] : asList(field.transform);
  return {
    ...blank('field', asList(field.from).join(' + '), field.to, label(field.to)),
    transform: transformInWords(steps, names),
    policy: field.onError === 'hold' ? 'A value it cannot take holds the row for the admin.' : field.onError === 'skip' ? 'A value it cannot take skips the row, with the reason.' : '',
    values: valueTable(steps, inputs),
    note: field.note ?? '',
  };
}

function lookupEntry(lookup: Lookup, label: (a: string) => string, inputs: MappingInputs): FieldMappingEntry {
  const targets = asList(lookup.load).map((id) => loadTarget(inputs, id));
  const by = lookup.by === 'key' ? "the source record's id" : lookup.by === 'name' ? 'its name (two records with the same name are reported, never guessed)' : 'email address';
  const missing = lookup.onMissing ?? 'blank';
  return {
    ...blank('lookup', asList(lookup.from).join(' + '), lookup.to, label(lookup.to)),
    transform: `Linked to the ${targets.join(' or ')} record the run created, matched by ${by}.`,
    policy:
      missing === 'hold'
        ? 'Nothing matches: the row waits in queues/orphans.csv until the admin names the record to link.'
        : missing === 'skip'
          ? 'Nothing matches: the row is skipped, with the reason in exceptions.csv.'
          : 'Nothing matches: the record loads without the link, and the reconciliation report counts it.',
    note: lookup.note ?? '',
  };
}

/** The rows a field is translated through: a `map` transform's values, or the (engagement's) stage table. */
function valueTable(steps: readonly TransformStep[], inputs: MappingInputs): { from: string; to: string }[] {
  for (const call of steps.map(toCall)) {
    if (call.name === 'map') return (call.values ?? []).map((v) => ({ from: v.from, to: v.to === '' ? '(empty)' : String(v.to) }));
    if (call.name === 'stage' && call.table !== undefined) {
      const rows = inputs.stageTables?.get(call.table) ?? inputs.pair.stageTables?.find((t) => t.id === call.table)?.rows ?? [];
      const output = call.output ?? 'stage';
      return rows.map((r) => ({ from: r.source, to: output === 'probability' ? `${r.probability}%` : output === 'outcome' ? r.outcome : r.stage }));
    }
  }
  return [];
}

function loadTarget(inputs: MappingInputs, loadId: string): string {
  for (const row of inputs.pair.objects) {
    const load = row.loads?.find((l) => l.id === loadId);
    if (load !== undefined) return inputs.destination.object(load.to)?.label ?? load.to;
  }
  return loadId;
}

function customLabel(pair: PairSpec, object: string, attribute: string): string {
  return pair.customAttributes?.find((c) => c.object === object && c.name === attribute)?.label ?? '';
}

function blank(kind: FieldMappingEntry['kind'], source: string, destination: string, destinationLabel: string): FieldMappingEntry {
  return { kind, source, destination, destinationLabel, transform: '', policy: '', values: [], note: '', status: '' };
}
