// Goodput of the Dataverse target against its emulator: how much of the request rate the service protection limits
// permit the destination actually gets admitted, with the limits counted the way Microsoft documents them (a bulk
// message is one request, a `$batch` counts each inner request, execution time and concurrency are limited too), and
// what that buys in records. Run alone with `npx tsx bench/goodput-dataverse.ts`; `npm run bench` runs it too.
import { DataverseDestination } from '../engine/destinations/dataverse/dataverse-destination.js';
import type { OutgoingRecord } from '../engine/destinations/destination.js';
import { bundledPairsDir, loadCatalog } from '../engine/spec/catalog.js';
import { startDataverseEmulator } from '../test/emulators/dataverse/dataverse-emulator.js';
import { figuresOf, upsertAll, type GoodputFigures } from './goodput-figures.js';

/**
 * The documented limits (6,000 requests and 1,200 s of execution time per 300 s) scaled down so that three windows
 * fit in a benchmark: 60 requests per 30 s, and execution time in the same ratio (200 ms a request). A window of 30 s
 * keeps the whole-second rounding of Retry-After small next to it, as it is next to 300 s on a real org.
 */
const WINDOW_MS = 30_000;
const REQUESTS_PER_WINDOW = 60;
const EXECUTION_MS_PER_WINDOW = REQUESTS_PER_WINDOW * 200;
const DURATION_MS = 3 * WINDOW_MS;
/** Records per upsert call: the destination's own batch size, as a run hands it. */
const RECORDS_PER_CALL = 1000;
/** Calls at once, as the engine's loads overlap; the destination's governor keeps requests under the limits. */
const CALLERS = 12;

export async function dataverseGoodput(): Promise<GoodputFigures> {
  const catalog = await loadCatalog([bundledPairsDir()]);
  const spec = catalog.platforms.get('dynamics-365-sales')?.spec;
  if (spec === undefined) throw new Error('bench: the Dynamics 365 platform spec is missing.');
  const emulator = await startDataverseEmulator({
    spec,
    clients: [{ tenantId: 'bench', clientId: 'bench-app', secret: 'bench-secret' }],
    users: [{ email: 'owner@bench.example', name: 'Bench Owner', active: true }],
    limits: { requestsPerWindow: REQUESTS_PER_WINDOW, windowMs: WINDOW_MS, maxConcurrent: 52, executionMsPerWindow: EXECUTION_MS_PER_WINDOW },
    // Server time: tens of milliseconds a request, and a little per record of a bulk message.
    latencyMs: 20,
    operationMs: 5,
    bulkRecordMs: 0.05,
  });
  const destination = new DataverseDestination(emulator.url, {
    DATAVERSE_TENANT_ID: 'bench',
    DATAVERSE_CLIENT_ID: 'bench-app',
    DATAVERSE_CLIENT_SECRET: 'bench-secret',
    DATAVERSE_AUTHORITY_HOST: emulator.url,
    CRM_MIGRATE_TEST_EMULATOR: '1',
  });
  try {
    await destination.open({ destination: spec, objects: ['account'], customAttributes: [], users: [] });
    const accounts = emulator.store.tableOf('account').rows;
    // Timing starts after sign-in and metadata: the load itself.
    const before = { counted: emulator.limits.counted, executionMs: emulator.limits.executionMs, refused: emulator.limits.refused };
    const start = Date.now();
    let atDeadline = { counted: 0, executionMs: 0, records: 0 };
    const stop = setTimeout(() => (atDeadline = { counted: emulator.limits.counted, executionMs: emulator.limits.executionMs, records: accounts.size }), DURATION_MS);
    let next = 0;
    const caller = async (): Promise<void> => {
      while (Date.now() - start < DURATION_MS) {
        const records: OutgoingRecord[] = Array.from({ length: RECORDS_PER_CALL }, () => {
          const n = next++;
          return { sourceKey: `accounts:B${n}`, values: { name: `Bench account ${n}`, telephone1: `+44 20 7946 ${String(n % 10_000).padStart(4, '0')}` } };
        });
        await upsertAll(destination, 'account', records);
      }
    };
    await Promise.all(Array.from({ length: CALLERS }, caller));
    clearTimeout(stop);
    if (atDeadline.counted === 0) atDeadline = { counted: emulator.limits.counted, executionMs: emulator.limits.executionMs, records: accounts.size };
    const windows = DURATION_MS / WINDOW_MS;
    return figuresOf({
      requests: atDeadline.counted - before.counted,
      records: atDeadline.records,
      requestsPerWindow: REQUESTS_PER_WINDOW,
      windowMs: WINDOW_MS,
      durationMs: DURATION_MS,
      executionShare: (atDeadline.executionMs - before.executionMs) / (EXECUTION_MS_PER_WINDOW * windows),
      throttled: emulator.limits.refused - before.refused,
      insideRetryAfter: emulator.limits.violations,
      messages: { ...emulator.counters.bulk, $batch: emulator.counters.batches },
    });
  } finally {
    await destination.close();
    await emulator.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await dataverseGoodput(), null, 2));
}
