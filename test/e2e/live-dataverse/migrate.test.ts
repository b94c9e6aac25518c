import { describe, it } from 'vitest';
import type { RunReport } from '../../../engine/run/run-report.js';
import type { VerificationReport } from '../../../engine/verify/verification-report.js';
import { liveEngagement, PAIRS } from './dataverse-harness.js';
import { storedSourceKey } from '../../../engine/destinations/stored-source-key.js';
import { jsonResult } from '../run-cli.js';

// The pairs run side by side: each has its own emulator and engagement, and most of the time is spent in CLI processes.
describe('sample pairs into the Dataverse emulator', () => {
  it.concurrent.for(PAIRS)(
    '%s migrates end to end, verifies every row with 0 mismatches, and the ledger maps every key to the emulator ids',
    { timeout: 60_000 },
    async (pair, { expect }) => {
      const live = await liveEngagement({ pair });
      try {
        const applied = await live.cli(['apply', '--project', live.project, '--json']);
        expect(applied.exitCode, applied.stderr).toBe(0);
        const run = jsonResult(applied.stdout) as RunReport;
        expect(run.target).toBe(`dataverse:${live.emulator.url}`);
        expect(run.totals.loaded).toBeGreaterThan(300);
        expect(run.totals.failed).toBe(0);

        // Every row of the export, not a sample.
        const verified = await live.cli(['verify', '--project', live.project, '--json', '--sample', '100000']);
        expect(verified.exitCode, verified.stderr).toBe(0);
        const report = jsonResult(verified.stdout) as VerificationReport;
        expect(report.totals.mismatching).toBe(0);
        expect(report.totals.checked).toBe(run.totals.loaded);

        const keymap = live.keymap();
        // One key per loaded source row, and one per record the passes after the loads wrote: attendees, pipeline
        // processes and the close record of each won or lost deal.
        const sourceLoads = new Set(run.loads.map((l) => l.load));
        expect(keymap.filter((e) => sourceLoads.has(e.load))).toHaveLength(run.totals.loaded);
        const afterLoads = run.loads.reduce((n, l) => n + (l.attendees?.linked ?? 0) + Object.values(l.processes?.records ?? {}).reduce((a, b) => a + b, 0) + (l.closed === undefined ? 0 : l.closed.won + l.closed.lost), 0);
        expect(keymap.filter((e) => !sourceLoads.has(e.load))).toHaveLength(afterLoads);
        const { store } = live.emulator;
        for (const entry of keymap) {
          const row = store.tableOf(entry.object).rows.get(entry.dest_id);
          expect(row, `${entry.load} ${entry.source_key}`).toBeDefined();
          // A close record is made by the service's Win/LoseOpportunity action, which sets no source key.
          if (entry.load.endsWith(':close')) continue;
          // The source-key column holds the engine key (`load:key`) as every target stores it: URL-unsafe characters escaped, a hash when too long.
          expect(row?.[store.sourceKeyField]).toBe(storedSourceKey(`${entry.load}:${entry.source_key}`));
        }
        const migrated = [...store.tables.values()].reduce(
          (n, t) => n + [...t.rows.values()].filter((r) => r[store.sourceKeyField] != null).length,
          0,
        );
        expect(migrated).toBe(keymap.filter((e) => !e.load.endsWith(':close')).length);
        expect(live.emulator.counters.batches).toBeGreaterThan(0);
      } finally {
        await live.emulator.close();
      }
    },
  );
});
