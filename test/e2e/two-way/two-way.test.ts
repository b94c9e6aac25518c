import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadEngagement, type Engagement } from '../../../engine/engagement/engagement.js';
import type { RunReport } from '../../../engine/run/run-report.js';
import type { VerificationReport } from '../../../engine/verify/verification-report.js';
import { brokenLookups, tableChecksums } from '../migrate/sandbox-checks.js';
import { runCliAsync, type CliResult } from '../run-cli.js';

/*
 * Dynamics 365 and Salesforce are each a destination and a source: their platform specs describe the export beside the
 * data model. Each direction runs the way a user runs it: sample, init, apply, verify, a second apply, an edited
 * export applied and rolled back.
 */

/** What `--json` printed: the envelope's `result`, or the document itself from commands that print it bare. */
function commandResult<T>(result: CliResult): T {
  const parsed = JSON.parse(result.stdout) as { result?: T };
  return (parsed.result ?? parsed) as T;
}

const PAIRS = [
  { pair: 'dynamics-365-sales--salesforce-sales-cloud', files: ['Accounts.csv', 'Contacts.csv', 'Leads.csv', 'Opportunities.csv', 'Tasks.csv'], keyHeader: '(Do Not Modify) Account' },
  { pair: 'salesforce-sales-cloud--dynamics-365-sales', files: ['Account.csv', 'Contact.csv', 'Lead.csv', 'Opportunity.csv', 'Task.csv', 'User.csv'], keyHeader: 'Id' },
] as const;

describe.each(PAIRS)('a sample $pair migration', ({ pair, files, keyHeader }) => {
  const root = mkdtempSync(join(tmpdir(), `two-way-${pair}-`));
  const exportDir = join(root, 'export');
  const project = join(root, 'engagement');
  let first: RunReport;
  let engagement: Engagement;

  beforeAll(async () => {
    expect((await runCliAsync(['sample', '--pair', pair, '--out', exportDir])).exitCode).toBe(0);
    expect((await runCliAsync(['init', project, '--pair', pair, '--source', exportDir])).exitCode).toBe(0);
    const applied = await runCliAsync(['apply', '--project', project, '--json']);
    expect(applied.stderr).toBe('');
    first = commandResult<RunReport>(applied);
    engagement = (await loadEngagement(project)).engagement as Engagement;
  }, 120_000);

  it('given the sample, writes the export in the source CRM\'s own shape', () => {
    for (const file of files) expect(readFileSync(join(exportDir, file), 'utf8').length, file).toBeGreaterThan(0);
    const accounts = parse(readFileSync(join(exportDir, files[0])), { bom: true, columns: true }) as Record<string, string>[];
    expect(accounts.length).toBeGreaterThan(10);
    const key = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$|^001[0-9A-Za-z]{15}$/;
    for (const row of accounts) expect(row[keyHeader], keyHeader).toMatch(key);
  });

  it('given the run, loads every load and accounts for every source row', () => {
    expect(first.loads.length).toBeGreaterThanOrEqual(5);
    for (const load of first.loads) {
      expect(load.sourceRows, load.load).toBe(load.loaded + load.skipped + load.held + load.failed);
      expect(load.loaded, `${load.load} loaded something`).toBeGreaterThan(0);
    }
    expect(brokenLookups(join(project, 'sandbox.db'), engagement.destination.spec)).toEqual([]);
  });

  it('given verify over every row, finds no mismatch', async () => {
    const result = await runCliAsync(['verify', '--project', project, '--sample', '100000', '--json']);
    const report = commandResult<VerificationReport>(result);
    expect(report.mismatches).toEqual([]);
    expect(result.exitCode).toBe(0);
    const loaded = first.loads.reduce((n, l) => n + l.loaded, 0);
    expect(report.loads.reduce((n, l) => n + l.checked, 0)).toBe(loaded);
  });

  it('given a second apply, loads nothing new', async () => {
    const again = commandResult<RunReport>(await runCliAsync(['apply', '--project', project, '--json']));
    expect(again.loads.length).toBe(first.loads.length);
    for (const load of again.loads) {
      expect([load.load, load.created, load.updated]).toEqual([load.load, 0, 0]);
      expect(load.unchanged).toBe(first.loads.find((l) => l.load === load.load)?.loaded);
    }
  });

  it('given an edited export, a run updates rows and its rollback restores the sandbox exactly', async () => {
    const before = tableChecksums(join(project, 'sandbox.db'));
    const file = join(exportDir, files[0]);
    const edited = appendToColumn(file, 'Description');
    expect(edited).toBeGreaterThan(0);
    const run = commandResult<RunReport>(await runCliAsync(['apply', '--project', project, '--json']));
    // Rows held or refused in the first run are not in the sandbox to update.
    const accounts = first.loads.find((l) => l.load === 'accounts') as RunReport['loads'][number];
    const updated = run.loads.reduce((n, l) => n + l.updated, 0);
    expect(updated).toBeGreaterThanOrEqual(edited - (accounts.skipped + accounts.held + accounts.failed));
    expect(updated).toBeLessThanOrEqual(edited);
    expect(tableChecksums(join(project, 'sandbox.db'))).not.toEqual(before);
    const undone = await runCliAsync(['rollback', '--project', project, '--yes', '--json']);
    expect(undone.exitCode, undone.stderr).toBe(0);
    expect(commandResult<{ restored: number }>(undone).restored).toBe(updated);
    expect(tableChecksums(join(project, 'sandbox.db'))).toEqual(before);
  });
});

/** Appends a marker to `column` of every loaded-looking row with a value there; returns how many rows changed. */
function appendToColumn(file: string, column: string): number {
  const rows = parse(readFileSync(file), { bom: true, relax_column_count: true }) as string[][];
  const [header, ...data] = rows;
  const at = header?.indexOf(column) ?? -1;
  expect(at, `${column} in ${file}`).toBeGreaterThanOrEqual(0);
  let changed = 0;
  const quote = (v: string): string => `"${v.replaceAll('"', '""')}"`;
  const lines = [header as string[], ...data.map((r) => r.map((v, i) => (i === at && v.trim() !== '' ? (changed++, `${v} (edited)`) : v)))].map((r) => r.map(quote).join(','));
  writeFileSync(file, lines.join('\n') + '\n');
  return changed;
}
