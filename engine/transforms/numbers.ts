import type { ExportFormat } from '../spec/generated/platform-spec.js';
import { TransformError, type TransformDefinition } from './transform.js';
import { show, singleInput, type Scalar } from './define.js';

/** Symbols stripped whatever the platform says: exports carry amounts pasted in from other systems. */
const COMMON_SYMBOLS = ['$', '£', '€'];
/** An ISO 4217 code written before or after the amount: `USD 1,200`, `1.200,00 EUR`. */
const LEADING_CODE = /^[A-Z]{3}(?=[\s\d.,(+\-−]|$)/;
const TRAILING_CODE = /(?<=[\s\d.,)])[A-Z]{3}$/;
const SPACES = /[\s\u00a0\u202f]+/g;

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

  let rest = raw.replace(SPACES, ' ').trim();
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

  const body = numberPattern(decimal, thousands).exec(rest);
  if (!body) fail();
  const plain = rest.replace(thousandsClass(thousands), '').replace(decimal, '.');
  const result = Number(plain);
  if (!Number.isFinite(result)) fail();
  // Negating zero gives -0, which equality checks downstream (change detection, tests) tell apart from 0.
  return negative && result !== 0 ? -result : result;
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
    apply(value: Scalar, _call, { format }) {
      if (typeof value === 'boolean') throw new TransformError(`${show(value)} is not a number`);
      const result = typeof value === 'number' ? value : parseNumber(value, format, options);
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
    "An amount in the source's number format, currency marks stripped, to a number.",
    { allowPercent: false },
    false,
  ),
  numeric('number', "A number in the source's number format to a number.", { allowPercent: true }, false),
  numeric('integer', "A whole number in the source's number format to a number.", { allowPercent: true }, true),
];
