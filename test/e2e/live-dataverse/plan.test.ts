import { describe, expect, it } from 'vitest';
import { EXIT } from '../../../cli/exit-codes.js';
import { liveEngagement } from './dataverse-harness.js';
import { jsonResult } from '../run-cli.js';

describe('plan against the Dataverse emulator', () => {
  it('lists a custom column, a mapped standard column and a source-key column the org lacks as blockers, and reads only metadata', async () => {
    const live = await liveEngagement({
      pair: 'vtiger--dynamics-365-sales',
      skipCustomAttributes: ['account.new_industry'],
      withoutSourceKey: ['lead'],
      hiddenAttributes: ['contact.jobtitle'],
    });
    try {
      const result = await live.cli(['plan', '--project', live.project, '--json']);
      expect(result.exitCode, result.stderr).toBe(EXIT.invalid);
      const plan = jsonResult(result.stdout) as { blockers: string[] };
      const blockers = plan.blockers.filter((b) => b.startsWith('dataverse:'));
      expect(blockers).toHaveLength(3);
      expect(blockers).toContainEqual(expect.stringMatching(/contact\.jobtitle: the column jobtitle, which the mapping writes, is not in the table's metadata/));
      expect(blockers).toContainEqual(expect.stringMatching(/account\.new_industry: the custom column new_industry .* does not exist yet/));
      expect(blockers).toContainEqual(expect.stringMatching(/lead\.new_sourcekey: the source-key column new_sourcekey does not exist/));
      // Nothing was written: metadata reads only.
      const store = live.emulator.store;
      expect([...store.tables.values()].every((t) => t.object === 'systemuser' || t.rows.size === 0)).toBe(true);
      expect(live.emulator.counters.batches).toBe(0);
    } finally {
      await live.emulator.close();
    }
  }, 60_000);
});
