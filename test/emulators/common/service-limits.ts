/**
 * Service protection as the real services document it, per client (user): a number of requests per window and a
 * number of requests in flight. Over either limit the request is refused with a Retry-After. The keeper also
 * watches the client: a request that arrives while a Retry-After it was given is still running is a violation,
 * and the test asserts there are none.
 */
export interface LimitSettings {
  /** Requests allowed per window (Dataverse: 6,000 per 300 s; scaled down for tests and the benchmark). */
  requestsPerWindow: number;
  windowMs: number;
  /** Requests allowed in flight at once (Dataverse: 52). */
  maxConcurrent: number;
}

export type Admission = { admitted: true } | { admitted: false; retryAfterSeconds: number };

interface ClientState {
  windowStart: number;
  count: number;
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
  /** Requests admitted and refused, over all clients. */
  admitted = 0;
  refused = 0;

  constructor(
    readonly settings: LimitSettings,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Call when a request arrives; pair every call with `leave` when its response is finished. `seenRefusals`, when the
   * client reports it, is how many Retry-After answers it had received when it sent this request: a request sent
   * before the latest one reached it (still on the wire, with several in flight) could not honour it and is no violation.
   */
  enter(client: string, seenRefusals?: number): Admission {
    const state = this.state(client);
    const now = this.now();
    state.inFlight++;
    this.maxConcurrentSeen = Math.max(this.maxConcurrentSeen, state.inFlight);
    // A little slack for clocks: the client measures the window from when it read the answer.
    const sentBeforeItKnew = seenRefusals !== undefined && seenRefusals < state.refusals;
    if (now < state.blockedUntil - 50 && !sentBeforeItKnew) this.violations++;
    if (now - state.windowStart >= this.settings.windowMs) {
      state.windowStart = now;
      state.count = 0;
    }
    if (state.inFlight > this.settings.maxConcurrent) return this.refuse(state, 1000);
    if (state.count >= this.settings.requestsPerWindow) return this.refuse(state, state.windowStart + this.settings.windowMs - now);
    state.count++;
    this.admitted++;
    return { admitted: true };
  }

  leave(client: string): void {
    this.state(client).inFlight--;
  }

  /** A Retry-After given for another reason (an injected throttle) binds the client the same way. */
  block(client: string, retryAfterSeconds: number): void {
    const state = this.state(client);
    state.blockedUntil = Math.max(state.blockedUntil, this.now() + retryAfterSeconds * 1000);
    state.refusals++;
  }

  private refuse(state: ClientState, waitMs: number): Admission {
    // Retry-After is whole seconds on the wire, so round up: a client honouring it never arrives early.
    const retryAfterSeconds = Math.max(1, Math.ceil(waitMs / 1000));
    state.blockedUntil = Math.max(state.blockedUntil, this.now() + retryAfterSeconds * 1000);
    state.refusals++;
    this.refused++;
    return { admitted: false, retryAfterSeconds };
  }

  private state(client: string): ClientState {
    let state = this.clients.get(client);
    if (state === undefined) {
      state = { windowStart: this.now(), count: 0, inFlight: 0, blockedUntil: 0, refusals: 0 };
      this.clients.set(client, state);
    }
    return state;
  }
}
