import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAULT_KINDS } from '../../emulators/common/fault-injector.js';
import { apply, expectLedgerMatchesOrg, outcome, verify } from './live-checks.js';
import { liveEngagement, type LiveEngagement } from './salesforce-harness.js';

const MAX_CONCURRENT = 4;

describe('apply into the Salesforce emulator under 5% of every fault kind', () => {
  let clean: LiveEngagement;
  let faulty: LiveEngagement;
  beforeAll(async () => {
    const limits = { requestsPerWindow: 100_000, windowMs: 1000, maxConcurrent: MAX_CONCURRENT };
    const rates = Object.fromEntries(FAULT_KINDS.map((kind) => [kind, 0.05]));
    [clean, faulty] = await Promise.all([liveEngagement({ limits }), liveEngagement({ faults: rates, limits, env: { SALESFORCE_MAX_IN_FLIGHT: String(MAX_CONCURRENT) } })]);
    // Smaller batches in both runs: more requests, so that every kind of fault is met.
    for (const live of [clean, faulty]) {
      const path = join(live.project, 'migration.yaml');
      writeFileSync(path, readFileSync(path, 'utf8').replace('options:\n', 'options:\n  batchSize: 10\n'));
    }
  });
  afterAll(async () => {
    await Promise.all([clean.emulator.close(), faulty.emulator.close()]);
  });

  it('loads what a clean run loads, duplicates nothing, never sends inside a Retry-After and stays under the concurrency limit', async () => {
    const [expected, got] = await Promise.all([apply(clean), apply(faulty)]);
    expect(outcome(got.report)).toEqual(outcome(expected.report));
    expectLedgerMatchesOrg(faulty, got.report);
    const checked = await verify(faulty);
    expect(checked.report.mismatches).toEqual([]);
    expect(faulty.emulator.limits.violations).toBe(0);
    expect(faulty.emulator.limits.maxConcurrentSeen).toBeLessThanOrEqual(MAX_CONCURRENT);
    for (const [kind, n] of Object.entries(faulty.emulator.faults.injected)) expect(n, `${kind} faults injected`).toBeGreaterThan(0);
    // Each expired token cost one new sign-in, shared by every request that met it.
    expect(faulty.emulator.counters.tokens).toBeLessThanOrEqual(1 + faulty.emulator.faults.injected['expired-token'] * 2);
  });
});
