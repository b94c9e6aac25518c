import jsforce from 'jsforce';
import HttpApiModule from 'jsforce/lib/http-api.js';
import { THROTTLES_SEEN_HEADER } from '../http/emulator-headers.js';
import { httpFailure, RequestGovernor, retryAfterMs, type Failure } from '../http/request-governor.js';
import { requestAccessToken } from './salesforce-auth.js';
import { redactSecrets } from '../http/redact-secrets.js';
import { lastingNetworkFailure, networkFailure } from '../http/network-failure.js';
import { SalesforceSetupError, type SalesforceSettings } from './salesforce-settings.js';

interface JsforceHttpApi {
  on(event: 'response', listener: (response: { statusCode: number; headers: Record<string, string> }) => void): unknown;
  request(request: { method: string; url: string; headers: Record<string, string>; body?: string }): PromiseLike<unknown>;
}
type HttpApiClass = new (connection: unknown, options: Record<string, unknown>) => JsforceHttpApi;
// jsforce ships CommonJS; its HttpApi class is the module's default export.
const HttpApi = ((HttpApiModule as unknown as { default?: HttpApiClass }).default ?? HttpApiModule) as HttpApiClass;

/** Test emulators' bookkeeping header; sent only when settings.emulatorHeaders (see there), never to a real org. */
export { THROTTLES_SEEN_HEADER } from '../http/emulator-headers.js';

/** A refused call: the HTTP status and Salesforce's error code, with a message already scrubbed of secrets. */
export class SalesforceApiError extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly errorCode: string | undefined,
    readonly retryAfterMs: number | undefined,
    cause?: unknown,
  ) {
    super(message, cause === undefined ? undefined : { cause });
  }
}

/** The run would cross a limit it was told about; raised before the request that would cross it. */
export class SalesforceLimitError extends SalesforceSetupError {}

/** The token endpoint said no: wrong credentials, an unapproved app, a user without access. */
export class SalesforceSignInError extends SalesforceSetupError {}

/** No answer from Salesforce at all (DNS, TLS, connection): the network is at fault, not the credentials. */
export class SalesforceUnreachableError extends SalesforceSetupError {}

export interface CallOptions {
  body?: unknown;
  /** `text/csv` bodies go as they are; anything else is sent as JSON. */
  contentType?: string;
  /** Read the answer as text (Bulk result CSVs) instead of letting jsforce parse it. */
  text?: boolean;
}

/**
 * Every HTTP call of the Salesforce target: one jsforce connection, one RequestGovernor, one token shared by all
 * requests. jsforce's own retries are switched off (`maxRetries: 0`) because they would resend a throttled request on
 * their own schedule, inside the Retry-After window the governor is holding.
 */
export class SalesforceClient {
  readonly governor: RequestGovernor;
  /** Requests sent that count against the org's daily API allocation (every REST call does). */
  apiRequests = 0;
  /** 429 answers received, counted as they arrive, whatever is then made of them. */
  private throttlesSeen = 0;
  private budget = Number.POSITIVE_INFINITY;
  private connection: InstanceType<typeof jsforce.Connection> | undefined;
  private signingIn: Promise<void> | undefined;

  constructor(readonly settings: SalesforceSettings) {
    this.governor = new RequestGovernor({ maxInFlight: settings.maxInFlight, defaultRetryAfterMs: settings.throttleWaitMs });
  }

  get apiBase(): string {
    return `/services/data/v${this.settings.apiVersion}`;
  }

  /** Caps the requests this run may still send (the smaller of the org's remaining allocation and any override). */
  limitRequests(remaining: number): void {
    this.budget = this.apiRequests + Math.max(0, remaining);
  }

  /** Requests the run may still send before reaching its cap. */
  get remainingRequests(): number {
    return this.budget - this.apiRequests;
  }

  /** Fails up front when `needed` requests would not fit, so no object is left half-loaded for lack of allocation. */
  reserve(needed: number, what: string): void {
    if (needed <= this.remainingRequests) return;
    throw new SalesforceLimitError(
      `Loading ${what} needs about ${needed} API requests but only ${Math.max(0, this.remainingRequests)} remain of the daily allocation this run may use ` +
        '(the org\'s /limits or SALESFORCE_MAX_API_REQUESTS); wait for the 24-hour window to roll or raise the allocation, then run again.',
    );
  }

