import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { expectEveryFileBalanced } from '../../e2e/real-exports/export-harness.js';
import { companies } from '../../e2e/safety/small-engagement.js';
import { countingUpserts, crashingAfter, inProcessEngagement } from './in-process-engagement.js';

/** The ledger as apply leaves it, and a run that dies mid-way finished by the next apply; no CLI process involved. */
describe('apply in process: the ledger', () => {
  it('given 6 companies, records run 1 as completed with 6 created, and a second apply finds all 6 unchanged', async () => {
    const e = await inProcessEngagement({ companies: companies(6) });
    const first = await e.apply();
    expect(first.loads.find((l) => l.load === 'accounts')).toMatchObject({ sourceRows: 6, created: 6, updated: 0, unchanged: 0 });
    expect(e.accounts().size).toBe(6);
    const second = await e.apply();
    expect(second.loads.find((l) => l.load === 'accounts')).toMatchObject({ sourceRows: 6, created: 0, unchanged: 6 });
    expect(e.runs()).toEqual([
      { id: 1, kind: 'full', status: 'completed' },
      { id: 2, kind: 'full', status: 'completed' },
    ]);
  });
});

describe('apply in process: resume after an interrupted run', () => {
  it('given a run that dies after its second batch reached the destination, the next apply resumes run 1 and ends as an uninterrupted run', async () => {
    const rows = { companies: companies(10) };
    const straight = await inProcessEngagement(rows, { batchSize: 4 });
    await straight.apply();

    const e = await inProcessEngagement(rows, { batchSize: 4 });
    await expect(e.apply({}, crashingAfter(2))).rejects.toThrow(/simulated crash/);
    expect(e.runs()).toEqual([{ id: 1, kind: 'full', status: 'running' }]);
    // Two batches of four are in the destination, the second one unknown to the ledger's outcomes.
    expect(e.accounts().size).toBe(8);

    const resumed = await e.apply();
    expect(resumed.runId).toBe(1);
    expect(resumed.resumed).toBe(true);
    const accounts = resumed.loads.find((l) => l.load === 'accounts');
    expect(accounts?.sourceRows).toBe(10);
    expect((accounts?.created ?? 0) + (accounts?.unchanged ?? 0) + (accounts?.updated ?? 0)).toBe(10);
    expect(e.runs()).toEqual([{ id: 1, kind: 'full', status: 'completed' }]);
    expect(e.accounts()).toEqual(straight.accounts());
  });
});

describe('apply in process: a resumed run passes over what its killed attempt wrote', () => {
  it('given 10 companies, 2 with an employee count that is not a number, resends only the 6 rows the ledger had not recorded and still reports both blanked values', async () => {
    const rows = { companies: companies(10).map((c, i) => (i === 1 || i === 6 ? { ...c, Employees: 'about fifty' } : c)) };
    const straight = await inProcessEngagement(rows, { batchSize: 4 });
    const uninterrupted = (await straight.apply()).loads.find((l) => l.load === 'accounts');
    expect(uninterrupted).toMatchObject({ created: 10, fieldsBlanked: 2 });

    const e = await inProcessEngagement(rows, { batchSize: 4 });
    // The second batch reaches the destination, then the run dies before the ledger records it.
    await expect(e.apply({}, crashingAfter(2))).rejects.toThrow(/simulated crash/);
    const sent: string[] = [];
    const resumed = await e.apply({}, countingUpserts(sent));
    expect(resumed.resumed).toBe(true);
    // Batch 1 (companies 100-103) was recorded; batch 2 is sent again, as the ledger cannot know it arrived.
    expect(sent.filter((key) => key.startsWith('accounts:')).sort()).toEqual(['accounts:104', 'accounts:105', 'accounts:106', 'accounts:107', 'accounts:108', 'accounts:109']);
    expect(resumed.loads.find((l) => l.load === 'accounts')).toMatchObject({ sourceRows: 10, created: 10, updated: 0, unchanged: 0, fieldsBlanked: 2 });
    const blanked = parse(readFileSync(join(e.dir, 'runs/1/blanked.csv'), 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
    expect(blanked.map((r) => [r['line'], r['source_key'], r['value']])).toEqual([
      ['3', '101', 'about fifty'],
      ['8', '106', 'about fifty'],
    ]);
    const success = parse(readFileSync(join(e.dir, 'runs/1/success.csv'), 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
    expect(success.map((r) => r['source_key']).sort()).toEqual(companies(10).map((c) => c['Company ID']).sort());
    expect(e.accounts()).toEqual(straight.accounts());
    // Passed-over rows count once, in the file they came from: every export file balances.
    expectEveryFileBalanced(resumed, e.exportDir);
  });
});
