import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { FindingExample } from './discovery.js';

export type IndexKind = 'key' | 'name' | 'email';

export interface ReferenceRow {
  object: string;
  file: string;
  column: string;
  line: number;
  key: string;
  value: string;
  by: IndexKind;
  targets: readonly string[];
}

export interface Repeat {
  object: string;
  file: string;
  column: string;
  count: number;
  examples: FindingExample[];
}

/** Examples kept per finding: enough to find the rows, few enough to read. */
export const EXAMPLES = 5;
const BATCH = 5_000;

/**
 * Discovery's working memory: every record's key, name and email, every reference and every value that must be
 * unique, in a throw-away SQLite file. Duplicates and orphans are then one query each, and memory stays flat however
 * large the export is.
 */
export class ScratchStore {
  private readonly dir = mkdtempSync(join(tmpdir(), 'crm-migrate-discover-'));
  private readonly db = new Database(join(this.dir, 'discover.db'));
  private readonly insertRecord;
  private readonly insertReference;
  private readonly insertUnique;
  private pending = 0;

  constructor() {
    // Nothing here outlives the process: durability would only cost time.
    this.db.pragma('journal_mode = OFF');
    this.db.pragma('synchronous = OFF');
    this.db.exec(`
      CREATE TABLE records (load TEXT, kind TEXT, value TEXT);
      CREATE TABLE refs (object TEXT, file TEXT, col TEXT, line INTEGER, key TEXT, value TEXT, kind TEXT, targets TEXT);
      CREATE TABLE uniques (kind TEXT, object TEXT, file TEXT, col TEXT, value TEXT, line INTEGER, key TEXT);
    `);
    this.insertRecord = this.db.prepare('INSERT INTO records VALUES (?, ?, ?)');
    this.insertReference = this.db.prepare('INSERT INTO refs VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    this.insertUnique = this.db.prepare('INSERT INTO uniques VALUES (?, ?, ?, ?, ?, ?, ?)');
    this.db.exec('BEGIN');
  }

  /** A record of `load` that references may find by its key, name or email (names and emails compare lower-cased). */
  record(load: string, kind: IndexKind, value: string): void {
    this.insertRecord.run(load, kind, value);
    this.tick();
  }

  reference(ref: ReferenceRow): void {
    this.insertReference.run(ref.object, ref.file, ref.column, ref.line, ref.key, ref.value, ref.by, JSON.stringify(ref.targets));
    this.tick();
  }

  /** A value that should appear once per object and column (`kind` names the rule, e.g. duplicate-email). */
  unique(kind: string, at: { object: string; file: string; column: string; line: number; key: string }, value: string): void {
    this.insertUnique.run(kind, at.object, at.file, at.column, value, at.line, at.key);
    this.tick();
  }

  /** References no record of any target load answers to, grouped by object and column. */
  orphans(): Repeat[] {
    this.flush();
    this.db.exec('CREATE INDEX records_lookup ON records (kind, value, load)');
    const rows = this.db
      .prepare(
        `SELECT DISTINCT object, file, col, line, key, value FROM refs r
         WHERE NOT EXISTS (SELECT 1 FROM json_each(r.targets) t JOIN records x ON x.load = t.value AND x.kind = r.kind AND x.value = r.value)
         ORDER BY object, col, line`,
      )
      .iterate() as IterableIterator<{ object: string; file: string; col: string; line: number; key: string; value: string }>;
    return group(rows, (r) => ({ line: r.line, key: r.key, value: r.value }));
  }

  /** Rows repeating a value an earlier row of the same object and column already has; the first is not counted. */
  repeats(kind: string): Repeat[] {
    this.flush();
    const rows = this.db
      .prepare(
        `SELECT object, file, col, line, key, value, min(line) OVER (PARTITION BY object, col, value) AS first
         FROM uniques WHERE kind = ? ORDER BY object, col, line`,
      )
      .iterate(kind) as IterableIterator<{ object: string; file: string; col: string; line: number; key: string; value: string; first: number }>;
    return group(
      (function* () {
        for (const r of rows) if (r.line !== r.first) yield r;
      })(),
      (r) => ({ line: r.line, key: r.key, value: `${r.value} (first on line ${r.first})` }),
    );
  }

  close(): void {
    this.db.close();
    rmSync(this.dir, { recursive: true, force: true });
  }

  private tick(): void {
    this.pending += 1;
    if (this.pending >= BATCH) this.flush();
  }

  private flush(): void {
    if (!this.db.inTransaction) return;
    this.db.exec('COMMIT');
    this.pending = 0;
    this.db.exec('BEGIN');
  }
}

function group<T extends { object: string; file: string; col: string }>(rows: Iterable<T>, example: (row: T) => FindingExample): Repeat[] {
  const out: Repeat[] = [];
  for (const row of rows) {
    let last = out.at(-1);
    if (last === undefined || last.object !== row.object || last.column !== row.col) {
      last = { object: row.object, file: row.file, column: row.col, count: 0, examples: [] };
      out.push(last);
    }
    last.count += 1;
    if (last.examples.length < EXAMPLES) last.examples.push(example(row));
  }
  return out;
}
