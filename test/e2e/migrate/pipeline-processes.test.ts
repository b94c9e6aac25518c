import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliAsync } from '../run-cli.js';

/**
 * The pages map each pipeline to a Salesforce record type with its sales process, or a Dataverse business process
 * flow with its ordered stages. Each pair's sample is generated, and three deals are moved by hand to a second
 * pipeline, "Enterprise": both pipelines must be listed in plan's checklist and set on each opportunity.
 */
const PAIRS = [
  { pair: 'smart-crm-online--dynamics-365-sales', deals: 'opportunities', key: 'Deal ID', salesforce: false },
  { pair: 'smart-crm-online--salesforce-sales-cloud', deals: 'opportunities', key: 'Deal ID', salesforce: true },
  { pair: 'opencrm--dynamics-365-sales', deals: 'deals', key: 'CRM ID', salesforce: false },
] as const;

const SECOND = 'Enterprise';

describe.each(PAIRS)('pipelines of a $pair sample as processes', (p) => {
  const root = mkdtempSync(join(tmpdir(), `processes-${p.pair}-`));
  const exportDir = join(root, 'export');
  const project = join(root, 'engagement');
  let deals: Record<string, string>[];
  let sandbox: Database.Database;
  let ledger: Database.Database;
  afterAll(() => {
    sandbox?.close();
    ledger?.close();
    rmSync(root, { recursive: true, force: true });
  });

  beforeAll(async () => {
    expect((await runCliAsync(['sample', '--pair', p.pair, '--out', exportDir])).exitCode).toBe(0);
    const file = join(exportDir, 'deals.csv');
    const rows = parse(readFileSync(file), { bom: true }) as string[][];
    const header = rows[0] as string[];
    const pipeline = header.indexOf('Pipeline');
    // The third, fifth and seventh deals move to a second pipeline.
    for (const i of [3, 5, 7]) (rows[i] as string[])[pipeline] = SECOND;
    writeFileSync(file, stringify(rows));
    deals = rows.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] as string])));
    expect((await runCliAsync(['init', project, '--pair', p.pair, '--source', exportDir])).exitCode).toBe(0);
    const applied = await runCliAsync(['apply', '--project', project]);
    expect(applied.exitCode, applied.stderr).toBe(0);
    sandbox = new Database(join(project, 'sandbox.db'), { readonly: true });
    ledger = new Database(join(project, 'ledger.db'), { readonly: true });
  }, 180_000);

  const idOf = (key: string): string | undefined =>
    ledger.prepare<[string, string], { dest_id: string }>('SELECT dest_id FROM keymap WHERE load = ? AND source_key = ?').get(p.deals, key)?.dest_id;

  /** Each loaded deal's process name as the sandbox holds it, by the deal's source key. */
  function processByDeal(): Map<string, string> {
    const sql = p.salesforce
      ? 'SELECT o.Id AS id, r.Name AS name FROM Opportunity o JOIN RecordType r ON r.Id = o.RecordTypeId'
      : 'SELECT o.opportunityid AS id, w.name AS name FROM opportunity o JOIN workflow w ON w.workflowid = o.processid';
    const byId = new Map((sandbox.prepare(sql).all() as { id: string; name: string }[]).map((r) => [r.id, r.name]));
    return new Map(deals.flatMap((d) => {
      const id = idOf(d[p.key] as string);
      return id === undefined ? [] : [[d[p.key] as string, byId.get(id) ?? '(none)']];
    }));
  }

  it('given two pipelines in the export, lists one process per pipeline with its stages in order in schema-changes.md', async () => {
    const plan = await runCliAsync(['plan', '--project', project]);
    expect(plan.exitCode, plan.stderr).toBe(0);
    const markdown = readFileSync(join(project, 'schema-changes.md'), 'utf8');
    expect(markdown).toMatch(/- \[ \] Create one (business process flow|record type with its sales process) per pipeline on Opportunity \(2 pipelines\)/);
    for (const name of ['Sales Pipeline', SECOND]) expect(markdown).toMatch(new RegExp(`- \\[ \\] \\*\\*${name}\\*\\* \\(stage table [\\w-]+\\): \\S.* → `));
  }, 60_000);

  it('given the run, sets on every loaded opportunity the process of its own pipeline; a blank pipeline takes the default', () => {
    const byDeal = processByDeal();
    expect(byDeal.size).toBeGreaterThan(40);
    const expected = new Map([...byDeal.keys()].map((key) => {
      const cell = (deals.find((d) => d[p.key] === key)?.['Pipeline'] ?? '').trim();
      return [key, cell === '' ? 'Sales Pipeline' : cell];
    }));
    expect(byDeal).toEqual(expected);
    expect([...byDeal.values()].filter((name) => name === SECOND)).toHaveLength(3);
  });

  it.runIf(p.salesforce)("given a record type, keeps its sales process's stages in order, and every StageName is one of them", () => {
    const stages = sandbox
      .prepare('SELECT r.Name AS type, s.StageName AS stage, s.SortOrder AS n FROM RecordType r JOIN BusinessProcessStage s ON s.BusinessProcessId = r.BusinessProcessId ORDER BY r.Name, s.SortOrder')
      .all() as { type: string; stage: string; n: number }[];
    const sales = stages.filter((s) => s.type === 'Sales Pipeline');
    expect(sales.map((s) => s.n)).toEqual(sales.map((_, i) => i + 1));
    expect(sales[0]?.stage).toBe('Prospecting');
    const outside = sandbox
      .prepare('SELECT o.Name FROM Opportunity o WHERE NOT EXISTS (SELECT 1 FROM RecordType r JOIN BusinessProcessStage s ON s.BusinessProcessId = r.BusinessProcessId WHERE r.Id = o.RecordTypeId AND s.StageName = o.StageName)')
      .all();
    expect(outside).toEqual([]);
  });

  it.runIf(!p.salesforce)('given a business process flow, points each opportunity at a stage of its own flow', () => {
    const flows = sandbox.prepare("SELECT name FROM workflow WHERE category = 4 AND primaryentity = 'opportunity' ORDER BY name").all();
    expect(flows).toEqual([{ name: SECOND }, { name: 'Sales Pipeline' }]);
    const stages = sandbox.prepare("SELECT s.stagename AS stage FROM processstage s JOIN workflow w ON w.workflowid = s.processid WHERE w.name = 'Sales Pipeline' ORDER BY s.rowid").all();
    expect(stages).toEqual([{ stage: 'Qualify' }, { stage: 'Develop' }, { stage: 'Propose' }, { stage: 'Close' }]);
    const mismatched = sandbox.prepare('SELECT o.name FROM opportunity o LEFT JOIN processstage s ON s.processstageid = o.stageid WHERE s.processid IS NOT o.processid').all();
    expect(mismatched).toEqual([]);
  });

  it('given rollback, removes the processes and the opportunities that named them', async () => {
    sandbox.close();
    const rolled = await runCliAsync(['rollback', '--project', project, '--yes']);
    expect(rolled.exitCode, rolled.stderr).toBe(0);
    sandbox = new Database(join(project, 'sandbox.db'), { readonly: true });
    const tables = p.salesforce ? ['Opportunity', 'RecordType', 'BusinessProcess', 'BusinessProcessStage'] : ['opportunity', 'workflow', 'processstage'];
    expect(tables.map((t) => (sandbox.prepare(`SELECT COUNT(*) AS n FROM "${t}"`).get() as { n: number }).n)).toEqual(tables.map(() => 0));
  }, 120_000);
});
