import { describe, expect, it } from 'vitest';
import { checkPlatform } from '../../../engine/spec/semantic/check-platform.js';
import type { PlatformSpec } from '../../../engine/spec/generated/platform-spec.js';

const source: PlatformSpec = {
  id: 'ledger',
  name: 'Ledger',
  roles: ['source'],
  summary: 'Deals in several currencies.',
  export: { method: 'CSV', dateFormat: 'YYYY-MM-DD', dateTimeFormat: 'YYYY-MM-DD HH:mm', references: 'id', owners: 'email' },
  objects: [{ name: 'deals', label: 'Deals', file: 'deals.csv', key: 'Deal Id', currencyColumn: 'Curency', fields: [{ name: 'Deal Id', type: 'id' }, { name: 'Currency', type: 'text' }] }],
};

describe('checkPlatform on currency declarations', () => {
  it('given a currency column the object does not have, names it with the column meant', () => {
    const found = checkPlatform('ledger.yaml', source).map((d) => [d.code, d.pointer, d.message]);
    expect(found).toEqual([['spec/unknown-column', '/objects/0/currencyColumn', expect.stringContaining('Did you mean "Currency"?')]]);
  });

  it('given currency records in a table the destination does not have, names the table', () => {
    const destination: PlatformSpec = {
      id: 'dest',
      name: 'Dest',
      roles: ['destination'],
      summary: 'A destination.',
      rules: { currency: { field: 'currencyid', record: { object: 'currencies', codeField: 'code' } } },
      objects: [{ name: 'currency', label: 'Currency', fields: [{ name: 'code', type: 'text' }] }],
    };
    const found = checkPlatform('dest.yaml', destination).map((d) => [d.code, d.pointer]);
    expect(found).toEqual([['spec/unknown-object', '/rules/currency/record/object']]);
  });
});
