import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { RunReport } from '../../../engine/run/run-report.js';
import { FAULT_KINDS } from '../../emulators/common/fault-injector.js';
import { liveEngagement, type LiveEngagement } from './dataverse-harness.js';
import { jsonResult } from '../run-cli.js';

const PAIR = 'opencrm--dynamics-365-sales';

async function apply(live: LiveEngagement): Promise<RunReport> {
  const result = await live.cli(['apply', '--project', live.project, '--json']);
  expect(result.exitCode, result.stderr).toBe(0);
  return jsonResult(result.stdout) as RunReport;
}

function counts(report: RunReport): Record<string, number[]> {
  return Object.fromEntries(report.loads.map((l) => [l.load, [l.sourceRows, l.created, l.updated, l.unchanged, l.skipped, l.held, l.failed]]));
}

function exceptions(live: LiveEngagement, report: RunReport): Record<string, string>[] {
  if (report.files.exceptions === undefined) return [];
  return parse(readFileSync(join(live.project, report.files.exceptions)), { columns: true, bom: true }) as Record<string, string>[];
}

describe('Dataverse with faults injected at 5% of each kind', () => {
  it('completes with nothing lost and nothing duplicated, never sends inside a Retry-After, never exceeds the concurrency limit', async () => {
    const rates = Object.fromEntries(FAULT_KINDS.map((kind) => [kind, 0.05]));
    // Batches of 20 make enough requests of a small export for every kind to come up (the seed fixes which ones).
    const [clean, faulty] = await Promise.all([
      liveEngagement({ pair: PAIR }),
      liveEngagement({ pair: PAIR, faults: rates, seed: 1, batchSize: 20 }),
    ]);
    try {
      const [expected, report] = await Promise.all([apply(clean), apply(faulty)]);
      const { emulator } = faulty;

      // Every fault kind really happened, and the client was at least once told to wait.
      for (const kind of FAULT_KINDS) expect(emulator.faults.injected[kind], kind).toBeGreaterThan(0);

      // Nothing lost: the same outcome per load as a clean run, every row not loaded in the exceptions with file:line.
      expect(counts(report)).toEqual(counts(expected));
      const rows = exceptions(faulty, report);
      expect(rows).toHaveLength(exceptions(clean, expected).length);
      for (const row of rows) expect(row.file !== '' && Number(row.line) > 0, JSON.stringify(row)).toBe(true);

      // Nothing duplicated: one record per source key, and exactly the records the ledger knows.
      const keymap = faulty.keymap();
      const store = emulator.store;
      let migrated = 0;
      for (const table of store.tables.values()) {
        const keys = [...table.rows.values()].map((r) => r[store.sourceKeyField]).filter((k) => k != null);
        expect(new Set(keys).size, table.object).toBe(keys.length);
        migrated += keys.length;
      }
      // A close record is made by the service's Win/LoseOpportunity action, which sets no source key.
      expect(migrated).toBe(keymap.filter((e) => !e.load.endsWith(':close')).length);
      for (const entry of keymap) expect(store.tableOf(entry.object).rows.has(entry.dest_id)).toBe(true);

      expect(emulator.limits.violations).toBe(0);
      expect(emulator.limits.maxConcurrentSeen).toBeLessThanOrEqual(emulator.limits.settings.maxConcurrent);
      expect(emulator.tokens.issued).toBeGreaterThan(1);
    } finally {
      await Promise.all([clean.emulator.close(), faulty.emulator.close()]);
    }
  }, 90_000);
});
