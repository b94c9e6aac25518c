// Goodput of the Salesforce target against its emulator with its request limit scaled down: how much of the permitted
// request rate the target gets admitted while it waits out the emulator's Retry-After answers, and what that buys in
// records. Every REST call counts as one API request, as Salesforce counts them: a Collections call of 200 records
// is one, each call of a Bulk API 2.0 job is one. Run alone with `npx tsx bench/goodput-salesforce.ts`.
import { SalesforceDestination } from '../engine/destinations/salesforce/index.js';
import type { OutgoingRecord } from '../engine/destinations/destination.js';
import { bundledPairsDir, loadCatalog } from '../engine/spec/catalog.js';
import { startSalesforceEmulator } from '../test/emulators/salesforce/salesforce-emulator.js';
import { SalesforceOrg } from '../test/emulators/salesforce/salesforce-org.js';
import { figuresOf, upsertAll, type GoodputFigures } from './goodput-figures.js';

/** 120 requests per 30 s: a window long enough that the whole-second rounding of Retry-After stays small next to it. */
const REQUESTS_PER_WINDOW = 120;
const WINDOW_MS = 30_000;
const DURATION_MS = 3 * WINDOW_MS;
/**
 * Records per call: a full sObject Collection (200, the most one call takes), below the Bulk API threshold of 2,000
 * where Salesforce advises synchronous bulkified calls. Each call is a read of what exists, one write and a read of
 * the new row versions.
 */
const RECORDS_PER_CALL = 200;
const WORKERS = 16;

export async function salesforceGoodput(): Promise<GoodputFigures> {
  const catalog = await loadCatalog([bundledPairsDir()]);
  const platform = catalog.platforms.get('salesforce-sales-cloud')?.spec;
  if (platform === undefined) throw new Error('bench: the Salesforce platform spec is missing');
  const org = new SalesforceOrg(platform, 'Legacy_Id__c');
  const emulator = await startSalesforceEmulator({
    org,
    clientId: 'bench',
    clientSecret: 'bench-secret',
    limits: { requestsPerWindow: REQUESTS_PER_WINDOW, windowMs: WINDOW_MS, maxConcurrent: 25 },
    dailyApiRequests: 10_000_000,
  });
  const destination = new SalesforceDestination(emulator.url, {
    SALESFORCE_CLIENT_ID: 'bench',
    SALESFORCE_CLIENT_SECRET: 'bench-secret',
    SALESFORCE_MAX_IN_FLIGHT: '20',
    CRM_MIGRATE_TEST_EMULATOR: '1',
  });
  try {
    await destination.open({ destination: platform, objects: ['Account'], customAttributes: [], users: [] });
    // Timing starts after sign-in and metadata: the load itself.
    const before = { admitted: emulator.limits.counted, refused: emulator.limits.refused, collections: emulator.counters.collections };
    const start = Date.now();
    let atDeadline = { admitted: 0, records: 0 };
    const snapshot = (): typeof atDeadline => ({ admitted: emulator.limits.counted, records: org.records('Account').size });
    const stop = setTimeout(() => (atDeadline = snapshot()), DURATION_MS);
    let next = 0;
    const worker = async (): Promise<void> => {
      while (Date.now() - start < DURATION_MS) {
        const records: OutgoingRecord[] = Array.from({ length: RECORDS_PER_CALL }, () => {
          const n = next++;
          return { sourceKey: `bench:${n}`, values: { Name: `Bench account ${n}`, Industry: 'Retail' } };
        });
        await upsertAll(destination, 'Account', records);
      }
    };
    await Promise.all(Array.from({ length: WORKERS }, worker));
    clearTimeout(stop);
    if (atDeadline.admitted === 0) atDeadline = snapshot();
    return figuresOf({
      requests: atDeadline.admitted - before.admitted,
      records: atDeadline.records,
      requestsPerWindow: REQUESTS_PER_WINDOW,
      windowMs: WINDOW_MS,
      durationMs: DURATION_MS,
      throttled: emulator.limits.refused - before.refused,
      insideRetryAfter: emulator.limits.violations,
      messages: { collections: emulator.counters.collections - before.collections, queries: emulator.counters.queries, bulkJobs: emulator.bulk.created },
    });
  } finally {
    await destination.close();
    await emulator.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await salesforceGoodput(), null, 2));
}
