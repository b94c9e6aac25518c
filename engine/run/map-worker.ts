import { parentPort, workerData } from 'node:worker_threads';
import { engagementFromData } from '../engagement/engagement-data.js';
import type { WorkerMessage, WorkerSetup } from './batch-source.js';
import { DeltaFilter } from './delta-filter.js';
import { Ledger } from './ledger.js';
import { mapLoadRows, type Pass } from './mapped-batches.js';
import { mapperContext } from './mapper-context.js';
import { checkHeap } from '../util/heap-budget.js';

// The mapping half of a run, in its own thread: it receives the compiled plan and the engagement as data (rebuilding the
// specs' indexes, which are classes and cannot be copied between threads), reads the ledger's indexes through its own
// connection, and maps loads on request.
const setup = workerData as WorkerSetup;
const port = parentPort;
if (port === null) throw new Error('map-worker must run as a worker thread');

const engagement = engagementFromData(setup.engagement);
const plan = setup.plan;
const ledger = new Ledger(setup.ledgerPath, { cacheMiB: 4 });
const context = await mapperContext(engagement, plan, ledger, new Map(setup.users), new Map(setup.resolutions), new Map(setup.duplicates));
const options = {
  ...(setup.delimiter === undefined ? {} : { delimiter: setup.delimiter }),
  ...(setup.deltaRunId === undefined ? {} : { delta: new DeltaFilter(ledger, setup.deltaRunId) }),
  ...(setup.resumedRunId === undefined ? {} : { resumed: { ledger, runId: setup.resumedRunId } }),
};
let credits = 0;
let waiting: (() => void) | undefined;

port.on('message', (message: { type: 'ack' } | { type: 'map'; load: string; pass: Pass; credits: number }) => {
  if (message.type === 'ack') {
    credits += 1;
    waiting?.();
    return;
  }
  credits = message.credits;
  void mapLoad(message.load, message.pass);
});

async function mapLoad(loadId: string, pass: Pass): Promise<void> {
  const send = (m: WorkerMessage): void => port?.postMessage(m);
  try {
    const load = plan.loads.find((l) => l.id === loadId);
    if (!load) throw new Error(`map-worker: no load ${loadId}`);
    const batches = mapLoadRows(context, load, pass, setup.batchSize, options)[Symbol.asyncIterator]();
    for (;;) {
      const endSnapshot = ledger.readSnapshot();
      let next;
      try {
        next = await batches.next();
      } finally {
        endSnapshot();
      }
      if (next.done === true) break;
      while (credits <= 0) await new Promise<void>((resolve) => (waiting = resolve));
      waiting = undefined;
      credits -= 1;
      send({ type: 'batch', batch: next.value });
      checkHeap();
    }
    send({ type: 'end' });
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    send({ type: 'error', message: e.message, ...(e.stack === undefined ? {} : { stack: e.stack }) });
  }
}
