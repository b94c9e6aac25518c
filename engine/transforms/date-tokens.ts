import { DateTime, Info } from 'luxon';
import { normaliseSpaces } from './define.js';

/**
 * The date format language specs write, compiled to Luxon's tokens. Specs keep the tokens they have always used
 * (`YYYY-MM-DD HH:mm`, the moment.js spelling most CRM documentation shows): YYYY YY (year), MMMM MMM (month name,
 * full or short), MM M (month), DD D (day), HH H (24-hour), hh h (12-hour), A or a (AM/PM), mm m (minute), ss s
 * (second), SSS (milliseconds), Z (`Z` or an offset such as `+02:00`), ZZ (an offset). Text in square brackets is
 * literal (`[at]`); so are punctuation, digits, spaces and a bare `T`. Any other letter is a mistake, which
 * `compileFormat` describes and `validate` reports with the format probably meant.
 */

export type Unit = 'year' | 'month' | 'day' | 'hour' | 'hour12' | 'meridiem' | 'minute' | 'second' | 'millisecond' | 'offset';

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


/** The fields a written date shows; they need not form a real date (the sample writer plants 31 February). */
export interface WrittenParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const two = (n: number): string => String(n).padStart(2, '0');

/**
 * Writes `parts` in `format`, the inverse of reading it: month names and AM/PM in `locale` as Luxon reads them, `Z`
 * as UTC. The sample writer uses it to write exports the way a platform spec says they are written.
 */
export function writeWithFormat(parts: WrittenParts, format: string, locale = 'en-US'): string {
  const hour12 = parts.hour % 12 === 0 ? 12 : parts.hour % 12;
  const meridiem = Info.meridiems({ locale })[parts.hour < 12 ? 0 : 1] ?? (parts.hour < 12 ? 'AM' : 'PM');
  const write: Record<string, () => string> = {
    YYYY: () => String(parts.year).padStart(4, '0'),
    YY: () => two(parts.year % 100),
    MMMM: () => Info.months('long', { locale })[parts.month - 1] ?? two(parts.month),
    MMM: () => Info.months('short', { locale })[parts.month - 1] ?? two(parts.month),
    MM: () => two(parts.month),
    M: () => String(parts.month),
    DD: () => two(parts.day),
    D: () => String(parts.day),
    HH: () => two(parts.hour),
    H: () => String(parts.hour),
    hh: () => two(hour12),
    h: () => String(hour12),
    mm: () => two(parts.minute),
    m: () => String(parts.minute),
    ss: () => two(parts.second),
    s: () => String(parts.second),
    SSS: () => '000',
    A: () => meridiem,
    a: () => meridiem.toLowerCase(),
    Z: () => 'Z',
    ZZ: () => '+00:00',
  };
  return tokenize(format)
    .map((piece) => ('rule' in piece ? (write[piece.rule.token]?.() ?? piece.rule.token) : piece.literal))
    .join('');
}
