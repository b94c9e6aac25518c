// Goodput against the Dataverse emulator with its service protection scaled down to 600 requests per 10 s: the share
// of the permitted request rate that the destination actually gets admitted. Target: at least 90%. The lead wires it
// into `npm run bench`; run alone with `npx tsx bench/goodput-dataverse.ts`.
import { DataverseDestination } from '../engine/destinations/dataverse/dataverse-destination.js';
import { bundledPairsDir, loadCatalog } from '../engine/spec/catalog.js';
import { startDataverseEmulator } from '../test/emulators/dataverse/dataverse-emulator.js';

const WINDOW_MS = 10_000;
const REQUESTS_PER_WINDOW = 600;
/** Three full windows: long enough that a throttle pause at each window's end shows in the figure. */
const DURATION_MS = 3 * WINDOW_MS;
/** Callers upserting at once; each upsert is two requests (read what exists, then one `$batch`). */
const CALLERS = 40;

export async function dataverseGoodput(): Promise<{
  permittedPerSecond: number;
  achievedPerSecond: number;
  share: number;
  requests: number;
  throttled: number;
}> {
  const catalog = await loadCatalog([bundledPairsDir()]);
  const spec = catalog.platforms.get('dynamics-365-sales')?.spec;
  if (spec === undefined) throw new Error('bench: the Dynamics 365 platform spec is missing.');
  const emulator = await startDataverseEmulator({
    spec,
    clients: [{ tenantId: 'bench', clientId: 'bench-app', secret: 'bench-secret' }],
    users: [{ email: 'owner@bench.example', name: 'Bench Owner', active: true }],
    limits: { requestsPerWindow: REQUESTS_PER_WINDOW, windowMs: WINDOW_MS, maxConcurrent: 52 },
    // A real server takes tens of milliseconds a request; without it every caller would be waiting on the limit only.
    latencyMs: 20,
  });
  const destination = new DataverseDestination(emulator.url, {
    DATAVERSE_TENANT_ID: 'bench',
    DATAVERSE_CLIENT_ID: 'bench-app',
    DATAVERSE_CLIENT_SECRET: 'bench-secret',
    DATAVERSE_AUTHORITY_HOST: emulator.url,
  });
  try {
    await destination.open({ destination: spec, objects: ['account'], customAttributes: [], users: [] });
    // Timing starts with the first admitted request of the load, after sign-in and metadata.
    const admittedBefore = emulator.limits.admitted;
    const start = Date.now();
    const deadline = start + DURATION_MS;
    let next = 0;
    const caller = async (): Promise<void> => {
      while (Date.now() < deadline) {
        const n = next++;
        await destination.upsert('account', [{ sourceKey: `bench:${n}`, values: { name: `Bench account ${n}` } }]);
      }
    };
    let admittedAtDeadline = 0;
    const stop = setTimeout(() => (admittedAtDeadline = emulator.limits.admitted), DURATION_MS);
    await Promise.all(Array.from({ length: CALLERS }, caller));
    clearTimeout(stop);
    if (admittedAtDeadline === 0) admittedAtDeadline = emulator.limits.admitted;
    const requests = admittedAtDeadline - admittedBefore;
    const permittedPerSecond = REQUESTS_PER_WINDOW / (WINDOW_MS / 1000);
    const achievedPerSecond = requests / (DURATION_MS / 1000);
    return { permittedPerSecond, achievedPerSecond, share: achievedPerSecond / permittedPerSecond, requests, throttled: emulator.limits.refused };
  } finally {
    await destination.close();
    await emulator.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await dataverseGoodput();
  console.log(
    `Dataverse goodput: ${result.achievedPerSecond.toFixed(1)} of ${result.permittedPerSecond} requests/s permitted (${(result.share * 100).toFixed(1)}%), ${result.requests} admitted, ${result.throttled} throttled.`,
  );
}
