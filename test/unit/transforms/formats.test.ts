import { describe, it, expect } from 'vitest';
import type { TransformStep } from '../../../engine/spec/generated/pair-spec.js';
import { applyTransforms } from '../../../engine/transforms/registry.js';
import { compileFormat, missingUnits, writeWithFormat } from '../../../engine/transforms/date-tokens.js';
import { parseWithFormat } from '../../../engine/transforms/date-format.js';
import { TransformError, type FormatLayer, type TransformContext, type Value } from '../../../engine/transforms/transform.js';
import { FORMATS } from './fixtures.js';

/** A Zoho-like export: the platform says ISO, one object and one column say otherwise. */
function context(layers: FormatLayer[], timeZone?: string): TransformContext {
  return {
    format: { ...FORMATS.vtiger, ...(timeZone === undefined ? {} : { timeZone }) },
    stageTables: new Map(),
    formatLayers: layers,
  };
}

const MIXED: FormatLayer = {
  object: 'Potentials',
  column: 'Created Time',
  formats: { dateTimeFormats: ['DD MMM, YYYY HH:mm:ss', 'YYYY-MM-DD HH:mm:ss', 'MM/DD/YYYY hh:mm A'] },
};

const read = (ctx: TransformContext, value: Value, step: TransformStep = 'datetime', column = 'Created Time'): Value =>
  applyTransforms(value, step, ctx, { object: 'Potentials', columns: [column] });

function failure(ctx: TransformContext, value: Value, step: TransformStep = 'datetime', column?: string): string {
  try {
    read(ctx, value, step, column);
  } catch (error) {
    if (error instanceof TransformError) return error.message;
    throw error;
  }
  throw new Error('expected a TransformError');
}

describe('one column mixing three date-time formats', () => {
  it.each([
    ['16 Apr, 2021 00:02:00', '2021-04-16T00:02:00Z'],
    ['2021-04-15 23:03:00', '2021-04-15T23:03:00Z'],
    ['04/15/2021 11:03 PM', '2021-04-15T23:03:00Z'],
    // Month names and AM/PM in any case, spreadsheet padding and lost leading zeros.
    ['16 APR, 2021 00:02:00', '2021-04-16T00:02:00Z'],
    ['4/5/2021 9:03 am', '2021-04-05T09:03:00Z'],
    ['04/15/2021\u00a011:03\u202fPM ', '2021-04-15T23:03:00Z'],
    ['12/01/2021 12:15 AM', '2021-12-01T00:15:00Z'],
  ])('given %j, returns %j', (value, expected) => {
    expect(read(context([MIXED]), value)).toBe(expected);
  });

  it('given a value in none of the formats, names every format it tried', () => {
    expect(failure(context([MIXED]), '15-04-2021 23:03')).toBe(
      '"15-04-2021 23:03" is not a date in the format DD MMM, YYYY HH:mm:ss or YYYY-MM-DD HH:mm:ss or MM/DD/YYYY hh:mm A (or ISO 8601 YYYY-MM-DDTHH:mm:ssZ)',
    );
  });

  it('given the same value in another column, reads it with the platform format only', () => {
    expect(failure(context([MIXED]), '16 Apr, 2021 00:02:00', 'datetime', 'Modified Time')).toBe(
      '"16 Apr, 2021 00:02:00" is not a date in the format YYYY-MM-DD HH:mm:ss (or ISO 8601 YYYY-MM-DDTHH:mm:ssZ)',
    );
  });

  it('given a day that does not exist in a matching shape, says so rather than trying the next format', () => {
    expect(failure(context([MIXED]), '31 Apr, 2021 10:00:00')).toBe(
      '"31 Apr, 2021 10:00:00" is not a valid date in the format DD MMM, YYYY HH:mm:ss: day 31 does not exist in April 2021',
    );
  });

  it('given a date transform on the same column, reads the calendar date with the date-time formats', () => {
    expect(read(context([MIXED]), '04/15/2021 11:03 PM', 'date')).toBe('2021-04-15');
  });

  it('given formats on the transform itself, they win over the column', () => {
    const step: TransformStep = { name: 'datetime', formats: ['DD.MM.YYYY HH:mm'] };
    expect(read(context([MIXED]), '15.04.2021 23:03', step)).toBe('2021-04-15T23:03:00Z');
  });

  it('given month names in another language, reads them with the locale', () => {
    const layer: FormatLayer = { object: 'Potentials', formats: { dateFormats: ['DD MMM YYYY'], locale: 'es' } };
    expect(read(context([layer]), '16 abr 2021', 'date', 'Closing Date')).toBe('2021-04-16');
  });
});

