import type { DynamicsWebApi } from 'dynamics-web-api';
import { retryAfterMs } from '../http/request-governor.js';
import { isTransient, statusOf, type WebApiClient } from './web-api-client.js';

/** One operation of a `$batch`; `add` queues it on the batch's library instance (never awaited: it only queues). */
export interface BatchOperation {
  add(api: DynamicsWebApi): Promise<unknown>;
}

export type OperationOutcome = { ok: true; value: unknown } | { ok: false; error: Error; status?: number };

/** Rounds of re-sending the operations of a batch that failed for a passing reason (a partial failure). */
const ROUNDS = 6;

/**
 * Operations per `$batch`. The service takes up to 1,000 but runs them one after another, so a batch's server time
 * grows with its size and must stay well inside the client's 2-minute timeout; Microsoft advises against large
 * batches ("start with a small batch size"): https://learn.microsoft.com/power-apps/developer/data-platform/api-limits
 */
export const OPERATIONS_PER_BATCH = 100;

/**
 * Sends operations as `$batch` requests without change sets and with `odata.continue-on-error`, so that one
 * rejected record does not undo or stop the others: each operation gets its own outcome. Operations that failed for
 * a passing reason (429, 5xx inside the batch) are sent again in a later batch; they are idempotent (upsert by
 * alternate key, update by id with If-Match, delete by id), so sending one twice cannot duplicate a record.
 */
export async function runBatch(client: WebApiClient, operations: readonly BatchOperation[], sleep = defaultSleep): Promise<OperationOutcome[]> {
  const outcomes: OperationOutcome[] = new Array(operations.length);
  let pending = operations.map((_, i) => i);
  for (let round = 1; pending.length > 0; round++) {
    const chunks: number[][] = [];
    for (let i = 0; i < pending.length; i += OPERATIONS_PER_BATCH) chunks.push(pending.slice(i, i + OPERATIONS_PER_BATCH));
    // Batches go out side by side; the client's governor decides how many are in flight.
    const answers = (
      await Promise.all(
        chunks.map((chunk) =>
          client.send(async (api) => {
            api.startBatch();
            for (const i of chunk) (operations[i] as BatchOperation).add(api).catch(() => undefined);
            return api.executeBatch({ continueOnError: true, inChangeSet: false });
          }),
        ),
      )
    ).flat();
    const retry: number[] = [];
    pending.forEach((index, n) => {
      const answer = answers[n];
      if (!(answer instanceof Error)) {
        outcomes[index] = { ok: true, value: answer };
        return;
      }
      if (round < ROUNDS && isTransient(answer)) {
        retry.push(index);
        const wait = retryAfterMs((answer as { headers?: Record<string, string> }).headers?.['retry-after']);
        if (statusOf(answer) === 429 && wait !== undefined) client.governor.pauseFor(wait);
        return;
      }
      const status = statusOf(answer);
      outcomes[index] = { ok: false, error: client.clean(answer), ...(status === undefined ? {} : { status }) };
    });
    pending = retry;
    if (pending.length > 0) await sleep(100 * 2 ** (round - 1));
  }
  return outcomes;
}

function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
