import type { PairSpec } from './generated/pair-spec.js';
import type { PlatformSpec } from './generated/platform-spec.js';
import { listedRows, loadsOf } from './pair-model.js';

/** The figures a pair page and `crm-migrate pairs` show, all computed from the spec. */
export interface PairSummary {
  id: string;
  source: { id: string; name: string };
  destination: { id: string; name: string };
  /** Rows of the object mapping table. */
  objects: number;
  /** Rows that map 1:1. */
  oneToOne: number;
  lossy: number;
  /** Rows whose compatibility label is "mapping required". */
  mappingRequired: number;
  /** Loads the engine runs. */
  loads: number;
  stageTables: number;
}

export function summarizePair(pair: PairSpec, platforms: ReadonlyMap<string, PlatformSpec>): PairSummary {
  const rows = listedRows(pair);
  return {
    id: pair.id,
    source: { id: pair.source, name: platforms.get(pair.source)?.name ?? pair.source },
    destination: { id: pair.destination, name: platforms.get(pair.destination)?.name ?? pair.destination },
    objects: rows.length,
    oneToOne: rows.filter((r) => r.mapping === '1:1').length,
    lossy: rows.filter((r) => r.mapping === 'lossy').length,
    mappingRequired: rows.filter((r) => r.compatibility === 'mapping-required').length,
    loads: loadsOf(pair).length,
    stageTables: (pair.stageTables ?? []).length,
  };
}
