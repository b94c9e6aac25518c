import { TransformError, type TransformContext, type TransformDefinition, type Value } from './transform.js';
import { isEmpty, isList, joinValues, list, normaliseSpaces, show } from './define.js';

/**
 * Which currency an amount or a currency column names, and what the engagement's rates make of it. Destinations
 * keep the currency beside each amount (Dataverse `transactioncurrencyid`, Salesforce `CurrencyIsoCode` in
 * multi-currency orgs); a single-currency destination wants amounts converted (`money` with `convert: true`).
 */

const ISO_CODES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

/** Symbols that name one currency. `$` and `kr` name several, so they mean the default when it is one of them. */
const SYMBOLS: readonly [string, string][] = [
  ['US$', 'USD'],
  ['C$', 'CAD'],
  ['A$', 'AUD'],
  ['R$', 'BRL'],
  ['€', 'EUR'],
  ['£', 'GBP'],
  ['¥', 'JPY'],
  ['₹', 'INR'],
  ['₩', 'KRW'],
  ['₺', 'TRY'],
  ['zł', 'PLN'],
  ['$', 'USD'],
];
const DOLLARS = new Set(['USD', 'CAD', 'AUD', 'NZD', 'SGD', 'HKD', 'MXN']);
const KRONER = new Set(['SEK', 'NOK', 'DKK', 'ISK']);

const namesByLocale = new Map<string, ReadonlyMap<string, string>>();

/** Every currency's display name in English and in the export's locale, lower-cased, to its ISO code. */
function currencyNames(locale: string | undefined): ReadonlyMap<string, string> {
  const key = locale ?? 'en';
  const cached = namesByLocale.get(key);
  if (cached !== undefined) return cached;
  const names = new Map<string, string>();
  for (const tag of [...new Set(['en', key])]) {
    const display = new Intl.DisplayNames([tag], { type: 'currency' });
    for (const code of ISO_CODES) {
      const name = display.of(code)?.toLowerCase();
      if (name !== undefined && name !== code.toLowerCase() && !names.has(name)) names.set(name, code);
    }
  }
  namesByLocale.set(key, names);
  return names;
}

/** The currency amounts are in when they name none: the column's or platform's `currency`, else the engagement's. */
export function defaultCurrency(context: TransformContext): string {
  return context.format.currency ?? context.currency?.code ?? 'USD';
}

/** The ISO code `text` names (`EUR`, `eur`, `€`, `1.234,56 €`, `USD 1,200`), or the default when it names none. */
export function currencyOf(text: string, context: TransformContext): string {
  const fallback = defaultCurrency(context);
  const value = normaliseSpaces(text);
  if (value === '') return fallback;
  const code = /(?:^|[^A-Za-z])([A-Za-z]{3})(?:$|[^A-Za-z])/.exec(value)?.[1]?.toUpperCase();
  if (code !== undefined && ISO_CODES.has(code)) return code;
  const symbol = context.format.currencySymbol;
  if (symbol !== undefined && symbol !== '' && value.includes(symbol) && context.format.currency !== undefined) return context.format.currency;
  if (/\bkr\b/i.test(value)) return KRONER.has(fallback) ? fallback : 'SEK';
  for (const [mark, iso] of SYMBOLS) {
    if (!value.includes(mark)) continue;
    return mark === '$' && DOLLARS.has(fallback) ? fallback : iso;
  }
  // Dynamics 365 exports write the currency's display name ("US Dollar", "Euro").
  const named = currencyNames(context.format.locale).get(value.toLowerCase());
  if (named !== undefined) return named;
  if (/\d/.test(value)) return fallback;
  const near = [...ISO_CODES].filter((c) => c.startsWith(value.slice(0, 1).toUpperCase())).slice(0, 5);
  throw new TransformError(`${show(text)} names no currency (an ISO code such as EUR, or a symbol such as €); codes like it: ${list(near)}`);
}

/** How many units of the engagement currency one unit of `code` is worth. */
function rateOf(code: string, context: TransformContext): number {
  const base = context.currency?.code ?? 'USD';
  if (code === base) return 1;
  const rate = context.currency?.rates.get(code);
  if (rate === undefined) {
    throw new TransformError(`no exchange rate from ${code} to ${base}: add { code: ${code}, rate: … } to options.rates in migration.yaml`);
  }
  return rate;
}

/** `amount` in `code` as an amount in the engagement's currency, to 4 decimals (what Dataverse money keeps). */
export function convertAmount(amount: number, code: string, context: TransformContext): number {
  return Math.round(amount * rateOf(code, context) * 10_000) / 10_000;
}

const textOf = (input: Value | readonly Value[]): string => {
  const value = isList(input) ? joinValues(input) : input;
  return isEmpty(value) ? '' : String(value);
};

const currency: TransformDefinition = {
  name: 'currency',
  description:
    "The ISO code of the currency a currency column or an amount names (`EUR`, `€`, `1.234,56 €`); when it names none, or without `from`, the column's or platform's `currency`, else the engagement's `options.currency`.",
  args: [],
  multiInput: true,
  apply(input, _call, context): Value {
    return currencyOf(textOf(input), context);
  },
};

const exchangeRate: TransformDefinition = {
  name: 'exchange-rate',
  description:
    "Units of the record's currency (named as for `currency`) per unit of the engagement's currency, from `options.rates`: 1 for the engagement's own currency. Dataverse's `exchangerate` convention.",
  args: [],
  multiInput: true,
  apply(input, _call, context): Value {
    const rate = rateOf(currencyOf(textOf(input), context), context);
    return Number((1 / rate).toPrecision(10));
  },
};

const enabledCurrency: TransformDefinition = {
  name: 'enabled-currency',
  description:
    "The ISO code `currency` gives, when the engagement can load amounts in it: its own `options.currency`, or one with a rate in `options.rates`. Any other is an error naming the currency and where to add its rate, so a record never lands with its amounts in a currency the destination was not told about.",
  args: [],
  multiInput: true,
  apply(input, _call, context): Value {
    const code = currencyOf(textOf(input), context);
    rateOf(code, context);
    return code;
  },
};

export const CURRENCY_TRANSFORMS: readonly TransformDefinition[] = [currency, exchangeRate, enabledCurrency];
