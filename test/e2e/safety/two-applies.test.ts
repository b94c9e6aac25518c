import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tableChecksums } from '../migrate/sandbox-checks.js';
import { repoRoot, runCliAsync } from '../run-cli.js';
import { companies, engagement, jsonResult, writeExport } from './small-engagement.js';

function ledgerRows(project: string): { runs: unknown[]; entries: unknown[] } {
  const db = new Database(join(project, 'ledger.db'), { readonly: true });
  try {
    return {
      runs: db.prepare('SELECT kind, status FROM runs ORDER BY id').all(),
      entries: db.prepare('SELECT run_id, load, source_key, action FROM ledger ORDER BY seq').all(),
    };
  } finally {
    db.close();
  }
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 3000 && !condition(); i += 1) await new Promise((r) => setTimeout(r, 10));
  if (!condition()) throw new Error(`gave up waiting for ${what}`);
}

describe('two writers on one engagement', () => {
  it('given a second apply while the first runs, the second exits 3 naming the first, and ledger and destination equal a single run', async () => {
    const root = mkdtempSync(join(tmpdir(), 'two-applies-'));
    const exportDir = join(root, 'export');
    // 400 companies in batches of 4: long enough that the poll below finds the lock held, even on a loaded machine,
    // now that an apply of 40 starts and ends within a few hundred milliseconds.
    writeExport(exportDir, { companies: companies(400) });
    const single = engagement(join(root, 'single'), exportDir, { batchSize: 4 });
    const shared = engagement(join(root, 'shared'), exportDir, { batchSize: 4 });
    expect((await runCliAsync(['apply', '--project', single])).exitCode).toBe(0);

    // The first apply is paused (SIGSTOP) as soon as it holds the lock, so the second surely starts while it runs.
    const first = spawn(process.execPath, [join(repoRoot, 'bin', 'run.js'), 'apply', '--project', shared, '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const firstExit = new Promise<number>((resolve) => first.on('exit', (code) => resolve(code ?? -1)));
    await until(() => existsSync(join(shared, 'engagement.lock')), 'the first apply to take the lock');
    first.kill('SIGSTOP');
    let second;
    try {
      second = await runCliAsync(['apply', '--project', shared]);
    } finally {
      first.kill('SIGCONT');
    }
    expect(second.exitCode).toBe(3);
    expect(second.stdout + second.stderr).toContain(`another crm-migrate apply is working on this engagement (pid ${first.pid} on ${hostname()}`);
    expect(await firstExit).toBe(0);

    expect(existsSync(join(shared, 'engagement.lock'))).toBe(false);
    expect(ledgerRows(shared)).toEqual(ledgerRows(single));
    // One entry per company, plus the pair's default pipeline process (a flow and its four stages) set up for deals.
    expect((ledgerRows(shared).entries as { load: string }[]).filter((e) => e.load === 'accounts')).toHaveLength(400);
    expect(ledgerRows(shared).entries).toHaveLength(405);
    expect(tableChecksums(join(shared, 'sandbox.db'))).toEqual(tableChecksums(join(single, 'sandbox.db')));
  }, 180_000);

  it('given a lock left by a killed run, the next apply takes it over and its report says so', async () => {
    const root = mkdtempSync(join(tmpdir(), 'stale-lock-'));
    const exportDir = join(root, 'export');
    writeExport(exportDir, { companies: companies(2) });
    const project = engagement(join(root, 'engagement'), exportDir);
    const dead = spawn(process.execPath, ['-e', '0']);
    await new Promise((resolve) => dead.on('exit', resolve));
    writeFileSync(join(project, 'engagement.lock'), JSON.stringify({ pid: dead.pid, host: hostname(), startedAt: '2026-12-04T08:00:00.000Z', command: 'apply' }));

    const result = await runCliAsync(['apply', '--project', project, '--json']);
    expect(result.exitCode, result.stderr).toBe(0);
    const notes = jsonResult<{ notes?: string[] }>(result.stdout).notes ?? [];
    expect(notes).toContain(`Took over the engagement lock left by apply (pid ${dead.pid} on ${hostname()}, started 2026-12-04T08:00:00.000Z), which is no longer running.`);
    const saved = JSON.parse(readFileSync(join(project, 'runs', '1', 'reconciliation.json'), 'utf8')) as { notes?: string[] };
    expect(saved.notes?.[0]).toContain('Took over the engagement lock');
    expect(existsSync(join(project, 'engagement.lock'))).toBe(false);
  }, 60_000);
});
