import type { Database } from 'better-sqlite3';

/**
 * What the engine last saw of a source row and last wrote for it: the row's fingerprint (a hash of its cells), its
 * modified timestamp where the export has one, and the destination's row version after the write. A delta run moves
 * a row only when the first two changed, and calls it a conflict when the third did.
 */
export interface RowState {
  fingerprint: string;
  modified: string | null;
  version: string | null;
  /** The run that last sent the row to the destination. */
  touchedRun: number;
}

/** The ledger's `rowstate` table: one row per source row a load ever wrote, kept on the ledger's own connection. */
export class RowStates {
  private readonly stmts;

  constructor(private readonly db: Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS rowstate(load TEXT NOT NULL, source_key TEXT NOT NULL, fingerprint TEXT NOT NULL, modified TEXT,
      version TEXT, touched_run INTEGER NOT NULL, seen_run INTEGER NOT NULL, removed_run INTEGER, PRIMARY KEY(load, source_key)) WITHOUT ROWID`);
    this.stmts = {
      get: db.prepare<[string, string], { fingerprint: string; modified: string | null; version: string | null; touched_run: number }>(
        'SELECT fingerprint, modified, version, touched_run FROM rowstate WHERE load = ? AND source_key = ?',
      ),
      put: db.prepare(
        `INSERT INTO rowstate(load, source_key, fingerprint, modified, version, touched_run, seen_run) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(load, source_key) DO UPDATE SET fingerprint = excluded.fingerprint, modified = excluded.modified, version = excluded.version,
           touched_run = excluded.touched_run, seen_run = excluded.seen_run, removed_run = NULL`,
      ),
      version: db.prepare('UPDATE rowstate SET version = ? WHERE load = ? AND source_key = ?'),
      seen: db.prepare('UPDATE rowstate SET seen_run = ?, removed_run = NULL WHERE load = ? AND source_key = ?'),
      drop: db.prepare('DELETE FROM rowstate WHERE load = ? AND source_key = ?'),
    };
  }

  get(load: string, sourceKey: string): RowState | undefined {
    const row = this.stmts.get.get(load, sourceKey);
    return row === undefined ? undefined : { fingerprint: row.fingerprint, modified: row.modified, version: row.version, touchedRun: row.touched_run };
  }

  /** A row the run sent: seen and touched by it. */
  put(runId: number, load: string, sourceKey: string, state: Omit<RowState, 'touchedRun'>): void {
    this.stmts.put.run(load, sourceKey, state.fingerprint, state.modified, state.version, runId, runId);
  }

  setVersion(load: string, sourceKey: string, version: string | null): void {
    this.stmts.version.run(version, load, sourceKey);
  }

  /** The record no longer exists: its row is new again to the next run. */
  forget(load: string, sourceKey: string): void {
    this.stmts.drop.run(load, sourceKey);
  }

  /** Rollback of an update: the row is as the ledger knew it before, at the version the restore left. */
  restore(load: string, sourceKey: string, state: RowState | null, version: string | undefined): void {
    if (state !== null) this.stmts.put.run(load, sourceKey, state.fingerprint, state.modified, version ?? state.version, state.touchedRun, state.touchedRun);
    else if (version !== undefined) this.setVersion(load, sourceKey, version);
  }

  /** Rows a delta found unchanged, or could not load: still in the source, so not removed. */
  markSeen(runId: number, load: string, sourceKeys: readonly string[]): void {
    this.db.transaction(() => {
      for (const key of sourceKeys) this.stmts.seen.run(runId, load, key);
    })();
  }

  /**
   * Rows a load wrote once that this run did not see in the source: they were deleted there. Each is reported once,
   * by the first run that misses it; the record stays in the destination. A resumed run reports again what its killed
   * attempt had already found, since it writes the run's removed.csv afresh.
   */
  removed(runId: number, load: string): { sourceKey: string; destId: string | undefined }[] {
    const rows = this.db
      .prepare<[string, number, number], { source_key: string; dest_id: string | null }>(
        `SELECT r.source_key, k.dest_id FROM rowstate r LEFT JOIN keymap k ON k.load = r.load AND k.source_key = r.source_key
         WHERE r.load = ? AND r.seen_run < ? AND (r.removed_run IS NULL OR r.removed_run = ?) ORDER BY r.source_key`,
      )
      .all(load, runId, runId);
    this.db.prepare('UPDATE rowstate SET removed_run = ? WHERE load = ? AND seen_run < ? AND removed_run IS NULL').run(runId, load, runId);
    return rows.map((r) => ({ sourceKey: r.source_key, destId: r.dest_id ?? undefined }));
  }
}
