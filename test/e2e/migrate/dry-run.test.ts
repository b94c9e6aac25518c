import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunReport } from '../../../engine/run/run-report.js';
import type { DryRunSummary } from '../../../engine/run/dry-run.js';
import { jsonResult, runCliAsync } from '../run-cli.js';
import { companies, engagement, OWNER, writeExport, type ExportRows } from '../safety/small-engagement.js';

/**
 * A hand-written export with one of each thing a dry run must count: rows to create, an attachment whose path
 * escapes the export (skipped), a company whose owner has no user (held), a company id given twice (duplicate), and
 * a contact naming a company that is not in the export (an unresolved lookup).
 */
function exportRows(changed = false): ExportRows {
  const firms = companies(3);
  if (changed) (firms[0] as Record<string, string>)['Company Name'] = 'Company 100 Renamed';
  return {
    companies: [
      ...firms,
      { 'Company ID': '103', 'Company Name': 'Nobody Owns Me', 'Owner Email': 'gone@northwind-sales.example', 'Created Date': '01/02/2024 10:00' },
      { 'Company ID': '101', 'Company Name': 'Company 101 again', 'Owner Email': OWNER, 'Created Date': '01/02/2024 10:00' },
    ],
    contacts: [
      { 'Contact ID': '1', 'First Name': 'Ada', 'Last Name': 'Byron', Email: 'ada@example.com', 'Job Title': changed ? 'Chief Engineer' : 'Engineer', 'Company ID': '100', 'Owner Email': OWNER, 'Created Date': '01/02/2024 10:00' },
      { 'Contact ID': '2', 'First Name': 'Alan', 'Last Name': 'Turing', Email: 'alan@example.com', 'Company ID': '100', 'Owner Email': OWNER, 'Created Date': '01/02/2024 10:00' },
      { 'Contact ID': '3', 'First Name': 'Grace', 'Last Name': 'Hopper', Email: 'grace@example.com', 'Company ID': '999', 'Owner Email': OWNER, 'Created Date': '01/02/2024 10:00' },
    ],
    attachments: [{ 'Attachment ID': '1', 'File Name': 'passwd', 'File Path': '/etc/passwd', 'Company ID': '100', 'Owner Email': OWNER, 'Created Date': '01/02/2024 10:00' }],
  };
}

/** Per load, the figures a dry run gives and the same figures from an apply's reconciliation, in one order. */
const dryFigures = (s: DryRunSummary): string[][] => s.loads.map((l) => [l.load, ...[l.sourceRows, l.create, l.update, l.unchanged, l.skip, l.hold, l.refused, l.duplicates, l.unresolvedLookups].map(String)]);
const runFigures = (r: RunReport): string[][] => r.loads.map((l) => [l.load, ...[l.sourceRows, l.created, l.updated, l.unchanged, l.skipped, l.held, l.failed, l.duplicates, l.lookupIssues ?? 0].map(String)]);

function digests(project: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(project)
      .filter((f) => f === 'sandbox.db' || f === 'ledger.db' || f === 'queues')
      .map((f) => [f, f === 'queues' ? readdirSync(join(project, f)).sort().join(',') : createHash('sha256').update(readFileSync(join(project, f))).digest('hex')]),
  );
}

async function dryRun(project: string, command: 'apply' | 'plan'): Promise<DryRunSummary> {
  const result = await runCliAsync([command, '--dry-run', '--project', project, '--json']);
  expect(result.exitCode, result.stdout + result.stderr).toBe(0);
  return jsonResult<DryRunSummary>(result.stdout);
}

async function apply(project: string): Promise<RunReport> {
  const result = await runCliAsync(['apply', '--project', project, '--json']);
  expect(result.exitCode, result.stdout + result.stderr).toBe(0);
  return jsonResult<RunReport>(result.stdout);
}

describe('a dry run before an apply', () => {
  it('given creates, a skip, a hold, a duplicate key and an unresolved lookup, counts what the following apply does, and writes nothing', async () => {
    const root = mkdtempSync(join(tmpdir(), 'dry-run-'));
    const exportDir = join(root, 'export');
    writeExport(exportDir, exportRows());
    const project = engagement(join(root, 'engagement'), exportDir);

    const first = await dryRun(project, 'apply');
    expect(first.dryRun).toBe(true);
    // Nothing was written: no sandbox, no ledger, no run folder, no queue.
    expect(['sandbox.db', 'ledger.db', 'runs', 'queues'].filter((f) => existsSync(join(project, f)))).toEqual([]);
    const byLoad = new Map(first.loads.map((l) => [l.load, l]));
    expect(byLoad.get('accounts')).toMatchObject({ sourceRows: 5, create: 3, hold: 1, duplicates: 1 });
    expect(byLoad.get('contacts')).toMatchObject({ sourceRows: 3, create: 2, hold: 1, unresolvedLookups: 1 });
    expect(byLoad.get('attachments')).toMatchObject({ sourceRows: 1, create: 0, skip: 1 });
    expect((await dryRun(project, 'plan')).loads).toEqual(first.loads);

    const applied = await apply(project);
    expect(runFigures(applied)).toEqual(dryFigures(first));

    // Two rows change in the export; a second dry run says so, and leaves the engagement's files as they were.
    writeExport(exportDir, exportRows(true));
    const before = digests(project);
    expect(Object.keys(before).sort()).toEqual(['ledger.db', 'queues', 'sandbox.db']);
    const second = await dryRun(project, 'apply');
    expect(digests(project)).toEqual(before);
    expect(readdirSync(join(project, 'runs'))).toEqual(['1']);
    const loaded = applied.totals.loaded;
    expect(second.totals).toMatchObject({ create: 0, update: 2, unchanged: loaded - 2 });
    expect(second.loads.filter((l) => l.update > 0).map((l) => [l.load, l.update])).toEqual([['accounts', 1], ['contacts', 1]]);

    const again = await apply(project);
    expect(runFigures(again)).toEqual(dryFigures(second));
  }, 600_000);

  it('given a live org as the target, refuses the dry run (exit 3) rather than guessing, and says what to do instead', async () => {
    const root = mkdtempSync(join(tmpdir(), 'dry-run-live-'));
    const exportDir = join(root, 'export');
    writeExport(exportDir, { companies: companies(1) });
    const project = engagement(join(root, 'engagement'), exportDir);
    const file = join(project, 'migration.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^target: .*$/m, 'target: dataverse:https://contoso.crm.dynamics.com'));
    const result = await runCliAsync(['apply', '--dry-run', '--project', project, '--json']);
    expect(result.exitCode, result.stdout).toBe(3);
    expect(JSON.parse(result.stdout)).toMatchObject({ status: 'error', error: { code: 'run/dry-run-live-target', exitCode: 3 } });
  }, 120_000);
});
