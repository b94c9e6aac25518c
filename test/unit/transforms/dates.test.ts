import { describe, it, expect } from 'vitest';
import type { Value } from '../../../engine/transforms/transform.js';
import { daysInMonth } from '../../../engine/transforms/date-format.js';
import type { TransformCall } from '../../../engine/spec/generated/pair-spec.js';
import { applyTransforms } from '../../../engine/transforms/registry.js';
import { contextFor, failure, run, type PlatformName } from './fixtures.js';

describe('date', () => {
  it.each<[PlatformName, Value, Value]>([
    // US, MM/DD/YYYY
    ['us', '03/05/2024', '2024-03-05'],
    ['us', '3/5/2024', '2024-03-05'],
    ['us', '12/31/1999', '1999-12-31'],
    ['us', '02/29/2024', '2024-02-29'],
    ['us', '03/05/2024 14:30', '2024-03-05'],
    ['us', ' 03/05/2024 ', '2024-03-05'],
    // UK, DD/MM/YYYY
    ['uk', '05/03/2024', '2024-03-05'],
    ['uk', '31/12/2024', '2024-12-31'],
    ['uk', '29/02/2000', '2000-02-29'],
    // Vtiger, YYYY-MM-DD
    ['vtiger', '2024-03-05', '2024-03-05'],
    ['vtiger', '2024-03-05 09:15:00', '2024-03-05'],
    // Salesforce dates are ISO; date-times carry .000Z
    ['salesforce', '2024-03-05', '2024-03-05'],
    ['salesforce', '2024-03-05T23:30:00.000Z', '2024-03-05'],
    // The calendar date as written, even with an offset
    ['salesforce', '2024-03-05T23:30:00-05:00', '2024-03-05'],
    // Other formats
    ['german', '05.03.2024', '2024-03-05'],
    ['compact', '20240305', '2024-03-05'],
    // ISO is accepted whatever the platform writes
    ['uk', '2024-03-05', '2024-03-05'],
    ['us', '2024-03-05T14:30:00Z', '2024-03-05'],
    ['us', '', null],
    ['uk', null, null],
  ])('%s: given %j, returns %j', (platform, input, expected) => {
    expect(run('date', input, platform)).toBe(expected);
  });

  it.each<[PlatformName, Value, string]>([
    [
      'uk',
      '31/02/2024',
      '"31/02/2024" is not a valid date in the format DD/MM/YYYY: day 31 does not exist in February 2024',
    ],
    ['us', '02/29/2023', 'day 29 does not exist in February 2023'],
    ['us', '02/29/1900', 'day 29 does not exist in February 1900'],
    ['us', '13/01/2024', 'month 13 does not exist'],
    ['uk', '00/01/2024', 'day 0 does not exist'],
    ['vtiger', '2024-04-31', 'day 31 does not exist in April 2024'],
    ['us', '2024-13-01', '"2024-13-01" is not a valid ISO 8601 date: month 13 does not exist'],
    ['us', 'tomorrow', '"tomorrow" is not a date in the format MM/DD/YYYY (or ISO 8601 YYYY-MM-DD)'],
    ['uk', '5 March 2024', 'is not a date in the format DD/MM/YYYY'],
    ['us', '03-05-2024', 'is not a date in the format MM/DD/YYYY'],
    ['compact', '2024035', 'is not a date in the format YYYYMMDD'],
    ['us', 45356, '45356 is not a date'],
  ])('%s: given %j, throws a TransformError saying %j', (platform, input, message) => {
    expect(failure('date', input, platform).message).toContain(message);
  });
});

