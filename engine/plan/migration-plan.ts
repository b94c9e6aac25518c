import { join } from 'node:path';
import type { Engagement } from '../engagement/engagement.js';
import type { CustomAttribute, StageRow } from '../spec/generated/pair-spec.js';
import type { ProcessStorage } from '../spec/generated/platform-spec.js';
import { asList, loadsOf, pairDependencies } from '../spec/pair-model.js';
import { importOrder } from '../spec/import-order.js';
import { applyColumnDecision } from './column-decisions.js';
import { loadColumns } from './load-columns.js';
import { currencyField } from './currency-fields.js';
import { planAttendees, type PlannedAttendees } from './planned-attendees.js';
import { exportEntries, locateExportFile } from '../source/export-file-name.js';
import type { MigrationPlan, PlannedLoad } from './planned-load.js';
import { plannedClose } from '../spec/close-rule.js';

export type { DuplicatePolicy, MigrationPlan, PlannedField, PlannedLoad, PlannedLookup } from './planned-load.js';


/** Turns the pair spec and the engagement's decisions into the ordered work of a run. */
export function compilePlan(engagement: Engagement): MigrationPlan {
  const { pair, source, destination } = engagement;
  const located = loadsOf(pair);
  const byId = new Map(located.map((l) => [l.load.id, l]));
  const { order, deferred } = importOrder(
    located.map((l) => l.load.id),
    pairDependencies(pair, destination),
  );
  const deferredKeys = new Set(deferred.map((d) => `${d.to}|${d.via}`));

  const indexNeeds = new Map<string, Set<'name' | 'email'>>();
  for (const { load } of located) {
    for (const lookup of load.lookups ?? []) {
      if (lookup.by === 'key') continue;
      for (const target of asList(lookup.load)) {
        const set = indexNeeds.get(target) ?? new Set();
        set.add(lookup.by);
        indexNeeds.set(target, set);
      }
    }
  }

  // Invitees are resolved by email to the records of the loads writing the attendee targets (contacts, leads).
  const attendeeStorage = destination.spec.rules?.attendees;
  const attendeesOf = new Map(located.map(({ load }) => [load.id, planAttendees(load, attendeeStorage, located.map((l) => l.load), destination.spec.rules?.userObject)] as const));
  for (const planned of attendeesOf.values()) {
    const kinds = (planned?.columns ?? []).flatMap((c) => (c.column === undefined || c.by === 'key' ? [] : [c.by]));
    for (const target of planned?.targetLoads ?? []) indexNeeds.set(target, new Set([...(indexNeeds.get(target) ?? []), ...kinds]));
  }

  const entries = exportEntries(engagement.exportDir);
  const loads = order.map((id): PlannedLoad => {
    const { load, rowIndex } = byId.get(id) as (typeof located)[number];
    const object = source.object(load.from);
    const decision = (engagement.spec.files ?? []).find((f) => f.object === load.from);
    const found = locateExportFile(entries, object?.file ?? `${load.from}.csv`, decision?.file);
    const fileName = found.name;
    const emailColumn = object?.fields.find((f) => f.type === 'email')?.name;
    return {
      id,
      rowId: pair.objects[rowIndex]?.id ?? id,
      sourceObject: load.from,
      file: join(engagement.exportDir, fileName),
      fileName,
      object: load.to,
      keyColumns: asList(load.key ?? object?.key ?? []),
      ...(load.where ? { filter: { column: load.where.column, values: new Set(load.where.in.map((v) => v.toLowerCase())), written: load.where.in } } : {}),
      fields: (load.fields ?? []).map((f) => ({
        to: f.to,
        columns: asList(f.from),
        ...(f.value === undefined ? {} : { value: f.value }),
        steps: f.transform === undefined ? [] : asList(f.transform),
        onError: f.onError ?? (destination.field(load.to, f.to)?.required === true ? 'skip' : 'blank'),
      })),
      lookups: (load.lookups ?? []).map((l) => ({
        to: l.to,
        column: asList(l.from).join(' + '),
        columns: asList(l.from),
        targets: asList(l.load),
        by: l.by,
        onMissing: l.onMissing ?? 'blank',
        ...(l.typeColumn === undefined ? {} : { typeColumn: l.typeColumn, types: Object.fromEntries(Object.entries(l.types ?? {}).map(([k, v]) => [k.trim().toLowerCase(), String(v)])) }),
        deferred: deferredKeys.has(`${id}|${id}.${l.to}`),
      })),
      ...(load.owner ? { owner: load.owner } : {}),
      ...(load.attachment ? { attachment: load.attachment } : {}),
      ...(load.process ? { process: load.process } : {}),
      ...(attendeesOf.get(id) === undefined ? {} : { attendees: attendeesOf.get(id) as PlannedAttendees }),
      indexBy: [...(indexNeeds.get(id) ?? [])],
      nameColumns: object?.nameColumns ?? (object?.primaryName === undefined ? [] : [object.primaryName]),
      ...(emailColumn === undefined ? {} : { emailColumn }),
      ...(object?.modifiedField === undefined ? {} : { modifiedColumn: object.modifiedField }),
      knownColumns: [],
      found,
      ...(decision?.headers === undefined ? {} : { headerAliases: Object.fromEntries(Object.entries(decision.headers).map(([k, v]) => [k, String(v)])) }),
      duplicates: engagement.spec.options?.duplicates ?? pair.duplicates ?? 'first',
    };
  });
  for (const load of loads) {
    const close = plannedClose(destination, load.object, load.fields.map((f) => f.to));
    if (close !== undefined) load.close = close;
    const createOnly = load.fields.filter((f) => destination.field(load.object, f.to)?.audit === true).map((f) => f.to);
    if (createOnly.length > 0) load.createOnly = createOnly;
  }
  const created = customFieldMappings(engagement, loads);
  for (const load of loads) {
    const currency = currencyField(engagement, load);
    if (currency !== undefined) load.fields.push(currency);
  }
  // Loads sharing a file read it with one header spelling, so every load knows every name any of them reads.
  const knownByFile = new Map<string, Set<string>>();
  for (const load of loads) {
    const known = knownByFile.get(load.file) ?? new Set<string>();
    for (const name of source.object(load.sourceObject)?.fields.map((f) => f.name) ?? []) known.add(name);
    for (const name of loadColumns(load)) known.add(name);
    knownByFile.set(load.file, known);
  }
  for (const load of loads) load.knownColumns = [...(knownByFile.get(load.file) ?? [])];

  return {
    pairId: pair.id,
    loads,
    deferred,
    stageTables: stageTables(engagement),
    customAttributes: [...(pair.customAttributes ?? []), ...created],
    // A close record (Dataverse opportunityclose) is written by the close step after its parent's load; the attendee
    // and process tables are written after every load, so they come last.
    objects: [
      ...new Set([
        ...loads.flatMap((l) => (l.close?.record === undefined ? [l.object] : [l.object, l.close.record.object])),
        ...loads.flatMap((l) => (l.attendees === undefined ? [] : [l.attendees.storage.object])),
        ...processObjects(destination.spec.rules?.processes, loads),
      ]),
    ],
  };
}

