import type { Database } from 'better-sqlite3';
import type { LedgerEntry } from './ledger-records.js';

/**
 * The ledger's part of a rollback, on the ledger's own connection: which of a run's entries are undone, and the group
 * sent to the destination but not yet recorded. A rollback killed at any point reads both to finish the job without
 * sending any entry twice.
 */
export class UndoLedger {
  private readonly stmts;

  constructor(
    private readonly db: Database,
    /** The run's ledger entries, newest first (the ledger's own reading of them). */
    private readonly entriesNewestFirst: (runId: number) => LedgerEntry[],
  ) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS undone(run_id INTEGER NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY(run_id, seq)) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS undo_intents(run_id INTEGER PRIMARY KEY, seqs TEXT NOT NULL);
    `);
    this.stmts = {
      undone: db.prepare<[number], number>('SELECT seq FROM undone WHERE run_id = ?').pluck(),
      start: db.prepare("UPDATE runs SET status = 'rolling-back' WHERE id = ?"),
      putIntent: db.prepare('INSERT OR REPLACE INTO undo_intents(run_id, seqs) VALUES (?, ?)'),
      intent: db.prepare<[number], string>('SELECT seqs FROM undo_intents WHERE run_id = ?').pluck(),
      dropIntent: db.prepare('DELETE FROM undo_intents WHERE run_id = ?'),
      mark: db.prepare('INSERT OR IGNORE INTO undone(run_id, seq) VALUES (?, ?)'),
    };
  }

  /** The run's entries not undone yet, newest first. */
  entriesToUndo(runId: number): LedgerEntry[] {
    const done = new Set(this.stmts.undone.all(runId));
    return this.entriesNewestFirst(runId).filter((e) => !done.has(e.seq));
  }

  /** Marks the run as being rolled back, so that a killed rollback is finished, not mistaken for a run. */
  start(runId: number): void {
    this.stmts.start.run(runId);
  }

  /** The entries about to be undone at the destination, written before it is touched. */
  writeIntent(runId: number, seqs: readonly number[]): void {
    this.stmts.putIntent.run(runId, JSON.stringify(seqs));
  }

  /** The entries a killed rollback sent to the destination without recording the outcome. */
  openIntent(runId: number): Set<number> {
    const seqs = this.stmts.intent.get(runId);
    return new Set(seqs === undefined ? [] : (JSON.parse(seqs) as number[]));
  }

  /** Records what a group's undo did and clears its intent, atomically with `work` (key and state updates). */
  commit(runId: number, seqs: readonly number[], work: () => void): void {
    this.db.transaction(() => {
      work();
      for (const seq of seqs) this.stmts.mark.run(runId, seq);
      this.stmts.dropIntent.run(runId);
    })();
  }
}
