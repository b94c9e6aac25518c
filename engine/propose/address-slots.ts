import { words } from './normalise.js';

/** Address blocks by the word that names them: the first block (billing, mailing) and the second (shipping, other). */
const BLOCK: Record<string, 1 | 2> = {
  billing: 1, mailing: 1, primary: 1, main: 1, business: 1, postal: 1, invoice: 1,
  shipping: 2, other: 2, alternate: 2, secondary: 2, delivery: 2, alt: 2,
};

/** Address parts by their words, with the attribute part on each destination (Dataverse, Salesforce). */
const PART: Record<string, [string, string]> = {
  street: ['line1', 'Street'], address: ['line1', 'Street'], line1: ['line1', 'Street'],
  city: ['city', 'City'], town: ['city', 'City'],
  state: ['stateorprovince', 'State'], province: ['stateorprovince', 'State'],
  zip: ['postalcode', 'PostalCode'], zipcode: ['postalcode', 'PostalCode'], postcode: ['postalcode', 'PostalCode'], postalcode: ['postalcode', 'PostalCode'], code: ['postalcode', 'PostalCode'],
  country: ['country', 'Country'],
};

/**
 * The attributes an address header belongs in on either destination: `Billing Code` -> `address1_postalcode`,
 * `BillingPostalCode`; `Primary Address Street` -> `address1_line1`, `MailingStreet`. Empty when the header names no
 * address block and part.
 */
export function addressTargets(header: string): string[] {
  const w = words(header);
  const block = w.map((x) => BLOCK[x]).find((b) => b !== undefined);
  const last = w.at(-1) ?? '';
  const part = PART[last] ?? (last === 'code' || w.includes('postal') ? PART['postalcode'] : undefined);
  if (block === undefined || part === undefined || (w.length === 1 && last === 'address')) return [];
  const [dataverse, salesforce] = part;
  const prefixes = block === 1 ? ['Billing', 'Mailing', ''] : ['Shipping', 'Other'];
  return [`address${block}_${dataverse}`, ...prefixes.map((p) => `${p}${salesforce}`)];
}
