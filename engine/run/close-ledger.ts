import type { RowStates } from './row-states.js';
import type { Database } from 'better-sqlite3';
import type { DestinationRecord } from '../destinations/destination.js';
import type { RecordClose } from './close-split.js';

/** A record waiting for the close step. */
export interface PendingClose extends RecordClose {
  sourceKey: string;
  destId: string;
  line: number;
}

/** What the close step did to one record, as the ledger keeps it. */
export interface CloseEntry {
  sourceKey: string;
  destId: string;
  previous: DestinationRecord | null;
  /** The record the close created, which rollback deletes before reopening. */
  closeRecord?: { object: string; id: string };
}

/**
 * The ledger's part of the close step, on the ledger's own connection: won and lost records wait in `pending_close`
 * from the batch that loaded them (open) until the close step has closed them, so a run killed in between closes them
 * when it resumes; each close becomes ledger entries that rollback undoes before it deletes the record.
 */
export class CloseLedger {
  private readonly stmts;

  constructor(
    private readonly db: Database,
    private readonly rows: RowStates,
  ) {
    db.exec(`CREATE TABLE IF NOT EXISTS pending_close(load TEXT NOT NULL, source_key TEXT NOT NULL, dest_id TEXT NOT NULL, line INTEGER NOT NULL,
      close TEXT NOT NULL, PRIMARY KEY(load, source_key)) WITHOUT ROWID`);
    this.stmts = {
      put: db.prepare('INSERT OR REPLACE INTO pending_close(load, source_key, dest_id, line, close) VALUES (?, ?, ?, ?, ?)'),
      drop: db.prepare('DELETE FROM pending_close WHERE load = ? AND source_key = ?'),
      page: db.prepare<[string, number], { source_key: string; dest_id: string; line: number; close: string }>(
        'SELECT source_key, dest_id, line, close FROM pending_close WHERE load = ? ORDER BY line LIMIT ?',
      ),
      entry: db.prepare('INSERT INTO ledger(run_id, load, object, source_key, dest_id, action, previous, previous_state) VALUES (?, ?, ?, ?, ?, ?, ?, NULL)'),
      dropIntent: db.prepare('DELETE FROM intents WHERE run_id = ? AND load = ? AND batch = ?'),
    };
  }

  /** Called inside the batch's own transaction: the record loaded open and waits to be closed. */
  wait(load: string, sourceKey: string, destId: string, close: RecordClose & { line: number }): void {
    const { line, ...rest } = close;
    this.stmts.put.run(load, sourceKey, destId, line, JSON.stringify(rest));
  }

  /** The record is gone (rolled back): nothing to close any more. */
  forget(load: string, sourceKey: string): void {
    this.stmts.drop.run(load, sourceKey);
  }

  /** Records of a load still waiting for the close step, a page at a time in file order. */
  pending(load: string, limit: number): PendingClose[] {
    return this.stmts.page.all(load, limit).map((r) => ({ ...(JSON.parse(r.close) as RecordClose), sourceKey: r.source_key, destId: r.dest_id, line: r.line }));
  }

  /**
   * Records what a group of closes did and clears its intent and its pending rows, atomically. Each close is two
   * entries, the record's (rollback reopens it) and then its close record's (newer, so rollback deletes it first).
   * `intent.load` is the close step's own load name, under which close records are keyed.
   */
  commit(runId: number, intent: { load: string; object: string; batch: number }, sourceLoad: string, done: readonly string[], closes: readonly CloseEntry[]): void {
    this.db.transaction(() => {
      for (const c of closes) {
        this.stmts.entry.run(runId, sourceLoad, intent.object, c.sourceKey, c.destId, 'closed', c.previous === null ? null : JSON.stringify(c.previous));
        if (c.closeRecord === undefined) continue;
        this.stmts.entry.run(runId, intent.load, c.closeRecord.object, c.sourceKey, c.closeRecord.id, 'created', null);
        // The close record is keyed under the close step's load, so a rerun and verify find it like any written record.
        this.rows.put(runId, intent.load, c.sourceKey, { object: c.closeRecord.object, destId: c.closeRecord.id }, { fingerprint: '', modified: null, version: null });
      }
      for (const key of done) this.stmts.drop.run(sourceLoad, key);
      this.stmts.dropIntent.run(runId, intent.load, intent.batch);
    })();
  }
}
