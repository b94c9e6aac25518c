import { describe, expect, it } from 'vitest';
import { DataverseDestination } from '../../../../engine/destinations/dataverse/dataverse-destination.js';
import type { OutgoingRecord } from '../../../../engine/destinations/destination.js';
import { bundledPairsDir, loadCatalog } from '../../../../engine/spec/catalog.js';
import { startDataverseEmulator, type DataverseEmulatorOptions } from '../../../emulators/dataverse/dataverse-emulator.js';

const spec = (await loadCatalog([bundledPairsDir()])).platforms.get('dynamics-365-sales')?.spec;
if (spec === undefined) throw new Error('The Dynamics 365 spec is missing.');
const platform = spec;

async function connected(options: Partial<DataverseEmulatorOptions> = {}) {
  const emulator = await startDataverseEmulator({ spec: platform, clients: [{ tenantId: 't', clientId: 'c', secret: 's' }], latencyMs: 1, ...options });
  const destination = new DataverseDestination(emulator.url, {
    DATAVERSE_TENANT_ID: 't',
    DATAVERSE_CLIENT_ID: 'c',
    DATAVERSE_CLIENT_SECRET: 's',
    DATAVERSE_AUTHORITY_HOST: emulator.url,
    CRM_MIGRATE_TEST_EMULATOR: '1',
  });
  expect(await destination.open({ destination: platform, objects: ['account', 'contact'], customAttributes: [], users: [] })).toEqual([]);
  return {
    emulator,
    destination,
    close: async () => {
      await destination.close();
      await emulator.close();
    },
  };
}

const accounts = (names: readonly string[]): OutgoingRecord[] => names.map((name, n) => ({ sourceKey: `accounts:A${n + 1}`, values: { name } }));
const contacts = (count: number): OutgoingRecord[] =>
  Array.from({ length: count }, (_, n) => ({ sourceKey: `contacts:C${n + 1}`, values: { lastname: `Contact ${n + 1}` } }));

