import { Worker } from 'node:worker_threads';
import type { EngagementData } from '../engagement/engagement-data.js';
import type { MigrationPlan, PlannedLoad } from '../plan/migration-plan.js';
import type { DuplicateRow } from '../plan/shape-findings.js';
import { mapLoadRows, type MapOptions, type MappedBatch, type Pass } from './mapped-batches.js';
import type { MapperContext } from './mapper-context.js';
import type { DestinationUserRef } from '../plan/owner-resolver.js';

/** Where mapped batches come from: this thread, or a worker that maps while this thread writes. */
export interface BatchSource {
  batches(load: PlannedLoad, pass: Pass): AsyncIterable<MappedBatch>;
  close(): Promise<void>;
}

export interface WorkerSetup {
  /** The engagement the main thread read, as data (see engagement-data): the worker does not read the spec library again. */
  engagement: EngagementData;
  /**
   * The plan the main thread compiled and checked the export against (plain data, copied to the worker): the worker
   * maps exactly these loads rather than compiling its own from migration.yaml, which could have changed since.
   */
  plan: MigrationPlan;
  ledgerPath: string;
  users: [string, DestinationUserRef][];
  resolutions: [string, string][];
  /** Rows repeating a source key, by load, as the export check found them before the run. */
  duplicates: [string, readonly DuplicateRow[]][];
  batchSize: number;
  delimiter?: string;
  /** Set for a delta run: the worker leaves rows alone that did not change since the ledger's last write. */
  deltaRunId?: number;
  /** Set when the run resumes a killed attempt: the worker passes over the rows that attempt wrote. */
  resumedRunId?: number;
}

export type WorkerMessage = { type: 'batch'; batch: MappedBatch } | { type: 'end' } | { type: 'error'; message: string; stack?: string };

/** Maps on the calling thread: used where no compiled worker exists (tests running the TypeScript sources). */
export function inThreadSource(context: MapperContext, batchSize: number, options: MapOptions = {}): BatchSource {
  return {
    batches: (load, pass) => mapLoadRows(context, load, pass, batchSize, options),
    close: async () => {},
  };
}

/**
 * The worker's young generation, smaller than V8's default for this machine. A first run maps every row, and 8 MiB
 * took 20 MiB off its peak memory for no measurable time. A delta reads most rows only to find them unchanged, and a
 * resumed run passes over the rows its killed attempt wrote: both allocate fast and briefly, and at 8 MiB collected
 * so often that 16 MiB took a fifth off a delta (2.8 instead of 3.5 s at 240,000 rows; 9.5–10 s instead of 10.8–13 s
 * at 1,200,000) and 6% off a run resumed at half of 1,200,000 rows, whose peak memory fell from 350 to 327 MiB.
 */
function youngGenerationMb(setup: WorkerSetup): number {
  return setup.deltaRunId === undefined && setup.resumedRunId === undefined ? 8 : 16;
}

/** How many mapped batches the worker may have in flight: enough to keep both threads busy, few enough to bound memory. */
const CREDITS = 2;

/**
 * Maps in a worker thread, one load at a time as the main thread asks, so parsing and transforming overlap with
 * writing. The worker stops after `CREDITS` unacknowledged batches, so a slow destination never makes it run ahead.
 */
export function workerSource(setup: WorkerSetup): BatchSource {
  const worker = new Worker(new URL('./map-worker.js', import.meta.url), { workerData: setup, resourceLimits: { maxYoungGenerationSizeMb: youngGenerationMb(setup) } });
  return {
    async *batches(load, pass) {
      const queue: WorkerMessage[] = [];
      let wake: (() => void) | undefined;
      const onMessage = (message: WorkerMessage): void => {
        queue.push(message);
        wake?.();
      };
      const onError = (error: Error): void => onMessage({ type: 'error', message: error.message, ...(error.stack === undefined ? {} : { stack: error.stack }) });
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.postMessage({ type: 'map', load: load.id, pass, credits: CREDITS });
      try {
        for (;;) {
          if (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
          wake = undefined;
          const message = queue.shift() as WorkerMessage;
          if (message.type === 'end') return;
          if (message.type === 'error') throw Object.assign(new Error(message.message), { stack: message.stack });
          yield message.batch;
          worker.postMessage({ type: 'ack' });
        }
      } finally {
        worker.off('message', onMessage);
        worker.off('error', onError);
      }
    },
    close: async () => {
      await worker.terminate();
    },
  };
}

/** True when this module runs compiled, so that its worker script exists beside it. */
export function workerAvailable(): boolean {
  return import.meta.url.endsWith('.js');
}
