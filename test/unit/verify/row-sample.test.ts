import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { PlannedLoad } from '../../../engine/plan/migration-plan.js';
import { Ledger } from '../../../engine/run/ledger.js';
import { LookupResolver } from '../../../engine/run/lookup-resolver.js';
import type { MapperContext } from '../../../engine/run/mapper-context.js';
import { OwnerResolver } from '../../../engine/plan/owner-resolver.js';
import { sampleRows, spread, type LoadSample } from '../../../engine/verify/row-sample.js';

const dir = mkdtempSync(join(tmpdir(), 'row-sample-'));
const ledger = new Ledger(join(dir, 'ledger.db'));
afterAll(() => ledger.close());

/** Only what picking rows reads: the key, the filter and empty-cell markers. Nothing is mapped. */
const context: MapperContext = {
  format: undefined,
  transforms: { format: { method: 'CSV export', dateFormat: 'YYYY-MM-DD', dateTimeFormat: 'YYYY-MM-DDTHH:mm:ss', references: 'id', owners: 'email' }, stageTables: new Map() },
  lookups: new LookupResolver(ledger, new Map()),
  owners: new OwnerResolver(new Map()),
  exportDir: dir,
  nullCells: new Set(),
  resolutions: new Map(),
  csv: {},
  duplicates: new Map(),
  notLoaded: ledger.notLoadedRows(),
};

/** An activities file shared by two loads, calls and meetings, told apart by its Type column. */
function activities(rows: number, name = 'activities.csv'): string {
  const file = join(dir, name);
  const lines = ['Id,Type,Subject', ...Array.from({ length: rows }, (_, i) => `A${i},${i % 3 === 0 ? 'Meeting' : 'Call'},Subject ${i}`)];
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

function load(id: string, file: string, type: string): PlannedLoad {
  return {
    id,
    rowId: id,
    sourceObject: 'Activity',
    file,
    fileName: 'activities.csv',
    object: id,
    keyColumns: ['Id'],
    filter: { column: 'Type', values: new Set([type]), written: [type] },
    fields: [],
    lookups: [],
    indexBy: [],
    nameColumns: [],
    knownColumns: ['Id', 'Type', 'Subject'],
    duplicates: 'last',
    found: { name: 'activities.csv', how: 'declared', others: [] },
  };
}

const keys = (samples: LoadSample[]): string[][] => samples.map((s) => s.rows.map((r) => r.sourceKey));

describe('sampleRows', () => {
  const file = activities(3000);
  const loads = [load('calls', file, 'call'), load('meetings', file, 'meeting')];

  it('given the same seed, picks the same rows; given another seed, other rows', async () => {
    const first = await sampleRows(loads, context, { size: 20, seed: 1 });
    const again = await sampleRows(loads, context, { size: 20, seed: 1 });
    const other = await sampleRows(loads, context, { size: 20, seed: 2 });
    expect(keys(again)).toEqual(keys(first));
    expect(keys(other)).not.toEqual(keys(first));
    for (const [index, sample] of other.entries()) expect(sample.rows.map((r) => r.sourceKey)).not.toEqual(keys(first)[index]);
  });

  it('given a size, spreads it evenly over the loads and picks each row from its own load, in file order', async () => {
    const samples = await sampleRows(loads, context, { size: 20, seed: 7 });
    expect(samples.map((s) => [s.load.id, s.candidates, s.rows.length])).toEqual([
      ['calls', 2000, 10],
      ['meetings', 1000, 10],
    ]);
    for (const row of samples[1]?.rows ?? []) expect(row.cells[1]).toBe('Meeting');
    const lines = samples[0]?.rows.map((r) => r.line) ?? [];
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
  });

  it('given a size larger than the export, picks every row', async () => {
    const samples = await sampleRows(loads, context, { size: 100_000, seed: 1 });
    expect(samples.map((s) => s.rows.length)).toEqual([2000, 1000]);
    expect(new Set(samples[0]?.rows.map((r) => r.sourceKey)).size).toBe(2000);
  });

  it('given rows that repeat a source key, keeps the last of them, which is what the destination holds', async () => {
    const repeated = join(dir, 'repeated.csv');
    writeFileSync(repeated, 'Id,Type,Subject\nA1,Call,first\nA2,Call,other\nA1,Call,second\n,Call,no key\n,Call,no key either\n');
    const [sample] = await sampleRows([load('calls', repeated, 'call')], context, { size: 10, seed: 1 });
    expect(sample?.rows.map((r) => [r.sourceKey, r.cells[2], r.line])).toEqual([
      ['A2', 'other', 3],
      ['A1', 'second', 4],
      ['', 'no key', 5],
      ['', 'no key either', 6],
    ]);
  });

  it('given a restriction, draws only from the rows it lets through', async () => {
    const samples = await sampleRows(loads, context, { size: 100, seed: 3, qualifies: (l, key) => l.id === 'calls' && Number(key.slice(1)) < 100 });
    expect(samples.map((s) => s.candidates)).toEqual([66, 0]);
    expect(samples[0]?.rows).toHaveLength(66);
    expect(samples[1]?.rows).toHaveLength(0);
  });
});

describe('spread', () => {
  it('given loads of different sizes, gives each an even share, never more than it holds, the rest to the others', () => {
    expect(spread(50, [45, 100, 3, 0])).toEqual([24, 23, 3, 0]);
    expect(spread(50, [10, 10])).toEqual([10, 10]);
    expect(spread(7, [100, 100, 100])).toEqual([3, 2, 2]);
  });
});
