import type { ExportFormat } from '../spec/generated/platform-spec.js';
import type { TransformCall } from '../spec/generated/pair-spec.js';
import { TransformError, type TransformDefinition } from './transform.js';
import { show, singleInput, type Scalar } from './define.js';
import { formatDate, formatDateTime, parseIso, parseWithFormat, type DateParts } from './date-format.js';

/**
 * Tries the candidate formats in order, then ISO 8601, which every platform's API and many of its exports also
 * write. The first format whose shape fits decides: a value shaped like a candidate but naming no real day is an
 * error rather than a reason to try a looser reading.
 */
function parse(value: Scalar, { all, expected }: Candidates, locale: string | undefined, kind: 'date' | 'datetime'): DateParts {
  if (typeof value !== 'string') {
    throw new TransformError(`${show(value)} is not a date in the format ${expectation(expected, kind)}`);
  }
  for (const format of all) {
    const result = parseWithFormat(value, format, locale);
    if (result === undefined) continue;
    if ('problem' in result) {
      throw new TransformError(`${show(value)} is not a valid date in the format ${format}: ${result.problem}`);
    }
    return result;
  }
  const iso = parseIso(value);
  if (iso === undefined) throw new TransformError(`${show(value)} is not a date in the format ${expectation(expected, kind)}`);
  if ('problem' in iso) throw new TransformError(`${show(value)} is not a valid ISO 8601 date: ${iso.problem}`);
  return iso;
}

interface Candidates {
  /** The formats of the kind asked for, named in the error when none fits. */
  expected: string[];
  /** Everything tried, in order. */
  all: string[];
}

/** The date formats a column is read with: the transform's own list, else the resolved format's candidates. */
export function dateCandidates(format: ExportFormat, kind: 'date' | 'datetime'): Candidates {
  const dates = format.dateFormats ?? [format.dateFormat];
  const dateTimes = format.dateTimeFormats ?? [format.dateTimeFormat];
  const expected = distinct(...(kind === 'date' ? dates : dateTimes));
  // A date column sometimes carries a midnight time, and a date-time column a bare date: the other kind is tried next.
  return { expected, all: distinct(...expected, ...(kind === 'date' ? dateTimes : dates)) };
}

function distinct(...formats: string[]): string[] {
  return [...new Set(formats.filter((f) => f !== ''))];
}

/**
 * The candidates found once per format or per listed formats rather than once per value: either stays the same for
 * every row of a file (the format is the field's, see format-scope; a step's own list is the spec's).
 */
const fromFormat = new WeakMap<ExportFormat, Record<'date' | 'datetime', Candidates | undefined>>();
const fromList = new WeakMap<readonly string[], Candidates>();

function candidates(call: TransformCall, format: ExportFormat, kind: 'date' | 'datetime'): Candidates {
  if (call.formats !== undefined) {
    let listed = fromList.get(call.formats);
    if (listed === undefined) fromList.set(call.formats, (listed = listedCandidates(call.formats)));
    return listed;
  }
  let kinds = fromFormat.get(format);
  if (kinds === undefined) fromFormat.set(format, (kinds = { date: undefined, datetime: undefined }));
  return (kinds[kind] ??= dateCandidates(format, kind));
}

function listedCandidates(formats: readonly string[]): Candidates {
  const listed = distinct(...formats);
  return { expected: listed, all: listed };
}

const date = singleInput({
  name: 'date',
  description:
    "The column's date formats (`formats`, else the source platform's, overridable per object, column and engagement) or ISO 8601 to an ISO date, YYYY-MM-DD.",
  args: [{ name: 'formats', required: false }],
  apply(value, call, { format }) {
    return formatDate(parse(value, candidates(call, format, 'date'), format.locale, 'date'));
  },
});

const datetime = singleInput({
  name: 'datetime',
  description:
    "The column's date-time formats (or ISO 8601) to a UTC ISO date-time, YYYY-MM-DDTHH:mm:ssZ; times without an offset are in the export's time zone (`timeZone`, else the engagement's or the platform's, else UTC).",
  args: [
    { name: 'formats', required: false },
    { name: 'timeZone', required: false },
  ],
  apply(value, call, { format }) {
    const parts = parse(value, candidates(call, format, 'datetime'), format.locale, 'datetime');
    return formatDateTime(parts, call.timeZone ?? format.timeZone ?? 'UTC');
  },
});

function expectation(formats: readonly string[], kind: 'date' | 'datetime'): string {
  return `${formats.join(' or ')} (or ISO 8601 ${kind === 'date' ? 'YYYY-MM-DD' : 'YYYY-MM-DDTHH:mm:ssZ'})`;
}

export const DATE_TRANSFORMS: readonly TransformDefinition[] = [date, datetime];
