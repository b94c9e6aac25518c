import { readdirSync, readFileSync } from 'node:fs';
import Sqlite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSandbox } from '../../../../engine/destinations/sandbox/index.js';
import type { Destination } from '../../../../engine/destinations/destination.js';
import { DATAVERSE, dump, SALESFORCE, setup, tempDir } from './fixtures.js';

let temp: ReturnType<typeof tempDir>;
let open: Destination[];

beforeEach(() => {
  temp = tempDir();
  open = [];
});

afterEach(async () => {
  for (const sandbox of open) await sandbox.close();
  temp.remove();
});

function sandbox(name = 'sandbox.db'): Destination {
  const created = createSandbox(temp.file(name));
  open.push(created);
  return created;
}

function columns(path: string, table: string): { name: string; type: string; pk: number }[] {
  const db = new Sqlite(path, { readonly: true });
  try {
    return db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string; type: string; pk: number }[];
  } finally {
    db.close();
  }
}

describe('sandbox open', () => {
  it('given objects, creates one table per object plus the user table, with typed columns and the source key', async () => {
    const box = sandbox();
    expect(await box.open(setup(DATAVERSE, ['account']))).toEqual([]);
    const account = columns(temp.file('sandbox.db'), 'account');
    expect(account.slice(0, 2)).toEqual([
      expect.objectContaining({ name: 'accountid', type: 'TEXT', pk: 1 }),
      expect.objectContaining({ name: '_source_key', type: 'TEXT', pk: 0 }),
    ]);
    const types = Object.fromEntries(account.map((c) => [c.name, c.type]));
    expect(types).toMatchObject({
      name: 'TEXT',
      numberofemployees: 'INTEGER',
      revenue: 'REAL',
      creditonhold: 'INTEGER',
      industrycode: 'INTEGER',
      parentaccountid: 'TEXT',
      createdon: 'TEXT',
    });
    expect(columns(temp.file('sandbox.db'), 'systemuser').length).toBeGreaterThan(0);
    expect(columns(temp.file('sandbox.db'), 'contact')).toEqual([]);
  });

  it('given a closed sandbox, leaves one plain SQLite file that another connection reads, without -wal or -shm files', async () => {
    const box = sandbox();
    await box.open(setup(DATAVERSE, ['account']));
    await box.upsert('account', [{ sourceKey: 'A1', values: { name: 'Acme' } }]);
    await box.close();
    expect(readdirSync(temp.dir).sort()).toEqual(['sandbox.db']);
    expect(dump(temp.file('sandbox.db'), 'account')).toEqual([
      expect.objectContaining({ _source_key: 'A1', name: 'Acme' }),
    ]);
  });

  it('given a custom attribute added on a later open, adds the column with ALTER TABLE and keeps the rows', async () => {
    const first = sandbox();
    await first.open(setup(DATAVERSE, ['account']));
    await first.upsert('account', [{ sourceKey: 'A1', values: { name: 'Acme' } }]);
    await first.close();

    const second = sandbox();
    const customAttributes = [
      {
        object: 'account',
        name: 'new_region',
        label: 'Region',
        type: 'picklist' as const,
        options: ['North', 'South'],
      },
    ];
    expect(await second.open(setup(DATAVERSE, ['account'], { customAttributes }))).toEqual([]);
    expect(columns(temp.file('sandbox.db'), 'account').map((c) => c.name)).toContain('new_region');
    const [result] = await second.upsert('account', [
      { sourceKey: 'A1', values: { name: 'Acme', new_region: 'north' } },
    ]);
    expect(result).toMatchObject({ status: 'updated', previous: { new_region: null } });
    expect(await second.count('account')).toBe(1);
  });

  it('given an object the destination spec lacks, reports it', async () => {
    expect(await sandbox().open(setup(DATAVERSE, ['account', 'invoice']))).toEqual([
      { object: 'invoice', message: 'Dynamics 365 Sales has no object invoice, so the sandbox has no table for it.' },
    ]);
  });
});

