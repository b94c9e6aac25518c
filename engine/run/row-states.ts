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

/** A row this run already wrote, as its killed attempt recorded it (see RowStates.writtenBy). */
export interface WrittenRow {
  destId: string;
  fingerprint: string;
  modified: string | null;
  /** What the run reported about the row's values when it wrote it (JSON of ValueIssue[]), or null for nothing. */
  issues: string | null;
}

/**
 * The ledger's `rowstate` table: one record per source row a load ever wrote, holding both where the row went (object
 * and destination id) and what the engine knew of it. Keeping the two in one table makes recording a written row one
 * indexed write instead of two; `keymap` is a view over it, for tools and tests that read the map with SQL.
 */
export class RowStates {
  private readonly stmts;

  constructor(private readonly db: Database) {
    migrate(db);
    this.stmts = {
      get: db.prepare<[string, string], { fingerprint: string; modified: string | null; version: string | null; touched_run: number }>(
        'SELECT fingerprint, modified, version, touched_run FROM rowstate WHERE load = ? AND source_key = ?',
      ),
      destId: db.prepare<[string, string], string | null>('SELECT dest_id FROM rowstate WHERE load = ? AND source_key = ?').pluck(),
      written: db.prepare<[string, string, number], { dest_id: string; fingerprint: string; modified: string | null; issues: string | null }>(
        'SELECT dest_id, fingerprint, modified, issues FROM rowstate WHERE load = ? AND source_key = ? AND touched_run = ? AND dest_id IS NOT NULL',
      ),
      writtenCount: db
        .prepare<[string, number], number>('SELECT count(*) FROM rowstate WHERE load = ? AND touched_run = ? AND dest_id IS NOT NULL')
        .pluck(),
      put: db.prepare(
        `INSERT INTO rowstate(load, source_key, object, dest_id, fingerprint, modified, version, touched_run, seen_run, issues) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(load, source_key) DO UPDATE SET object = excluded.object, dest_id = excluded.dest_id, fingerprint = excluded.fingerprint,
           modified = excluded.modified, version = excluded.version, touched_run = excluded.touched_run, seen_run = excluded.seen_run, removed_run = NULL,
           issues = excluded.issues`,
      ),
      restore: db.prepare('UPDATE rowstate SET fingerprint = ?, modified = ?, version = ?, touched_run = ?, seen_run = ? WHERE load = ? AND source_key = ?'),
      version: db.prepare('UPDATE rowstate SET version = ? WHERE load = ? AND source_key = ?'),
      seen: db.prepare('UPDATE rowstate SET seen_run = ?, removed_run = NULL WHERE load = ? AND source_key = ?'),
      drop: db.prepare('DELETE FROM rowstate WHERE load = ? AND source_key = ?'),
    };
  }

  get(load: string, sourceKey: string): RowState | undefined {
    const row = this.stmts.get.get(load, sourceKey);
    return row === undefined ? undefined : { fingerprint: row.fingerprint, modified: row.modified, version: row.version, touchedRun: row.touched_run };
  }

  /** The destination id the row was written to, if it was. */
  destinationId(load: string, sourceKey: string): string | undefined {
    return this.stmts.destId.get(load, sourceKey) ?? undefined;
  }

  /** A row the run sent: where it went, that the run saw and touched it, and what it reported about its values. */
  put(runId: number, load: string, sourceKey: string, target: { object: string; destId: string }, state: Omit<RowState, 'touchedRun'>, issues: string | null = null): void {
    this.stmts.put.run(load, sourceKey, target.object, target.destId, state.fingerprint, state.modified, state.version, runId, runId, issues);
  }

  /**
   * The row as run `runId` wrote it, if it did. A resumed run asks this of every row: one its killed attempt already
   * wrote, and that has not changed since (see sameSourceRow), need not be mapped or sent again.
   */
  writtenBy(runId: number, load: string, sourceKey: string): WrittenRow | undefined {
    const row = this.stmts.written.get(load, sourceKey, runId);
    return row === undefined ? undefined : { destId: row.dest_id, fingerprint: row.fingerprint, modified: row.modified, issues: row.issues };
  }

