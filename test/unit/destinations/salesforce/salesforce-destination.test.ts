import { afterEach, describe, expect, it } from 'vitest';
import type { DestinationSetup } from '../../../../engine/destinations/destination.js';
import { SalesforceDestination } from '../../../../engine/destinations/salesforce/index.js';
import { bundledPairsDir, loadCatalog } from '../../../../engine/spec/catalog.js';
import type { PlatformSpec } from '../../../../engine/spec/generated/platform-spec.js';
import type { FaultRates } from '../../../emulators/common/fault-injector.js';
import { startSalesforceEmulator, type SalesforceEmulator } from '../../../emulators/salesforce/salesforce-emulator.js';
import { SalesforceOrg, type OrgOptions } from '../../../emulators/salesforce/salesforce-org.js';

const platform = (await loadCatalog([bundledPairsDir()])).platforms.get('salesforce-sales-cloud')?.spec as PlatformSpec;
const running: SalesforceEmulator[] = [];

async function connect(env: Record<string, string> = {}, org: OrgOptions = {}, faults: FaultRates = {}): Promise<{ emulator: SalesforceEmulator; destination: SalesforceDestination; setup: DestinationSetup }> {
  const emulator = await startSalesforceEmulator({ org: new SalesforceOrg(platform, 'Legacy_Id__c', org), clientId: 'app', clientSecret: 'secret-abc-123', faults });
  running.push(emulator);
  const destination = new SalesforceDestination(emulator.url, { SALESFORCE_CLIENT_ID: 'app', SALESFORCE_CLIENT_SECRET: 'secret-abc-123', SALESFORCE_BULK_POLL_MS: '5', CRM_MIGRATE_TEST_EMULATOR: '1', ...env });
  return { emulator, destination, setup: { destination: platform, objects: ['Account'], customAttributes: [], users: [] } };
}

const accounts = (n: number, from = 0): { sourceKey: string; values: Record<string, string> }[] =>
  Array.from({ length: n }, (_, i) => ({ sourceKey: `accounts:${from + i}`, values: { Name: `Account ${from + i}`, Industry: 'Retail' } }));

afterEach(async () => {
  await Promise.all(running.splice(0).map((e) => e.close()));
});

describe('SalesforceDestination against the emulator', () => {
  it('creates, then reports unchanged without writing, then updates with the previous values', async () => {
    const { emulator, destination, setup } = await connect();
    expect(await destination.open(setup)).toEqual([]);
    const first = await destination.upsert('Account', accounts(3));
    expect(first.map((r) => r.status)).toEqual(['created', 'created', 'created']);
    expect(first.every((r) => typeof r.version === 'string')).toBe(true);
    const writes = emulator.counters.collections;
    expect((await destination.upsert('Account', accounts(3))).map((r) => r.status)).toEqual(['unchanged', 'unchanged', 'unchanged']);
    expect(emulator.counters.collections).toBe(writes);
    const changed = await destination.upsert('Account', [{ sourceKey: 'accounts:1', values: { Name: 'Renamed', Industry: 'Retail' } }]);
    expect(changed[0]).toMatchObject({ status: 'updated', previous: { Name: 'Account 1', Industry: 'Retail' } });
    expect(changed[0]?.version).not.toBe(first[1]?.version);
    // Rollback's two moves: restore what an update replaced, delete what a run created.
    expect((await destination.restore('Account', [{ id: changed[0]?.id as string, values: changed[0]?.previous ?? {} }]))[0]?.status).toBe('restored');
    expect((await destination.read('Account', [changed[0]?.id as string], ['Name'])).get(changed[0]?.id as string)).toEqual({ Name: 'Account 1' });
    expect((await destination.remove('Account', [first[0]?.id as string, first[2]?.id as string])).map((r) => r.status)).toEqual(['deleted', 'deleted']);
    expect(await destination.count('Account')).toBe(1);
  });

  it('normalizes as Salesforce reads back: picklist labels to API names, date-times with milliseconds and +0000', async () => {
    const { destination } = await connect();
    await destination.open({ ...(await connect()).setup, objects: ['Event'] });
    expect(destination.normalize('Event', { ShowAs: 'busy', ActivityDateTime: '2024-05-01T11:30:00+02:00', IsAllDayEvent: 'false', Location: 'x'.repeat(300) })).toEqual({
      ShowAs: 'Busy',
      ActivityDateTime: '2024-05-01T09:30:00.000+0000',
      IsAllDayEvent: false,
      // A value the org would refuse comes back as it was.
      Location: 'x'.repeat(300),
    });
  });

  it('stops before a call that would cross SALESFORCE_MAX_API_REQUESTS, naming the variable', async () => {
    const { emulator, destination, setup } = await connect({ SALESFORCE_MAX_API_REQUESTS: '4' });
    await destination.open(setup);
    await expect(destination.upsert('Account', accounts(450))).rejects.toThrow(/SALESFORCE_MAX_API_REQUESTS/);
    expect(emulator.counters.collections).toBe(0);
  });

  it('stops before starting more Bulk API jobs than SALESFORCE_MAX_BULK_JOBS allows', async () => {
    const { emulator, destination, setup } = await connect({ SALESFORCE_BULK_THRESHOLD: '10', SALESFORCE_MAX_BULK_JOBS: '1' });
    await destination.open(setup);
    const results = await destination.upsert('Account', accounts(30));
    expect(results.every((r) => r.status === 'created')).toBe(true);
    expect(emulator.bulk.created).toBe(1);
    await expect(destination.upsert('Account', accounts(30, 100))).rejects.toThrow(/may start only 1 \(SALESFORCE_MAX_BULK_JOBS\)/);
    expect(emulator.bulk.created).toBe(1);
  });

  it('says when the org will not take CreatedDate, and loads without it; keeps it where the org allows audit fields', async () => {
    const withDate = [{ sourceKey: 'accounts:1', values: { Name: 'Dated', CreatedDate: '2015-03-04T05:06:07Z' } }];
    const closed = await connect();
    expect(await closed.destination.open(closed.setup)).toEqual([]);
    expect(closed.destination.notes.join(' ')).toMatch(/does not let this user set audit fields \(CreatedDate\) on Account/);
    expect((await closed.destination.upsert('Account', withDate))[0]?.status).toBe('created');
    expect([...closed.emulator.org.records('Account').values()][0]?.CreatedDate).toBeUndefined();

    const open = await connect({}, { auditFieldsWritable: true });
    await open.destination.open(open.setup);
    expect(open.destination.notes).toEqual([]);
    await open.destination.upsert('Account', withDate);
    expect([...open.emulator.org.records('Account').values()][0]?.CreatedDate).toBe('2015-03-04T05:06:07.000+0000');
  });

  it('sends again the records a Bulk job failed with a lock error, and the expired session, until each is loaded once', async () => {
    const { emulator, destination, setup } = await connect({ SALESFORCE_BULK_THRESHOLD: '10' }, {}, { partial: 0.5, 'expired-token': 0.05 });
    await destination.open(setup);
    const results = await destination.upsert('Account', accounts(60));
    expect(emulator.faults.injected.partial).toBeGreaterThan(0);
    expect(results.map((r) => r.status)).toEqual(Array(60).fill('created'));
    expect(new Set(results.map((r) => r.id)).size).toBe(60);
    expect(emulator.org.records('Account').size).toBe(60);
  });
});
