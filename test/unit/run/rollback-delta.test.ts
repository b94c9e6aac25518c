import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { companies } from '../../e2e/safety/small-engagement.js';
import { inProcessEngagement, type InProcessEngagement } from './in-process-engagement.js';

/** Rollback, delta and conflicts on one engagement, in process: run 1 loads 8 companies. */
describe('rollback in process', () => {
  let e: InProcessEngagement;
  let afterRun1: Map<string, string>;

  beforeAll(async () => {
    e = await inProcessEngagement({ companies: companies(8) });
    await e.apply();
    afterRun1 = e.accounts();
    // Run 2 renames 3 companies and adds 4.
    e.export({ companies: companies(12).map((c, i) => (i < 3 ? { ...c, 'Company Name': `Renamed ${i}` } : c)) });
    const run2 = await e.apply();
    expect(run2.loads.find((l) => l.load === 'accounts')).toMatchObject({ created: 4, updated: 3 });
  });

  it('given run 2 renamed 3 records and created 4, deletes the 4, puts the 3 names back, and marks run 2 rolled back', async () => {
    const report = await e.rollback();
    expect(report).toMatchObject({ runId: 2, deleted: 4, restored: 3, failed: [] });
    expect(e.accounts()).toEqual(afterRun1);
    expect(e.runs().map((r) => r.status)).toEqual(['completed', 'rolled-back']);
  });
});

describe('delta and conflicts in process', () => {
  let e: InProcessEngagement;

  beforeAll(async () => {
    e = await inProcessEngagement({ companies: companies(5) });
    await e.apply();
  });

  it('given one company changed in the source and another edited in the destination, a delta moves only the first and keeps the edit', async () => {
    const keys = [...e.accounts().keys()].sort();
    expect(keys).toHaveLength(5);
    // Company 101 is renamed in the source; company 102 is renamed in the source and edited by a person in the destination.
    // The export's Last Modified Date is what tells a delta which rows changed.
    const renamed = (id: string) => ['101', '102'].includes(id);
    e.export({ companies: companies(5).map((c) => (renamed(c['Company ID'] as string) ? { ...c, 'Company Name': `New ${c['Company ID']}`, 'Last Modified Date': '03/02/2024 10:00' } : c)) });
    e.editInDestination(`UPDATE account SET name = 'Edited by hand' WHERE _source_key = '${keys[2]}'`);

    const delta = await e.apply({ delta: true });
    expect(delta.kind).toBe('delta');
    const accounts = delta.loads.find((l) => l.load === 'accounts');
    expect(accounts).toMatchObject({ updated: 1, conflicts: 1 });
    expect(e.accounts().get(keys[1] as string)).toBe('New 101');
    expect(e.accounts().get(keys[2] as string)).toBe('Edited by hand');
    expect(delta.files.conflicts).toBe('runs/2/conflicts.csv');
    const conflicts = parse(readFileSync(join(e.dir, 'runs/2/conflicts.csv'), 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
    expect(conflicts.map((c) => [c['source_key'], c['attribute'], c['destination_value'], c['source_value']])).toEqual([
      ['102', 'name', 'Edited by hand', 'New 102'],
    ]);
  });

  it('given --force, overwrites the record edited in the destination with the source value', async () => {
    const keys = [...e.accounts().keys()].sort();
    const forced = await e.apply({ delta: true, force: true });
    expect(forced.loads.find((l) => l.load === 'accounts')).toMatchObject({ updated: 1 });
    expect(e.accounts().get(keys[2] as string)).toBe('New 102');
  });
});