describe('datetime', () => {
  it.each<[PlatformName, Value, Value]>([
    ['us', '03/05/2024 14:30', '2024-03-05T14:30:00Z'],
    ['us', '3/5/2024 9:05', '2024-03-05T09:05:00Z'],
    ['us', '03/05/2024', '2024-03-05T00:00:00Z'],
    ['uk', '05/03/2024 14:30:15', '2024-03-05T14:30:15Z'],
    ['uk', '31/12/2024 23:59:59', '2024-12-31T23:59:59Z'],
    ['vtiger', '2024-03-05 14:30:15', '2024-03-05T14:30:15Z'],
    ['vtiger', '2024-03-05', '2024-03-05T00:00:00Z'],
    ['salesforce', '2024-03-05T14:30:15.000Z', '2024-03-05T14:30:15Z'],
    ['salesforce', '2024-03-05T14:30:15.123Z', '2024-03-05T14:30:15Z'],
    ['salesforce', '2024-03-05T14:30:15.000+0000', '2024-03-05T14:30:15Z'],
    // Offsets move the instant to UTC, across day and year boundaries
    ['salesforce', '2024-03-05T01:30:00+02:00', '2024-03-04T23:30:00Z'],
    ['salesforce', '2023-12-31T22:00:00-05:00', '2024-01-01T03:00:00Z'],
    ['german', '05.03.2024 08:00', '2024-03-05T08:00:00Z'],
    ['compact', '20240305143015', '2024-03-05T14:30:15Z'],
    ['us', '2024-03-05 14:30', '2024-03-05T14:30:00Z'],
    ['us', '', null],
  ])('%s: given %j, returns %j', (platform, input, expected) => {
    expect(run('datetime', input, platform)).toBe(expected);
  });

  it.each<[PlatformName, Value, string]>([
    ['uk', '31/02/2024 10:00:00', 'is not a valid date in the format DD/MM/YYYY HH:mm:ss: day 31 does not exist'],
    ['us', '03/05/2024 25:00', 'hour 25 does not exist'],
    ['vtiger', '2024-03-05 10:60:00', 'minute 60 does not exist'],
    ['salesforce', '2024-03-05T10:00:61.000Z', 'second 61 does not exist'],
    [
      'salesforce',
      'yesterday at noon',
      'is not a date in the format YYYY-MM-DDTHH:mm:ss.000Z (or ISO 8601 YYYY-MM-DDTHH:mm:ssZ)',
    ],
    ['uk', '05/03/2024 14:30', 'is not a date in the format DD/MM/YYYY HH:mm:ss'],
  ])('%s: given %j, throws a TransformError saying %j', (platform, input, message) => {
    expect(failure('datetime', input, platform).message).toContain(message);
  });
});

describe('one date step read in several formats', () => {
  it("given the same step over two exports' formats in turn, reads each value in its own export's formats", () => {
    const step: TransformCall = { name: 'datetime' };
    expect(applyTransforms('03/05/2024 14:30', step, contextFor('us'))).toBe('2024-03-05T14:30:00Z');
    expect(applyTransforms('03/05/2024 14:30:00', step, contextFor('uk'))).toBe('2024-05-03T14:30:00Z');
    expect(applyTransforms('03/05/2024 14:30', step, contextFor('us'))).toBe('2024-03-05T14:30:00Z');
    expect(() => applyTransforms('2024/05/03', step, contextFor('uk'))).toThrow('is not a date in the format DD/MM/YYYY HH:mm:ss (or ISO 8601');
  });

  it("given a step with its own formats, reads with those whatever the export's are", () => {
    const step: TransformCall = { name: 'date', formats: ['DD.MM.YYYY'] };
    expect(applyTransforms('05.03.2024', step, contextFor('us'))).toBe('2024-03-05');
    expect(applyTransforms('06.03.2024', step, contextFor('uk'))).toBe('2024-03-06');
    expect(() => applyTransforms('03/05/2024', step, contextFor('us'))).toThrow('is not a date in the format DD.MM.YYYY (or ISO 8601 YYYY-MM-DD)');
  });
});

describe('daysInMonth', () => {
  it.each([
    [2024, 2, 29],
    [2023, 2, 28],
    [1900, 2, 28],
    [2000, 2, 29],
    [2024, 4, 30],
    [2024, 12, 31],
  ])('given %i-%i, returns %i', (year, month, expected) => {
    expect(daysInMonth(year, month)).toBe(expected);
  });
});
