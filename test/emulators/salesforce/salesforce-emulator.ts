import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import jwt from 'jsonwebtoken';
import type { DestinationRecord } from '../../../engine/destinations/destination.js';
import { THROTTLES_SEEN_HEADER } from '../../../engine/destinations/salesforce/salesforce-client.js';
import { FaultInjector, type FaultKind, type FaultRates } from '../common/fault-injector.js';
import { startLoopback, type EmulatorRequest, type RunningEmulator } from '../common/loopback-server.js';
import { LimitKeeper, type LimitSettings } from '../common/service-limits.js';
import { BulkJobs } from './bulk-jobs.js';
import { SalesforceOrg } from './salesforce-org.js';
import { runSoql } from './soql-subset.js';

export interface SalesforceEmulatorOptions {
  org: SalesforceOrg;
  clientId: string;
  /** client_credentials: the connected app's secret. */
  clientSecret?: string;
  /** jwt-bearer: the certificate's public key that assertions must verify against, and the user they name. */
  publicKey?: string;
  username?: string;
  limits?: LimitSettings;
  faults?: FaultRates;
  seed?: number;
  /** The org's daily API allocation and Bulk batch allocation, as `/limits` reports them. */
  dailyApiRequests?: number;
  /**
   * The next this-many API requests are refused with 403 REQUEST_LIMIT_EXCEEDED "ConcurrentPerOrgLongTxn Limit
   * exceeded", as an org does when too many long requests run at once; it sends no Retry-After.
   */
  concurrencyRefusals?: number;
  /** Bulk jobs never leave InProgress. */
  stallBulkJobs?: boolean;
  dailyBulkBatches?: number;
}

export interface SalesforceEmulator extends RunningEmulator {
  org: SalesforceOrg;
  limits: LimitKeeper;
  faults: FaultInjector;
  bulk: BulkJobs;
  /** Requests per route kind, tokens issued, API requests counted against the daily allocation. */
  counters: { tokens: number; apiRequests: number; collections: number; queries: number; refusedSignIns: number; concurrencyRefusals: number; withTestHeader: number; requests: number };
}

type Reply = (status: number, body?: unknown, headers?: Record<string, string>) => void;

