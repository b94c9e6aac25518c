import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { RunReport } from '../../../engine/run/run-report.js';
import { jsonResult, runCliAsync } from '../run-cli.js';
import { companies, engagement, OWNER, writeExport } from '../safety/small-engagement.js';
import { tableChecksums } from './sandbox-checks.js';

/** Three deals of company 100, written by hand: one won with its revenue, one lost, one still open. */
const DEALS = [
  { 'Deal ID': '501', 'Deal Name': 'Harbour fit-out', Pipeline: 'Sales Pipeline', Stage: 'Closed Won', 'Deal Value': '$12,500.00', Currency: 'USD', 'Expected Close Date': '02/28/2024', 'Closed Date': '03/15/2024', 'Company ID': '100', 'Owner Email': OWNER, 'Created Date': '01/10/2024 09:30', 'Last Modified Date': '03/15/2024 10:00' },
  { 'Deal ID': '502', 'Deal Name': 'Depot racking', Pipeline: 'Sales Pipeline', Stage: 'Closed Lost', 'Deal Value': '$4,000.00', Currency: 'USD', 'Expected Close Date': '03/31/2024', 'Closed Date': '04/01/2024', 'Company ID': '100', 'Owner Email': OWNER, 'Created Date': '01/11/2024 14:05', 'Last Modified Date': '04/01/2024 10:00' },
  { 'Deal ID': '503', 'Deal Name': 'Office move', Pipeline: 'Sales Pipeline', Stage: 'Qualified', 'Deal Value': '$7,000.00', Currency: 'USD', 'Expected Close Date': '09/30/2024', 'Closed Date': '', 'Company ID': '100', 'Owner Email': OWNER, 'Created Date': '02/01/2024 08:00', 'Last Modified Date': '02/01/2024 08:00' },
];

async function apply(project: string, env: Record<string, string> = {}): Promise<{ report: RunReport; exitCode: number }> {
  const result = await runCliAsync(['apply', '--project', project, '--json'], { env });
  return { report: result.stdout === '' ? (undefined as unknown as RunReport) : jsonResult<RunReport>(result.stdout), exitCode: result.exitCode };
}

