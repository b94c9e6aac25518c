import Database from 'better-sqlite3';
import type { DestinationRecord } from '../destinations/destination.js';
import { RowStates, type RowState } from './row-states.js';
import type { BatchOutcome, Intent, LedgerEntry, RunInfo, RunKind, RunStatus } from './ledger-records.js';
import { CloseLedger } from './close-ledger.js';
import { UndoLedger } from './undo-ledger.js';
import { NotLoadedRows } from './not-loaded-rows.js';

export type { RowState };

export type { BatchOutcome, Intent, LedgerEntry, RunInfo, RunKind, RunStatus } from './ledger-records.js';

/**
 * The engagement's memory, a SQLite file beside migration.yaml: runs, the per-run ledger of every destination row
 * created or updated (with previous values), the source-key to destination-id map, the name and email indexes
 * lookups use, and write-ahead intents. Each written source row is one `rowstate` record (destination id and row
 * state together). Everything a run needs to remember lives here rather than in process memory, so memory does not
 * grow with the number of rows.
 */
export class Ledger {
  private readonly db: Database.Database;
  private readonly stmts;
  /** Per source row: fingerprint, modified timestamp and destination version, for delta runs. */
  readonly rows: RowStates;
  /** Won and lost records waiting for the close step, and what the step did. */
  readonly closes: CloseLedger;
  /** A rollback's progress: the entries undone, and the group in flight. */
  readonly undo: UndoLedger;

