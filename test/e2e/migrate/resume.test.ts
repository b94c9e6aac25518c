import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { BUNDLED_PAIRS } from './bundled-pairs.js';
import { runCli, jsonResult } from '../run-cli.js';
import { killHalfway, ledgerEntries } from '../kill-apply.js';
import { tableChecksums } from './sandbox-checks.js';
import { parse } from 'csv-parse/sync';
import type { RunReport } from '../../../engine/run/run-report.js';


/** An engagement on `exportDir` whose batches are tiny, so that a run lasts long enough to be killed in the middle. */
function engagement(root: string, name: string, pair: string, exportDir: string): string {
  const project = join(root, name);
  expect(runCli(['init', project, '--pair', pair, '--source', exportDir]).exitCode).toBe(0);
  const file = join(project, 'migration.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace('failThreshold: 0.05', 'failThreshold: 0.05\n  batchSize: 4'));
  return project;
}

describe.each(BUNDLED_PAIRS)('an apply of %s killed halfway', (pair) => {
  it('given a second apply, ends with exactly the sandbox of an uninterrupted run, and rolls back to empty', async () => {
    const root = mkdtempSync(join(tmpdir(), `resume-${pair}-`));
    const exportDir = join(root, 'export');
    expect(runCli(['sample', '--pair', pair, '--out', exportDir]).exitCode).toBe(0);

    const straight = engagement(root, 'straight', pair, exportDir);
    const uninterrupted = runCli(['apply', '--project', straight, '--json']);
    expect(uninterrupted.exitCode).toBeLessThan(2);
    const total = ledgerEntries(straight);

    const killed = engagement(root, 'killed', pair, exportDir);
    const seen = await killHalfway(killed, Math.floor(total / 2));
    expect(seen).toBeGreaterThan(0);
    expect(seen).toBeLessThan(total);

    const resumed = runCli(['apply', '--project', killed, '--json']);
    const report = jsonResult<RunReport>(resumed.stdout);
    expect(report.resumed).toBe(true);
    // The resumed run reports what the run did, the killed attempt's writes included: the figures of a run never
    // interrupted, not "created 0, unchanged" for the records the first attempt created.
    const figures = (r: RunReport): unknown[] => r.loads.map((l) => [l.load, l.sourceRows, l.created, l.updated, l.unchanged, l.skipped, l.held, l.failed, l.duplicates]);
    expect(figures(report)).toEqual(figures(jsonResult<RunReport>(uninterrupted.stdout)));
    expect(report.loads.reduce((n, l) => n + l.created, 0)).toBeGreaterThan(seen);
    // Its success file lists every record the run loaded, once, with what the run did to it.
    const success = parse(readFileSync(join(killed, 'runs', '1', 'success.csv')), { columns: true }) as Record<string, string>[];
    expect(success.length).toBe(report.totals.loaded);
    expect(success.filter((r) => r['action'] === 'created').length).toBe(report.loads.reduce((n, l) => n + l.created, 0));
    expect(tableChecksums(join(killed, 'sandbox.db'))).toEqual(tableChecksums(join(straight, 'sandbox.db')));
    expect(ledgerEntries(killed)).toBe(total);

    // Everything the killed-and-resumed run created is in its ledger: rolling it back leaves only the seeded users.
    expect(runCli(['rollback', '--project', killed, '--yes']).exitCode).toBe(0);
    const db = new Database(join(killed, 'sandbox.db'), { readonly: true });
    const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('systemuser', 'User')").all();
    const left = tables.map(({ name }) => [name, (db.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n]).filter(([, n]) => n !== 0);
    db.close();
    expect(left).toEqual([]);
  });
});
