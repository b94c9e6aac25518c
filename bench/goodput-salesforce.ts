// Goodput of the Salesforce target against its emulator with limits scaled down to 600 requests per 10 s: how much
// of the permitted request rate the target actually uses while it throttles itself on the emulator's Retry-After
// answers. Goal: at least 90%. Run through `npm run bench` (wired by the lead) or directly: `tsx bench/goodput-salesforce.ts`.
import { SalesforceDestination } from '../engine/destinations/salesforce/index.js';
import type { OutgoingRecord } from '../engine/destinations/destination.js';
import { bundledPairsDir, loadCatalog } from '../engine/spec/catalog.js';
import { startSalesforceEmulator } from '../test/emulators/salesforce/salesforce-emulator.js';
import { SalesforceOrg } from '../test/emulators/salesforce/salesforce-org.js';

const REQUESTS_PER_WINDOW = 600;
const WINDOW_MS = 10_000;
/** Three whole windows: long enough that the first burst does not flatter the figure. */
const DURATION_MS = 3 * WINDOW_MS;
/** Small upserts (each is a read, a write and a version read) keep many requests going without huge payloads. */
const RECORDS_PER_CALL = 20;
const WORKERS = 8;

export async function salesforceGoodput(): Promise<{ permittedPerSecond: number; achievedPerSecond: number; share: number; requests: number; throttled: number }> {
  const catalog = await loadCatalog([bundledPairsDir()]);
  const platform = catalog.platforms.get('salesforce-sales-cloud')?.spec;
  if (platform === undefined) throw new Error('bench: the Salesforce platform spec is missing');
  const org = new SalesforceOrg(platform, 'Legacy_Id__c');
  const emulator = await startSalesforceEmulator({ org, clientId: 'bench', clientSecret: 'bench-secret', limits: { requestsPerWindow: REQUESTS_PER_WINDOW, windowMs: WINDOW_MS, maxConcurrent: 25 } });
  const destination = new SalesforceDestination(emulator.url, { SALESFORCE_CLIENT_ID: 'bench', SALESFORCE_CLIENT_SECRET: 'bench-secret', SALESFORCE_MAX_IN_FLIGHT: '20', CRM_MIGRATE_TEST_EMULATOR: '1' });
  try {
    const started = Date.now();
    await destination.open({ destination: platform, objects: ['Account'], customAttributes: [], users: [] });
    let next = 0;
    const worker = async (): Promise<void> => {
      while (Date.now() - started < DURATION_MS) {
        const records: OutgoingRecord[] = Array.from({ length: RECORDS_PER_CALL }, () => {
          const n = next++;
          return { sourceKey: `bench:${n}`, values: { Name: `Bench account ${n}`, Industry: 'Retail' } };
        });
        await destination.upsert('Account', records);
      }
    };
    await Promise.all(Array.from({ length: WORKERS }, worker));
    const seconds = (Date.now() - started) / 1000;
    const permittedPerSecond = REQUESTS_PER_WINDOW / (WINDOW_MS / 1000);
    const achievedPerSecond = emulator.limits.admitted / seconds;
    return {
      permittedPerSecond,
      achievedPerSecond: Math.round(achievedPerSecond * 100) / 100,
      share: Math.round((achievedPerSecond / permittedPerSecond) * 1000) / 1000,
      requests: emulator.limits.admitted,
      throttled: destination.stats?.governor.throttled ?? 0,
    };
  } finally {
    await destination.close();
    await emulator.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await salesforceGoodput(), null, 2));
}
