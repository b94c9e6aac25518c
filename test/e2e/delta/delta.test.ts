import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { beforeEach, describe, expect, it } from 'vitest';
import type { RunReport } from '../../../engine/run/run-report.js';
import type { SampleManifest } from '../../../engine/sample/manifest.js';
import { tableChecksums } from '../migrate/sandbox-checks.js';
import { runCliAsync as runCli, jsonResult } from '../run-cli.js';

/** Per pair: the contacts file, its key and modified columns, and a text column the pair maps (with its attribute). */
const CASES = [
  { pair: 'opencrm--dynamics-365-sales', load: 'contacts', table: 'contact', file: 'contacts.csv', key: 'CRM ID', modified: 'Date Modified', stamp: '23/11/2026 09:00', column: 'Job Title', attribute: 'jobtitle', email: 'Email' },
  { pair: 'smart-crm-online--salesforce-sales-cloud', load: 'contacts', table: 'Contact', file: 'contacts.csv', key: 'Contact ID', modified: 'Last Modified Date', stamp: '11/23/2026 09:00', column: 'Job Title', attribute: 'Title', email: 'Email' },
] as const;

type Case = (typeof CASES)[number];
type Row = Record<string, string>;

function readCsv(path: string): Row[] {
  return parse(readFileSync(path), { columns: true, bom: true }) as Row[];
}

function writeCsv(path: string, rows: Row[]): void {
  writeFileSync(path, stringify(rows, { header: true, columns: Object.keys(rows[0] as Row) }));
}

async function apply(project: string, ...flags: string[]): Promise<RunReport> {
  const result = await runCli(['apply', '--project', project, '--json', ...flags]);
  expect(result.exitCode, result.stderr).toBeLessThan(2);
  return jsonResult(result.stdout) as RunReport;
}

function touched(project: string, runId: number): { load: string; key: string; action: string }[] {
  const db = new Database(join(project, 'ledger.db'), { readonly: true });
  try {
    return db.prepare('SELECT load, source_key AS key, action FROM ledger WHERE run_id = ? ORDER BY load, source_key').all(runId) as { load: string; key: string; action: string }[];
  } finally {
    db.close();
  }
}

function sql<T>(project: string, work: (db: Database.Database) => T): T {
  const db = new Database(join(project, 'sandbox.db'));
  try {
    return work(db);
  } finally {
    db.close();
  }
}

