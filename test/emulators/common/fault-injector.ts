/**
 * Decides, request by request, whether an emulator misbehaves and how. Seeded, so a failing run can be replayed:
 * the same seed and the same request order give the same faults.
 */
export type FaultKind =
  /** 429 with a Retry-After header, as a service protection limit would. */
  | 'throttle'
  /** 503 Service Unavailable. */
  | 'unavailable'
  /** The socket is destroyed before any response is written. */
  | 'drop'
  /** A batch or collection answers with some records failed and the rest written. */
  | 'partial'
  /** 401: the access token is treated as expired and must be fetched again. */
  | 'expired-token';

export const FAULT_KINDS: readonly FaultKind[] = ['throttle', 'unavailable', 'drop', 'partial', 'expired-token'];

export type FaultRates = Partial<Record<FaultKind, number>>;

export class FaultInjector {
  private state: number;
  /** How many times each fault was injected; tests assert the run really met them. */
  readonly injected: Record<FaultKind, number> = { throttle: 0, unavailable: 0, drop: 0, partial: 0, 'expired-token': 0 };

  constructor(
    private readonly rates: FaultRates = {},
    seed = 1,
  ) {
    this.state = seed >>> 0 || 1;
  }

  /** The fault for this request, if any, among the kinds the endpoint can show (a GET cannot fail partially). */
  next(allowed: readonly FaultKind[] = FAULT_KINDS): FaultKind | undefined {
    let roll = this.random();
    for (const kind of FAULT_KINDS) {
      const rate = this.rates[kind] ?? 0;
      if (roll < rate) {
        if (!allowed.includes(kind)) return undefined;
        this.injected[kind]++;
        return kind;
      }
      roll -= rate;
    }
    return undefined;
  }

  /** Whether one record inside a batch fails when the batch was picked for a partial failure. */
  recordFails(share = 0.2): boolean {
    return this.random() < share;
  }

  /** mulberry32: tiny, fast, and good enough to spread faults evenly. */
  private random(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
}
