import { DateTime } from 'luxon';
import { normaliseSpaces } from './define.js';

/**
 * Date formats as specs write them, read by Luxon. Specs keep the tokens they have always used (`YYYY-MM-DD HH:mm`,
 * the moment.js spelling most CRM documentation shows); this file translates them into Luxon's tokens, and Luxon
 * does the matching: month names in the export's language, 12-hour clocks, offsets. What is left here is the
 * translation, the leniency exports need, and sentences that say why a value or a format is wrong.
 *
 * Tokens: YYYY YY (year), MMMM MMM (month name, full or short), MM M (month), DD D (day), HH H (24-hour), hh h
 * (12-hour), A or a (AM/PM), mm m (minute), ss s (second), SSS (milliseconds), Z (`Z` or an offset such as `+02:00`),
 * ZZ (an offset). Text in square brackets is literal (`[at]`); so are punctuation, digits, spaces and a bare `T`.
 * Any other letter is a mistake the validator reports.
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
export type FormatPiece = DateToken | { literal: string };

type Unit = 'year' | 'month' | 'day' | 'hour' | 'hour12' | 'meridiem' | 'minute' | 'second' | 'millisecond' | 'offset';

interface TokenRule {
  token: string;
  luxon: string;
  unit: Unit;
  /** A two-digit token that accepts one digit when literals surround it (3/5/2024 for MM/DD/YYYY). */
  loose?: string;
}

// Longest first: the tokenizer takes the first rule that matches at a position.
const RULES: readonly TokenRule[] = [
  { token: 'YYYY', luxon: 'yyyy', unit: 'year' },
  { token: 'MMMM', luxon: 'MMMM', unit: 'month' },
  { token: 'MMM', luxon: 'MMM', unit: 'month' },
  { token: 'SSS', luxon: 'SSS', unit: 'millisecond' },
  { token: 'YY', luxon: 'yy', unit: 'year' },
  { token: 'MM', luxon: 'MM', unit: 'month', loose: 'M' },
  { token: 'DD', luxon: 'dd', unit: 'day', loose: 'd' },
  { token: 'HH', luxon: 'HH', unit: 'hour', loose: 'H' },
  { token: 'hh', luxon: 'hh', unit: 'hour12', loose: 'h' },
  { token: 'mm', luxon: 'mm', unit: 'minute', loose: 'm' },
  { token: 'ss', luxon: 'ss', unit: 'second', loose: 's' },
  { token: 'ZZ', luxon: 'ZZ', unit: 'offset' },
  { token: 'M', luxon: 'M', unit: 'month' },
  { token: 'D', luxon: 'd', unit: 'day' },
  { token: 'H', luxon: 'H', unit: 'hour' },
  { token: 'h', luxon: 'h', unit: 'hour12' },
  { token: 'm', luxon: 'm', unit: 'minute' },
  { token: 's', luxon: 's', unit: 'second' },
  { token: 'A', luxon: 'a', unit: 'meridiem' },
  { token: 'a', luxon: 'a', unit: 'meridiem' },
  { token: 'Z', luxon: 'ZZ', unit: 'offset' },
];

export const FORMAT_TOKENS: readonly string[] = RULES.map((r) => r.token);

/** Letters that may stand alone as literals: the ISO date/time separator. */
const LITERAL_LETTERS = new Set(['T']);

type Piece = { rule: TokenRule; at: number } | { literal: string; at: number; unknown?: boolean };

function tokenize(format: string): Piece[] {
  const pieces: Piece[] = [];
  const pushLiteral = (text: string, at: number): void => {
    const last = pieces.at(-1);
    if (last !== undefined && 'literal' in last && last.unknown !== true) last.literal += text;
    else pieces.push({ literal: text, at });
  };
  for (let i = 0; i < format.length; ) {
    if (format[i] === '[') {
      const end = format.indexOf(']', i + 1);
      const stop = end === -1 ? format.length : end;
      pushLiteral(format.slice(i + 1, stop), i);
      i = stop + 1;
      continue;
    }
    const word = /^\p{L}+/u.exec(format.slice(i))?.[0];
    if (word !== undefined) {
      // A run of letters is tokens only when all of it is ("DDMMYYYY", "THH"); otherwise it is one mistake, such as
      // "SS" or a word meant as text ("at"), reported once.
      const split = splitWord(word, i);
      if (split === undefined) pieces.push({ literal: word, at: i, unknown: true });
      for (const piece of split ?? []) {
        if ('rule' in piece) pieces.push(piece);
        else pushLiteral(piece.literal, piece.at);
      }
      i += word.length;
      continue;
    }
    pushLiteral(format.charAt(i), i);
    i += 1;
  }
  return pieces;
}

