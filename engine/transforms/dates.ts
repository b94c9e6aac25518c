import type { ExportFormat } from '../spec/generated/platform-spec.js';
import { TransformError, type TransformDefinition } from './transform.js';
import { show, singleInput, type Scalar } from './define.js';
import { formatDate, formatDateTime, parseIso, parseWithFormat, type DateParts } from './date-format.js';

/**
 * Tries the platform's formats in order, then ISO 8601, which every platform's API and many of its exports also
 * write. The first format whose shape fits decides: a value shaped like the platform's format but naming no real day
 * is an error rather than a reason to try a looser reading.
 */
function parse(value: Scalar, formats: readonly string[], expected: string): DateParts {
  if (typeof value !== 'string') {
    throw new TransformError(`${show(value)} is not a date in the format ${expected}`);
  }
  for (const format of formats) {
    const result = parseWithFormat(value, format);
    if (result === undefined) continue;
    if ('problem' in result) {
      throw new TransformError(`${show(value)} is not a valid date in the format ${format}: ${result.problem}`);
    }
    return result;
  }
  const iso = parseIso(value);
  if (iso === undefined) throw new TransformError(`${show(value)} is not a date in the format ${expected}`);
  if ('problem' in iso) throw new TransformError(`${show(value)} is not a valid ISO 8601 date: ${iso.problem}`);
  return iso;
}

function distinct(...formats: string[]): string[] {
  return [...new Set(formats.filter((f) => f !== ''))];
}

const date = singleInput({
  name: 'date',
  description: "The source platform's date format (or ISO 8601) to an ISO date, YYYY-MM-DD.",
  apply(value, _call, { format }) {
    // A date column sometimes carries a midnight time; the date-time format is the second guess.
    return formatDate(parse(value, distinct(format.dateFormat, format.dateTimeFormat), expectation(format, 'date')));
  },
});

const datetime = singleInput({
  name: 'datetime',
  description: "The source platform's date-time format (or ISO 8601) to a UTC ISO date-time, YYYY-MM-DDTHH:mm:ssZ.",
  apply(value, _call, { format }) {
    // A bare date is midnight; source times without an offset are read as UTC (see formatDateTime).
    const formats = distinct(format.dateTimeFormat, format.dateFormat);
    return formatDateTime(parse(value, formats, expectation(format, 'datetime')));
  },
});

function expectation(format: ExportFormat, kind: 'date' | 'datetime'): string {
  const main = kind === 'date' ? format.dateFormat : format.dateTimeFormat;
  return `${main} (or ISO 8601 ${kind === 'date' ? 'YYYY-MM-DD' : 'YYYY-MM-DDTHH:mm:ssZ'})`;
}

export const DATE_TRANSFORMS: readonly TransformDefinition[] = [date, datetime];
