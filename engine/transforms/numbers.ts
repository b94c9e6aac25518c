import type { ExportFormat } from '../spec/generated/platform-spec.js';
import { TransformError, type TransformDefinition } from './transform.js';
import { normaliseSpaces, show, singleInput, type Scalar } from './define.js';
import { convertAmount, currencyOf } from './currency.js';

/** Symbols stripped whatever the platform says: exports carry amounts pasted in from other systems. */
const COMMON_SYMBOLS = ['$', '£', '€'];
/** An ISO 4217 code written before or after the amount: `USD 1,200`, `1.200,00 EUR`. */
const LEADING_CODE = /^[A-Z]{3}(?=[\s\d.,(+\-−]|$)/;
const TRAILING_CODE = /(?<=[\s\d.,)])[A-Z]{3}$/;
/** Dashboards and spreadsheets abbreviate: `$342.09K`, `1.2M`, `3B`. */
const SUFFIX = /^(.*[\d.,])\s?([KMB])$/i;
const SCALE: Record<string, number> = { k: 3, m: 6, b: 9 };

interface NumberOptions {
  /** `50%` reads as 50: percent fields such as probability hold 0 to 100. */
  allowPercent: boolean;
}

/**
 * Reads a number written the way the platform writes numbers. Grouping is checked, not just removed: a value from a
 * platform whose decimal separator was declared wrongly (12,50 read with `,` as thousands) must fail rather than
 * become 1250.
 */
export function parseNumber(raw: string, format: ExportFormat, options: NumberOptions): number {
  const decimal = format.decimalSeparator ?? '.';
  const thousands = format.thousandsSeparator ?? ',';
  const fail = (): never => {
    throw new TransformError(`${show(raw)} is not a number written like ${sample(decimal, thousands)}`);
  };

  let rest = normaliseSpaces(raw);
  let negative = false;
  let signs = 0;
  const symbols = [format.currencySymbol, ...COMMON_SYMBOLS]
    .filter((s): s is string => s !== undefined && s !== '')
    .sort((a, b) => b.length - a.length);

  // Peel signs, brackets and currency marks off both ends in whatever order the export wrote them: -$5, $-5, ($5).
  for (let changed = true; changed;) {
    changed = false;
    const before = rest;
    const sign = /^[-+−]/.exec(rest);
    if (sign) {
      signs += 1;
      negative = sign[0] !== '+';
      rest = rest.slice(1);
    } else if (rest.startsWith('(') && rest.endsWith(')')) {
      signs += 1;
      negative = true;
      rest = rest.slice(1, -1);
    }
    for (const symbol of symbols) {
      if (rest.startsWith(symbol)) rest = rest.slice(symbol.length);
      if (rest.endsWith(symbol)) rest = rest.slice(0, -symbol.length);
    }
    rest = rest.replace(LEADING_CODE, '').replace(TRAILING_CODE, '').trim();
    changed = rest !== before;
  }
  if (options.allowPercent && rest.endsWith('%')) rest = rest.slice(0, -1).trim();
  if (signs > 1) fail();
  const suffix = SUFFIX.exec(rest);
  if (suffix) rest = suffix[1] ?? '';

  const body = numberPattern(decimal, thousands).exec(rest);
  if (!body) fail();
  const plain = rest.replace(thousandsClass(thousands), '').replace(decimal, '.');
  const result = suffix ? shiftDecimal(plain, SCALE[(suffix[2] ?? '').toLowerCase()] ?? 0) : Number(plain);
  if (!Number.isFinite(result)) fail();
  // Negating zero gives -0, which equality checks downstream (change detection, tests) tell apart from 0.
  return negative && result !== 0 ? -result : result;
}

/** `plain` times 10^places, moved in the digits rather than multiplied, so 342.09K is 342090 and not 342090.00000000006. */
function shiftDecimal(plain: string, places: number): number {
  const [whole = '', fraction = ''] = plain.split('.');
  const padded = fraction.padEnd(places, '0');
  return Number(`${whole}${padded.slice(0, places)}.${padded.slice(places) || '0'}`);
}

/** Whitespace-like separators are interchangeable: French exports write U+202F where the spec says a space. */
function thousandsClass(thousands: string): RegExp {
  if (thousands.trim() === '') return / /g;
  if (thousands === "'" || thousands === '’') return /['’]/g;
  return new RegExp(escape(thousands), 'g');
}

function numberPattern(decimal: string, thousands: string): RegExp {
  const d = escape(decimal);
  const t = thousandsClass(thousands).source;
  // Groups of three, or the Indian lakh grouping (1,00,000): pairs first, then one final group of three.
  const grouped = thousands === '' ? '' : `|\\d{1,3}(?:${t}\\d{2})*(?:${t}\\d{3})+`;
  return new RegExp(`^(?:(?:\\d+${grouped})(?:${d}\\d+)?|${d}\\d+)$`);
}

function escape(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}

function sample(decimal: string, thousands: string): string {
  return `1${thousands}234${decimal}56`;
}

function numeric(name: string, description: string, options: NumberOptions, whole: boolean): TransformDefinition {
  return singleInput({
    name,
    description,
    args: name === 'money' ? [{ name: 'convert', required: false }] : [],
    apply(value: Scalar, call, context) {
      const { format } = context;
      if (typeof value === 'boolean') throw new TransformError(`${show(value)} is not a number`);
      let result = typeof value === 'number' ? value : parseNumber(value, format, options);
      if (call.convert === true) result = convertAmount(result, currencyOf(String(value), context), context);
      if (!Number.isFinite(result)) throw new TransformError(`${show(value)} is not a finite number`);
      // Rounding would hide data loss: 12.5 employees is a source problem for a person to look at.
      if (whole && !Number.isInteger(result)) throw new TransformError(`${show(value)} is not a whole number`);
      return result;
    },
  });
}

export const NUMBER_TRANSFORMS: readonly TransformDefinition[] = [
  numeric(
    'money',
    "An amount in the source's number format to a number: currency marks, grouping, brackets for negatives and K/M/B suffixes understood; `convert: true` converts it into the engagement's currency by its rates.",
    { allowPercent: false },
    false,
  ),
  numeric('number', "A number in the source's number format to a number.", { allowPercent: true }, false),
  numeric('integer', "A whole number in the source's number format to a number.", { allowPercent: true }, true),
];
