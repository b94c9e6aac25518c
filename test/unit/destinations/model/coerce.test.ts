import { describe, expect, it } from 'vitest';
import type { PlatformField } from '../../../../engine/spec/generated/platform-spec.js';
import { affinityOf, Rejection, valueCoercer, type SqlValue } from '../../../../engine/destinations/model/coerce.js';

const SALESFORCE_DATES = { dateMin: '1700-01-01', dateMax: '4000-12-31' };

function coerce(field: PlatformField, value: unknown, limits = {}): SqlValue | string {
  const result = valueCoercer(field, limits)(value);
  return result instanceof Rejection ? `rejected: ${result.message}` : result;
}

describe('valueCoercer', () => {
  const employees: PlatformField = { name: 'numberofemployees', type: 'integer', min: 0, max: 1000 };
  const revenue: PlatformField = { name: 'revenue', type: 'money', min: 0 };

  it('given whole numbers as numbers or text, returns the number', () => {
    expect(coerce(employees, 12)).toBe(12);
    expect(coerce(employees, ' 12 ')).toBe(12);
    expect(coerce(employees, '')).toBeNull();
    expect(coerce(employees, null)).toBeNull();
  });

  it('given a fraction or words for an integer, reports the type rule naming attribute and value', () => {
    expect(coerce(employees, 1.5)).toBe('rejected: Attribute numberofemployees value 1.5 is not a whole number.');
    expect(coerce(employees, 'twelve')).toBe(
      'rejected: Attribute numberofemployees value "twelve" is not a whole number.',
    );
    expect(coerce(revenue, true)).toBe('rejected: Attribute revenue value true is not a number.');
  });

  it('given numbers outside min and max, reports the bound', () => {
    expect(coerce(employees, 1001)).toBe(
      'rejected: Attribute numberofemployees value 1001 is above the maximum of 1000.',
    );
    expect(coerce(revenue, '-0.01')).toBe('rejected: Attribute revenue value "-0.01" is below the minimum of 0.');
    expect(coerce(revenue, '1234.5')).toBe(1234.5);
  });

  it('given yes/no words and numbers for a boolean, returns 1 or 0', () => {
    const flag: PlatformField = { name: 'donotemail', type: 'boolean' };
    expect([true, 'TRUE', '1', 'yes', 1].map((v) => coerce(flag, v))).toEqual([1, 1, 1, 1, 1]);
    expect([false, 'false', '0', 'No', 0].map((v) => coerce(flag, v))).toEqual([0, 0, 0, 0, 0]);
    expect(coerce(flag, 'maybe')).toBe(
      'rejected: Attribute donotemail value "maybe" is not a yes/no value (true or false).',
    );
  });

  it('given dates, returns YYYY-MM-DD and rejects impossible days', () => {
    const birthdate: PlatformField = { name: 'Birthdate', type: 'date' };
    expect(coerce(birthdate, '2024-02-29')).toBe('2024-02-29');
    expect(coerce(birthdate, '2023-02-29')).toBe(
      'rejected: Attribute Birthdate value "2023-02-29" is not a real date: day 29 does not exist in February 2023.',
    );
    expect(coerce(birthdate, '02/03/2024')).toBe(
      'rejected: Attribute Birthdate value "02/03/2024" is not a date in the form YYYY-MM-DD.',
    );
  });

  it('given Salesforce dates outside 1700..4000, reports the date range', () => {
    const birthdate: PlatformField = { name: 'Birthdate', type: 'date' };
    expect(coerce(birthdate, '1700-01-01', SALESFORCE_DATES)).toBe('1700-01-01');
    expect(coerce(birthdate, '4000-12-31', SALESFORCE_DATES)).toBe('4000-12-31');
    expect(coerce(birthdate, '1699-12-31', SALESFORCE_DATES)).toBe(
      'rejected: Attribute Birthdate value "1699-12-31" is before 1700-01-01, the earliest date the destination accepts.',
    );
    expect(coerce(birthdate, '4001-01-01', SALESFORCE_DATES)).toBe(
      'rejected: Attribute Birthdate value "4001-01-01" is after 4000-12-31, the latest date the destination accepts.',
    );
  });

  it('given date-times with offsets, bare dates or no zone, returns UTC YYYY-MM-DDTHH:mm:ssZ', () => {
    const created: PlatformField = { name: 'overriddencreatedon', type: 'datetime' };
    expect(coerce(created, '2024-03-01T10:15:00+02:00')).toBe('2024-03-01T08:15:00Z');
    expect(coerce(created, '2024-03-01 10:15')).toBe('2024-03-01T10:15:00Z');
    expect(coerce(created, '2024-03-01')).toBe('2024-03-01T00:00:00Z');
    expect(coerce(created, '2024-03-01T10:15:00.250Z')).toBe('2024-03-01T10:15:00.250Z');
    expect(coerce(created, '2024-03-01T24:00:00Z')).toBe(
      'rejected: Attribute overriddencreatedon value "2024-03-01T24:00:00Z" is not a real date-time: hour 24 does not exist.',
    );
    expect(coerce(created, '1752-12-31T23:00:00Z', { dateMin: '1753-01-01' })).toMatch(/is before 1753-01-01/);
  });

  it('given date-times already in the stored form, keeps them as written and still refuses days that do not exist', () => {
    const created: PlatformField = { name: 'overriddencreatedon', type: 'datetime' };
    expect(coerce(created, '2024-02-29T23:59:59Z')).toBe('2024-02-29T23:59:59Z');
    expect(coerce(created, '9999-12-31T23:59:59Z')).toBe('9999-12-31T23:59:59Z');
    expect(coerce(created, '2023-02-29T10:00:00Z')).toBe(
      'rejected: Attribute overriddencreatedon value "2023-02-29T10:00:00Z" is not a real date-time: day 29 does not exist in February 2023.',
    );
    expect(coerce(created, '0000-01-01T00:00:00Z')).toMatch(/is not a real date-time: year 0 does not exist/);
    expect(coerce(created, '1753-01-01T00:00:00Z', { dateMin: '1753-01-01' })).toBe('1753-01-01T00:00:00Z');
    expect(coerce(created, ' 2024-03-01T10:15:00Z ')).toBe('2024-03-01T10:15:00Z');
  });

  it('given text within and beyond maxLength, counts characters rather than UTF-16 units', () => {
    const ticker: PlatformField = { name: 'tickersymbol', type: 'text', maxLength: 3 };
    expect(coerce(ticker, '😀😀😀')).toBe('😀😀😀');
    expect(coerce(ticker, 'ABCD')).toBe(
      'rejected: Attribute tickersymbol value "ABCD" is 4 characters long, over the maximum of 3.',
    );
    expect(coerce(ticker, 42)).toBe('42');
    expect(coerce(ticker, false)).toBe('rejected: Attribute tickersymbol value false is not text.');
  });

  describe('options', () => {
    const industry: PlatformField = {
      name: 'industrycode',
      type: 'picklist',
      options: [
        { value: 1, label: 'Accounting' },
        { value: 2, label: 'Agriculture' },
      ],
    };
    const stage: PlatformField = {
      name: 'StageName',
      type: 'picklist',
      options: [
        { value: 'Prospecting', label: 'Prospecting' },
        { value: 'Closed Won', label: 'Closed Won' },
      ],
    };

    it('given an option label in any case, returns the option value', () => {
      expect(coerce(industry, 'agriculture')).toBe(2);
      expect(coerce(industry, 'ACCOUNTING')).toBe(1);
      expect(coerce(stage, 'closed won')).toBe('Closed Won');
    });

    it('given an option value as number or text, returns the value in the column type', () => {
      expect(coerce(industry, 2)).toBe(2);
      expect(coerce(industry, '1')).toBe(1);
      expect(affinityOf(industry)).toBe('INTEGER');
      expect(affinityOf(stage)).toBe('TEXT');
    });

    it('given a value that is no option, reports the options', () => {
      expect(coerce(industry, 'Mining')).toBe(
        'rejected: Attribute industrycode value "Mining" is not one of its options (1 Accounting, 2 Agriculture).',
      );
      expect(coerce(industry, 7)).toMatch(/value 7 is not one of its options/);
    });

    it('given a picklist without options in the spec, returns the value as text', () => {
      expect(coerce({ name: 'TimeZoneSidKey', type: 'picklist' }, 'Europe/Paris')).toBe('Europe/Paris');
    });

    it('given a multi-select list, resolves each ;-separated part and rejects an unknown part', () => {
      const roles: PlatformField = {
        name: 'Roles',
        type: 'multipicklist',
        options: [
          { value: 'Business User', label: 'Business User' },
          { value: 'Decision Maker', label: 'Decision Maker' },
        ],
      };
      expect(coerce(roles, 'decision maker; Business User;;Decision Maker')).toBe('Decision Maker;Business User');
      expect(coerce(roles, 'Business User;Buyer')).toBe(
        'rejected: Attribute Roles value "Business User;Buyer" has "Buyer", which is not one of its options (Business User, Decision Maker).',
      );
    });
  });

  it('given lookups, accepts non-empty text ids and rejects other values', () => {
    const parent: PlatformField = { name: 'parentaccountid', type: 'lookup', targets: ['account'] };
    expect(coerce(parent, 'b1e0…')).toBe('b1e0…');
    expect(coerce(parent, 42)).toBe('rejected: Attribute parentaccountid value 42 is not a record id.');
  });
});
