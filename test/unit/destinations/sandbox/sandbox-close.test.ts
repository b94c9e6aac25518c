import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSandbox } from '../../../../engine/destinations/sandbox/index.js';
import type { Destination } from '../../../../engine/destinations/destination.js';
import type { PlatformSpec } from '../../../../engine/spec/generated/platform-spec.js';
import { tempDir } from './fixtures.js';

/** The bundled platform specs, read as they ship: their `close` and `audit` declarations are what is under test. */
const platform = (id: string): PlatformSpec => parse(readFileSync(join(import.meta.dirname, '../../../../pairs/platforms', `${id}.yaml`), 'utf8')) as PlatformSpec;

describe('the sandbox closes Dynamics 365 opportunities only as Dataverse does', () => {
  let temp: ReturnType<typeof tempDir>;
  let box: Destination;
  beforeEach(async () => {
    temp = tempDir();
    box = createSandbox(temp.file('sandbox.db'));
    await box.open({ destination: platform('dynamics-365-sales'), objects: ['opportunity', 'opportunityclose'], customAttributes: [], users: [] });
  });
  afterEach(async () => {
    await box.close();
    temp.remove();
  });

  it('given statecode Won or Lost on create or update, refuses the record and names WinOpportunity', async () => {
    const results = await box.upsert('opportunity', [
      { sourceKey: 'o1', values: { name: 'Won deal', statecode: 'Won' } },
      { sourceKey: 'o2', values: { name: 'Lost deal', statecode: 2 } },
      { sourceKey: 'o3', values: { name: 'Open deal', statecode: 'Open' } },
    ]);
    expect(results.map((r) => r.status)).toEqual(['failed', 'failed', 'created']);
    expect(results[0]?.error).toContain('WinOpportunity or LoseOpportunity');
    const [patched] = await box.patch('opportunity', [{ id: results[2]?.id as string, values: { statecode: 'Won' } }]);
    expect(patched?.status).toBe('failed');
    expect(await box.count('opportunity')).toBe(1);
  });

  it('given a close, writes an opportunityclose and the closed state; the same close again is unchanged and writes nothing', async () => {
    const [created] = await box.upsert('opportunity', [{ sourceKey: 'o1', values: { name: 'Harbour' } }]);
    const request = { id: created?.id as string, outcome: 'won' as const, date: '2024-03-15', revenue: 12500, status: null, subject: 'Won: Harbour', sourceKey: 'deals:close:o1' };
    const [closed] = await box.closeRecords!('opportunity', [request]);
    expect(closed).toMatchObject({ status: 'closed', previous: { statecode: null, statuscode: null, actualclosedate: null, actualvalue: null }, closeRecord: { object: 'opportunityclose' } });
    const stored = await box.read('opportunity', [request.id], ['statecode', 'statuscode', 'actualvalue', 'actualclosedate']);
    expect(stored.get(request.id)).toEqual({ statecode: 1, statuscode: 3, actualvalue: 12500, actualclosedate: '2024-03-15' });
    const [again] = await box.closeRecords!('opportunity', [request]);
    expect(again).toEqual({ status: 'unchanged', closeRecord: closed?.closeRecord });
    expect(await box.count('opportunityclose')).toBe(1);
    const [lost] = await box.closeRecords!('opportunity', [{ ...request, outcome: 'lost' }]);
    expect(lost?.error).toContain('already closed as won');
  });
});

describe('the sandbox keeps Salesforce audit fields create-only', () => {
  it('given CreatedDate, takes it on create, passes the same value again, and refuses a change on update', async () => {
    const temp = tempDir();
    const box = createSandbox(temp.file('sandbox.db'));
    try {
      await box.open({ destination: platform('salesforce-sales-cloud'), objects: ['Account'], customAttributes: [], users: [], auditFields: true });
      const [created] = await box.upsert('Account', [{ sourceKey: 'a1', values: { Name: 'Acme', CreatedDate: '2019-05-01T10:00:00Z' } }]);
      expect(created?.status).toBe('created');
      expect((await box.upsert('Account', [{ sourceKey: 'a1', values: { Name: 'Acme', CreatedDate: '2019-05-01T10:00:00Z' } }]))[0]?.status).toBe('unchanged');
      const [changed] = await box.upsert('Account', [{ sourceKey: 'a1', values: { Name: 'Acme', CreatedDate: '2020-01-01T00:00:00Z' } }]);
      expect(changed?.error).toContain('only when a record is created');
    } finally {
      await box.close();
      temp.remove();
    }
  });
});
