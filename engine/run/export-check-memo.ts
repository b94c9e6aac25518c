import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { ExportCheck } from '../plan/shape-findings.js';

/**
 * The last export check an apply made, kept in the ledger under the key of everything it depended on (see
 * plan/export-check-key). A run killed part-way and resumed, a rerun, or a delta over the same files finds the same
 * key and skips re-reading the export, which was a quarter of a run. Any changed byte of the export, the plan or the
 * specs gives another key, and the check runs again.
 *
 * Read through a read-only connection, so a run that stops at the check (a blocker) leaves no ledger behind; written
 * once the run has started, when the ledger exists anyway.
 */
export function rememberedCheck(ledgerPath: string, key: string): ExportCheck | undefined {
  if (!existsSync(ledgerPath)) return undefined;
  const db = new Database(ledgerPath, { readonly: true, fileMustExist: true });
  try {
    const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'export_check'").get();
    if (table === undefined) return undefined;
    const found = db.prepare<[string], string>('SELECT result FROM export_check WHERE key = ?').pluck().get(key);
    return found === undefined ? undefined : (JSON.parse(found) as ExportCheck);
  } finally {
    db.close();
  }
}

/** Keeps this check in place of the last one: only the newest is ever reused. */
export function rememberCheck(ledgerPath: string, key: string, check: ExportCheck): void {
  const db = new Database(ledgerPath);
  try {
    db.exec('CREATE TABLE IF NOT EXISTS export_check(id INTEGER PRIMARY KEY CHECK (id = 1), key TEXT NOT NULL, result TEXT NOT NULL)');
    db.prepare('INSERT OR REPLACE INTO export_check(id, key, result) VALUES (1, ?, ?)').run(key, JSON.stringify(check));
  } finally {
    db.close();
  }
}
