import Sqlite from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { DATAVERSE, SALESFORCE, setup } from './fixtures.js';
import { useSandbox } from './harness.js';

const sb = useSandbox();

describe('sandbox upsert (Dataverse)', () => {
  beforeEach(() => sb.openWith(DATAVERSE, ['account', 'contact']));

  it('given a new record, then the same values, then a change, returns created, unchanged, then updated with the old values of exactly the changed attributes', async () => {
    const created = await sb.one('account', 'A1', {
      name: 'Acme',
      numberofemployees: 10,
      creditonhold: false,
      accountnumber: 'X-1',
    });
    expect(created).toEqual({ sourceKey: 'A1', id: expect.stringMatching(/^[0-9a-f-]{36}$/), status: 'created', version: '1' });
    expect(
      await sb.one('account', 'A1', {
        name: 'Acme',
        numberofemployees: '10',
        creditonhold: 'false',
        accountnumber: 'X-1',
      }),
    ).toEqual({
      sourceKey: 'A1',
      id: created.id,
      status: 'unchanged',
      version: '1',
    });
    expect(await sb.one('account', 'A1', { name: 'Acme Ltd', numberofemployees: 10, creditonhold: true })).toEqual({
      sourceKey: 'A1',
      id: created.id,
      status: 'updated',
      previous: { name: 'Acme', creditonhold: false },
      version: '2',
    });
    const stored = await sb.box.read('account', [created.id as string]);
    expect(stored.get(created.id as string)).toMatchObject({
      name: 'Acme Ltd',
      numberofemployees: 10,
      creditonhold: true,
      accountnumber: 'X-1',
    });
  });

  it('given a new record without a required attribute, reports the required rule and writes nothing', async () => {
    const result = await sb.one('contact', 'C1', { firstname: 'Ada' });
    expect(result).toEqual({
      sourceKey: 'C1',
      status: 'failed',
      error: 'Attribute lastname is required to create a contact record, and the record has no value for it.',
    });
    expect(await sb.box.count('contact')).toBe(0);
  });

  it('given an existing record without the required attribute, updates it; emptying it reports the rule', async () => {
    await sb.one('contact', 'C1', { lastname: 'Lovelace' });
    expect((await sb.one('contact', 'C1', { firstname: 'Ada' })).status).toBe('updated');
    expect(await sb.one('contact', 'C1', { lastname: '' })).toMatchObject({
      status: 'failed',
      error:
        'Attribute lastname value null cannot be written: lastname is required, and a contact record cannot have it empty.',
    });
  });

  it('given an unknown or read-only attribute, reports it with the value', async () => {
    expect((await sb.one('contact', 'C1', { lastname: 'Lovelace', lastnme: 'x' })).error).toBe(
      'Attribute lastnme value "x" cannot be written: contact has no such attribute (did you mean lastname?).',
    );
    expect((await sb.one('contact', 'C1', { lastname: 'Lovelace', fullname: 'Ada Lovelace' })).error).toBe(
      'Attribute fullname value "Ada Lovelace" cannot be written: the destination does not accept values for it.',
    );
    expect(await sb.box.count('contact')).toBe(0);
  });

  it('given an option label, stores the option value; given an unknown option, reports the options', async () => {
    const { id } = await sb.one('account', 'A1', { name: 'Acme', industrycode: 'accounting', statecode: 'Inactive' });
    expect((await sb.box.read('account', [id as string], ['industrycode', 'statecode'])).get(id as string)).toEqual({
      industrycode: 1,
      statecode: 1,
    });
    expect((await sb.one('account', 'A2', { name: 'Beta', industrycode: 'Mining' })).error).toBe(
      'Attribute industrycode value "Mining" is not one of its options (1 Accounting, 2 Agriculture and Non-petrol Natural Resource Extraction, 3 Broadcasting Printing and Publishing).',
    );
  });

  it('given text over maxLength or a value of the wrong type, reports the rule', async () => {
    expect((await sb.one('account', 'A1', { name: 'x'.repeat(161) })).error).toMatch(
      /^Attribute name value "x+…" is 161 characters long, over the maximum of 160\.$/,
    );
    expect((await sb.one('account', 'A1', { name: 'Acme', numberofemployees: 'many' })).error).toBe(
      'Attribute numberofemployees value "many" is not a whole number.',
    );
    expect((await sb.one('account', 'A1', { name: 'Acme', revenue: -5 })).error).toBe(
      'Attribute revenue value -5 is below the minimum of 0.',
    );
    expect(await sb.box.count('account')).toBe(0);
  });

  it('given a lookup to a missing record, reports the target; to an existing one or a table the sandbox lacks, accepts it', async () => {
    const parent = await sb.one('account', 'A1', { name: 'Parent' });
    const missing = '00000000-0000-5000-8000-000000000000';
    expect((await sb.one('account', 'A2', { name: 'Child', parentaccountid: missing })).error).toBe(
      `Attribute parentaccountid value "${missing}" names no existing account record.`,
    );
    expect(
      (
        await sb.one('account', 'A2', {
          name: 'Child',
          parentaccountid: parent.id as string,
          transactioncurrencyid: 'any-currency',
        })
      ).status,
    ).toBe('created');
    expect((await sb.one('contact', 'C1', { lastname: 'Lovelace', parentcustomerid: parent.id as string })).status).toBe(
      'created',
    );
    expect((await sb.one('account', 'A3', { name: 'Lookup to a missing contact', primarycontactid: missing })).error).toBe(
      `Attribute primarycontactid value "${missing}" names no existing contact record.`,
    );
  });

  it('given a record pointing at one created earlier in the same batch, accepts it', async () => {
    const results = await sb.box.upsert('account', [
      { sourceKey: 'P', values: { name: 'Parent' } },
      { sourceKey: 'C', values: { name: 'Child', parentaccountid: '' } },
    ]);
    const [parent] = results;
    const [child] = await sb.box.upsert('account', [
      { sourceKey: 'C', values: { name: 'Child', parentaccountid: parent?.id ?? null } },
    ]);
    expect(child).toMatchObject({ status: 'updated', previous: { parentaccountid: null } });
  });

  it('given an inactive, unknown or active owner, reports the first two and accepts the third', async () => {
    expect((await sb.one('account', 'A1', { name: 'Acme', ownerid: sb.userId('former@example.com') })).error).toBe(
      `Attribute ownerid value "${sb.userId('former@example.com')}" is an inactive user, and the destination accepts active owners only.`,
    );
    expect((await sb.one('account', 'A1', { name: 'Acme', ownerid: 'nobody' })).error).toBe(
      'Attribute ownerid value "nobody" is not a user of the destination (systemuser).',
    );
    expect((await sb.one('account', 'A1', { name: 'Acme', ownerid: sb.userId('grace@example.com') })).status).toBe('created');
  });

  it('given a batch with one broken record, writes the others and reports that one', async () => {
    const results = await sb.box.upsert('account', [
      { sourceKey: 'A1', values: { name: 'Acme' } },
      { sourceKey: 'A2', values: { name: 'Beta', numberofemployees: -1 } },
      { sourceKey: 'A3', values: { name: 'Gamma' } },
    ]);
    expect(results.map((r) => r.status)).toEqual(['created', 'failed', 'created']);
    expect(await sb.box.count('account')).toBe(2);
  });

  it('given an edit made with plain SQL, outside the engine, raises the row version a delta run checks', async () => {
    const created = await sb.one('account', 'A1', { name: 'Acme' });
    expect(await sb.box.versions('account', [created.id as string, 'no-such-id'])).toEqual(new Map([[created.id, '1']]));
    const db = new Sqlite(sb.temp.file('sandbox.db'));
    db.prepare('UPDATE account SET name = ? WHERE accountid = ?').run('Acme (edited)', created.id);
    db.close();
    expect(await sb.box.versions('account', [created.id as string])).toEqual(new Map([[created.id, '2']]));
  });

  it('given a record that carries its own primary id, keeps that id', async () => {
    const id = '0b7e3a8c-1111-4222-8333-444455556666';
    expect(await sb.one('account', 'A1', { accountid: id, name: 'Acme' })).toEqual({
      sourceKey: 'A1',
      id,
      status: 'created',
      version: '1',
    });
    expect((await sb.one('account', 'A1', { accountid: 'other', name: 'Acme' })).error).toBe(
      `Attribute accountid value "other" cannot be written: the record already has id "${id}".`,
    );
  });

  it('given an object that was not prepared, throws', async () => {
    await expect(sb.box.upsert('lead', [])).rejects.toThrow(
      "The sandbox has no table prepared for lead; name it in the setup's objects.",
    );
  });
});