describe('an export time zone across a change to and from summer time', () => {
  const newYork = context([MIXED], 'America/New_York');
  it.each([
    // Eastern Standard Time, UTC-5, until 2021-03-14 02:00.
    ['2021-03-13 12:00:00', '2021-03-13T17:00:00Z'],
    // Eastern Daylight Time, UTC-4, from the next day: the same wall-clock time is an hour earlier in UTC.
    ['2021-03-14 12:00:00', '2021-03-14T16:00:00Z'],
    // 02:30 does not exist that night; it is read as 03:30 EDT.
    ['2021-03-14 02:30:00', '2021-03-14T07:30:00Z'],
    // Back to EST on 2021-11-07: 01:30 happens twice and is read as the later one.
    ['2021-11-07 01:30:00', '2021-11-07T06:30:00Z'],
    ['2021-11-08 01:30:00', '2021-11-08T06:30:00Z'],
    // Every format of the column gets the zone, and it moves the date across midnight.
    ['04/15/2021 11:03 PM', '2021-04-16T03:03:00Z'],
    // A value that carries its own offset keeps it.
    ['2021-04-15T23:03:00+02:00', '2021-04-15T21:03:00Z'],
    ['2021-04-15T23:03:00Z', '2021-04-15T23:03:00Z'],
  ])('given %j written in New York, returns %j', (value, expected) => {
    expect(read(newYork, value)).toBe(expected);
  });

  it('given an engagement zone over the platform zone, the engagement wins', () => {
    const ctx = context([{ formats: { timeZone: 'Europe/Berlin' } }], 'America/New_York');
    expect(read(ctx, '2021-10-30 12:00:00', 'datetime', 'Modified Time')).toBe('2021-10-30T10:00:00Z');
    expect(read(ctx, '2021-10-31 12:00:00', 'datetime', 'Modified Time')).toBe('2021-10-31T11:00:00Z');
  });

  it('given a zone whose clocks move by half an hour within an hour, reads each minute of that hour by its own offset', () => {
    // Lord Howe Island: UTC+10:30, then from 2021-10-03 02:00 (which becomes 02:30) UTC+11.
    const lordHowe = context([MIXED], 'Australia/Lord_Howe');
    expect(read(lordHowe, '2021-10-03 02:50:00')).toBe('2021-10-02T15:50:00Z');
    expect(read(lordHowe, '2021-10-03 01:59:00')).toBe('2021-10-02T15:29:00Z');
    expect(read(lordHowe, '2021-10-03 02:40:00')).toBe('2021-10-02T15:40:00Z');
  });

  it('given a calendar date, does not move it by the zone', () => {
    expect(read(newYork, '2021-03-14', 'date')).toBe('2021-03-14');
  });
});

describe('compileFormat', () => {
  it.each([
    ['DD MMM, YYYY HH:mm:ss', []],
    ['MM/DD/YYYY hh:mm A', []],
    ['YYYY-MM-DDTHH:mm:ss.000Z', []],
    ['YYYY-MM-DD [at] HH:mm', []],
    ['DD MMM, YYYY HH:mm:SS', ['"SS" is not a date token ("ss" is)']],
    ['yyyy-MM-dd', ['"yyyy" is not a date token ("YYYY" is)', '"dd" is not a date token ("DD" is)']],
    ['YYYY-MM-DD at HH:mm', ['"at" is not a date token (text goes in brackets: "[at]")']],
    ['DD/MM/YYYY HH:mm A', ['a 24-hour hour (HH) cannot take an AM/PM marker; use hh']],
    ['DD/MM/YYYY hh:mm', ['a 12-hour hour (hh) needs an AM/PM marker (A)']],
    ['DD/MM/YYYY/MM', ['it names the month twice']],
  ])('given %j, finds %j', (format, problems) => {
    expect(compileFormat(format).problems).toEqual(problems);
  });

  it('given a format with a token in the wrong case, suggests the corrected format', () => {
    expect(compileFormat('DD MMM, YYYY HH:mm:SS').suggestion).toBe('DD MMM, YYYY HH:mm:ss');
  });

  it('given formats that do not name a whole date, lists what is missing', () => {
    expect(missingUnits('MM/YYYY', 'date')).toEqual(['day']);
    expect(missingUnits('DD/MM/YYYY', 'datetime')).toEqual(['hour']);
    expect(missingUnits('DD/MM/YYYY hh:mm A', 'datetime')).toEqual([]);
  });
});

describe('writeWithFormat, the sample writer', () => {
  const parts = { year: 2021, month: 4, day: 15, hour: 23, minute: 3, second: 7 };
  it.each([
    ['DD MMM, YYYY HH:mm:ss', 'en-US', '15 Apr, 2021 23:03:07'],
    ['MM/DD/YYYY hh:mm A', 'en-US', '04/15/2021 11:03 PM'],
    ['YYYY-MM-DDTHH:mm:ss.000Z', 'en-US', '2021-04-15T23:03:07.000Z'],
    ['DD [de] MMMM [de] YYYY HH:mm', 'es', '15 de abril de 2021 23:03'],
  ])('given %j in %s, writes %j and reads it back', (format, locale, written) => {
    expect(writeWithFormat(parts, format, locale)).toBe(written);
    expect(parseWithFormat(written, format, locale)).toMatchObject({ year: 2021, month: 4, day: 15, hour: 23, minute: 3 });
  });

  it('given a day that does not exist, writes it anyway, and the reader names the problem', () => {
    const written = writeWithFormat({ ...parts, month: 2, day: 31 }, 'DD MMM, YYYY');
    expect(written).toBe('31 Feb, 2021');
    expect(parseWithFormat(written, 'DD MMM, YYYY')).toEqual({ problem: 'day 31 does not exist in February 2021' });
  });
});
