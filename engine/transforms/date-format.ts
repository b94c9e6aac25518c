import { DateTime } from 'luxon';
import { normaliseSpaces } from './define.js';
import { compileFormat } from './date-tokens.js';

/**
 * Dates and date-times read from export values by Luxon, in the format language of date-tokens.ts, and written as
 * ISO 8601 in UTC. What is left here is the leniency exports need and sentences that say why a well-shaped value
 * names no real time.
 */

export interface DateParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** Minutes east of UTC when the value carries an offset; undefined when it does not. */
  offset?: number;
}

/** The parts; `undefined` when the value lacks the format's shape; or why a well-shaped value names no real time. */
export type ParseResult = DateParts | { problem: string } | undefined;


/** Offsets as exports write them (`Z`, `+0000`) in the one spelling Luxon's offset token reads. */
function normaliseOffset(value: string): string {
  return value.replace(/(?:\s*Z|([+-]\d{2})(\d{2}))$/i, (_all, hours?: string, minutes?: string) =>
    hours === undefined ? '+00:00' : `${hours}:${minutes ?? '00'}`,
  );
}

/** What Luxon's parser reports about one value; `matches` holds each token's reading (`M`, `d`, `H`, `Z`, …). */
interface Explained {
  matches?: Record<string, number> | null;
  result?: { year?: number } | null;
}

/**
 * Luxon's format parser with its regular expression compiled once: exports repeat one format millions of times.
 * `explainFromTokens` is the parser's own method behind `DateTime.fromFormatExplain`; using it directly skips
 * building a DateTime per value (the type declarations keep the parser opaque, hence the cast).
 */
const parsers = new Map<string, { explainFromTokens(input: string): Explained }>();

function parserFor(luxon: string, locale: string): { explainFromTokens(input: string): Explained } {
  const key = `${locale}\u0000${luxon}`;
  let parser = parsers.get(key);
  if (parser === undefined) {
    parser = DateTime.buildFormatParser(luxon, { locale }) as unknown as { explainFromTokens(input: string): Explained };
    parsers.set(key, parser);
  }
  return parser;
}

/** Parses a value written in `format`, month names in `locale`. Fields the format lacks are 1 (month, day) or 0. */
export function parseWithFormat(value: string, format: string, locale = 'en-US'): ParseResult {
  const compiled = compileFormat(format);
  if (compiled.problems.length > 0) return undefined;
  let text = normaliseSpaces(value);
  if (compiled.units.has('offset')) text = normaliseOffset(text);
  let explained: Explained;
  try {
    explained = parserFor(compiled.luxon, locale).explainFromTokens(text);
  } catch {
    return undefined;
  }
  const matches = explained.matches;
  if (matches === undefined || matches === null || Object.keys(matches).length === 0) return undefined;
  const got = (key: string, fallback: number): number => (typeof matches[key] === 'number' ? matches[key] : fallback);
  const parts: DateParts = {
    // Luxon has already widened a two-digit year and moved a 12-hour `h` by its AM/PM marker.
    year: explained.result?.year ?? 0,
    month: got('M', 1),
    day: got('d', 1),
    hour: got('H', got('h', 0)),
    minute: got('m', 0),
    second: got('s', 0),
  };
  if (matches.Z !== undefined) parts.offset = got('Z', 0);
  // Luxon reads the shape; whether the day exists is ours to say, in a sentence a person can act on.
  return checkParts(parts);
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/** ISO 8601 as exports and APIs write it: a date, optionally a time with fractional seconds and `Z` or an offset. */
export function parseIso(value: string): ParseResult {
  const match = ISO.exec(normaliseSpaces(value));
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second, zone] = match;
  const parts: DateParts = {
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hour: Number(hour ?? 0),
    minute: Number(minute ?? 0),
    second: Number(second ?? 0),
  };
  if (zone !== undefined && zone.toUpperCase() !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    parts.offset = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0));
  } else if (zone !== undefined) {
    parts.offset = 0;
  }
  return checkParts(parts);
}

const MONTHS = 'January February March April May June July August September October November December'.split(' ');

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Why the parts name no real moment (`day 29 does not exist in February 2023`), or undefined when they do. The one
 * calendar check: export values are read through it here, and destination values in destinations/model/date-values.
 */
