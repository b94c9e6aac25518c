import type { ExportFormat } from '../spec/generated/platform-spec.js';
import { isEmailShape } from '../transforms/contact.js';
import { parseIso, parseWithFormat } from '../transforms/date-format.js';
import { parseNumber } from '../transforms/numbers.js';

/**
 * The shapes one cell can be read as. A column's type is the most specific shape nearly all of its cells share, so
 * each cell reports every shape it fits (`1` is an integer, a decimal and a yes/no at once).
 */
export type Shape = 'boolean' | 'integer' | 'decimal' | 'money' | 'date' | 'datetime' | 'email' | 'url' | 'phone';

export const SHAPES: readonly Shape[] = ['boolean', 'integer', 'decimal', 'money', 'date', 'datetime', 'email', 'url', 'phone'];

/** Pairs of words exports write for yes and no; a column is boolean only when its values come from one pair. */
export const BOOLEAN_WORDS: ReadonlySet<string> = new Set(['true', 'false', 'yes', 'no', 'y', 'n', '1', '0', 'on', 'off', 'ja', 'nein', 'oui', 'non', 'x']);

const URL_SHAPE = /^(?:https?:\/\/|www\.)[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+(?::\d+)?(?:[/?#]\S*)?$/iu;
const PHONE_SHAPE = /^\+?[\d\s().\-/]+(?:\s*(?:x|ext\.?)\s*\d+)?$/i;
const INTEGER_SHAPE = /^[-+]?\d+$/;
/** Marks that make a number money and not a plain decimal: a currency symbol or an ISO code beside the digits. */
const CURRENCY_MARK = /[$£€¥₹]|(?:^|[\s\d])[A-Z]{3}(?:$|[\s\d])/;

export interface ShapeReader {
  shapes(value: string): Shape[];
  /** True when the value carries a currency mark or digit grouping: evidence of money a decimal never shows. */
  looksLikeMoney(value: string): boolean;
}

/** Reads cells the way the source platform writes them: its date formats and its number separators. */
export function shapeReader(format: ExportFormat): ShapeReader {
  const thousands = format.thousandsSeparator ?? ',';
  const readsAsNumber = (value: string): boolean => {
    try {
      parseNumber(value, format, { allowPercent: false });
      return true;
    } catch {
      return false;
    }
  };
  const fitsFormat = (value: string, pattern: string): boolean => {
    const parsed = parseWithFormat(value, pattern, format.locale);
    return parsed !== undefined && !('problem' in parsed);
  };
  const isoKind = (value: string): 'date' | 'datetime' | undefined => {
    const parsed = parseIso(value);
    if (parsed === undefined || 'problem' in parsed) return undefined;
    return value.length > 10 ? 'datetime' : 'date';
  };
  const looksLikeMoney = (value: string): boolean =>
    CURRENCY_MARK.test(value) || (thousands !== '' && value.includes(thousands) && readsAsNumber(value));
  return {
    looksLikeMoney,
    shapes(value) {
      const out: Shape[] = [];
      const lower = value.toLowerCase();
      if (BOOLEAN_WORDS.has(lower)) out.push('boolean');
      if (INTEGER_SHAPE.test(value)) out.push('integer');
      if (readsAsNumber(value)) {
        out.push('money');
        if (!looksLikeMoney(value)) out.push('decimal');
      }
      const iso = isoKind(value);
      // Every candidate format the platform declares counts, as the run's date transforms try them all.
      const isDateTime = (format.dateTimeFormats ?? [format.dateTimeFormat]).some((f) => fitsFormat(value, f)) || iso === 'datetime';
      if (!isDateTime && ((format.dateFormats ?? [format.dateFormat]).some((f) => fitsFormat(value, f)) || iso === 'date')) out.push('date');
      if (isDateTime) out.push('datetime');
      if (isEmailShape(value)) out.push('email');
      if (URL_SHAPE.test(value)) out.push('url');
      if (PHONE_SHAPE.test(value) && (value.match(/\d/g)?.length ?? 0) >= 7 && !INTEGER_SHAPE.test(value)) out.push('phone');
      return out;
    },
  };
}