describe('sandbox edition limits', () => {
  const sixteen = Array.from({ length: 16 }, (_, i) => `new_table${i + 1}`);

  it('given 16 custom tables on Dynamics 365 Sales Professional, reports the 15-table limit', async () => {
    const problems = await sandbox().open(setup(DATAVERSE, ['account', ...sixteen], { edition: 'Sales Professional' }));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(
      /^Dynamics 365 Sales Sales Professional allows 15 custom tables, and this migration needs 16 \(new_table1, /,
    );
  });

  it('given 15 custom tables, or 16 on an edition without a limit, reports nothing', async () => {
    expect(
      await sandbox('a.db').open(setup(DATAVERSE, sixteen.slice(0, 15), { edition: 'Sales Professional' })),
    ).toEqual([]);
    expect(await sandbox('b.db').open(setup(DATAVERSE, sixteen, { edition: 'sales enterprise' }))).toEqual([]);
  });

  it('given custom tables an earlier run left in the file, counts them too', async () => {
    const first = sandbox();
    await first.open(setup(DATAVERSE, sixteen.slice(0, 10)));
    await first.close();
    const problems = await sandbox().open(setup(DATAVERSE, sixteen.slice(10), { edition: 'Sales Professional' }));
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/allows 15 custom tables, and this migration needs 16/),
    ]);
  });

  it('given an edition the spec does not know, reports it', async () => {
    const problems = await sandbox().open(setup(DATAVERSE, ['account'], { edition: 'Sales Basic' }));
    expect(problems[0]?.message).toBe(
      'Edition "Sales Basic" is not one of Dynamics 365 Sales\'s editions (Sales Professional, Sales Enterprise), so its limits were not checked.',
    );
  });
});

describe('sandbox users', () => {
  it('given Dataverse users, seeds systemuser with email, names and isdisabled, and returns them by lower-case email', async () => {
    const box = sandbox();
    await box.open(setup(DATAVERSE, ['account']));
    const users = await box.users();
    expect([...users.keys()]).toEqual(['ada.lovelace@example.com', 'former@example.com', 'grace@example.com']);
    expect(users.get('grace@example.com')).toMatchObject({ active: true, name: 'Grace Brewster Hopper' });
    expect(users.get('former@example.com')?.active).toBe(false);
    const grace = dump(temp.file('sandbox.db'), 'systemuser').find((r) =>
      (r as { fullname: string }).fullname.startsWith('Grace'),
    );
    expect(grace).toMatchObject({
      firstname: 'Grace Brewster',
      lastname: 'Hopper',
      isdisabled: 0,
      internalemailaddress: 'grace@example.com',
    });
  });

  it('given Salesforce users, seeds User with Email, Name, LastName and IsActive and 005 ids', async () => {
    const box = sandbox();
    await box.open(setup(SALESFORCE, ['Contact']));
    const users = await box.users();
    expect(users.get('ada.lovelace@example.com')?.id).toMatch(/^005[0-9A-Za-z]{15}$/);
    expect(dump(temp.file('sandbox.db'), 'User')).toContainEqual(
      expect.objectContaining({
        Email: 'former@example.com',
        Name: 'Former Employee',
        LastName: 'Employee',
        IsActive: 0,
      }),
    );
  });

  it('given the same users on a second open, keeps the same ids and updates the active flag', async () => {
    const first = sandbox();
    await first.open(setup(DATAVERSE, ['account']));
    const before = await first.users();
    await first.close();
    const second = sandbox();
    await second.open(
      setup(DATAVERSE, ['account'], {
        users: [{ email: 'former@example.com', name: 'Former Employee', active: true }],
      }),
    );
    const after = await second.users();
    expect(after.get('former@example.com')).toEqual({ ...before.get('former@example.com'), active: true });
    expect(after.size).toBe(3);
  });
});

describe('sandbox determinism', () => {
  it('given the same run twice into two files, writes byte-identical files', async () => {
    for (const name of ['one.db', 'two.db']) {
      const box = sandbox(name);
      await box.open(setup(SALESFORCE, ['Account', 'Contact']));
      const [account] = await box.upsert('Account', [{ sourceKey: 'A1', values: { Name: 'Acme' } }]);
      await box.upsert('Contact', [
        { sourceKey: 'C1', values: { LastName: 'Lovelace', AccountId: account?.id ?? null, Birthdate: '1815-12-10' } },
      ]);
      await box.close();
    }
    expect(dump(temp.file('one.db'), 'Contact')).toEqual(dump(temp.file('two.db'), 'Contact'));
    expect(readFileSync(temp.file('one.db')).equals(readFileSync(temp.file('two.db')))).toBe(true);
  });
});
