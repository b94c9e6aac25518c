import type { Engagement } from '../../engagement/engagement.js';
import type { StageRow } from '../../spec/generated/pair-spec.js';
import { fieldMappingOf, type FieldMappingEntry, type ObjectMapping } from '../mapping/field-mapping.js';

/** A decision of migration.yaml that is not confirmed yet: listed for review, never merged into the map. */
export interface PendingDecision {
  kind: 'custom field' | 'stage' | 'owner';
  what: string;
  proposal: string;
  reason: string;
}

/** The engagement's field mapping for the customer's admin to review: the pair's map with the confirmed decisions. */
export interface MappingDocument {
  pair: string;
  source: string;
  destination: string;
  generated: string;
  objects: (ObjectMapping & { anchor: string })[];
  stageTables: { id: string; rows: StageRow[] }[];
  owners: { source: string; user: string }[];
  pending: PendingDecision[];
  counts: { objects: number; fields: number; lookups: number; valueTables: number; confirmed: number; pending: number };
}

/**
 * Builds the document from the pair spec and migration.yaml. Confirmed custom-column decisions become rows of the
 * loads that read their source object, confirmed stage rows replace the pair's defaults, and the confirmed owner map
 * is listed; everything still proposed is shown apart, so the admin never mistakes a proposal for the agreed map.
 */
export function mappingDocument(engagement: Engagement, options: { generated: string }): MappingDocument {
  const { pair, source, destination, spec } = engagement;
  const confirmedStages = (spec.stageTable ?? []).filter((r) => r.status === 'confirmed');
  const stageTables = (pair.stageTables ?? []).map((table) => ({ id: table.id, rows: mergedStages(table.rows, confirmedStages) }));
  const customFields = (spec.customFields ?? []).filter((d) => d.status === 'confirmed');
  const objects = fieldMappingOf({ pair, source, destination, stageTables: new Map(stageTables.map((t) => [t.id, t.rows])), customFields }).map((o) => ({
    ...o,
    anchor: `object-${o.rowId}`,
  }));
  const pending: PendingDecision[] = [
    ...(spec.customFields ?? [])
      .filter((d) => d.status !== 'confirmed')
      .map((d): PendingDecision => ({
        kind: 'custom field',
        what: `${d.object}: ${d.column}`,
        proposal: d.action === 'skip' ? 'not migrated' : `${d.action === 'create' ? 'new column' : 'existing attribute'} ${d.to ?? ''}${d.type === undefined ? '' : ` (${d.type})`}`,
        reason: d.reason ?? '',
      })),
    ...(spec.stageTable ?? [])
      .filter((r) => r.status !== 'confirmed')
      .map((r): PendingDecision => ({ kind: 'stage', what: r.source, proposal: `${r.stage}, ${r.probability}%, ${r.outcome}`, reason: r.reason ?? '' })),
    ...(spec.ownerMap ?? [])
      .filter((o) => o.status !== 'confirmed')
      .map((o): PendingDecision => ({ kind: 'owner', what: o.source, proposal: o.user === undefined || o.user === '' ? 'held in the owner queue' : o.user, reason: o.reason ?? '' })),
  ];
  const owners = (spec.ownerMap ?? []).filter((o) => o.status === 'confirmed').map((o) => ({ source: o.source, user: o.user === undefined || o.user === '' ? 'held in the owner queue' : o.user }));
  const entries = objects.flatMap((o) => o.loads.flatMap((l) => l.entries));
  const confirmed = customFields.length + confirmedStages.length + owners.length;
  return {
    pair: pair.id,
    source: source.spec.name,
    destination: destination.spec.name,
    generated: options.generated,
    objects,
    stageTables,
    owners,
    pending,
    counts: {
      objects: objects.length,
      fields: entries.length,
      lookups: entries.filter((e) => e.kind === 'lookup').length,
      valueTables: entries.filter((e) => e.values.length > 0).length,
      confirmed,
      pending: pending.length,
    },
  };
}

/** The pair's default rows, each replaced by the engagement's confirmed row for the same source stage; new ones last. */
function mergedStages(defaults: readonly StageRow[], confirmed: readonly { source: string; stage: string; probability: number; outcome: StageRow['outcome'] }[]): StageRow[] {
  const key = (s: string): string => s.trim().toLowerCase();
  const overrides = new Map(confirmed.map((r) => [key(r.source), r]));
  const rows = defaults.map((row) => {
    const o = overrides.get(key(row.source));
    return o === undefined ? row : { source: row.source, stage: o.stage, probability: o.probability, outcome: o.outcome };
  });
  const known = new Set(rows.map((r) => key(r.source)));
  for (const o of confirmed) if (!known.has(key(o.source))) rows.push({ source: o.source, stage: o.stage, probability: o.probability, outcome: o.outcome });
  return rows;
}

/** One CSV row per mapped field, for a spreadsheet review. */
export interface MappingCsvRow extends Record<string, string> {
  object: string;
  load: string;
  source_file: string;
  source_column: string;
  destination_object: string;
  destination_attribute: string;
  destination_label: string;
  kind: string;
  transform: string;
  when_nothing_matches: string;
  value_table: string;
  note: string;
  status: string;
}

export const MAPPING_CSV_COLUMNS: readonly (keyof MappingCsvRow & string)[] = [
  'object',
  'load',
  'source_file',
  'source_column',
  'destination_object',
  'destination_attribute',
  'destination_label',
  'kind',
  'transform',
  'when_nothing_matches',
  'value_table',
  'note',
  'status',
];

export function mappingCsvRows(document: MappingDocument): MappingCsvRow[] {
  return document.objects.flatMap((o) =>
    o.loads.flatMap((l) =>
      l.entries.map(
        (e: FieldMappingEntry): MappingCsvRow => ({
          object: `${o.source} → ${o.destination}`,
          load: l.id,
          source_file: l.file,
          source_column: e.source,
          destination_object: l.destinationObject,
          destination_attribute: e.destination,
          destination_label: e.destinationLabel,
          kind: e.kind,
          transform: e.transform,
          when_nothing_matches: e.policy,
          value_table: e.values.map((v) => `${v.from} → ${v.to}`).join('; '),
          note: e.note,
          status: e.status === '' ? 'pair default' : e.status,
        }),
      ),
    ),
  );
}
