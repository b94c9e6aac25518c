import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { PlatformSpec } from '../../../engine/spec/generated/platform-spec.js';
import type { CustomAttribute } from '../../../engine/spec/generated/pair-spec.js';
import type { DestinationUser } from '../../../engine/spec/generated/engagement-spec.js';
import { FaultInjector, type FaultKind, type FaultRates } from '../common/fault-injector.js';
import { startLoopback, type EmulatorRequest, type RunningEmulator } from '../common/loopback-server.js';
import { LimitKeeper, type LimitSettings } from '../common/service-limits.js';
import { THROTTLES_SEEN_HEADER } from '../../../engine/destinations/http/emulator-headers.js';
import { boundaryOf, parseBatch, type BatchPart } from './batch-multipart.js';
import { runBatch } from './batch-run.js';
import { bulkAction, runBulkMessage } from './bulk-messages.js';
import { EntityStore, type Row } from './entity-store.js';
import { error, handleResource, type ApiAnswer } from './odata-resources.js';
import { TokenIssuer, type ClientCredential } from './token-issuer.js';

export interface DataverseEmulatorOptions {
  spec: PlatformSpec;
  /** Custom columns that exist in the org (a test leaves one out to see `plan` catch it). */
  customAttributes?: readonly CustomAttribute[];
  /** Standard columns (`object.attribute`) the org lacks, so that `plan` can be seen to catch a mapped one. */
  hiddenAttributes?: readonly string[];
  /** Tables with the source-key column and its alternate key; every table but the user table by default. */
  sourceKeyObjects?: readonly string[];
  /** Users to seed `systemusers` with (enabled unless `active: false`). */
  users?: readonly DestinationUser[];
  /** App registrations the token endpoint accepts. */
  clients: readonly ClientCredential[];
  /** Service protection; the documented defaults are 6,000 requests per 300 s and 52 in flight per user. */
  limits?: Partial<LimitSettings>;
  faults?: FaultRates;
  seed?: number;
  /** Milliseconds each API request takes, so that requests overlap as they do against a real server. */
  latencyMs?: number;
  /**
   * Server time of one operation: each operation of a `$batch` takes it, one after another (the service applies them
   * sequentially, with "no improved efficiency per operation"); it is what the execution-time limit adds up.
   */
  operationMs?: number;
  /** Server time per record of a bulk message, which the service runs as one set-based transaction. */
  bulkRecordMs?: number;
  /** Tables that do not support the bulk operation messages. */
  withoutBulkMessages?: readonly string[];
  /** A synchronous plug-in that refuses some records with its message (see EntityStore.rejectRecord). */
  rejectRecord?: (object: string, values: Row) => string | undefined;
  /** The Retry-After of an injected throttle, in seconds. */
  throttleSeconds?: number;
}

export interface DataverseEmulator extends RunningEmulator {
  store: EntityStore;
  limits: LimitKeeper;
  faults: FaultInjector;
  tokens: TokenIssuer;
  /**
   * HTTP requests, `$batch` requests, operations (each operation of a batch and each record of a bulk message), bulk
   * messages by name, and answers by status.
   */
  counters: { requests: number; batches: number; operations: number; bulk: Record<string, number>; byStatus: Record<number, number> };
}

const API = '/api/data/v9.2/';
const ALL_FAULTS: readonly FaultKind[] = ['throttle', 'unavailable', 'drop', 'partial', 'expired-token'];
const SINGLE_FAULTS: readonly FaultKind[] = ['throttle', 'unavailable', 'drop', 'expired-token'];

/**
 * An emulated Dataverse environment on loopback: an Entra ID token endpoint (client credentials, opaque tokens that
 * can expire), and the OData v4 Web API with `$batch`, upsert by alternate key, `@odata.bind`, metadata, service
 * protection limits per user and injected faults. Everything it saw is counted for the tests.
 */