/** The tables a destination keeps its processes in (process, stages, record types), when a deal load names its pipeline. */
function processObjects(storage: ProcessStorage | undefined, loads: readonly PlannedLoad[]): string[] {
  if (storage === undefined || !loads.some((l) => l.process !== undefined)) return [];
  return [storage.process.object, storage.stage.object, ...(storage.recordType === undefined ? [] : [storage.recordType.object])];
}

/** The transform that reads a custom column of an inferred type the way the source platform writes it. */
const TRANSFORM_FOR_TYPE: Record<string, string> = {
  date: 'date',
  datetime: 'datetime',
  money: 'money',
  integer: 'integer',
  decimal: 'number',
  boolean: 'boolean',
  email: 'email',
  url: 'url',
  phone: 'phone',
};

/**
 * The engagement's custom-column decisions become field mappings on every load reading that source object, and a
 * `create` decision also becomes a custom attribute the destination must have (the sandbox adds it; `plan` lists it
 * for the admin). `apply` only gets here once every decision is confirmed.
 */
function customFieldMappings(engagement: Engagement, loads: PlannedLoad[]): CustomAttribute[] {
  const created: CustomAttribute[] = [];
  for (const decision of engagement.spec.customFields ?? []) {
    if (decision.action === 'skip') continue;
    // A key, owner, lookup, or a column standing in for one the pair reads but this export lacks, takes the pair's place.
    const replaced = loads.filter((l) => l.sourceObject === decision.object).map((l) => applyColumnDecision(decision, l, loads, engagement));
    if (replaced.includes(true) || decision.to === undefined || decision.to === '') continue;
    const transform = TRANSFORM_FOR_TYPE[decision.type ?? ''] ?? 'trim';
    for (const load of loads.filter((l) => l.sourceObject === decision.object)) {
      if (load.fields.some((f) => f.to === decision.to)) continue;
      load.fields.push({ to: decision.to, columns: [decision.column], steps: [transform], onError: 'blank' });
      if (decision.action === 'create' && !created.some((c) => c.object === load.object && c.name === decision.to)) {
        created.push({
          object: load.object,
          name: decision.to,
          label: decision.column,
          type: (decision.type ?? 'text') as CustomAttribute['type'],
          ...(decision.maxLength === undefined ? {} : { maxLength: decision.maxLength }),
          ...(decision.options === undefined ? {} : { options: [...decision.options] }),
        });
      }
    }
  }
  return created;
}

/** The pair's default stage tables, with the engagement's rows replacing defaults for the same source stage. */
function stageTables(engagement: Engagement): Map<string, StageRow[]> {
  const overrides = new Map((engagement.spec.stageTable ?? []).map((r) => [r.source.trim().toLowerCase(), r]));
  const tables = new Map<string, StageRow[]>();
  for (const table of engagement.pair.stageTables ?? []) {
    const rows = table.rows.map((row) => {
      const o = overrides.get(row.source.trim().toLowerCase());
      return o ? { source: row.source, stage: o.stage, probability: o.probability, outcome: o.outcome } : row;
    });
    const known = new Set(rows.map((r) => r.source.trim().toLowerCase()));
    for (const [key, o] of overrides) if (!known.has(key)) rows.push({ source: o.source, stage: o.stage, probability: o.probability, outcome: o.outcome });
    tables.set(table.id, rows);
  }
  return tables;
}
