import type { Database, Statement } from 'better-sqlite3';

/**
 * Why rows of the loads run so far did not load, by load and source key: a later row that refers to one is told apart
 * from a reference to nothing, so a held child names its parent's own problem.
 *
 * Kept in a temporary table of the ledger's connection (SQLite's temporary storage, bounded by its page cache), not in
 * this process's memory: a first run whose owners are not mapped yet holds every row, and a map of those rows grew the
 * mapping thread's live heap by over 100 MiB at 240,000 rows. One per run: making it starts the table afresh.
 */
export class NotLoadedRows {
  private readonly add: Statement<[string, string, string]>;
  private readonly find: Statement<[string, string], string>;

  constructor(db: Database) {
    db.exec('DROP TABLE IF EXISTS temp.not_loaded');
    db.exec('CREATE TEMP TABLE not_loaded(load TEXT NOT NULL, source_key TEXT NOT NULL, reason TEXT NOT NULL, PRIMARY KEY(load, source_key)) WITHOUT ROWID');
    this.add = db.prepare('INSERT OR IGNORE INTO temp.not_loaded(load, source_key, reason) VALUES (?, ?, ?)');
    this.find = db.prepare<[string, string], string>('SELECT reason FROM temp.not_loaded WHERE load = ? AND source_key = ?').pluck();
  }

  /** Records why the row did not load; a key's first reason is the one kept (the row that claimed the key). */
  note(load: string, sourceKey: string, reason: string): void {
    this.add.run(load, sourceKey, reason);
  }

  /** Why the row of `load` with this key did not load, or undefined when it did or no such row was read. */
  reason(load: string, sourceKey: string): string | undefined {
    return this.find.get(load, sourceKey) ?? undefined;
  }
}
