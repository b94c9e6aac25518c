import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { RunReport } from '../../../engine/run/run-report.js';
import { storedSourceKey } from '../../../engine/destinations/stored-source-key.js';
import { liveEngagement } from './dataverse-harness.js';
import { jsonResult } from '../run-cli.js';

type Row = Record<string, string>;

describe('apply into Dataverse through the bulk operation messages', () => {
  it('uses UpsertMultiple where the table has it and $batch where not, and reports a record an org plug-in refused with its file and line', async () => {
    const live = await liveEngagement({ pair: 'opencrm--dynamics-365-sales', withoutBulkMessages: ['account'] });
    try {
      // The second contact of the export is refused by a plug-in in the org, which the engine cannot know beforehand.
      const contacts = parse(readFileSync(join(live.root, 'export', 'contacts.csv')), { columns: true, bom: true }) as Row[];
      expect(contacts.length).toBeGreaterThan(2);
      const refusedId = (contacts[1] as Row)['CRM ID'] as string;
      const refusedKey = storedSourceKey(`contacts:${refusedId}`);
      live.emulator.store.rejectRecord = (object, values) =>
        object === 'contact' && values[live.emulator.store.sourceKeyField] === refusedKey ? 'Contacts from this source are blocked by a plug-in.' : undefined;

      const applied = await live.cli(['apply', '--project', live.project, '--json']);
      expect(applied.exitCode, applied.stderr).toBeLessThan(2);
      const report = jsonResult(applied.stdout) as RunReport;
      expect(report.loads.find((l) => l.load === 'contacts')?.failed).toBe(1);
      expect(report.loads.find((l) => l.load === 'accounts')?.failed).toBe(0);

      const { counters, store } = live.emulator;
      expect(counters.bulk.UpsertMultiple).toBeGreaterThan(0);
      // Accounts (no bulk messages) and the refused contacts' message went as $batch requests.
      expect(counters.batches).toBeGreaterThan(0);
      expect(store.tableOf('account').rows.size).toBe(report.loads.find((l) => l.load === 'accounts')?.created);
      expect(store.tableOf('contact').rows.size).toBe(report.loads.find((l) => l.load === 'contacts')?.created);
      expect(store.tableOf('contact').rows.size).toBeGreaterThan(0);

      const exceptions = parse(readFileSync(join(live.project, report.files.exceptions as string)), { columns: true, bom: true }) as Row[];
      const refused = exceptions.filter((e) => e.source_key === refusedId);
      expect(refused).toHaveLength(1);
      expect(refused[0]?.file).toMatch(/contacts\.csv$/);
      // The header is line 1, so the second record is on line 3.
      expect(refused[0]?.line).toBe('3');
      expect(refused[0]?.reason).toMatch(/blocked by a plug-in/);
    } finally {
      await live.emulator.close();
    }
  }, 180_000);
});
