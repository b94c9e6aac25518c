import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { tableChecksums } from '../migrate/sandbox-checks.js';
import { runCliAsync } from '../run-cli.js';
import { companies, engagement, jsonResult, writeExport } from './small-engagement.js';

/**
 * Run 1 loads 20 companies; run 2 (the one rolled back) renames 5 of them and adds 10, so its rollback restores 5
 * records and deletes 10. Batches of 4 make that 5 destination calls: 3 groups of deletes, then 2 of restores.
 */
let root: string;
let afterRun2: string;
let beforeRun2: Record<string, string>;

function runStatus(project: string): { id: number; status: string }[] {
  const db = new Database(join(project, 'ledger.db'), { readonly: true });
  try {
    return db.prepare('SELECT id, status FROM runs ORDER BY id').all() as { id: number; status: string }[];
  } finally {
    db.close();
  }
}

/** A copy of the engagement as run 2 left it, beside the original so that its `source: ../export` still holds. */
function copyOfRun2(name: string): string {
  const project = join(root, name);
  cpSync(afterRun2, project, { recursive: true });
  return project;
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'rollback-resume-'));
  const exportDir = join(root, 'export');
  writeExport(exportDir, { companies: companies(20) });
  afterRun2 = engagement(join(root, 'engagement'), exportDir, { batchSize: 4 });
  expect((await runCliAsync(['apply', '--project', afterRun2])).exitCode).toBe(0);
  beforeRun2 = tableChecksums(join(afterRun2, 'sandbox.db'));
  const changed = companies(30).map((c, i) => (i < 5 ? { ...c, 'Company Name': `Renamed ${i}`, City: 'York' } : c));
  writeExport(exportDir, { companies: changed });
  const run2 = await runCliAsync(['apply', '--project', afterRun2, '--json']);
  expect(run2.exitCode, run2.stderr).toBe(0);
  expect(jsonResult<{ loads: { load: string; created: number; updated: number }[] }>(run2.stdout).loads[0]).toMatchObject({ load: 'accounts', created: 10, updated: 5 });
  expect(tableChecksums(join(afterRun2, 'sandbox.db'))).not.toEqual(beforeRun2);
}, 120_000);

describe('a rollback killed with SIGKILL', () => {
  // Killed after the destination undid N records and before the ledger recorded them: after the first group of
  // deletes, after the last group of deletes, and after the first group of restores.
  it.each([1, 9, 12])('given a kill after %i undone records, a second rollback finishes it: exit 0 and the destination as before the run', async (killAfter) => {
    const project = copyOfRun2(`killed-after-${killAfter}`);
    const killed = await runCliAsync(['rollback', '--project', project, '--yes'], { env: { CRM_MIGRATE_TEST_KILL_AFTER: String(killAfter) } });
    expect(killed.exitCode).toBe(-1); // no exit code: ended by a signal
    expect(runStatus(project)).toEqual([{ id: 1, status: 'completed' }, { id: 2, status: 'rolling-back' }]);
    expect(tableChecksums(join(project, 'sandbox.db'))).not.toEqual(beforeRun2);

    // While it is half undone, nothing else is applied on top of it.
    const apply = await runCliAsync(['apply', '--project', project]);
    expect(apply.exitCode).toBe(3);
    expect(apply.stdout + apply.stderr).toContain('Run 2 is partly rolled back');

    const resumed = await runCliAsync(['rollback', '--project', project, '--yes', '--json']);
    expect(resumed.exitCode, resumed.stderr).toBe(0);
    const report = jsonResult<{ runId: number; deleted: number; restored: number; failed: unknown[]; resumed: boolean }>(resumed.stdout);
    expect(report).toMatchObject({ runId: 2, failed: [], resumed: true });
    expect(tableChecksums(join(project, 'sandbox.db'))).toEqual(beforeRun2);
    expect(runStatus(project)).toEqual([{ id: 1, status: 'completed' }, { id: 2, status: 'rolled-back' }]);
  }, 120_000);

  it('given two kills in a row (the resumed rollback killed too), a third finishes with the destination as before the run', async () => {
    const project = copyOfRun2('killed-twice');
    expect((await runCliAsync(['rollback', '--project', project, '--yes'], { env: { CRM_MIGRATE_TEST_KILL_AFTER: '5' } })).exitCode).toBe(-1);
    expect((await runCliAsync(['rollback', '--project', project, '--yes'], { env: { CRM_MIGRATE_TEST_KILL_AFTER: '3' } })).exitCode).toBe(-1);
    const last = await runCliAsync(['rollback', '--project', project, '--yes']);
    expect(last.exitCode, last.stdout + last.stderr).toBe(0);
    expect(tableChecksums(join(project, 'sandbox.db'))).toEqual(beforeRun2);

    // And the engagement goes on: the same run 2 applies again and rolls back cleanly.
    expect((await runCliAsync(['apply', '--project', project])).exitCode).toBe(0);
    expect((await runCliAsync(['rollback', '--project', project, '--yes'])).exitCode).toBe(0);
    expect(tableChecksums(join(project, 'sandbox.db'))).toEqual(beforeRun2);
  }, 180_000);
});
