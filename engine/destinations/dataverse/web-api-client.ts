import diagnostics from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import { DynamicsWebApi } from 'dynamics-web-api';
import { THROTTLES_SEEN_HEADER } from '../http/emulator-headers.js';
import { redactSecrets } from '../http/redact-secrets.js';
import { httpFailure, RequestGovernor, retryAfterMs, type Failure } from '../http/request-governor.js';
import { DataverseSetupError, type DataverseSettings } from './dataverse-settings.js';
import { lastingNetworkFailure, networkFailure } from '../http/network-failure.js';
import { TokenSource } from './token-source.js';

/** Dataverse allows 52 requests in flight per user; `x-ms-dop-hint` may recommend fewer. */
export const MAX_IN_FLIGHT = 52;

/** An answer from Dataverse, its message cleaned of anything secret; `status` is absent for a connection failure. */
export class DataverseRequestError extends Error {
  override readonly name = 'DataverseRequestError';
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/**
 * dynamics-web-api behind the request governor: every call the destination makes goes through `send`, which paces
 * it, waits out Retry-After, retries transient failures and fetches a new token once on a 401. The library has no
 * retry of its own, so nothing is ever sent behind the governor's back. Errors leave here as
 * DataverseRequestError, whose text holds the server's message and never the token or the secret.
 */
export class WebApiClient {
  readonly governor = new RequestGovernor({ maxInFlight: MAX_IN_FLIGHT });
  private readonly tokens: TokenSource;
  private readonly host: string;
  private readonly secrets: string[] = [];
  /** 429 answers received, counted as they arrive, for the test emulators' bookkeeping header. */
  private throttlesSeen = 0;
  private readonly onResponse = (message: unknown): void => this.readResponse(message);

  constructor(private readonly settings: DataverseSettings) {
    this.tokens = new TokenSource(settings);
    this.host = new URL(settings.orgUrl).host;
    if (settings.credential.kind === 'secret') this.secrets.push(settings.credential.secret);
    diagnostics.subscribe('http.client.response.finish', this.onResponse);
  }

  /** A library instance for one call or one batch: a batch is state on the instance, so batches never share one. */
  api(): DynamicsWebApi {
    return new DynamicsWebApi({
      serverUrl: this.settings.orgUrl,
      dataApi: { version: '9.2' },
      onTokenRefresh: async () => {
        const token = await this.tokens.token();
        if (!this.secrets.includes(token)) this.secrets.push(token);
        return token;
      },
      // Updates and deletes must fail loudly: the library's legacy mode turns some errors into `false`.
      propagateErrors: true,
      timeout: 120_000,
      ...(this.settings.emulatorHeaders === true ? { headers: { [THROTTLES_SEEN_HEADER]: String(this.throttlesSeen) } } : {}),
    });
  }

  /** Runs one request (or one batch) under the governor. */
  async send<T>(call: (api: DynamicsWebApi) => Promise<T>): Promise<T> {
    try {
      return await this.governor.run(
        () => call(this.api()),
        (error) => classify(error),
        () => this.tokens.refresh(),
      );
    } catch (error) {
      throw this.clean(error);
    }
  }

  /** A failed operation inside a batch, as an error the destination can report. */
  clean(error: unknown): DataverseRequestError | DataverseSetupError {
    if (error instanceof DataverseRequestError || error instanceof DataverseSetupError) return error;
    const status = statusOf(error);
    const text = redactSecrets(messageOf(error), this.secrets);
    const unreachable = status === undefined ? networkFailure(error, this.host) : undefined;
    return new DataverseRequestError(
      status === undefined ? `Dataverse could not be reached: ${unreachable?.advice ?? text}` : `Dataverse answered ${status}: ${text}`,
      status,
    );
  }

  close(): void {
    diagnostics.unsubscribe('http.client.response.finish', this.onResponse);
  }

  /** Follows the server's advice on parallelism (`x-ms-dop-hint`), never above the documented 52; counts 429s. */
  private readResponse(message: unknown): void {
    const { request, response } = message as { request?: { host?: string; getHeader?: (n: string) => unknown }; response?: IncomingMessage };
    if (response === undefined || request === undefined) return;
    const host = String(request.getHeader?.('host') ?? request.host ?? '');
    if (host !== this.host && !this.host.startsWith(`${host}:`)) return;
    if (response.statusCode === 429) this.throttlesSeen++;
    const hint = Number(response.headers['x-ms-dop-hint']);
    if (Number.isInteger(hint) && hint >= 1) this.governor.setMaxInFlight(Math.min(MAX_IN_FLIGHT, hint));
  }
}

export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' && status > 0 ? status : undefined;
}

function headerOf(error: unknown, name: string): string | undefined {
  const headers = (error as { headers?: Record<string, unknown> } | null)?.headers;
  if (headers === undefined || headers === null) return undefined;
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === name) return String(value);
  return undefined;
}

function messageOf(error: unknown): string {
  if (Array.isArray(error)) return error.map(messageOf).join('; ');
  // Inside a batch the library keeps the server's `{ error: { message } }` as it came.
  const inner = (error as { error?: { message?: unknown } } | null)?.error?.message;
  if (typeof inner === 'string' && inner !== '') return inner;
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' && message !== '' ? message : String(error);
}

/** 429 (and a 503 that says when to come back) pause everyone; other 5xx and dropped connections retry alone. */
export function classify(error: unknown): Failure {
  const status = statusOf(error);
  // An error without a status that is not a dropped connection is a bug on this side, not worth sending again.
  if (status === undefined && !isConnectionFailure(error)) return { kind: 'final' };
  // A name that does not resolve or a certificate that is not trusted stays so for the run: no point retrying.
  if (status === undefined && lastingNetworkFailure(error, '')) return { kind: 'final' };
  return httpFailure(status, retryAfterMs(headerOf(error, 'retry-after')));
}

const CONNECTION_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'ECONNABORTED', 'UND_ERR_SOCKET']);

/** A dropped or refused connection (the request may not have reached the server); not a bug in the request. */
function isConnectionFailure(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (typeof code === 'string' && CONNECTION_CODES.has(code)) || /socket hang up/i.test(messageOf(error));
}

/** Whether one operation's failure inside a batch is worth sending again (the others were kept). */
export function isTransient(error: unknown): boolean {
  const kind = classify(error).kind;
  return kind !== 'final';
}
