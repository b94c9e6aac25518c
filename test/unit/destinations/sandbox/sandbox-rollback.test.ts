import { beforeEach, describe, expect, it } from 'vitest';
import { DATAVERSE, dump } from './fixtures.js';
import { useSandbox } from './harness.js';

const sb = useSandbox();

describe('sandbox patch, remove and restore', () => {
  beforeEach(() => sb.openWith(DATAVERSE, ['account']));

  it('given lookups to set on existing rows, returns updated with previous; a missing id or target reports it', async () => {
    const [a, b] = await sb.box.upsert('account', [
      { sourceKey: 'A', values: { name: 'A' } },
      { sourceKey: 'B', values: { name: 'B' } },
    ]);
    const [patched, same, nowhere, broken] = await sb.box.patch('account', [
      { id: b?.id as string, values: { parentaccountid: a?.id as string } },
      { id: a?.id as string, values: { parentaccountid: null } },
      { id: 'no-such-id', values: { parentaccountid: a?.id as string } },
      { id: a?.id as string, values: { parentaccountid: 'no-such-account' } },
    ]);
    expect(patched).toEqual({ id: b?.id, sourceKey: 'B', status: 'updated', previous: { parentaccountid: null }, version: '2' });
    expect(same).toEqual({ id: a?.id, sourceKey: 'A', status: 'unchanged', version: '1' });
    expect(nowhere).toEqual({ id: 'no-such-id', status: 'failed', error: 'No account record has id "no-such-id".' });
    expect(broken?.error).toBe('Attribute parentaccountid value "no-such-account" names no existing account record.');
  });

  it('given a run rolled back by removing what it created and restoring what it updated, returns the table to identical content', async () => {
    await sb.box.upsert('account', [
      { sourceKey: 'A1', values: { name: 'Acme', numberofemployees: 5, creditonhold: true } },
      { sourceKey: 'A2', values: { name: 'Beta', industrycode: 2 } },
    ]);
    const before = dump(sb.temp.file('sandbox.db'), 'account');

    const run = await sb.box.upsert('account', [
      {
        sourceKey: 'A1',
        values: { name: 'Acme Ltd', numberofemployees: 5, creditonhold: false, accountnumber: 'N-1' },
      },
      { sourceKey: 'A2', values: { name: 'Beta' } },
      { sourceKey: 'A3', values: { name: 'New', industrycode: 'Accounting' } },
    ]);
    const [a1, a2, a3] = run;
    const patch = await sb.box.patch('account', [
      { id: a2?.id as string, values: { parentaccountid: a3?.id as string, industrycode: 1 } },
    ]);
    expect(run.map((r) => r.status)).toEqual(['updated', 'unchanged', 'created']);
    expect(dump(sb.temp.file('sandbox.db'), 'account')).not.toEqual(before);

    expect(await sb.box.restore('account', [{ id: a2?.id as string, values: patch[0]?.previous ?? {} }])).toEqual([
      { id: a2?.id, sourceKey: 'A2', status: 'restored', version: '3' },
    ]);
    expect(await sb.box.remove('account', [a3?.id as string])).toEqual([
      { id: a3?.id, sourceKey: 'A3', status: 'deleted' },
    ]);
    await sb.box.restore('account', [{ id: a1?.id as string, values: a1?.previous ?? {} }]);

    expect(dump(sb.temp.file('sandbox.db'), 'account')).toEqual(before);
  });

  it('given an id that does not exist, remove and restore report it', async () => {
    expect(await sb.box.remove('account', ['gone'])).toEqual([
      { id: 'gone', status: 'failed', error: 'No account record has id "gone".' },
    ]);
    expect((await sb.box.restore('account', [{ id: 'gone', values: { name: 'X' } }]))[0]?.status).toBe('failed');
  });

  it('given a restore of an owner deactivated since, writes the old value back', async () => {
    const grace = sb.userId('grace@example.com');
    const created = await sb.one('account', 'A1', { name: 'Acme', ownerid: grace });
    const former = sb.userId('former@example.com');
    expect(await sb.box.restore('account', [{ id: created.id as string, values: { ownerid: former } }])).toEqual([
      { id: created.id, sourceKey: 'A1', status: 'restored', version: '2' },
    ]);
  });
});
