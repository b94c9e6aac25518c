import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliResult } from '../run-cli.js';
import { apply, everyFile, expectLedgerMatchesOrg, expectNoSecret, verify } from './live-checks.js';
import { liveEngagement, type LiveEngagement } from './salesforce-harness.js';
import { jsonResult } from '../run-cli.js';

describe('Bulk API 2.0 path, signed in with a JWT bearer assertion', () => {
  let live: LiveEngagement;
  const outputs: { path: string; bytes: string }[] = [];
  const keep = (name: string, r: CliResult): void => void outputs.push({ path: `${name} stdout`, bytes: r.stdout }, { path: `${name} stderr`, bytes: r.stderr });
  beforeAll(async () => {
    // A threshold of 10 records sends every object of the sample through an ingest job.
    live = await liveEngagement({ auth: 'jwt-bearer', env: { SALESFORCE_BULK_THRESHOLD: '10' } });
  });
  afterAll(async () => {
    await live.emulator.close();
  });

  it('loads through ingest jobs, reads their results back into the ledger, and verify finds 0 mismatches', async () => {
    const { report, result } = await apply(live);
    keep('apply', result);
    expect(live.emulator.bulk.created).toBeGreaterThanOrEqual(report.loads.filter((l) => l.loaded > 10).length);
    expect([...live.emulator.bulk.jobs.values()].every((job) => job.state === 'JobComplete')).toBe(true);
    expectLedgerMatchesOrg(live, report);
    // This org does not let the integration user set audit fields: the run says so, in its report and on screen.
    expect(report.notes?.join(' ')).toMatch(/CreatedDate/);
    expect(readFileSync(join(live.project, report.files.markdown), 'utf8')).toMatch(/Note from the destination:.*CreatedDate/);
    const checked = await verify(live);
    keep('verify', checked.result);
    expect(checked.report.mismatches).toEqual([]);
    expect(checked.report.totals.checked).toBe(report.loads.reduce((n, l) => n + l.loaded, 0));
    expectNoSecret([...everyFile(live.project), ...outputs]);
  });
});

describe('plan against an org that is not ready', () => {
  it('lists the custom field not created yet, a mapped field the user cannot see and the source-key field without External ID as blockers', async () => {
    const live = await liveEngagement({ skipCustomFields: ['Contact.Tags__c'], org: { sourceKeyNotExternal: ['Account'], hiddenFields: ['Contact.Title'] } });
    try {
      const result = await live.cli(['plan', '--project', live.project, '--json']);
      const plan = jsonResult(result.stdout) as { blockers: unknown[] };
      const text = JSON.stringify(plan.blockers);
      expect(text).toContain('Contact.Tags__c');
      expect(text).toContain('Account.Legacy_Id__c is not marked External ID');
      expect(text).toContain('Contact.Title is not a field the org shows to the integration user');
      expect(plan.blockers).toHaveLength(3);
      // Nothing was written: plan only reads metadata.
      expect(live.emulator.counters.collections + live.emulator.bulk.created).toBe(0);
    } finally {
      await live.emulator.close();
    }
  });
});