export async function startDataverseEmulator(options: DataverseEmulatorOptions): Promise<DataverseEmulator> {
  const spec = options.spec;
  const store = new EntityStore(spec, options.customAttributes ?? [], spec.rules?.sourceKeyField ?? 'new_sourcekey', options.sourceKeyObjects);
  for (const hidden of options.hiddenAttributes ?? []) store.hidden.add(hidden);
  for (const object of options.withoutBulkMessages ?? []) store.withoutBulkMessages.add(object);
  store.rejectRecord = options.rejectRecord;
  const userObject = spec.rules?.userObject ?? 'systemuser';
  for (const user of options.users ?? []) {
    const [firstname = '', ...rest] = user.name?.split(' ') ?? [];
    store.seed(userObject, {
      internalemailaddress: user.email,
      fullname: user.name ?? user.email,
      firstname,
      lastname: rest.join(' '),
      isdisabled: user.active === false,
    });
  }
  // The documented defaults, per user: https://learn.microsoft.com/power-apps/developer/data-platform/api-limits
  const limits = new LimitKeeper({ requestsPerWindow: 6000, windowMs: 300_000, maxConcurrent: 52, executionMsPerWindow: 1_200_000, ...options.limits });
  const faults = new FaultInjector(options.faults ?? {}, options.seed ?? 1);
  const tokens = new TokenIssuer(options.clients);
  const counters: DataverseEmulator['counters'] = { requests: 0, batches: 0, operations: 0, bulk: {}, byStatus: {} };
  let baseUrl = '';

  const send = (res: ServerResponse, answer: ApiAnswer): void => {
    counters.byStatus[answer.status] = (counters.byStatus[answer.status] ?? 0) + 1;
    res.writeHead(answer.status, { 'x-ms-dop-hint': String(limits.settings.maxConcurrent), ...answer.headers });
    res.end(answer.body ?? '');
  };

  const api = async (request: EmulatorRequest, res: ServerResponse): Promise<void> => {
    const client = tokens.clientOf(request.headers.authorization);
    if (client === undefined) {
      send(res, {
        ...error(401, 'The access token is missing, invalid or expired.', '0x80072560'),
        headers: { 'content-type': 'application/json', 'www-authenticate': 'Bearer' },
      });
      return;
    }
    const path = request.url.pathname.slice(API.length);
    const isBatch = path === '$batch' && request.method === 'POST';
    const body = request.body.toString('utf8');
    const parts = isBatch ? batchParts(request.headers['content-type'], body) : [];
    // The service documents a batch as avoiding the number-of-requests limit while its operations run one after
    // another and count toward execution time; counting each inner request makes a batch cost what its operations
    // cost at the 200 ms per operation where the two documented limits meet (1,200 s / 6,000 requests per 300 s).
    // A bulk message counts as one request: "Each bulk operation message counts as single request".
    // https://learn.microsoft.com/power-apps/developer/data-platform/api-limits
    // https://learn.microsoft.com/power-apps/developer/data-platform/bulk-operations#how-are-api-limits-applied
    // The client's count of 429s it had seen: on the request, or (a long GET the library wrapped) on its inner part.
    const seen = request.headers[THROTTLES_SEEN_HEADER] ?? parts[0]?.headers[THROTTLES_SEEN_HEADER];
    const admission = limits.enter(client, { weight: Math.max(1, parts.length), ...(typeof seen === 'string' ? { seenRefusals: Number(seen) } : {}) });
    // The server time this request is charged: the emulator's own cost model, not the wall time it took here, which
    // in one process with the client would charge the client's work too.
    let serverMs = options.latencyMs ?? 0;
    try {
      if (!admission.admitted) {
        send(res, { ...throttled(admission.reason, limits), headers: { 'content-type': 'application/json', 'retry-after': String(admission.retryAfterSeconds) } });
        return;
      }
      const action = request.method === 'POST' ? bulkAction(path) : undefined;
      // A partial failure needs writes to fail: a batch of reads (a long GET the client wrapped in $batch) cannot show one.
      const writes = (isBatch && /^(PATCH|POST|PUT|DELETE) /m.test(body)) || action !== undefined;
      const fault = faults.next(writes ? ALL_FAULTS : SINGLE_FAULTS);
      if (options.latencyMs !== undefined && options.latencyMs > 0) await sleep(options.latencyMs);
      if (fault === 'drop') return request.drop();
      if (fault === 'throttle') {
        const seconds = options.throttleSeconds ?? 1;
        limits.block(client, seconds);
        send(res, { ...throttled('execution', limits), headers: { 'content-type': 'application/json', 'retry-after': String(seconds) } });
        return;
      }
      if (fault === 'unavailable') return send(res, error(503, 'The service is temporarily unavailable.', '0x80040216'));
      if (fault === 'expired-token') {
        tokens.expire(request.headers.authorization);
        return send(res, {
          ...error(401, 'The access token has expired.', '0x80072560'),
          headers: { 'content-type': 'application/json', 'www-authenticate': 'Bearer error="invalid_token"' },
        });
      }
      const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v]));
      if (isBatch) {
        counters.batches++;
        const answer = runBatch(store, {
          headers,
          body,
          baseUrl: `${baseUrl}${API.slice(0, -1)}`,
          partial: fault === 'partial' ? () => faults.recordFails() : undefined,
        });
        counters.operations += answer.operations;
        serverMs += (options.operationMs ?? 0) * answer.operations;
        await sleep((options.operationMs ?? 0) * answer.operations);
        return send(res, answer);
      }
      if (action !== undefined) {
        counters.bulk[action.message] = (counters.bulk[action.message] ?? 0) + 1;
        // On a standard table one failing record fails the whole message: a partial fault fails it all, written nothing.
        if (fault === 'partial') return send(res, error(500, 'Generic SQL error: the operation timed out and was not applied.', '0x80044150'));
        const answer = runBulkMessage(store, action.entitySet, action.message, body, `${baseUrl}${API.slice(0, -1)}`);
        counters.operations += answer.records;
        serverMs += (options.bulkRecordMs ?? 0) * answer.records;
        await sleep((options.bulkRecordMs ?? 0) * answer.records);
        return send(res, answer);
      }
      counters.operations++;
      serverMs += options.operationMs ?? 0;
      await sleep(options.operationMs ?? 0);
      send(res, handleResource(store, { method: request.method, path, query: request.url.searchParams, headers, body }, `${baseUrl}${API.slice(0, -1)}`));
    } finally {
      limits.leave(client, admission.admitted ? serverMs : 0);
    }
  };

  const running = await startLoopback(async (request, res) => {
    counters.requests++;
    if (request.method === 'POST' && /^\/[^/]+\/oauth2\/v2\.0\/token$/.test(request.url.pathname)) {
      const answer = tokens.issue(request.url.pathname.split('/')[1] ?? '', new URLSearchParams(request.body.toString('utf8')));
      return send(res, answer);
    }
    if (!request.url.pathname.startsWith(API)) return send(res, error(404, `No resource at ${request.url.pathname}.`));
    return api(request, res);
  });
  baseUrl = running.url;
  return { ...running, store, limits, faults, tokens, counters };
}

