import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { DestinationSetup } from '../../../../engine/destinations/destination.js';
import { SalesforceDestination } from '../../../../engine/destinations/salesforce/index.js';
import { bundledPairsDir, loadCatalog } from '../../../../engine/spec/catalog.js';
import type { PlatformSpec } from '../../../../engine/spec/generated/platform-spec.js';
import { startSalesforceEmulator, type SalesforceEmulator, type SalesforceEmulatorOptions } from '../../../emulators/salesforce/salesforce-emulator.js';
import { SalesforceOrg } from '../../../emulators/salesforce/salesforce-org.js';

/**
 * What a live Salesforce run meets besides clean answers: the 403 an org sends when too many long requests run at
 * once, a Bulk job that never finishes, and no answer at all (DNS, refused connections), each told apart from a
 * refused sign-in. And the emulator's bookkeeping header goes out only when a test asks for it.
 */
const platform = (await loadCatalog([bundledPairsDir()])).platforms.get('salesforce-sales-cloud')?.spec as PlatformSpec;
const running: SalesforceEmulator[] = [];
const setup: DestinationSetup = { destination: platform, objects: ['Account'], customAttributes: [], users: [] };
const CREDENTIALS = { SALESFORCE_CLIENT_ID: 'app', SALESFORCE_CLIENT_SECRET: 'secret-abc-123', SALESFORCE_BULK_POLL_MS: '5' };

async function emulator(options: Partial<SalesforceEmulatorOptions> = {}): Promise<SalesforceEmulator> {
  const started = await startSalesforceEmulator({ org: new SalesforceOrg(platform, 'Legacy_Id__c'), clientId: 'app', clientSecret: 'secret-abc-123', ...options });
  running.push(started);
  return started;
}

const accounts = (n: number): { sourceKey: string; values: Record<string, string> }[] =>
  Array.from({ length: n }, (_, i) => ({ sourceKey: `accounts:${i}`, values: { Name: `Account ${i}` } }));

afterEach(async () => {
  await Promise.all(running.splice(0).map((e) => e.close()));
});

describe('Salesforce throttling by 403 REQUEST_LIMIT_EXCEEDED', () => {
  it('waits out "ConcurrentPerOrgLongTxn Limit exceeded" and retries, so every record loads', async () => {
    const org = await emulator({ concurrencyRefusals: 3 });
    const destination = new SalesforceDestination(org.url, { ...CREDENTIALS, SALESFORCE_THROTTLE_WAIT_MS: '20', SALESFORCE_MAX_IN_FLIGHT: '1' });
    expect(await destination.open(setup)).toEqual([]);
    const results = await destination.upsert('Account', accounts(5));
    expect(org.counters.concurrencyRefusals).toBe(3);
    expect(results.map((r) => r.status)).toEqual(['created', 'created', 'created', 'created', 'created']);
    expect(await destination.count('Account')).toBe(5);
    await destination.close();
  });
});

describe('the emulator bookkeeping header', () => {
  it('is never sent without CRM_MIGRATE_TEST_EMULATOR, as a real org would see it', async () => {
    const org = await emulator();
    const destination = new SalesforceDestination(org.url, CREDENTIALS);
    await destination.open(setup);
    await destination.upsert('Account', accounts(3));
    await destination.close();
    expect(org.counters.requests).toBeGreaterThan(3);
    expect(org.counters.withTestHeader).toBe(0);
  });

  it('is sent on every API request when the test sets CRM_MIGRATE_TEST_EMULATOR for a loopback org', async () => {
    const org = await emulator();
    const destination = new SalesforceDestination(org.url, { ...CREDENTIALS, CRM_MIGRATE_TEST_EMULATOR: '1' });
    await destination.open(setup);
    await destination.upsert('Account', accounts(3));
    await destination.close();
    // Every request but the sign-in, which goes through the OAuth library.
    expect(org.counters.withTestHeader).toBe(org.counters.requests - org.counters.tokens);
  });
});

describe('a Bulk API job that does not finish', () => {
  it('is aborted after SALESFORCE_BULK_TIMEOUT_MS and stops the run with what to do', async () => {
    const org = await emulator({ stallBulkJobs: true });
    const destination = new SalesforceDestination(org.url, { ...CREDENTIALS, SALESFORCE_BULK_THRESHOLD: '2', SALESFORCE_BULK_TIMEOUT_MS: '150' });
    await destination.open(setup);
    await expect(destination.upsert('Account', accounts(5))).rejects.toThrow(/still InProgress after 150 ms \(SALESFORCE_BULK_TIMEOUT_MS\); it was aborted\. .*run apply again/);
    const jobs = [...org.bulk.jobs.values()];
    expect(jobs).toHaveLength(1);
    expect(jobs[0]?.state).toBe('Aborted');
    await destination.close();
  });
});

describe('no answer at all is not a refused sign-in', () => {
  it('says the host name did not resolve (DNS) for an org that does not exist', async () => {
    const destination = new SalesforceDestination('https://no-such-org.invalid', CREDENTIALS);
    const error = await destination.open(setup).then(() => undefined, (e: unknown) => e as Error);
    expect(error?.message).toMatch(/could not be resolved \(DNS, (ENOTFOUND|EAI_AGAIN)\)/);
    expect(error?.message).not.toMatch(/Check the connected app/);
  });

  it('says no connection could be made when nothing listens there', async () => {
    const port = await closedPort();
    const destination = new SalesforceDestination(`http://127.0.0.1:${port}`, CREDENTIALS);
    const error = await destination.open(setup).then(() => undefined, (e: unknown) => e as Error);
    expect(error?.message).toMatch(/No connection to 127\.0\.0\.1:\d+ \(ECONNREFUSED\)/);
  });

  it('still says the sign-in was refused when the org answers no', async () => {
    const org = await emulator();
    const destination = new SalesforceDestination(org.url, { ...CREDENTIALS, SALESFORCE_CLIENT_SECRET: 'wrong-secret-456' });
    const error = await destination.open(setup).then(() => undefined, (e: unknown) => e as Error);
    expect(error?.message).toMatch(/Salesforce refused the sign-in/);
    expect(org.counters.refusedSignIns).toBe(1);
  });
});

/** A loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
