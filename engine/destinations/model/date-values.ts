import { dateProblem } from '../../transforms/date-format.js';
import { isEmpty, type Coerce, type Reject, type ValueLimits } from './value-types.js';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
/** A date-time already as stored (UTC, whole seconds): what the engine's date transforms write. */
const STORED_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/**
 * `date`: `YYYY-MM-DD`, stored as given. `datetime`: ISO 8601, stored as UTC `YYYY-MM-DDTHH:mm:ssZ` (with
 * milliseconds when they are not zero); a value without an offset is taken to be UTC, as the engine's date
 * transforms do, and a bare date is midnight. Either way the day must lie within the destination's date range.
 */
export function dateCoercer(withTime: boolean, limits: ValueLimits, reject: Reject): Coerce {
  const kind = withTime ? 'an ISO date-time (YYYY-MM-DDTHH:mm:ssZ)' : 'a date in the form YYYY-MM-DD';
  const { dateMin, dateMax } = limits;
  return (value) => {
    if (isEmpty(value)) return null;
    if (typeof value !== 'string') return reject(value, `is not ${kind}`);
    const m = (withTime ? DATE_TIME : DATE).exec(value.trim());
    if (!m) return reject(value, `is not ${kind}`);
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const [hour, minute, second] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
    const zone = m[8] ?? 'Z';
    const offset =
      zone === 'Z' ? 0 : (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2)));
    // The same calendar check the date transforms make, so that both sides name the same impossible days.
    const problem = dateProblem({ year, month, day, hour, minute, second, offset });
    if (problem !== undefined) return reject(value, `is not a real ${withTime ? 'date-time' : 'date'}: ${problem}`);
    let stored = `${m[1]}-${m[2]}-${m[3]}`;
    // A value already in the stored form is stored as it is: moving it to UTC would give it back unchanged, and every
    // date-time a transform writes is in that form (checked once by the mapper and once by the sandbox, per row).
    if (withTime && STORED_DATE_TIME.test(value)) {
      stored = value;
    } else if (withTime) {
      const millis = Math.floor(Number(`0${m[7] ?? ''}`) * 1000);
      const instant = new Date(0);
      instant.setUTCFullYear(year, month - 1, day);
      instant.setUTCHours(hour, minute - offset, second, millis);
      const utcYear = instant.getUTCFullYear();
      if (utcYear < 1 || utcYear > 9999) return reject(value, 'is outside the years 0001 to 9999');
      stored =
        `${pad(utcYear, 4)}-${pad(instant.getUTCMonth() + 1)}-${pad(instant.getUTCDate())}` +
        `T${pad(instant.getUTCHours())}:${pad(instant.getUTCMinutes())}:${pad(instant.getUTCSeconds())}` +
        (instant.getUTCMilliseconds() === 0 ? '' : `.${pad(instant.getUTCMilliseconds(), 3)}`) +
        'Z';
    }
    const day10 = stored.slice(0, 10);
    if (dateMin !== undefined && day10 < dateMin) {
      return reject(value, `is before ${dateMin}, the earliest date the destination accepts`);
    }
    if (dateMax !== undefined && day10 > dateMax) {
      return reject(value, `is after ${dateMax}, the latest date the destination accepts`);
    }
    return stored;
  };
}
