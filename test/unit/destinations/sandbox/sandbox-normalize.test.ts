import { beforeEach, describe, expect, it } from 'vitest';
import { DATAVERSE } from './fixtures.js';
import { useSandbox } from './harness.js';

const sb = useSandbox();

describe('sandbox normalize', () => {
  beforeEach(() => sb.openWith(DATAVERSE, ['account', 'contact']));

  it('given values as a mapping produces them, returns what upsert stores and read returns', async () => {
    const values = { name: 'Acme', numberofemployees: '10', revenue: '1500.50', creditonhold: 'yes', industrycode: 'accounting' };
    const { id } = await sb.one('account', 'A1', values);
    const stored = (await sb.box.read('account', [id as string], Object.keys(values))).get(id as string);
    expect(sb.box.normalize('account', values)).toEqual(stored);
    expect(stored).toEqual({ name: 'Acme', numberofemployees: 10, revenue: 1500.5, creditonhold: true, industrycode: 1 });
  });

  it('given a value the destination would reject or an attribute it lacks, returns it unchanged', () => {
    expect(sb.box.normalize('account', { industrycode: 'Not an option', numberofemployees: 'many', nosuchattribute: 'x', name: '' })).toEqual({
      industrycode: 'Not an option',
      numberofemployees: 'many',
      nosuchattribute: 'x',
      name: null,
    });
  });
});
