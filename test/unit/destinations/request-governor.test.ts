import { describe, expect, it } from 'vitest';
import { RequestGovernor, retryAfterMs, type Failure } from '../../../engine/destinations/http/request-governor.js';

class Throttled extends Error {
  constructor(readonly ms: number) {
    super('429');
  }
}
class Dropped extends Error {}
class Expired extends Error {}

const classify = (error: unknown): Failure =>
  error instanceof Throttled
    ? { kind: 'throttled', retryAfterMs: error.ms }
    : error instanceof Dropped
      ? { kind: 'transient' }
      : error instanceof Expired
        ? { kind: 'unauthorized' }
        : { kind: 'final' };

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('RequestGovernor', () => {
  it('never has more requests in flight than allowed', async () => {
    const governor = new RequestGovernor({ maxInFlight: 3 });
    let inFlight = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 20 }, () =>
        governor.run(async () => {
          inFlight++;
          most = Math.max(most, inFlight);
          await pause(2);
          inFlight--;
        }, classify),
      ),
    );
    expect(most).toBe(3);
    expect(governor.stats.succeeded).toBe(20);
  });

  it('sends nothing inside a Retry-After window, then retries the throttled request', async () => {
    const governor = new RequestGovernor({ maxInFlight: 4 });
    const starts: number[] = [];
    let windowEnd = 0;
    let throttledOnce = false;
    const send = async () => {
      const now = Date.now();
      starts.push(now);
      if (!throttledOnce) {
        throttledOnce = true;
        windowEnd = now + 120;
        throw new Throttled(120);
      }
      await pause(1);
      return now;
    };
    const first = governor.run(send, classify);
    await pause(5);
    // Sent after the throttle answer arrived: all of these must wait for the window to end.
    const later = await Promise.all([1, 2, 3].map(() => governor.run(send, classify)));
    await first;
    expect(starts.slice(1).every((t) => t >= windowEnd - 1)).toBe(true);
    expect(later).toHaveLength(3);
    expect(governor.stats.throttled).toBe(1);
  });

  it('retries dropped connections with backoff and gives up after the attempt limit', async () => {
    const governor = new RequestGovernor({ maxInFlight: 1, baseBackoffMs: 1, maxAttempts: 3 });
    let calls = 0;
    await expect(
      governor.run(async () => {
        calls++;
        if (calls < 3) throw new Dropped();
        return 'ok';
      }, classify),
    ).resolves.toBe('ok');
    calls = 0;
    await expect(
      governor.run(async () => {
        calls++;
        throw new Dropped();
      }, classify),
    ).rejects.toBeInstanceOf(Dropped);
    expect(calls).toBe(3);
  });

  it('does not retry a final error', async () => {
    const governor = new RequestGovernor({ maxInFlight: 1 });
    let calls = 0;
    await expect(
      governor.run(async () => {
        calls++;
        throw new Error('400 bad request');
      }, classify),
    ).rejects.toThrow('400');
    expect(calls).toBe(1);
  });

  it('refreshes an expired credential once for every request that hit it', async () => {
    const governor = new RequestGovernor({ maxInFlight: 5 });
    let token = 'old';
    let refreshes = 0;
    const reauth = async () => {
      refreshes++;
      await pause(5);
      token = 'new';
    };
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        governor.run(
          async () => {
            const used = token;
            await pause(2);
            if (used === 'old') throw new Expired();
            return used;
          },
          classify,
          reauth,
        ),
      ),
    );
    expect(results).toEqual(['new', 'new', 'new', 'new', 'new']);
    expect(refreshes).toBe(1);
  });
});

describe('retryAfterMs', () => {
  it('reads seconds and HTTP dates', () => {
    expect(retryAfterMs('3')).toBe(3000);
    expect(retryAfterMs('Wed, 21 Oct 2026 07:28:05 GMT', Date.parse('Wed, 21 Oct 2026 07:28:00 GMT'))).toBe(5000);
    expect(retryAfterMs(undefined)).toBeUndefined();
    expect(retryAfterMs('soon')).toBeUndefined();
  });
});