  async signIn(): Promise<void> {
    this.signingIn ??= (async () => {
      try {
        const token = await requestAccessToken(this.settings.auth);
        this.connection = new jsforce.Connection({ instanceUrl: token.instanceUrl || this.settings.instanceUrl, accessToken: token.accessToken, version: this.settings.apiVersion });
      } catch (error) {
        // No answer at all is not a refused sign-in: say what failed on the way (DNS, TLS, connection) instead.
        const loginHost = new URL(this.settings.auth.kind === 'jwt-bearer' ? this.settings.auth.loginUrl : this.settings.auth.tokenUrl).host;
        const unreachable = networkFailure(error, loginHost);
        if (unreachable !== undefined) throw new SalesforceUnreachableError(`Salesforce could not be reached to sign in (${this.settings.auth.kind}). ${unreachable.advice}`);
        throw new SalesforceSignInError(`Salesforce refused the sign-in (${this.settings.auth.kind}): ${this.describe(error)}. Check the connected app and the SALESFORCE_* variables.`);
      } finally {
        this.signingIn = undefined;
      }
    })();
    return this.signingIn;
  }

  /** One REST call through the governor; `path` starts at the instance root (`/services/...`). */
  async call<T>(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, options: CallOptions = {}): Promise<T> {
    if (this.connection === undefined) await this.signIn();
    return this.governor.run(
      () => this.send<T>(method, path, options),
      (error) => classify(error, this.settings.instanceUrl),
      () => this.signIn(),
    );
  }

  private async send<T>(method: string, path: string, options: CallOptions): Promise<T> {
    const connection = this.connection as InstanceType<typeof jsforce.Connection>;
    if (this.apiRequests >= this.budget) {
      throw new SalesforceLimitError('The run has used every API request it was allowed (the org\'s /limits or SALESFORCE_MAX_API_REQUESTS); stopped before sending another.');
    }
    this.apiRequests++;
    const api = new HttpApi(connection, { retry: { maxRetries: 0 }, ...(options.text ? { responseType: 'text/plain' } : {}), noContentResponse: null });
    let status: number | undefined;
    let headers: Record<string, string> = {};
    api.on('response', (response: { statusCode: number; headers: Record<string, string> }) => {
      status = response.statusCode;
      headers = response.headers ?? {};
    });
    const contentType = options.contentType ?? 'application/json';
    const body = options.body === undefined ? undefined : contentType === 'application/json' ? JSON.stringify(options.body) : String(options.body);
    try {
      return (await api.request({
        method,
        url: `${connection.instanceUrl}${path}`,
        headers: { ...this.emulatorHeaders(), ...(body === undefined ? {} : { 'content-type': contentType }) },
        ...(body === undefined ? {} : { body }),
      })) as T;
    } catch (error) {
      const code = (error as { errorCode?: string; name?: string }).errorCode ?? (error as { name?: string }).name;
      if (status === 429 || (status === 403 && code === 'REQUEST_LIMIT_EXCEEDED')) this.throttlesSeen++;
      const unreachable = status === undefined ? networkFailure(error, new URL(connection.instanceUrl).host) : undefined;
      const detail = unreachable?.advice ?? this.describe(error);
      throw new SalesforceApiError(`${method} ${path.split('?')[0]} failed${status === undefined ? '' : ` (HTTP ${status})`}: ${detail}`, status, code, retryAfterMs(headers['retry-after']), status === undefined ? error : undefined);
    }
  }

  /**
   * How many throttle answers had arrived when this request left, for a test emulator to tell a request already on
   * the wire from one that ignored the pause. Empty unless settings.emulatorHeaders.
   */
  private emulatorHeaders(): Record<string, string> {
    return this.settings.emulatorHeaders ? { [THROTTLES_SEEN_HEADER]: String(this.throttlesSeen) } : {};
  }

  private describe(error: unknown): string {
    return redactSecrets(error instanceof Error ? error.message : String(error), this.settings.secrets);
  }
}

/**
 * Salesforce also throttles with 403 REQUEST_LIMIT_EXCEEDED (too many long-running requests at once, "ConcurrentPerOrg
 * LongTxn Limit exceeded"): that passes, so it is waited out and retried like a 429. The same code for the daily
 * allocation ("TotalRequests Limit exceeded") does not pass within a run and stays final, with its message.
 */
export function classify(error: unknown, instanceUrl = ''): Failure {
  if (!(error instanceof SalesforceApiError)) return { kind: 'final' };
  if (error.status === 403 && error.errorCode === 'REQUEST_LIMIT_EXCEEDED') {
    return /TotalRequests/i.test(error.message) ? { kind: 'final' } : { kind: 'throttled', retryAfterMs: error.retryAfterMs ?? 0 };
  }
  if (error.status === undefined && lastingNetworkFailure(error.cause, instanceUrl)) return { kind: 'final' };
  return httpFailure(error.status, error.retryAfterMs);
}
