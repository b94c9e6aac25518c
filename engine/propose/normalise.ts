import { nameWords } from '../util/name-words.js';

/** Name normalisation shared by the field matcher: headers and attribute names reduced to comparable words. */

/** Platform decoration stripped before comparing: custom-field prefixes and suffixes, address-slot prefixes. */
const PREFIXES = [/^new_/, /^cf_/, /^address[12]_/, /^billto_/, /^shipto_/, /^msdyn_/];
const SUFFIXES = [/__c$/];

/** Words that carry no meaning of their own in a field name ("Fax Number", "SIC Code", "Assistant Name"). */
export const NOISE_WORDS = new Set(['number', 'code', 'name', 'the', 'of', 'a', 'c', 'id', 'field', 'custom', 'cf']);

/** Spelling variants folded to one word. */
const WORD_FORMS: Record<string, string> = {
  tel: 'phone',
  telephone: 'phone',
  ph: 'phone',
  cell: 'mobile',
  cellular: 'mobile',
  no: 'number',
  nr: 'number',
  num: 'number',
  dept: 'department',
  addr: 'address',
  organisation: 'organization',
  // Abbreviations tenants use in field names.
  alt: 'alternate',
  mgr: 'manager',
  cnt: 'count',
  emp: 'employee',
  acct: 'account',
  cust: 'customer',
  qty: 'quantity',
  amt: 'amount',
  email: 'email',
  mail: 'mail',
  e: 'e',
};

/** Strips platform decoration (`new_`, `cf_`, `__c`, `address1_`) from a name. */
export function stripDecoration(name: string): string {
  let out = name.trim();
  for (const s of SUFFIXES) out = out.replace(s, '');
  const lower = out.toLowerCase();
  for (const p of PREFIXES) {
    const m = p.exec(lower);
    if (m) {
      out = out.slice(m[0].length);
      break;
    }
  }
  return out;
}

/** Lower-case words of a name: splits camelCase, separators and digits, folds spelling variants. */
export function words(name: string): string[] {
  return nameWords(stripDecoration(name).replace(/e-mail/gi, 'email'), { splitDigits: true })
    .map((w) => WORD_FORMS[w] ?? w)
    .map((w) => (w.length > 4 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w));
}

/** Meaningful words only. */
export function keyWords(name: string): string[] {
  const all = words(name);
  const kept = all.filter((w) => !NOISE_WORDS.has(w));
  return kept.length > 0 ? kept : all;
}

/** The name as one lower-case alphanumeric run, decoration stripped (`Fax_Number__c` -> `faxnumber`). */
export function compact(name: string): string {
  return words(name).join('');
}

/** Meaningful words as one run (`Assistant Name` -> `assistant`). */
export function compactKey(name: string): string {
  return keyWords(name).join('');
}

/** Dice coefficient of two word lists. */
export function dice(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const setB = new Set(b);
  const shared = new Set(a.filter((w) => setB.has(w))).size;
  return (2 * shared) / (new Set(a).size + setB.size);
}