  /** How many of the load's rows run `runId` wrote: once a resumed run has found them all, it need not ask again. */
  writtenCount(runId: number, load: string): number {
    return this.stmts.writtenCount.get(load, runId) ?? 0;
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
    if (state !== null) this.stmts.restore.run(state.fingerprint, state.modified, version ?? state.version, state.touchedRun, state.touchedRun, load, sourceKey);
    else if (version !== undefined) this.setVersion(load, sourceKey, version);
  }

  /** Rows a delta found unchanged, or could not load: still in the source, so not removed. */
  markSeen(runId: number, load: string, sourceKeys: readonly string[]): void {
    if (sourceKeys.length === 0) return;
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
        'SELECT source_key, dest_id FROM rowstate WHERE load = ? AND seen_run < ? AND (removed_run IS NULL OR removed_run = ?) ORDER BY source_key',
      )
      .all(load, runId, runId);
    // A resumed attempt of this run hears again of what its killed attempt found (it writes removed.csv afresh).
    if (rows.length > 0) this.db.prepare('UPDATE rowstate SET removed_run = ? WHERE load = ? AND seen_run < ? AND removed_run IS NULL').run(runId, load, runId);
    return rows.map((r) => ({ sourceKey: r.source_key, destId: r.dest_id ?? undefined }));
  }
}

/**
 * Creates the table, or brings a ledger written before the key map was folded in up to date: its `keymap` table's
 * object and destination id move into `rowstate` (rows only the map had get an empty fingerprint, so the next delta
 * sends them again), and `keymap` becomes a view.
 */
function migrate(db: Database): void {
  const tables = new Map(db.prepare<[], { name: string; type: string }>("SELECT name, type FROM sqlite_master WHERE name IN ('rowstate', 'keymap')").all().map((r) => [r.name, r.type]));
  db.transaction(() => {
    db.exec(`CREATE TABLE IF NOT EXISTS rowstate(load TEXT NOT NULL, source_key TEXT NOT NULL, object TEXT, dest_id TEXT, fingerprint TEXT NOT NULL,
      modified TEXT, version TEXT, touched_run INTEGER NOT NULL, seen_run INTEGER NOT NULL, removed_run INTEGER, issues TEXT, PRIMARY KEY(load, source_key)) WITHOUT ROWID`);
    // Ledgers written before resumed runs skipped written rows lack the column with what each row's values reported.
    if (!db.prepare<[], { name: string }>('PRAGMA table_info(rowstate)').all().some((c) => c.name === 'issues')) db.exec('ALTER TABLE rowstate ADD COLUMN issues TEXT');
    if (tables.get('keymap') === 'table') {
      const columns = db.prepare<[], { name: string }>('PRAGMA table_info(rowstate)').all().map((c) => c.name);
      if (!columns.includes('object')) db.exec('ALTER TABLE rowstate ADD COLUMN object TEXT');
      if (!columns.includes('dest_id')) db.exec('ALTER TABLE rowstate ADD COLUMN dest_id TEXT');
      db.exec(`UPDATE rowstate SET (object, dest_id) = (SELECT k.object, k.dest_id FROM keymap k WHERE k.load = rowstate.load AND k.source_key = rowstate.source_key)
        WHERE EXISTS (SELECT 1 FROM keymap k WHERE k.load = rowstate.load AND k.source_key = rowstate.source_key)`);
      db.exec(`INSERT INTO rowstate(load, source_key, object, dest_id, fingerprint, touched_run, seen_run)
        SELECT load, source_key, object, dest_id, '', 0, 0 FROM keymap k WHERE NOT EXISTS (SELECT 1 FROM rowstate r WHERE r.load = k.load AND r.source_key = k.source_key)`);
      db.exec('DROP TABLE keymap');
    }
    db.exec('CREATE VIEW IF NOT EXISTS keymap(load, source_key, object, dest_id) AS SELECT load, source_key, object, dest_id FROM rowstate WHERE dest_id IS NOT NULL');
  })();
}
