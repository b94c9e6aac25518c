// The goodput part of `npm run bench`: the Dataverse and Salesforce targets against their emulators, each with its
// service protection scaled down. Figures go under the `goodput` key of bench/results.json. Run alone with
// `npx tsx bench/goodput-figures.ts` (after `npm run build`), or `BENCH_PARTS=goodput npm run bench`.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Destination, OutgoingRecord } from '../engine/destinations/destination.js';

/** What one target achieved. Requests are counted as the emulator's limit counts them. */
export interface GoodputFigures {
  /** Requests per second the limit permits, and the destination got admitted. */
  permittedPerSecond: number;
  achievedPerSecond: number;
  /** Share of the permitted budget used, on the limit that binds (requests or execution time). */
  share: number;
  requestShare: number;
  executionShare?: number;
  requests: number;
  records: number;
  recordsPerSecond: number;
  recordsPerRequest: number;
  /** 429 answers, and requests that arrived inside a Retry-After the client had already been given (goal: 0). */
  throttled: number;
  insideRetryAfter: number;
  seconds: number;
  /** Requests by kind (bulk messages, `$batch`, Collections, Bulk API jobs). */
  messages: Record<string, number>;
}

export const GOODPUT_GOAL = 0.95;

/** One upsert call of a goodput caller; a refused record means the bench measures nothing, so it stops there. */
export async function upsertAll(destination: Destination, object: string, records: OutgoingRecord[]): Promise<void> {
  const failed = (await destination.upsert(object, records)).filter((r) => r.status === 'failed');
  if (failed.length > 0) throw new Error(`bench: ${failed.length} records failed, e.g. ${failed[0]?.error}`);
}

/** What a run counted at its deadline, and the limits it ran under. */
export interface Measured {
  requests: number;
  records: number;
  requestsPerWindow: number;
  windowMs: number;
  durationMs: number;
  /** Share of the execution-time budget used, where the emulator limits it. */
  executionShare?: number;
  throttled: number;
  insideRetryAfter: number;
  messages: Record<string, number>;
}

export function figuresOf(m: Measured): GoodputFigures {
  const seconds = m.durationMs / 1000;
  const requestShare = m.requests / (m.requestsPerWindow * (m.durationMs / m.windowMs));
  return {
    permittedPerSecond: m.requestsPerWindow / (m.windowMs / 1000),
    achievedPerSecond: m.requests / seconds,
    // The limit that binds is the one the destination used most of.
    share: Math.max(requestShare, m.executionShare ?? 0),
    requestShare,
    ...(m.executionShare === undefined ? {} : { executionShare: m.executionShare }),
    requests: m.requests,
    records: m.records,
    recordsPerSecond: m.records / seconds,
    recordsPerRequest: m.records / Math.max(1, m.requests),
    throttled: m.throttled,
    insideRetryAfter: m.insideRetryAfter,
    seconds,
    messages: m.messages,
  };
}

/** Measures both targets, prints a line for each, and returns the `goodput` figures. */
export async function goodputFigures(write: (line: string) => void = (line) => process.stdout.write(line)): Promise<Record<string, unknown>> {
  const { dataverseGoodput } = await import('./goodput-dataverse.js');
  const { salesforceGoodput } = await import('./goodput-salesforce.js');
  const figures: Record<string, unknown> = { goal: GOODPUT_GOAL };
  for (const [name, measure] of [['dataverse', dataverseGoodput], ['salesforce', salesforceGoodput]] as const) {
    const g = await measure();
    figures[name] = g;
    write(
      `${name} goodput: ${(g.share * 100).toFixed(1)}% of the permitted rate (goal >= ${GOODPUT_GOAL * 100}%; ${g.achievedPerSecond.toFixed(2)} of ${g.permittedPerSecond} requests/s), ` +
        `${g.recordsPerSecond.toFixed(0)} records/s, ${g.recordsPerRequest.toFixed(1)} records/request, ${g.throttled} throttled, ${g.insideRetryAfter} sent inside a Retry-After\n`,
    );
  }
  return figures;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const figures = await goodputFigures();
  const file = join(import.meta.dirname, 'results.json');
  const previous = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  writeFileSync(file, JSON.stringify({ ...previous, goodput: figures }, null, 2) + '\n');
}