/** A Salesforce org on loopback: OAuth token endpoint, REST (describe, Collections, query, limits) and Bulk API 2.0 ingest. */
export async function startSalesforceEmulator(options: SalesforceEmulatorOptions): Promise<SalesforceEmulator> {
  const org = options.org;
  const limits = new LimitKeeper(options.limits ?? { requestsPerWindow: 100_000, windowMs: 1000, maxConcurrent: 25 });
  const faults = new FaultInjector(options.faults ?? {}, options.seed ?? 7);
  const bulk = new BulkJobs(org, faults);
  const tokens = new Set<string>();
  const counters = { tokens: 0, apiRequests: 0, collections: 0, queries: 0, refusedSignIns: 0, concurrencyRefusals: 0, withTestHeader: 0, requests: 0 };
  let refusalsLeft = options.concurrencyRefusals ?? 0;
  bulk.stall = options.stallBulkJobs === true;
  const dailyApi = options.dailyApiRequests ?? 100_000;
  let url = '';

  const handler = async (req: EmulatorRequest, res: ServerResponse): Promise<void> => {
    const reply: Reply = (status, body, headers = {}) => {
      const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
      res.writeHead(status, { 'content-type': typeof body === 'string' ? 'text/csv' : 'application/json', ...headers });
      res.end(text);
    };
    counters.requests++;
    if (req.headers[THROTTLES_SEEN_HEADER] !== undefined) counters.withTestHeader++;
    if (req.method === 'POST' && req.url.pathname === '/services/oauth2/token') return token(req, reply);
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (bearer === undefined || !tokens.has(bearer)) return reply(401, [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]);
    const client = 'integration-user';
    const seen = req.headers[THROTTLES_SEEN_HEADER];
    const admission = limits.enter(client, typeof seen === 'string' ? { seenRefusals: Number(seen) } : {});
    try {
      if (!admission.admitted) return reply(429, [{ message: 'Too many requests', errorCode: 'REQUEST_LIMIT_EXCEEDED' }], { 'retry-after': String(admission.retryAfterSeconds) });
      if (refusalsLeft > 0) {
        refusalsLeft--;
        counters.concurrencyRefusals++;
        return reply(403, [{ message: 'ConcurrentPerOrgLongTxn Limit exceeded', errorCode: 'REQUEST_LIMIT_EXCEEDED' }]);
      }
      const partialAllowed = req.url.pathname.includes('/composite/sobjects') && req.method !== 'DELETE';
      const fault = faults.next(partialAllowed ? ['throttle', 'unavailable', 'drop', 'partial', 'expired-token'] : ['throttle', 'unavailable', 'drop', 'expired-token']);
      if (fault === 'throttle') {
        limits.block(client, 1);
        return reply(429, [{ message: 'Too many requests', errorCode: 'REQUEST_LIMIT_EXCEEDED' }], { 'retry-after': '1' });
      }
      if (fault === 'unavailable') return reply(503, [{ message: 'Service unavailable', errorCode: 'SERVER_UNAVAILABLE' }]);
      if (fault === 'drop') return req.drop();
      if (fault === 'expired-token') {
        tokens.delete(bearer);
        return reply(401, [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]);
      }
      if (counters.apiRequests >= dailyApi) return reply(403, [{ message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }]);
      counters.apiRequests++;
      // Let other requests in while this one "works", so that concurrency is real and measurable.
      await new Promise((resolve) => setImmediate(resolve));
      return route(req, reply, fault);
    } finally {
      limits.leave(client);
    }
  };

  function token(req: EmulatorRequest, reply: Reply): void {
    const form = new URLSearchParams(req.body.toString('utf8'));
    const refuse = (): void => {
      counters.refusedSignIns++;
      reply(400, { error: 'invalid_grant', error_description: 'authentication failure' });
    };
    if (form.get('grant_type') === 'urn:ietf:params:oauth:grant-type:jwt-bearer') {
      if (options.publicKey === undefined) return refuse();
      try {
        const claims = jwt.verify(form.get('assertion') ?? '', options.publicKey, { algorithms: ['RS256'], audience: url, issuer: options.clientId }) as jwt.JwtPayload;
        if (claims.sub !== options.username) return refuse();
      } catch {
        return refuse();
      }
    } else if (form.get('grant_type') === 'client_credentials') {
      if (options.clientSecret === undefined || form.get('client_id') !== options.clientId || form.get('client_secret') !== options.clientSecret) return refuse();
    } else return refuse();
    const issued = randomBytes(24).toString('base64url');
    tokens.add(issued);
    counters.tokens++;
    reply(200, { access_token: issued, instance_url: url, token_type: 'Bearer', id: `${url}/id/00D/005`, issued_at: String(Date.now()) });
  }

  function route(req: EmulatorRequest, reply: Reply, fault: FaultKind | undefined): void {
    const m = /^\/services\/data\/v\d+\.\d+(\/.*)$/.exec(req.url.pathname);
    if (m === null) return reply(404, [{ message: 'The requested resource does not exist', errorCode: 'NOT_FOUND' }]);
    const path = m[1] as string;
    const json = (): Record<string, unknown> => JSON.parse(req.body.toString('utf8') || '{}') as Record<string, unknown>;
    let hit: RegExpExecArray | null;
    if (req.method === 'GET' && (hit = /^\/sobjects\/(\w+)\/describe$/.exec(path))) {
      const describe = org.describe(hit[1] as string);
      return describe === undefined ? reply(404, [{ message: `The requested resource does not exist`, errorCode: 'NOT_FOUND' }]) : reply(200, describe);
    }
    if (req.method === 'GET' && path === '/limits') {
      return reply(200, { DailyApiRequests: { Max: dailyApi, Remaining: dailyApi - counters.apiRequests }, DailyBulkApiBatches: { Max: options.dailyBulkBatches ?? 15_000, Remaining: (options.dailyBulkBatches ?? 15_000) - bulk.batches } });
    }
    if (req.method === 'GET' && path === '/query') {
      counters.queries++;
      const answer = runSoql(org, req.url.searchParams.get('q') ?? '');
      return 'error' in answer ? reply(400, [{ message: answer.error, errorCode: 'MALFORMED_QUERY' }]) : reply(200, answer);
    }
    if (path.startsWith('/composite/sobjects')) {
      counters.collections++;
      return collections(req, path, reply, fault === 'partial', json);
    }
    if (path.startsWith('/jobs/ingest')) return ingest(req, path, reply, json);
    reply(404, [{ message: 'The requested resource does not exist', errorCode: 'NOT_FOUND' }]);
  }

  function collections(req: EmulatorRequest, path: string, reply: Reply, partial: boolean, json: () => Record<string, unknown>): void {
    const lockError = { id: null, success: false, errors: [{ statusCode: 'UNABLE_TO_LOCK_ROW', message: 'unable to obtain exclusive access to this record', fields: [] }] };
    if (req.method === 'DELETE') {
      const ids = (req.url.searchParams.get('ids') ?? '').split(',').filter((id) => id !== '');
      if (ids.length > 200) return reply(400, [{ message: 'Exceeded max limit of 200 records', errorCode: 'EXCEEDED_ID_LIMIT' }]);
      return reply(200, ids.map((id) => {
        const problem = org.remove(id);
        return problem === undefined ? { id, success: true, errors: [] } : { id, success: false, errors: [problem] };
      }));
    }
    const body = json() as { allOrNone?: boolean; records?: (DestinationRecord & { attributes?: { type?: string } })[] };
    const records = body.records ?? [];
    if (records.length > 200) return reply(400, [{ message: 'Exceeded max limit of 200 records', errorCode: 'EXCEEDED_ID_LIMIT' }]);
    if (body.allOrNone === true) return reply(400, [{ message: 'allOrNone true is not emulated', errorCode: 'INVALID_FIELD' }]);
    const upsertBy = /^\/composite\/sobjects\/(\w+)\/(\w+)$/.exec(path);
    if (req.method !== 'PATCH') return reply(405, [{ message: 'Method not allowed', errorCode: 'METHOD_NOT_ALLOWED' }]);
    reply(200, records.map((record) => {
      if (partial && faults.recordFails()) return lockError;
      const { attributes, Id: _id, id, ...values } = record as DestinationRecord & { attributes?: { type?: string }; id?: string };
      const object = upsertBy?.[1] ?? attributes?.type ?? '';
      if (upsertBy !== null) {
        const answer = org.upsert(object, upsertBy[2] as string, values);
        return 'statusCode' in answer ? { success: false, errors: [answer] } : { id: answer.id, success: true, created: answer.created, errors: [] };
      }
      const answer = org.update(object, String(id), values);
      return typeof answer === 'string' ? { id: answer, success: true, errors: [] } : { id, success: false, errors: [answer] };
    }));
  }

  function ingest(req: EmulatorRequest, path: string, reply: Reply, json: () => Record<string, unknown>): void {
    const parts = path.split('/').slice(3);
    const [id, sub] = parts;
    if (req.method === 'POST' && id === undefined) {
      const job = bulk.create(json());
      return typeof job === 'string' ? reply(400, [{ message: job, errorCode: 'INVALIDJOB' }]) : reply(200, bulk.info(job.id));
    }
    if (id === undefined) return reply(404, [{ message: 'Not found', errorCode: 'NOT_FOUND' }]);
    if (req.method === 'PUT' && sub === 'batches') {
      const problem = bulk.upload(id, req.body.toString('utf8'));
      return problem === undefined ? reply(201) : reply(400, [{ message: problem, errorCode: 'INVALIDJOBSTATE' }]);
    }
    if (req.method === 'PATCH' && sub === undefined) {
      const state = json().state;
      const problem = state === 'UploadComplete' ? bulk.complete(id) : state === 'Aborted' ? bulk.abort(id) : 'Only UploadComplete and Aborted are emulated.';
      return problem === undefined ? reply(200, bulk.info(id)) : reply(400, [{ message: problem, errorCode: 'INVALIDJOBSTATE' }]);
    }
    if (req.method === 'GET' && sub === undefined) {
      const info = bulk.info(id);
      return info === undefined ? reply(404, [{ message: 'Job not found', errorCode: 'NOT_FOUND' }]) : reply(200, info);
    }
    if (req.method === 'GET' && (sub === 'successfulResults' || sub === 'failedResults' || sub === 'unprocessedrecords')) {
      const csv = bulk.results(id, sub);
      return csv === undefined ? reply(404, [{ message: 'Job not found', errorCode: 'NOT_FOUND' }]) : reply(200, csv);
    }
    reply(404, [{ message: 'Not found', errorCode: 'NOT_FOUND' }]);
  }

  const running = await startLoopback(handler);
  url = running.url;
  return { ...running, org, limits, faults, bulk, counters };
}
