import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { Destination } from '../../../engine/destinations/destination.js';
import { expectEveryFileBalanced } from '../../e2e/real-exports/export-harness.js';
import { companies } from '../../e2e/safety/small-engagement.js';
import { crashingAfter, inProcessEngagement, refusing, type InProcessEngagement } from './in-process-engagement.js';

/** The sandbox's account ids by source key, in the order the table holds them. */
function accountIds(e: InProcessEngagement): [string, string][] {
  const db = new Database(join(e.dir, 'sandbox.db'), { readonly: true });
  try {
    return db.prepare<[], [string, string]>('SELECT _source_key, accountid FROM account ORDER BY rowid').raw().all();
  } finally {
    db.close();
  }
}

/**
 * Sandbox records get sequential ids: the row number first, so that the primary-key index grows at its end. A record
 * the sandbox refuses takes no number, is reported with its line, and a killed and resumed run gives the same ids.
 */
describe('apply in process: sequential sandbox ids', () => {
  const rows = { companies: companies(10) };
  const refuse103 = refusing('accounts:103');

  it('given 10 companies and one the sandbox refuses, numbers the 9 it creates 1 to 9 in file order and reports the refused line', async () => {
    const e = await inProcessEngagement(rows, { batchSize: 4 });
    const report = await e.apply({}, refuse103);
    expect(report.loads.find((l) => l.load === 'accounts')).toMatchObject({ sourceRows: 10, created: 9, failed: 1 });
    expectEveryFileBalanced(report, e.exportDir);
    const exceptions = parse(readFileSync(join(e.dir, 'runs/1/exceptions.csv'), 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
    expect(exceptions.map((r) => [r['file'], r['line'], r['source_key'], r['status']])).toEqual([['companies.csv', '5', '103', 'failed']]);
    expect(exceptions[0]?.['reason']).toMatch(/new_removedfield/);

    const ids = accountIds(e);
    expect(ids.map(([key]) => key)).toEqual(['accounts:100', 'accounts:101', 'accounts:102', 'accounts:104', 'accounts:105', 'accounts:106', 'accounts:107', 'accounts:108', 'accounts:109']);
    expect(ids.map(([, id]) => id.slice(0, 13))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => `00000000-000${n}`));
  });

  it('given a run killed after its second batch and resumed, gives every record the id an uninterrupted run gives it', async () => {
    const straight = await inProcessEngagement(rows, { batchSize: 4 });
    await straight.apply({}, refuse103);

    const e = await inProcessEngagement(rows, { batchSize: 4 });
    const killed = (d: Destination): Destination => crashingAfter(2)(refuse103(d));
    await expect(e.apply({}, killed)).rejects.toThrow(/simulated crash/);
    const resumed = await e.apply({}, refuse103);
    expect(resumed.resumed).toBe(true);
    expectEveryFileBalanced(resumed, e.exportDir);
    expect(accountIds(e)).toEqual(accountIds(straight));
  });
});
