/**
 * Paces every request a live destination sends. Dataverse and Salesforce both throttle per user: they answer 429
 * (or 503) with a Retry-After, and they count requests in flight. The governor therefore keeps a fixed number of
 * requests in flight, and when any request is throttled it holds back every request not yet sent until the
 * Retry-After has passed: sending during that window would only be refused again and would extend the penalty.
 * Failures that say nothing about load (5xx, dropped connections) are retried for that request alone, with
 * exponential backoff and jitter. Everything else is final and goes back to the caller.
 */

/** How a failed attempt should be handled; the destination classifies its own library's errors. */
export type Failure =
  | { kind: 'throttled'; retryAfterMs: number }
  | { kind: 'transient' }
  /** The credential expired; the destination refreshes it in `reauthenticate` and the request is sent again. */
  | { kind: 'unauthorized' }
  | { kind: 'final' };

export interface GovernorOptions {
  /** Requests allowed in flight at once (Dataverse allows 52 per user; its `x-ms-dop-hint` may suggest fewer). */
  maxInFlight: number;
  /** Attempts per request, the first included, before a transient failure is final. */
  maxAttempts?: number;
  /** Backoff before the second attempt; it doubles per attempt up to `maxBackoffMs`. */
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  /** Used when a throttle response carries no Retry-After. */
  defaultRetryAfterMs?: number;
  /** Injected in tests; defaults to real time. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/** What the governor saw, for run reports and the goodput benchmark. */
export interface GovernorStats {
  sent: number;
  succeeded: number;
  throttled: number;
  retried: number;
  reauthenticated: number;
  failed: number;
  /** Milliseconds during which sending was held back by a Retry-After. */
  pausedMs: number;
  maxInFlight: number;
}

export class RequestGovernor {
  private inFlight = 0;
  private readonly waiting: (() => void)[] = [];
  private pausedUntil = 0;
  private reauth: Promise<void> | undefined;
  private readonly opts: Required<Omit<GovernorOptions, 'maxInFlight'>> & { maxInFlight: number };
  readonly stats: GovernorStats = { sent: 0, succeeded: 0, throttled: 0, retried: 0, reauthenticated: 0, failed: 0, pausedMs: 0, maxInFlight: 0 };

  constructor(options: GovernorOptions) {
    if (!(options.maxInFlight >= 1)) throw new RangeError('maxInFlight must be at least 1.');
    this.opts = {
      maxInFlight: options.maxInFlight,
      maxAttempts: options.maxAttempts ?? 8,
      baseBackoffMs: options.baseBackoffMs ?? 200,
      maxBackoffMs: options.maxBackoffMs ?? 30_000,
      defaultRetryAfterMs: options.defaultRetryAfterMs ?? 5_000,
      now: options.now ?? Date.now,
      sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
      random: options.random ?? Math.random,
    };
  }

  /** Lowers (or raises, up to the configured ceiling) how many requests may be in flight, e.g. from `x-ms-dop-hint`. */
  setMaxInFlight(limit: number): void {
    this.opts.maxInFlight = Math.max(1, Math.floor(limit));
    this.wake();
  }

  /**
   * Sends through `send` until it succeeds or fails for good. `classify` maps an error of the destination's library
   * to a Failure; `reauthenticate` refreshes an expired credential (called once for all requests that hit it).
   */
  async run<T>(send: () => Promise<T>, classify: (error: unknown) => Failure, reauthenticate?: () => Promise<void>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      await this.acquire();
      let result: { ok: true; value: T } | { ok: false; error: unknown };
      try {
        this.stats.sent++;
        result = { ok: true, value: await send() };
      } catch (error) {
        result = { ok: false, error };
      } finally {
        this.release();
      }
      if (result.ok) {
        this.stats.succeeded++;
        return result.value;
      }
      const failure = classify(result.error);
      if (failure.kind === 'final' || attempt >= this.opts.maxAttempts) {
        this.stats.failed++;
        throw result.error;
      }
      this.stats.retried++;
      if (failure.kind === 'throttled') {
        this.stats.throttled++;
        this.pauseFor(failure.retryAfterMs > 0 ? failure.retryAfterMs : this.opts.defaultRetryAfterMs);
      } else if (failure.kind === 'unauthorized' && reauthenticate !== undefined) {
        await this.refresh(reauthenticate);
      } else {
        await this.opts.sleep(this.backoff(attempt));
      }
    }
  }

  /** Holds back every request not yet sent until `ms` from now (or later, if a longer pause is already on). */
  pauseFor(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.opts.now() + ms);
  }

  private async acquire(): Promise<void> {
    for (;;) {
      const wait = this.pausedUntil - this.opts.now();
      if (wait > 0) {
        this.stats.pausedMs += wait;
        await this.opts.sleep(wait);
        continue;
      }
      if (this.inFlight < this.opts.maxInFlight) break;
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    this.inFlight++;
    this.stats.maxInFlight = Math.max(this.stats.maxInFlight, this.inFlight);
  }

  private release(): void {
    this.inFlight--;
    this.wake();
  }

  private wake(): void {
    const free = this.opts.maxInFlight - this.inFlight;
    for (const resolve of this.waiting.splice(0, Math.max(0, free))) resolve();
  }

  private async refresh(reauthenticate: () => Promise<void>): Promise<void> {
    if (this.reauth === undefined) {
      this.stats.reauthenticated++;
      this.reauth = reauthenticate().finally(() => {
        this.reauth = undefined;
      });
    }
    await this.reauth;
  }

  private backoff(attempt: number): number {
    const ceiling = Math.min(this.opts.maxBackoffMs, this.opts.baseBackoffMs * 2 ** (attempt - 1));
    // Full jitter: retries from many requests that failed together spread out instead of arriving together.
    return Math.round(ceiling / 2 + (this.opts.random() * ceiling) / 2);
  }
}

/** Reads an HTTP Retry-After header (seconds or an HTTP date) as milliseconds; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null | undefined, now: number = Date.now()): number | undefined {
  if (header === null || header === undefined || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * The Failure an HTTP answer means, the same for every live target: 429 (or 503 with a Retry-After) is a throttle,
 * 401 an expired credential, 5xx and 408 a passing failure of this one request, and no status at all a connection
 * that dropped before an answer. Anything else is the request's own fault and final.
 */
export function httpFailure(status: number | undefined, retryAfter: number | undefined): Failure {
  if (status === undefined) return { kind: 'transient' };
  if (status === 429 || (status === 503 && retryAfter !== undefined)) return { kind: 'throttled', retryAfterMs: retryAfter ?? 0 };
  if (status === 401) return { kind: 'unauthorized' };
  if (status >= 500 || status === 408) return { kind: 'transient' };
  return { kind: 'final' };
}