function rows<T>(project: string, sql: string): T[] {
  const db = new Database(join(project, 'sandbox.db'), { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

interface Opportunity {
  name: string;
  statecode: number;
  statuscode: number | null;
  actualvalue: number | null;
  actualclosedate: string | null;
  opportunityid: string;
}

interface OpportunityClose {
  opportunityid: string;
  subject: string;
  actualrevenue: number | null;
  actualend: string | null;
}

describe('won and lost deals into Dynamics 365 (hand-written export)', () => {
  it('given a won and a lost deal, loads them open and closes them with an opportunityclose record each; a rerun adds none; rollback reopens and removes them', async () => {
    const root = mkdtempSync(join(tmpdir(), 'close-phase-'));
    const exportDir = join(root, 'export');
    // First the company and the open deal, so the sandbox has a state to return to.
    writeExport(exportDir, { companies: companies(1), deals: [DEALS[2] as Record<string, string>] });
    const project = engagement(join(root, 'engagement'), exportDir);
    expect((await apply(project)).exitCode).toBe(0);
    const before = tableChecksums(join(project, 'sandbox.db'));

    writeExport(exportDir, { companies: companies(1), deals: DEALS });
    const { report } = await apply(project);
    expect(report.loads.find((l) => l.load === 'opportunities')?.closed).toEqual({ won: 1, lost: 1, alreadyClosed: 0, failed: 0 });

    const opportunities = rows<Opportunity>(project, 'SELECT name, statecode, statuscode, actualvalue, actualclosedate, opportunityid FROM opportunity ORDER BY name');
    expect(opportunities.map((o) => [o.name, o.statecode, o.statuscode, o.actualvalue, o.actualclosedate?.slice(0, 10) ?? null])).toEqual([
      ['Depot racking', 2, 4, 4000, '2024-04-01'],
      ['Harbour fit-out', 1, 3, 12500, '2024-03-15'],
      ['Office move', 0, null, null, null],
    ]);
    const closes = rows<OpportunityClose>(project, 'SELECT opportunityid, subject, actualrevenue, actualend FROM opportunityclose ORDER BY subject');
    const idOf = (name: string): string | undefined => opportunities.find((o) => o.name === name)?.opportunityid;
    expect(closes.map((c) => [c.subject, c.opportunityid, c.actualrevenue, c.actualend?.slice(0, 10)])).toEqual([
      ['Lost: Depot racking', idOf('Depot racking'), 4000, '2024-04-01'],
      ['Won: Harbour fit-out', idOf('Harbour fit-out'), 12500, '2024-03-15'],
    ]);

    const again = await apply(project);
    expect(again.report.loads.find((l) => l.load === 'opportunities')?.closed).toEqual({ won: 0, lost: 0, alreadyClosed: 2, failed: 0 });
    expect(rows(project, 'SELECT * FROM opportunityclose')).toHaveLength(2);

    // The rerun changed nothing, so rolling it back is empty; then the run that closed the deals is undone.
    expect((await runCliAsync(['rollback', '--project', project, '--yes'])).exitCode).toBe(0);
    const undone = await runCliAsync(['rollback', '--project', project, '--yes', '--json']);
    // Deleted: the two deals and their two close records. Restored: each deal reopened, and each deal's pipeline
    // process (set on it after its load, before it closed) taken off again.
    expect(jsonResult<{ deleted: number; restored: number }>(undone.stdout)).toMatchObject({ deleted: 4, restored: 4 });
    expect(rows(project, 'SELECT * FROM opportunityclose')).toEqual([]);
    expect(tableChecksums(join(project, 'sandbox.db'))).toEqual(before);
  });

  it('given a run killed after the destination closed deals but before the ledger heard, the resumed run records each close once and rollback undoes them', async () => {
    const root = mkdtempSync(join(tmpdir(), 'close-killed-'));
    const exportDir = join(root, 'export');
    writeExport(exportDir, { companies: companies(1), deals: DEALS });
    const project = engagement(join(root, 'engagement'), exportDir);
    const killed = await apply(project, { CRM_MIGRATE_TEST_KILL_IN_CLOSE: '1' });
    expect(killed.exitCode).not.toBe(0);
    expect(rows(project, 'SELECT * FROM opportunityclose')).toHaveLength(2);

    const resumed = await apply(project);
    expect(resumed.report.resumed).toBe(true);
    expect(resumed.report.loads.find((l) => l.load === 'opportunities')?.closed).toEqual({ won: 1, lost: 1, alreadyClosed: 0, failed: 0 });
    expect(rows(project, 'SELECT * FROM opportunityclose')).toHaveLength(2);

    expect((await runCliAsync(['rollback', '--project', project, '--yes'])).exitCode).toBe(0);
    expect(rows(project, 'SELECT * FROM opportunityclose')).toEqual([]);
    expect(rows(project, 'SELECT * FROM opportunity')).toEqual([]);
  });
});

describe('won and lost deals into Salesforce (hand-written export)', () => {
  const pair = 'smart-crm-online--salesforce-sales-cloud';

  function salesforceEngagement(root: string, exportDir: string, auditFields?: boolean): string {
    const project = join(root, 'engagement');
    engagement(project, exportDir, { pair });
    if (auditFields === false) {
      const file = join(project, 'migration.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('failThreshold: 1', 'failThreshold: 1\n  auditFields: false'));
    }
    return project;
  }

  it('given a won and a lost deal, closes them with a closed stage, their close date and amount, and keeps every CreatedDate', async () => {
    const root = mkdtempSync(join(tmpdir(), 'close-sf-'));
    const exportDir = join(root, 'export');
    writeExport(exportDir, { companies: companies(1), deals: DEALS });
    const project = salesforceEngagement(root, exportDir);
    const { report } = await apply(project);
    expect(report.loads.find((l) => l.load === 'opportunities')?.closed).toEqual({ won: 1, lost: 1, alreadyClosed: 0, failed: 0 });
    expect(report.notes ?? []).toEqual([]);
    const opportunities = rows<{ Name: string; StageName: string; CloseDate: string; Amount: number; CreatedDate: string }>(project, 'SELECT Name, StageName, CloseDate, Amount, CreatedDate FROM Opportunity ORDER BY Name');
    expect(opportunities.map((o) => [o.Name, o.StageName, o.CloseDate, o.Amount, o.CreatedDate])).toEqual([
      ['Depot racking', 'Closed Lost', '2024-04-01', 4000, '2024-01-11T14:05:00Z'],
      ['Harbour fit-out', 'Closed Won', '2024-03-15', 12500, '2024-01-10T09:30:00Z'],
      ['Office move', 'Needs Analysis', '2024-09-30', 7000, '2024-02-01T08:00:00Z'],
    ]);
    expect(rows<{ CreatedDate: string }>(project, 'SELECT CreatedDate FROM Account').map((a) => a.CreatedDate)).toEqual(['2024-01-02T10:00:00Z']);
  });

  it('given an org that does not allow audit fields, loads without CreatedDate and says so in the run report', async () => {
    const root = mkdtempSync(join(tmpdir(), 'audit-off-'));
    const exportDir = join(root, 'export');
    writeExport(exportDir, { companies: companies(1), deals: DEALS });
    const project = salesforceEngagement(root, exportDir, false);
    const { report } = await apply(project);
    expect(report.totals.failed).toBe(0);
    expect(report.notes?.join(' ')).toContain('CreatedDate and CreatedById were left out of Account, Opportunity');
    expect(rows<{ CreatedDate: string | null }>(project, 'SELECT CreatedDate FROM Opportunity').map((o) => o.CreatedDate)).toEqual([null, null, null]);
  });
});
