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
  // Dynamics' export labels number the blocks: `Address 1: Street 1`, `Address 2: City`.
  const numbered = w.findIndex((x, i) => x === 'address' && (w[i + 1] === '1' || w[i + 1] === '2'));
  const block = numbered >= 0 ? (Number(w[numbered + 1]) as 1 | 2) : w.map((x) => BLOCK[x]).find((b) => b !== undefined);
  const last = [...w].reverse().find((x) => !/^\d+$/.test(x)) ?? '';
  const part = PART[last] ?? (w.includes('postal') ? PART['postalcode'] : w.includes('country') ? PART['country'] : undefined);
  if (block === undefined || part === undefined || (last === 'address' && numbered < 0 && w.length === 1)) return [];
  const [dataverse, salesforce] = part;
  const prefixes = block === 1 ? ['Billing', 'Mailing', ''] : ['Shipping', 'Other'];
  return [`address${block}_${dataverse}`, ...prefixes.map((p) => `${p}${salesforce}`)];
}
