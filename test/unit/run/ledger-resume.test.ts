import { describe, expect, it } from 'vitest';
import { companies } from '../../e2e/safety/small-engagement.js';
import { crashingAfter, inProcessEngagement } from './in-process-engagement.js';

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