describe('Dataverse bulk operation messages', () => {
  it('upserts a table that supports them with UpsertMultiple and one that does not through $batch, with the same outcomes', async () => {
    const { emulator, destination, close } = await connected({ withoutBulkMessages: ['contact'] });
    try {
      const created = await destination.upsert('account', accounts(['Alpha', 'Beta', 'Gamma']));
      expect(created.map((r) => r.status)).toEqual(['created', 'created', 'created']);
      expect(emulator.counters.bulk.UpsertMultiple).toBe(1);
      expect(emulator.counters.batches).toBe(0);
      // Ids and row versions come back for every record although UpsertMultiple answers 204 with nothing.
      const rows = emulator.store.tableOf('account').rows;
      expect(created.every((r) => r.id !== undefined && rows.get(r.id)?.name !== undefined && r.version === String(rows.get(r.id)?.versionnumber))).toBe(true);

      // Second pass: one record changed, one the same, one new; what the update replaced is kept for rollback.
      const again = await destination.upsert('account', accounts(['Alpha 2', 'Beta', 'Gamma', 'Delta']));
      expect(again.map((r) => r.status)).toEqual(['updated', 'unchanged', 'unchanged', 'created']);
      expect(again[0]?.previous).toEqual({ name: 'Alpha' });
      expect(emulator.counters.bulk.UpsertMultiple).toBe(2);
      expect(rows.size).toBe(4);

      const before = emulator.limits.counted;
      const people = await destination.upsert('contact', contacts(150));
      expect(people).toHaveLength(150);
      expect(people.every((r) => r.status === 'created')).toBe(true);
      expect(emulator.counters.bulk.UpsertMultiple).toBe(2);
      // Two $batch requests of at most 100 operations; each of their inner requests counts toward the limit.
      expect(emulator.counters.batches).toBeGreaterThanOrEqual(2);
      expect(emulator.limits.counted - before).toBeGreaterThanOrEqual(150);
      expect(emulator.store.tableOf('contact').rows.size).toBe(150);
    } finally {
      await close();
    }
  });

  it('patches and restores by id with UpdateMultiple, reading the new row versions back', async () => {
    const { emulator, destination, close } = await connected();
    try {
      const [first, second] = await destination.upsert('account', accounts(['Alpha', 'Beta']));
      const patched = await destination.patch('account', [
        { id: first?.id as string, values: { name: 'Alpha patched' } },
        { id: second?.id as string, values: { name: 'Beta' } },
      ]);
      expect(patched.map((r) => r.status)).toEqual(['updated', 'unchanged']);
      expect(patched[0]?.previous).toEqual({ name: 'Alpha' });
      expect(emulator.counters.bulk.UpdateMultiple).toBe(1);
      const row = emulator.store.tableOf('account').rows.get(first?.id as string);
      expect(row?.name).toBe('Alpha patched');
      expect(patched[0]?.version).toBe(String(row?.versionnumber));
    } finally {
      await close();
    }
  });

  it('reports a record the org refuses inside a bulk message on that record alone, and loads the others', async () => {
    // A plug-in refuses one record: on a standard table the whole UpsertMultiple rolls back without naming it.
    const { emulator, destination, close } = await connected({
      rejectRecord: (object, values) => (object === 'account' && values.name === 'Beta' ? 'Beta is on the blocked list (plug-in).' : undefined),
    });
    try {
      const results = await destination.upsert('account', accounts(['Alpha', 'Beta', 'Gamma']));
      expect(results.map((r) => r.status)).toEqual(['created', 'failed', 'created']);
      expect(results[1]?.error).toMatch(/Beta is on the blocked list/);
      expect(results[1]?.sourceKey).toBe('accounts:A2');
      expect(emulator.counters.bulk.UpsertMultiple).toBe(1);
      // The refused message wrote nothing; the same operations went again as a $batch, where each answers alone.
      expect(emulator.counters.batches).toBeGreaterThanOrEqual(1);
      expect([...emulator.store.tableOf('account').rows.values()].map((r) => r.name).sort()).toEqual(['Alpha', 'Gamma']);
    } finally {
      await close();
    }
  });

  it('is held back by the execution-time limit when $batch operations use up the server time, and still loads everything', async () => {
    // 40 ms of server time per operation, 1 s of execution time per 2 s window: 60 contacts in $batch need 2.4 s of it.
    const { emulator, destination, close } = await connected({
      withoutBulkMessages: ['contact'],
      operationMs: 40,
      limits: { requestsPerWindow: 6000, windowMs: 2000, maxConcurrent: 52, executionMsPerWindow: 1000 },
    });
    try {
      const results = [];
      for (let n = 0; n < 3; n++) results.push(...(await destination.upsert('contact', contacts(20).map((r) => ({ ...r, sourceKey: `${r.sourceKey}-${n}` })))));
      expect(results).toHaveLength(60);
      expect(results.every((r) => r.status === 'created')).toBe(true);
      expect(emulator.limits.refusedFor.execution).toBeGreaterThan(0);
      expect(emulator.limits.violations).toBe(0);
      expect(emulator.store.tableOf('contact').rows.size).toBe(60);
    } finally {
      await close();
    }
  }, 30_000);

  it('waits out a 429 for its Retry-After and sends nothing inside it', async () => {
    // Five requests per 2 s: three upserts (read, UpsertMultiple, read back each) cannot fit in one window.
    const { emulator, destination, close } = await connected({ limits: { requestsPerWindow: 5, windowMs: 2000, maxConcurrent: 52 } });
    try {
      const results = [];
      for (let n = 0; n < 3; n++) results.push(...(await destination.upsert('account', [{ sourceKey: `accounts:W${n}`, values: { name: `Waited ${n}` } }])));
      expect(results.map((r) => r.status)).toEqual(['created', 'created', 'created']);
      expect(emulator.limits.refused).toBeGreaterThan(0);
      expect(emulator.limits.refusedFor.requests).toBe(emulator.limits.refused);
      expect(emulator.limits.violations).toBe(0);
      expect(emulator.store.tableOf('account').rows.size).toBe(3);
    } finally {
      await close();
    }
  }, 30_000);
});