/** The 429 answer of the limit that refused the request, with the service's documented code and message. */
function throttled(reason: 'requests' | 'execution' | 'concurrency', limits: LimitKeeper): ApiAnswer {
  const { requestsPerWindow, windowMs, maxConcurrent, executionMsPerWindow } = limits.settings;
  const seconds = windowMs / 1000;
  if (reason === 'requests') return error(429, `Number of requests exceeded the limit of ${requestsPerWindow} over time window of ${seconds} seconds.`, '0x80072322');
  if (reason === 'concurrency') return error(429, `Number of concurrent requests exceeded the limit of ${maxConcurrent}.`, '0x80072326');
  return error(
    429,
    `Combined execution time of incoming requests exceeded limit of ${(executionMsPerWindow ?? 1_200_000).toLocaleString('en-US')} milliseconds over time window of ${seconds} seconds.`,
    '0x80072321',
  );
}

/** The requests a `$batch` body holds (none when it cannot be read: the batch then answers 400 itself). */
function batchParts(contentType: string | undefined, body: string): BatchPart[] {
  const boundary = boundaryOf(contentType);
  return boundary === undefined ? [] : parseBatch(body, boundary);
}

function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}

/** A random secret for tests that must find it (or not) in what a run leaves behind. */
export function testSecret(): string {
  return `sec-${randomBytes(12).toString('hex')}`;
}
