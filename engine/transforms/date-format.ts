/**
 * The small date parser behind the `date` and `datetime` transforms. Platform specs write formats with the tokens
 * YYYY MM DD HH mm ss; every other character is a literal. There is no date library on purpose: the formats are
 * few and fixed, and a parser that rejects 31/02/2024 is shorter than the glue around a library.
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

export type DateToken = 'YYYY' | 'MM' | 'DD' | 'HH' | 'mm' | 'ss';
type Token = DateToken;
const TOKENS: readonly Token[] = ['YYYY', 'MM', 'DD', 'HH', 'mm', 'ss'];
export type FormatPiece = Token | { literal: string };

const pieces = new Map<string, readonly FormatPiece[]>();

/** A format split into its tokens and the literal text between them; shared by the parser and the sample writer. */
export function formatPieces(format: string): readonly FormatPiece[] {
  const cached = pieces.get(format);
  if (cached) return cached;
  const items: FormatPiece[] = [];
  for (let i = 0; i < format.length; ) {
    const token = TOKENS.find((t) => format.startsWith(t, i));
    if (token) {
      items.push(token);
      i += token.length;
    } else {
      const last = items.at(-1);
      if (last !== undefined && typeof last !== 'string') last.literal += format.charAt(i);
      else items.push({ literal: format.charAt(i) });
      i += 1;
    }
  }
  pieces.set(format, items);
  return items;
}
const FIELD: Record<Token, keyof DateParts> = {
  YYYY: 'year',
  MM: 'month',
  DD: 'day',
  HH: 'hour',
  mm: 'minute',
  ss: 'second',
};

interface Compiled {
  pattern: RegExp;
  fields: (keyof DateParts)[];
}

const compiled = new Map<string, Compiled>();

function compile(format: string): Compiled {
  const cached = compiled.get(format);
  if (cached) return cached;
  const items = formatPieces(format);
  const fields: (keyof DateParts)[] = [];
  let source = '';
  items.forEach((item, index) => {
    if (typeof item === 'string') {
      fields.push(FIELD[item]);
      // Exports written through spreadsheets drop leading zeros (3/5/2024). That is only unambiguous between literals;
      // in packed formats such as YYYYMMDD every token keeps its fixed width.
      const packed = typeof items[index + 1] === 'string' || typeof items[index - 1] === 'string';
      source += item === 'YYYY' ? '(\\d{4})' : packed ? '(\\d{2})' : '(\\d{1,2})';
    } else {
      source += item.literal.replace(/\s+|[^\s]/g, (c) => (/\s/.test(c) ? '\\s+' : escapeChar(c)));
    }
  });
  const result = { pattern: new RegExp(`^${source}$`, 'i'), fields };
  compiled.set(format, result);
  return result;
}

function escapeChar(c: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(c) ? `\\${c}` : c;
}

/** Parses a value written in `format`. Fields the format lacks are 1 (month, day) or 0 (time). */
export function parseWithFormat(value: string, format: string): ParseResult {
  const { pattern, fields } = compile(format);
  const match = pattern.exec(value.trim());
  if (!match) return undefined;
  const parts: DateParts = { year: 0, month: 1, day: 1, hour: 0, minute: 0, second: 0 };
  fields.forEach((field, i) => {
    parts[field] = Number(match[i + 1]);
  });
  return checkParts(parts);
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/** ISO 8601 as exports and APIs write it: a date, optionally a time with fractional seconds and `Z` or an offset. */
export function parseIso(value: string): ParseResult {
  const match = ISO.exec(value.trim());
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
  }
  return checkParts(parts);
}

const MONTHS = 'January February March April May June July August September October November December'.split(' ');

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function checkParts(parts: DateParts): DateParts | { problem: string } {
  const { year, month, day, hour, minute, second } = parts;
  if (year < 1) return { problem: `year ${year} does not exist` };
  if (month < 1 || month > 12) return { problem: `month ${month} does not exist` };
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) return { problem: `day ${day} does not exist in ${MONTHS[month - 1]} ${year}` };
  if (hour > 23) return { problem: `hour ${hour} does not exist` };
  if (minute > 59) return { problem: `minute ${minute} does not exist` };
  if (second > 59) return { problem: `second ${second} does not exist` };
  if (parts.offset !== undefined && Math.abs(parts.offset) > 18 * 60)
    return { problem: 'the UTC offset is out of range' };
  return parts;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `YYYY-MM-DD`, the calendar date as written (an offset does not move it to another day). */
export function formatDate(parts: DateParts): string {
  return `${pad(parts.year, 4)}-${pad(parts.month)}-${pad(parts.day)}`;
}

/**
 * `YYYY-MM-DDTHH:mm:ssZ`. A value without an offset is taken to be UTC already: exports rarely say which zone they
 * were written in, and guessing the exporting user's zone would shift every value by a different amount. A value
 * with an offset is moved to UTC.
 */
export function formatDateTime(parts: DateParts): string {
  const instant = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not read years below 100 as 19xx.
  instant.setUTCFullYear(parts.year, parts.month - 1, parts.day);
  instant.setUTCHours(parts.hour, parts.minute - (parts.offset ?? 0), parts.second, 0);
  const utc: DateParts = {
    year: instant.getUTCFullYear(),
    month: instant.getUTCMonth() + 1,
    day: instant.getUTCDate(),
    hour: instant.getUTCHours(),
    minute: instant.getUTCMinutes(),
    second: instant.getUTCSeconds(),
  };
  return `${formatDate(utc)}T${pad(utc.hour)}:${pad(utc.minute)}:${pad(utc.second)}Z`;
}
