import type { ObjectRow, PairSpec, StageRow } from '../spec/generated/pair-spec.js';

/** One row of the object mapping table with the labels and badges the page shows. */
export interface ObjectRowView {
  /** Fragment id of the row's narrative, so the table can link to it. */
  anchor: string;
  source: string;
  destination: string;
  mapping: '1:1' | 'lossy';
  lossy: boolean;
  compatibility: string;
  mappingRequired: boolean;
  narrative: string;
  losses: string[];
  /** A row of the object table; `false` for one the page shows under "Also moved" (see `listed`). */
  listed: boolean;
  /** The default stage table of a stages or pipeline row; empty for other rows. */
  stages: StageRow[];
}

const COMPATIBILITY_LABELS: Record<ObjectRow['compatibility'], string> = {
  'fully-supported': 'Fully supported',
  'mapping-required': 'Mapping required',
};

export function objectRowsView(pair: PairSpec): ObjectRowView[] {
  return pair.objects.map((row) => ({
    anchor: `object-${row.id}`,
    source: row.source,
    destination: row.destination,
    mapping: row.mapping,
    listed: row.listed !== false,
    lossy: row.mapping === 'lossy',
    compatibility: COMPATIBILITY_LABELS[row.compatibility],
    mappingRequired: row.compatibility === 'mapping-required',
    narrative: row.narrative,
    losses: row.losses ?? [],
    stages: row.stageTable === undefined ? [] : ((pair.stageTables ?? []).find((t) => t.id === row.stageTable)?.rows ?? []),
  }));
}