  /**
   * `cacheMiB` is SQLite's page cache for this connection: the writer's 16 MiB keeps the key indexes it writes into in
   * memory; the mapping worker, which reads a lookup or two per row, does as well with a few.
   */
  constructor(path: string, options: { cacheMiB?: number } = {}) {
    this.db = new Database(path);
    // WAL with NORMAL sync: a commit survives the process being killed (what resume relies on) without an fsync per
    // batch; only a power loss between checkpoints could lose the last batches, which resume then redoes.
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma(`cache_size = -${(options.cacheMiB ?? 16) * 1024}`);
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS runs(id INTEGER PRIMARY KEY, kind TEXT NOT NULL, status TEXT NOT NULL, target TEXT NOT NULL,
        pair TEXT NOT NULL, started_at TEXT NOT NULL, finished_at TEXT);
      CREATE TABLE IF NOT EXISTS ledger(seq INTEGER PRIMARY KEY AUTOINCREMENT, run_id INTEGER NOT NULL, load TEXT NOT NULL,
        object TEXT NOT NULL, source_key TEXT NOT NULL, dest_id TEXT NOT NULL, action TEXT NOT NULL, previous TEXT);
      CREATE TABLE IF NOT EXISTS names(load TEXT NOT NULL, kind TEXT NOT NULL, value TEXT NOT NULL, source_key TEXT NOT NULL,
        PRIMARY KEY(load, kind, value, source_key)) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS names_pending(load TEXT NOT NULL, kind TEXT NOT NULL, value TEXT NOT NULL, source_key TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS intents(run_id INTEGER NOT NULL, load TEXT NOT NULL, object TEXT NOT NULL, batch INTEGER NOT NULL,
        before TEXT NOT NULL, PRIMARY KEY(run_id, load, batch));
    `);
    // Ledgers written before delta runs existed lack the column that lets rollback restore row state.
    const columns = this.db.prepare<[], { name: string }>('PRAGMA table_info(ledger)').all().map((c) => c.name);
    if (!columns.includes('previous_state')) this.db.exec('ALTER TABLE ledger ADD COLUMN previous_state TEXT');
    this.rows = new RowStates(this.db);
    this.closes = new CloseLedger(this.db, this.rows);
    this.undo = new UndoLedger(this.db, (runId) => this.entriesNewestFirst(runId));
    this.stmts = {
      named: this.db.prepare<[string, string, string], { source_key: string }>('SELECT source_key FROM names WHERE load = ? AND kind = ? AND value = ? LIMIT 3'),
      stageName: this.db.prepare('INSERT INTO names_pending(load, kind, value, source_key) VALUES (?, ?, ?, ?)'),
      settleNames: this.db.prepare(
        'INSERT OR IGNORE INTO names SELECT load, kind, value, source_key FROM names_pending ORDER BY load, kind, value, source_key',
      ),
      dropPendingNames: this.db.prepare('DELETE FROM names_pending'),
      entry: this.db.prepare('INSERT INTO ledger(run_id, load, object, source_key, dest_id, action, previous, previous_state) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
      putIntent: this.db.prepare('INSERT OR REPLACE INTO intents(run_id, load, object, batch, before) VALUES (?, ?, ?, ?, ?)'),
      dropIntent: this.db.prepare('DELETE FROM intents WHERE run_id = ? AND load = ? AND batch = ?'),
    };
  }

  startRun(kind: RunKind, target: string, pair: string, now: Date): RunInfo {
    const startedAt = now.toISOString();
    const info = this.db
      .prepare('INSERT INTO runs(kind, status, target, pair, started_at) VALUES (?, ?, ?, ?, ?)')
      .run(kind, 'running', target, pair, startedAt);
    return { id: Number(info.lastInsertRowid), kind, status: 'running', target, pair, startedAt, finishedAt: null };
  }

  finishRun(runId: number, status: RunStatus, now: Date): void {
    this.db.prepare('UPDATE runs SET status = ?, finished_at = ? WHERE id = ?').run(status, now.toISOString(), runId);
  }

  runs(): RunInfo[] {
    return this.db
      .prepare<[], { id: number; kind: RunKind; status: RunStatus; target: string; pair: string; started_at: string; finished_at: string | null }>(
        'SELECT * FROM runs ORDER BY id',
      )
      .all()
      .map((r) => ({ id: r.id, kind: r.kind, status: r.status, target: r.target, pair: r.pair, startedAt: r.started_at, finishedAt: r.finished_at }));
  }

  /** A run that was interrupted (killed, crashed) and should be resumed rather than started anew. */
  interruptedRun(kind: RunKind): RunInfo | undefined {
    return this.runs().find((r) => r.status === 'running' && r.kind === kind);
  }

  /**
   * Opens a read transaction on this connection and returns what ends it. The mapping worker asks the ledger for a
   * destination id or two per row; outside a transaction each question takes its own WAL snapshot, which cost as much
   * as the lookup itself (0.9 of 1.8 s at 240,000 rows). A snapshot per batch sees every load the writer has finished,
   * which is all mapping reads. Only for a connection nothing else writes through.
   */
  readSnapshot(): () => void {
    this.db.exec('BEGIN');
    return () => this.db.exec('COMMIT');
  }

  /** A fresh record, on this connection, of why rows did not load (see NotLoadedRows): mapping fills it, lookups read it. */
  notLoadedRows(): NotLoadedRows {
    return new NotLoadedRows(this.db);
  }

  destinationId(load: string, sourceKey: string): string | undefined {
    return this.rows.destinationId(load, sourceKey);
  }

  /** True when the load has ever written a record; a first load skips reading previous values. */
  hasKeys(load: string): boolean {
    return this.db.prepare('SELECT 1 FROM rowstate WHERE load = ? AND dest_id IS NOT NULL LIMIT 1').get(load) !== undefined;
  }

  /** Source keys of the load's rows whose name or email is `value` (at most 3: enough to tell unique from ambiguous). */
  keysNamed(load: string, kind: 'name' | 'email', value: string): string[] {
    return this.stmts.named.all(load, kind, value).map((r) => r.source_key);
  }

  /**
   * Moves the names and emails that batches recorded into the index lookups read, in index order. A batch appends
   * them unindexed: emails arrive in no order, and inserting each into the index where it belongs touched a random
   * page of it, which cost 15 to 20 µs a row once the index outgrew the page cache (4,000,000 contacts); the sorted
   * insert costs 1 to 3. Lookups only read loads that have finished, so the run settles after each load, and at its
   * start for names a killed run left behind. Atomic: a kill leaves them pending for the next settle.
   */
  settleNames(): void {
    this.db.transaction(() => {
      this.stmts.settleNames.run();
      this.stmts.dropPendingNames.run();
    })();
  }

  writeIntent(runId: number, intent: Intent): void {
    this.stmts.putIntent.run(runId, intent.load, intent.object, intent.batch, JSON.stringify(intent.before));
  }

  /** Intents left by a run that died between writing to the destination and recording the outcome. */
  openIntents(runId: number): Intent[] {
    return this.db
      .prepare<[number], { load: string; object: string; batch: number; before: string }>('SELECT load, object, batch, before FROM intents WHERE run_id = ?')
      .all(runId)
      .map((r) => ({ load: r.load, object: r.object, batch: r.batch, before: JSON.parse(r.before) as Intent['before'] }));
  }

  /** Records a batch's outcome and clears its intent, atomically. */
  commitBatch(
    runId: number,
    intent: Pick<Intent, 'load' | 'object' | 'batch'>,
    outcomes: readonly BatchOutcome[],
  ): void {
    this.db.transaction(() => {
      for (const o of outcomes) {
        for (const n of o.names ?? []) this.stmts.stageName.run(intent.load, n.kind, n.value, o.sourceKey);
        const before = o.action === 'created' ? undefined : this.rows.get(intent.load, o.sourceKey);
        if (o.action !== 'unchanged') {
          const previous = o.previous ? JSON.stringify(o.previous) : null;
          this.stmts.entry.run(runId, intent.load, intent.object, o.sourceKey, o.destId, o.action, previous, before ? JSON.stringify(before) : null);
        }
        if (o.action === 'patched') this.rows.setVersion(intent.load, o.sourceKey, o.state?.version ?? before?.version ?? null);
        else this.rows.put(runId, intent.load, o.sourceKey, { object: intent.object, destId: o.destId }, o.state ?? { fingerprint: '', modified: null, version: null }, o.issues ?? null);
        if (o.close !== undefined) this.closes.wait(intent.load, o.sourceKey, o.destId, o.close);
      }
      this.stmts.dropIntent.run(runId, intent.load, intent.batch);
    })();
  }

  /** The run's entries, newest first: the order rollback undoes them in. */
  entriesNewestFirst(runId: number): LedgerEntry[] {
    return this.db
      .prepare<[number], { seq: number; load: string; object: string; source_key: string; dest_id: string; action: LedgerEntry['action']; previous: string | null; previous_state: string | null }>(
        'SELECT seq, load, object, source_key, dest_id, action, previous, previous_state FROM ledger WHERE run_id = ? ORDER BY seq DESC',
      )
      .all(runId)
      .map((r) => ({
        seq: r.seq,
        load: r.load,
        object: r.object,
        sourceKey: r.source_key,
        destId: r.dest_id,
        action: r.action,
        previous: r.previous === null ? null : (JSON.parse(r.previous) as DestinationRecord),
        previousState: r.previous_state === null ? null : (JSON.parse(r.previous_state) as RowState),
      }));
  }

  entryCount(runId: number): number {
    return (this.db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM ledger WHERE run_id = ?').get(runId) as { n: number }).n;
  }

  /** After rollback deletes a created record, its key no longer maps to anything and its row is new again. */
  forgetKey(load: string, sourceKey: string): void {
    this.closes.forget(load, sourceKey);
    this.rows.forget(load, sourceKey);
  }

  /** Which load and source row each of these destination ids was written for: verify checks links with it. */
  sourcesOf(destIds: readonly string[]): Map<string, { load: string; sourceKey: string }> {
    const out = new Map<string, { load: string; sourceKey: string }>();
    const unique = [...new Set(destIds)];
    // SQLite's bound-parameter limit is well above this; chunks keep each statement small.
    for (let start = 0; start < unique.length; start += 500) {
      const chunk = unique.slice(start, start + 500);
      const rows = this.db
        .prepare<string[], { load: string; source_key: string; dest_id: string }>(`SELECT load, source_key, dest_id FROM rowstate WHERE dest_id IN (${chunk.map(() => '?').join(',')})`)
        .all(...chunk);
      for (const r of rows) out.set(r.dest_id, { load: r.load, sourceKey: r.source_key });
    }
    return out;
  }

  /** The whole source-key to destination-id map, for reports and verification. */
  keymap(): { load: string; sourceKey: string; object: string; destId: string }[] {
    return this.db
      .prepare<[], { load: string; source_key: string; object: string; dest_id: string }>('SELECT load, source_key, object, dest_id FROM rowstate WHERE dest_id IS NOT NULL ORDER BY load, source_key')
      .all()
      .map((r) => ({ load: r.load, sourceKey: r.source_key, object: r.object, destId: r.dest_id }));
  }

  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  close(): void {
    this.db.close();
  }

  /** The run whose earlier attempt `earlierAttempts` has copied, and the lookup into that copy. */
  private attempt: { runId: number; lookup: Database.Statement<[string, string], { source_key: string; action: string }> } | undefined;

  /**
   * What an interrupted attempt of this run did to a row before it was killed: `created` or `updated` (a first-pass
   * write), else undefined. A resumed run finds those records already as it would write them (`unchanged`), yet the
   * run made them, and its reconciliation must say so. The entries are copied once, when the run resumes, into an
   * indexed temporary table: entries the resumed attempt adds are not in it, and need not be.
   */
  earlierAttempt(runId: number, load: string, sourceKey: string): 'created' | 'updated' | undefined {
    return this.earlierAttempts(runId, load, [sourceKey]).get(sourceKey);
  }

  /** `earlierAttempt` for a batch of rows in one statement, by source key: rows it did not create or update are absent. */
  earlierAttempts(runId: number, load: string, sourceKeys: readonly string[]): Map<string, 'created' | 'updated'> {
    const actions = new Map<string, 'created' | 'updated'>();
    if (sourceKeys.length === 0) return actions;
    if (this.attempt?.runId !== runId) {
      this.db.exec('DROP TABLE IF EXISTS temp.attempt');
      this.db.exec('CREATE TEMP TABLE attempt(load TEXT NOT NULL, source_key TEXT NOT NULL, action TEXT NOT NULL, PRIMARY KEY(load, source_key)) WITHOUT ROWID');
      // Oldest first, so a record created and later patched by the same run counts as created.
      this.db.prepare("INSERT OR IGNORE INTO temp.attempt SELECT load, source_key, action FROM ledger WHERE run_id = ? AND action IN ('created', 'updated') ORDER BY seq").run(runId);
      const lookup = this.db.prepare<[string, string], { source_key: string; action: string }>(
        'SELECT source_key, action FROM temp.attempt WHERE load = ? AND source_key IN (SELECT value FROM json_each(?))',
      );
      this.attempt = { runId, lookup };
    }
    for (const row of this.attempt.lookup.all(load, JSON.stringify(sourceKeys))) {
      if (row.action === 'created' || row.action === 'updated') actions.set(row.source_key, row.action);
    }
    return actions;
  }

  /** The run whose keys `touchedBy` has copied, and the lookup into that copy. */
  private touched: { runId: number; lookup: Database.Statement<[string, string]> } | undefined;

  /**
   * True when the run created, updated or patched the row's record. The ledger is indexed by sequence only, so the
   * first question about a run copies that run's keys into an indexed temporary table (in SQLite's temporary
   * storage, not in this process's memory); every later question about the same run is one index lookup.
   */
  touchedBy(runId: number, load: string, sourceKey: string): boolean {
    if (this.touched?.runId !== runId) {
      this.db.exec('DROP TABLE IF EXISTS temp.touched');
      this.db.exec('CREATE TEMP TABLE touched(load TEXT NOT NULL, source_key TEXT NOT NULL, PRIMARY KEY(load, source_key)) WITHOUT ROWID');
      this.db.prepare('INSERT OR IGNORE INTO temp.touched SELECT load, source_key FROM ledger WHERE run_id = ?').run(runId);
      this.touched = { runId, lookup: this.db.prepare<[string, string]>('SELECT 1 FROM temp.touched WHERE load = ? AND source_key = ?').pluck() };
    }
    return this.touched.lookup.get(load, sourceKey) !== undefined;
  }
}