function splitWord(word: string, at: number): Piece[] | undefined {
  const out: Piece[] = [];
  for (let i = 0; i < word.length; ) {
    const rule = RULES.find((r) => word.startsWith(r.token, i));
    if (rule !== undefined) {
      out.push({ rule, at: at + i });
      i += rule.token.length;
    } else if (LITERAL_LETTERS.has(word.charAt(i))) {
      out.push({ literal: word.charAt(i), at: at + i });
      i += 1;
    } else {
      return undefined;
    }
  }
  return out;
}

export interface CompiledFormat {
  /** The format in Luxon's tokens. */
  luxon: string;
  units: ReadonlySet<Unit>;
  /** Why no value can ever match the format, one sentence each; empty when the format is sound. */
  problems: string[];
  /** The format with its unknown tokens replaced by the closest known ones, when there were any. */
  suggestion?: string;
}

const compiledFormats = new Map<string, CompiledFormat>();

const quote = (text: string): string => (text === '' ? '' : `'${text.replace(/'/g, "''")}'`);
const isToken = (piece: Piece | undefined): boolean => piece !== undefined && 'rule' in piece;

export function compileFormat(format: string): CompiledFormat {
  const cached = compiledFormats.get(format);
  if (cached) return cached;
  const pieces = tokenize(normaliseSpaces(format));
  const units = new Set<Unit>();
  const problems: string[] = [];
  let luxon = '';
  let suggestion = '';
  let suggested = false;
  pieces.forEach((piece, index) => {
    if ('literal' in piece) {
      luxon += quote(piece.literal);
      if (piece.unknown === true) {
        // A token in the wrong case ("SS", "yyyy") is the usual slip; anything else is text meant as a literal.
        const near = FORMAT_TOKENS.find((t) => t.toLowerCase() === piece.literal.toLowerCase());
        const fix = near ?? `[${piece.literal}]`;
        problems.push(near === undefined ? `"${piece.literal}" is not a date token (text goes in brackets: "${fix}")` : `"${piece.literal}" is not a date token ("${near}" is)`);
        suggestion += fix;
        suggested = true;
      } else {
        suggestion += /\p{L}/u.test(piece.literal) && !LITERAL_LETTERS.has(piece.literal) ? `[${piece.literal}]` : piece.literal;
      }
      return;
    }
    const { rule } = piece;
    if (units.has(rule.unit)) problems.push(`it names the ${describe(rule.unit)} twice`);
    units.add(rule.unit);
    // Spreadsheets drop leading zeros (3/5/2024); that is only unambiguous between literals, so packed formats such
    // as YYYYMMDD keep every token's fixed width.
    const packed = isToken(pieces[index - 1]) || isToken(pieces[index + 1]);
    luxon += rule.loose !== undefined && !packed ? rule.loose : rule.luxon;
    suggestion += rule.token;
  });
  if (units.has('hour12') && !units.has('meridiem')) {
    problems.push('a 12-hour hour (hh) needs an AM/PM marker (A)');
    suggestion += ' A';
    suggested = true;
  }
  if (units.has('meridiem') && units.has('hour')) {
    problems.push('a 24-hour hour (HH) cannot take an AM/PM marker; use hh');
    suggestion = suggestion.replace(/HH?/, (h) => h.toLowerCase());
    suggested = true;
  }
  if (units.has('meridiem') && !units.has('hour12') && !units.has('hour')) problems.push('an AM/PM marker (A) needs an hour (hh)');
  if (problems.length === 0 && !roundTrips(luxon)) problems.push('no value can match it');
  const result: CompiledFormat = { luxon, units, problems, ...(suggested ? { suggestion } : {}) };
  compiledFormats.set(format, result);
  return result;
}

function describe(unit: Unit): string {
  return unit === 'hour12' ? 'hour' : unit === 'meridiem' ? 'AM/PM marker' : unit;
}

/** A format that cannot read back what it writes can read nothing: tokens run into each other (YYYYMD). */
function roundTrips(luxon: string): boolean {
  const sample = DateTime.fromObject({ year: 2021, month: 11, day: 28, hour: 23, minute: 47, second: 59 }, { zone: 'UTC' });
  try {
    const back = DateTime.fromFormat(sample.toFormat(luxon), luxon, { zone: 'UTC', locale: 'en-US' });
    return back.isValid;
  } catch {
    return false;
  }
}

