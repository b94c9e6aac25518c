/**
 * Service protection as the real services document it, per client (user), over a sliding window: a number of
 * requests, a combined execution time, and a number of requests in flight. Over any of them the request is refused
 * with a Retry-After saying when the window will have room again. The keeper also watches the client: a request that
 * arrives while a Retry-After it was given is still running is a violation, and tests and the benchmark assert there
 * are none.
 *
 * Dataverse documents 6,000 requests and 1,200 s of execution time per 300 s sliding window, and 52 requests in
 * flight, per user and web server: https://learn.microsoft.com/power-apps/developer/data-platform/api-limits
 */
export interface LimitSettings {
  /** Requests allowed per window (Dataverse: 6,000 per 300 s; scaled down for tests and the benchmark). */
  requestsPerWindow: number;
  windowMs: number;
  /** Requests allowed in flight at once (Dataverse: 52). */
  maxConcurrent: number;
  /** Combined execution time allowed per window (Dataverse: 1,200,000 ms per 300 s); unlimited when absent. */
  executionMsPerWindow?: number;
}

export type Admission = { admitted: true } | { admitted: false; retryAfterSeconds: number; reason: 'requests' | 'execution' | 'concurrency' };

export interface EnterOptions {
  /**
   * How many Retry-After answers the client had received when it sent this request, when it reports it: a request sent
   * before the latest one reached it (still on the wire, with several in flight) could not honour it and is no violation.
   */
  seenRefusals?: number;
  /** How many requests this one counts for (a Dataverse `$batch` counts its inner requests); 1 by default. */
  weight?: number;
}

interface Spent {
  at: number;
  amount: number;
}

interface ClientState {
  /** Admitted requests (their weight) and finished requests' execution time, oldest first, within the window. */
  requests: Spent[];
  execution: Spent[];
  inFlight: number;
  /** End of the latest Retry-After this client was given. */
  blockedUntil: number;
  /** Retry-After answers this client was given, over its life. */
  refusals: number;
}

export class LimitKeeper {
  private readonly clients = new Map<string, ClientState>();
  /** Requests that arrived inside a Retry-After window the same client had been given. */
  violations = 0;
  /** The most requests one client had in flight at once, over the limit or not. */
  maxConcurrentSeen = 0;
  /** HTTP requests admitted and refused, over all clients. */
  admitted = 0;
  refused = 0;
  /** Requests as the limit counts them (a `$batch` of 100 counts 100), admitted, over all clients. */
  counted = 0;
  /** Execution time of admitted requests, in milliseconds, over all clients. */
  executionMs = 0;
  /** Refusals by the limit that caused them. */
  readonly refusedFor = { requests: 0, execution: 0, concurrency: 0 };

  constructor(
    readonly settings: LimitSettings,
    private readonly now: () => number = Date.now,
  ) {}

  /** Call when a request arrives; pair every call with `leave` when its response is finished. */
  enter(client: string, options: EnterOptions = {}): Admission {
    const state = this.state(client);
    const now = this.now();
    const weight = Math.max(1, options.weight ?? 1);
    state.inFlight++;
    this.maxConcurrentSeen = Math.max(this.maxConcurrentSeen, state.inFlight);
    // A little slack for clocks: the client measures the window from when it read the answer.
    const sentBeforeItKnew = options.seenRefusals !== undefined && options.seenRefusals < state.refusals;
    if (now < state.blockedUntil - 50 && !sentBeforeItKnew) this.violations++;
    this.expire(state, now);
    if (state.inFlight > this.settings.maxConcurrent) return this.refuse(state, 1000, 'concurrency');
    // A request heavier than the whole limit is let in once the window is empty, or it could never pass.
    const room = Math.max(weight, this.settings.requestsPerWindow);
    const used = total(state.requests);
    if (used + weight > room) return this.refuse(state, this.roomAfter(state.requests, used + weight - room, now), 'requests');
    const budget = this.settings.executionMsPerWindow;
    if (budget !== undefined && total(state.execution) >= budget) {
      return this.refuse(state, this.roomAfter(state.execution, total(state.execution) - budget + 1, now), 'execution');
    }
    state.requests.push({ at: now, amount: weight });
    this.admitted++;
    this.counted += weight;
    return { admitted: true };
  }

  /** The request's response is finished; `executionMs` is the server time it took, when it was admitted. */
  leave(client: string, executionMs = 0): void {
    const state = this.state(client);
    state.inFlight--;
    if (executionMs > 0) {
      state.execution.push({ at: this.now(), amount: executionMs });
      this.executionMs += executionMs;
    }
  }

  /** A Retry-After given for another reason (an injected throttle) binds the client the same way. */
  block(client: string, retryAfterSeconds: number): void {
    const state = this.state(client);
    state.blockedUntil = Math.max(state.blockedUntil, this.now() + retryAfterSeconds * 1000);
    state.refusals++;
  }

  /** Milliseconds until `excess` of what the window holds has slid out of it. */
  private roomAfter(spent: readonly Spent[], excess: number, now: number): number {
    let freed = 0;
    for (const entry of spent) {
      freed += entry.amount;
      if (freed >= excess) return entry.at + this.settings.windowMs - now;
    }
    return this.settings.windowMs;
  }

  private expire(state: ClientState, now: number): void {
    const since = now - this.settings.windowMs;
    while (state.requests.length > 0 && (state.requests[0] as Spent).at <= since) state.requests.shift();
    while (state.execution.length > 0 && (state.execution[0] as Spent).at <= since) state.execution.shift();
  }

  private refuse(state: ClientState, waitMs: number, reason: 'requests' | 'execution' | 'concurrency'): Admission {
    // Retry-After is whole seconds on the wire, so round up: a client honouring it never arrives early.
    const retryAfterSeconds = Math.max(1, Math.ceil(waitMs / 1000));
    state.blockedUntil = Math.max(state.blockedUntil, this.now() + retryAfterSeconds * 1000);
    state.refusals++;
    this.refused++;
    this.refusedFor[reason]++;
    return { admitted: false, retryAfterSeconds, reason };
  }

  private state(client: string): ClientState {
    let state = this.clients.get(client);
    if (state === undefined) {
      state = { requests: [], execution: [], inFlight: 0, blockedUntil: 0, refusals: 0 };
      this.clients.set(client, state);
    }
    return state;
  }
}

function total(spent: readonly Spent[]): number {
  let sum = 0;
  for (const entry of spent) sum += entry.amount;
  return sum;
}