export function dateProblem(parts: DateParts): string | undefined {
  const { year, month, day, hour, minute, second } = parts;
  if (year < 1) return `year ${year} does not exist`;
  if (month < 1 || month > 12) return `month ${month} does not exist`;
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) return `day ${day} does not exist in ${MONTHS[month - 1]} ${year}`;
  if (hour > 23) return `hour ${hour} does not exist`;
  if (minute > 59) return `minute ${minute} does not exist`;
  if (second > 59) return `second ${second} does not exist`;
  if (parts.offset !== undefined && Math.abs(parts.offset) > 18 * 60) return 'the UTC offset is out of range';
  return undefined;
}

function checkParts(parts: DateParts): DateParts | { problem: string } {
  const problem = dateProblem(parts);
  return problem === undefined ? parts : { problem };
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `YYYY-MM-DD`, the calendar date as written (an offset does not move it to another day). */
export function formatDate(parts: DateParts): string {
  return `${pad(parts.year, 4)}-${pad(parts.month)}-${pad(parts.day)}`;
}

/**
 * `YYYY-MM-DDTHH:mm:ssZ`. A value with an offset is moved to UTC by it; one without is a wall-clock time in the
 * export's time zone (an IANA name such as `Europe/Berlin`; UTC when the platform and the engagement name none), and
 * Luxon applies that zone's rules for the date, summer time included. A wall-clock time skipped when clocks go
 * forward is read one hour later; one repeated when they go back is read as the later (standard-time) instant.
 */
export function formatDateTime(parts: DateParts, timeZone = 'UTC'): string {
  // UTC and fixed offsets are arithmetic; only a named zone needs its rules for the day.
  if (parts.offset !== undefined || timeZone === 'UTC') return utcText(parts, parts.offset ?? 0);
  return utcText(parts, -zoneShift(parts, timeZone));
}

/** Minutes from a wall-clock time in `zone` to UTC, by Luxon, for whole local hours already seen. */
const hourShifts = new Map<string, number>();

/**
 * Asking Luxon for a zone's offset costs tens of microseconds, and exports hold millions of times that fall in far
 * fewer local hours. Clocks change at most once within an hour, so an hour whose first and last minute shift alike
 * shifts alike throughout and is kept; the hour of a change (or a zone that changes on the half hour) is computed
 * for each value.
 */
function zoneShift(parts: DateParts, zone: string): number {
  const key = `${zone}|${parts.year}|${parts.month}|${parts.day}|${parts.hour}`;
  const known = hourShifts.get(key);
  if (known !== undefined) return known;
  const first = shiftAt({ ...parts, minute: 0, second: 0 }, zone);
  const last = shiftAt({ ...parts, minute: 59, second: 59 }, zone);
  if (first !== last) return shiftAt(parts, zone);
  if (hourShifts.size > 200_000) hourShifts.clear();
  hourShifts.set(key, first);
  return first;
}

function shiftAt(parts: DateParts, zone: string): number {
  const { year, month, day, hour, minute, second } = parts;
  const local = DateTime.fromObject({ year, month, day, hour, minute, second }, { zone });
  if (!local.isValid) throw new Error(`cannot place ${formatDate(parts)} in time zone "${zone}": ${local.invalidExplanation ?? ''}`);
  return (local.toMillis() - utcMillis(parts, 0)) / 60_000;
}

/** The instant of `parts` read at `offset` minutes east of UTC (historical offsets carry seconds, hence seconds). */
function utcMillis(parts: DateParts, offset: number): number {
  const instant = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not read years below 100 as 19xx.
  instant.setUTCFullYear(parts.year, parts.month - 1, parts.day);
  return instant.setUTCHours(parts.hour, parts.minute, parts.second - Math.round(offset * 60), 0);
}

function utcText(parts: DateParts, offset: number): string {
  return `${new Date(utcMillis(parts, offset)).toISOString().slice(0, 19)}Z`;
}

/** True when `zone` is an IANA time zone name the runtime knows (`Europe/Berlin`, `UTC`). */
export function isTimeZone(zone: string): boolean {
  return DateTime.local({ zone }).isValid;
}