describe('sandbox upsert (Salesforce)', () => {
  beforeEach(() => sb.openWith(SALESFORCE, ['Account', 'Contact', 'AccountContactRelation']));

  it('given dates outside 1700-01-01..4000-12-31, reports the Salesforce date range', async () => {
    expect((await sb.one('Contact', 'C1', { LastName: 'Old', Birthdate: '1699-12-31' })).error).toBe(
      'Attribute Birthdate value "1699-12-31" is before 1700-01-01, the earliest date the destination accepts.',
    );
    expect((await sb.one('Contact', 'C2', { LastName: 'Future', Birthdate: '4001-01-01' })).error).toBe(
      'Attribute Birthdate value "4001-01-01" is after 4000-12-31, the latest date the destination accepts.',
    );
    expect((await sb.one('Contact', 'C3', { LastName: 'Edge', Birthdate: '1700-01-01' })).status).toBe('created');
  });

  it('given an inactive owner, reports it; given an active one, returns an 18-character Contact id', async () => {
    const inactive = sb.userId('former@example.com');
    expect((await sb.one('Contact', 'C1', { LastName: 'X', OwnerId: inactive })).error).toMatch(/is an inactive user/);
    expect((await sb.one('Contact', 'C1', { LastName: 'X', OwnerId: sb.userId('grace@example.com') })).id).toMatch(
      /^003[0-9A-Za-z]{15}$/,
    );
  });

  it('given a multi-select value by labels, stores the option values joined by ;', async () => {
    const { id } = await sb.one('AccountContactRelation', 'R1', { Roles: 'economic buyer;Decision Maker' });
    expect((await sb.box.read('AccountContactRelation', [id as string])).get(id as string)).toMatchObject({
      Roles: 'Economic Buyer;Decision Maker',
    });
  });
});