describe.each(CASES)('delta runs on $pair', (c: Case) => {
  let root: string;
  let project: string;
  let csvPath: string;
  let rows: Row[];
  /** Rows the full run loaded and no planted problem touches: safe to edit, drop, or copy. */
  let plain: Row[];

  beforeEach(async () => {
    root = mkdtempSync(join(tmpdir(), 'delta-'));
    project = join(root, 'engagement');
    expect((await runCli(['sample', '--pair', c.pair, '--out', join(root, 'export')])).exitCode).toBe(0);
    expect((await runCli(['init', project, '--pair', c.pair, '--source', join(root, 'export')])).exitCode).toBe(0);
    await apply(project);
    csvPath = join(root, 'export', c.file);
    rows = readCsv(csvPath);
    const manifest = JSON.parse(readFileSync(join(root, 'export', 'crm-migrate-sample.json'), 'utf8')) as SampleManifest;
    const planted = new Set(manifest.problems.filter((p) => p.file === c.file).map((p) => p.key));
    plain = rows.filter((r) => !planted.has(r[c.key]) && (r[c.column] ?? '') !== '');
  });

  it('given 5 changed, 3 new and 2 removed rows, touches exactly those 8, reports the 2, and a second delta touches nothing', async () => {
    const changed = plain.slice(0, 5).map((r) => r[c.key] as string);
    const removed = plain.slice(5, 7).map((r) => r[c.key] as string);
    const added = plain.slice(7, 10).map((r, i) => ({ ...r, [c.key]: `${r[c.key]}9${i}`, [c.email]: `delta.new${i}@example.org` }));
    const edited = rows
      .filter((r) => !removed.includes(r[c.key] as string))
      .map((r) => (changed.includes(r[c.key] as string) ? { ...r, [c.column]: `${r[c.column]} (promoted)`, [c.modified]: c.stamp } : r));
    writeCsv(csvPath, [...edited, ...added]);

    const delta = await apply(project, '--delta');
    expect(delta.kind).toBe('delta');
    const entries = touched(project, delta.runId);
    expect(entries.filter((e) => e.action === 'updated').map((e) => `${e.load}:${e.key}`).sort()).toEqual(changed.map((k) => `${c.load}:${k}`).sort());
    expect(entries.filter((e) => e.action === 'created').map((e) => `${e.load}:${e.key}`).sort()).toEqual(added.map((r) => `${c.load}:${r[c.key]}`).sort());
    expect(entries).toHaveLength(8);
    const removedCsv = readCsv(join(project, delta.files.removed as string));
    expect(removedCsv.map((r) => r['source_key']).sort()).toEqual([...removed].sort());
    // Removed rows are reported, never deleted.
    for (const key of removed) expect(sql(project, (db) => db.prepare(`SELECT count(*) AS n FROM "${c.table}" WHERE _source_key = ?`).get(`${c.load}:${key}`))).toEqual({ n: 1 });

    const again = await apply(project, '--delta');
    expect(touched(project, again.runId)).toEqual([]);
    expect(again.loads.reduce((n, l) => n + (l.removed ?? 0), 0)).toBe(0);
  });

  it('given 2 rows edited in the destination and then in the source, reports 2 conflicts and keeps them; --force overwrites them', async () => {
    const [a, b] = plain.slice(0, 2).map((r) => r[c.key] as string) as [string, string];
    sql(project, (db) => {
      for (const key of [a, b]) db.prepare(`UPDATE "${c.table}" SET "${c.attribute}" = 'Edited by the customer' WHERE _source_key = ?`).run(`${c.load}:${key}`);
    });
    writeCsv(csvPath, rows.map((r) => ([a, b].includes(r[c.key] as string) ? { ...r, [c.column]: 'Changed at the source', [c.modified]: c.stamp } : r)));

    const delta = await apply(project, '--delta');
    expect(delta.loads.reduce((n, l) => n + (l.conflicts ?? 0), 0)).toBe(2);
    const conflicts = readCsv(join(project, delta.files.conflicts as string));
    expect(conflicts.map((r) => [r['source_key'], r['attribute'], r['destination_value'], r['source_value']]).sort()).toEqual(
      [a, b].map((k) => [k, c.attribute, 'Edited by the customer', 'Changed at the source']).sort(),
    );
    expect(touched(project, delta.runId)).toEqual([]);
    const value = (key: string): unknown => sql(project, (db) => (db.prepare(`SELECT "${c.attribute}" AS v FROM "${c.table}" WHERE _source_key = ?`).get(`${c.load}:${key}`) as { v: unknown }).v);
    expect([value(a), value(b)]).toEqual(['Edited by the customer', 'Edited by the customer']);

    const forced = await apply(project, '--delta', '--force');
    expect(touched(project, forced.runId).map((e) => e.key).sort()).toEqual([a, b].sort());
    expect([value(a), value(b)]).toEqual(['Changed at the source', 'Changed at the source']);
  });

  it('given a rollback of a delta run, restores the sandbox as it was before the delta, and the next delta moves the change again', async () => {
    const before = tableChecksums(join(project, 'sandbox.db'));
    const key = plain[0]?.[c.key] as string;
    const extra = { ...(plain[1] as Row), [c.key]: `${plain[1]?.[c.key]}77`, [c.email]: 'delta.rollback@example.org' };
    writeCsv(csvPath, [...rows.map((r) => (r[c.key] === key ? { ...r, [c.column]: 'Rolled back title', [c.modified]: c.stamp } : r)), extra]);
    const delta = await apply(project, '--delta');
    expect(touched(project, delta.runId)).toHaveLength(2);
    expect(tableChecksums(join(project, 'sandbox.db'))).not.toEqual(before);

    expect((await runCli(['rollback', '--project', project, '--yes'])).exitCode).toBe(0);
    expect(tableChecksums(join(project, 'sandbox.db'))).toEqual(before);

    const redo = await apply(project, '--delta');
    expect(touched(project, redo.runId).map((e) => e.action).sort()).toEqual(['created', 'updated']);
    expect(redo.loads.reduce((n, l) => n + (l.conflicts ?? 0), 0)).toBe(0);
  });
});
