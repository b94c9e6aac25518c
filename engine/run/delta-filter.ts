import { sha1 } from '../util/sha1.js';
import type { Ledger } from './ledger.js';

/** A source row's identity as content: any cell that changes changes it. */
export function rowFingerprint(cells: readonly string[]): string {
  return sha1(cells.join('\u0001'), 'base64url');
}

/**
 * Decides, in a delta run, which source rows changed since the engine last wrote them. Where the export has a
 * modified timestamp, a row changed when its timestamp did; otherwise when its fingerprint did. A row this very run
 * already sent (its first pass, seen again in the second) counts as changed, so its deferred lookups are set too.
 */
export class DeltaFilter {
  constructor(
    private readonly ledger: Ledger,
    readonly runId: number,
  ) {}

  unchanged(load: string, sourceKey: string, fingerprint: string | (() => string), modified: string | null): boolean {
    const state = this.ledger.rows.get(load, sourceKey);
    if (state === undefined || state.touchedRun === this.runId) return false;
    return sameSourceRow(state, fingerprint, modified);
  }
}

/**
 * True when a source row is the one the ledger recorded: by its modified timestamp where both have one, else by its
 * fingerprint. `fingerprint` is asked for only when the timestamps cannot decide: hashing every row cost a delta a
 * tenth of its time.
 */
export function sameSourceRow(recorded: { fingerprint: string; modified: string | null }, fingerprint: string | (() => string), modified: string | null): boolean {
  if (modified !== null && modified !== '' && recorded.modified !== null && recorded.modified !== '') return modified === recorded.modified;
  return (typeof fingerprint === 'string' ? fingerprint : fingerprint()) === recorded.fingerprint;
}