/** What a date format must name to be useful, beyond being able to match: a whole date, and for date-times an hour. */
export function missingUnits(format: string, kind: 'date' | 'datetime'): string[] {
  const { units } = compileFormat(format);
  const needed: Unit[] = kind === 'date' ? ['year', 'month', 'day'] : ['year', 'month', 'day', 'hour'];
  return needed.filter((u) => !units.has(u) && !(u === 'hour' && units.has('hour12')));
}

/** A format split into the basic tokens and the literal text between them, for the sample writer. */
export function formatPieces(format: string): readonly FormatPiece[] {
  const basic = new Set<string>(['YYYY', 'MM', 'DD', 'HH', 'mm', 'ss']);
  const items: FormatPiece[] = [];
  for (let i = 0; i < format.length; ) {
    const token = ['YYYY', 'MM', 'DD', 'HH', 'mm', 'ss'].find((t) => format.startsWith(t, i));
    if (token !== undefined && basic.has(token)) {
      items.push(token as DateToken);
      i += token.length;
    } else {
      const last = items.at(-1);
      if (last !== undefined && typeof last !== 'string') last.literal += format.charAt(i);
      else items.push({ literal: format.charAt(i) });
      i += 1;
    }
  }
  return items;
}

/** Offsets as exports write them (`Z`, `+0000`) in the one spelling Luxon's offset token reads. */
function normaliseOffset(value: string): string {
  return value.replace(/(?:\s*Z|([+-]\d{2})(\d{2}))$/i, (_all, hours?: string, minutes?: string) =>
    hours === undefined ? '+00:00' : `${hours}:${minutes ?? '00'}`,
  );
}

/** Parses a value written in `format`, month names in `locale`. Fields the format lacks are 1 (month, day) or 0. */
export function parseWithFormat(value: string, format: string, locale = 'en-US'): ParseResult {
  const compiled = compileFormat(format);
  if (compiled.problems.length > 0) return undefined;
  let text = normaliseSpaces(value);
  if (compiled.units.has('offset')) text = normaliseOffset(text);
  let explained: ReturnType<typeof DateTime.fromFormatExplain>;
  try {
    explained = DateTime.fromFormatExplain(text, compiled.luxon, { locale, zone: 'UTC' });
  } catch {
    return undefined;
  }
  const matches = explained.matches as Record<string, number> | undefined;
  if (matches === undefined || Object.keys(matches).length === 0) return undefined;
  const got = (key: string, fallback: number): number => (typeof matches[key] === 'number' ? matches[key] : fallback);
  const year = explained.result?.year ?? 0;
  // Luxon has already moved a 12-hour `h` by its AM/PM marker.
  const hour = got('H', got('h', 0));
  const parts: DateParts = {
    year,
    month: got('M', got('L', 1)),
    day: got('d', 1),
    hour,
    minute: got('m', 0),
    second: got('s', 0),
  };
  if (matches.Z !== undefined) parts.offset = got('Z', 0);
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
 * `YYYY-MM-DDTHH:mm:ssZ`. A value with an offset is moved to UTC by it; one without is a wall-clock time in the
 * export's time zone (an IANA name such as `Europe/Berlin`; UTC when the platform and the engagement name none), and
 * Luxon applies that zone's rules for the date, summer time included. A wall-clock time skipped when clocks go
 * forward is read one hour later; one repeated when they go back is read as the later (standard-time) instant.
 */
export function formatDateTime(parts: DateParts, timeZone = 'UTC'): string {
  const zone = parts.offset === undefined ? timeZone : parts.offset === 0 ? 'UTC' : `UTC${parts.offset > 0 ? '+' : '-'}${offsetText(parts.offset)}`;
  const { year, month, day, hour, minute, second } = parts;
  const local = DateTime.fromObject({ year, month, day, hour, minute, second }, { zone });
  if (!local.isValid) throw new Error(`cannot place ${formatDate(parts)} in time zone "${timeZone}": ${local.invalidExplanation ?? ''}`);
  const utc = local.toUTC();
  return `${pad(utc.year, 4)}-${pad(utc.month)}-${pad(utc.day)}T${pad(utc.hour)}:${pad(utc.minute)}:${pad(utc.second)}Z`;
}

function offsetText(offset: number): string {
  const minutes = Math.abs(offset);
  return `${Math.floor(minutes / 60)}:${pad(minutes % 60)}`;
}

/** True when `zone` is an IANA time zone name the runtime knows (`Europe/Berlin`, `UTC`). */
export function isTimeZone(zone: string): boolean {
  return DateTime.local({ zone }).isValid;
}
