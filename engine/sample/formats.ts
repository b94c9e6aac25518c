import type { ExportFormat } from '../spec/generated/platform-spec.js';
import type { DateParts } from '../transforms/date-format.js';
import { writeWithFormat } from '../transforms/date-tokens.js';

/**
 * Writes values the way a source platform's export writes them, from the `export` block of its spec: dates in
 * `dateFormat`, date-times in `dateTimeFormat`, amounts with the currency symbol and separators. These are the
 * inverses of the engine's `date`, `datetime` and `money` transforms.
 */

/** The parts of a date-time the writer fills, the same ones the parser reads back. */
export type DateTimeParts = Omit<DateParts, 'offset'>;

/** Writes `parts` in a platform's date format (every token the engine reads). Parts need not form a real date. */
export function formatParts(parts: DateTimeParts, format: string, locale?: string): string {
  return writeWithFormat(parts, format, locale);
}

/** The UTC parts of an epoch time in milliseconds. */
export function partsOf(epochMs: number): DateTimeParts {
  const d = new Date(epochMs);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

export function formatDate(epochMs: number, format: ExportFormat): string {
  return formatParts(partsOf(epochMs), format.dateFormat, format.locale);
}

export function formatDateTime(epochMs: number, format: ExportFormat): string {
  return formatParts(partsOf(epochMs), format.dateTimeFormat, format.locale);
}

/** A value shaped like the platform's date format that names no real day: 31 February. */
export function impossibleDate(format: ExportFormat, kind: 'date' | 'datetime', year: number): string {
  const parts = { year, month: 2, day: 31, hour: 10, minute: 30, second: 0 };
  return formatParts(parts, kind === 'date' ? format.dateFormat : format.dateTimeFormat, format.locale);
}

function group(digits: string, separator: string): string {
  if (separator === '' || digits.length <= 3) return digits;
  let out = '';
  for (let i = digits.length; i > 0; i -= 3) out = digits.slice(Math.max(0, i - 3), i) + (out === '' ? '' : separator + out);
  return out;
}

/** An amount with the platform's currency symbol, thousands separator and decimal separator: `$12,500.00`. */
export function formatMoney(amount: number, format: ExportFormat): string {
  const [whole = '0', cents = '00'] = Math.abs(amount).toFixed(2).split('.');
  const body = `${group(whole, format.thousandsSeparator ?? ',')}${format.decimalSeparator ?? '.'}${cents}`;
  return `${amount < 0 ? '-' : ''}${format.currencySymbol ?? ''}${body}`;
}

/** A plain decimal in the platform's decimal separator, without grouping: `1234.5`. */
export function formatDecimal(value: number, format: ExportFormat, places: number): string {
  const text = places === 0 ? String(Math.round(value)) : value.toFixed(places);
  return text.replace('.', format.decimalSeparator ?? '.');
}

/** The ISO code a currency symbol stands for, for `Currency` columns next to amounts. */
export function currencyCode(format: ExportFormat): string {
  const symbol = format.currencySymbol ?? '';
  return ({ '£': 'GBP', '€': 'EUR', '¥': 'JPY', '₹': 'INR', kr: 'SEK', CHF: 'CHF' } as Record<string, string>)[symbol] ?? 'USD';
}
