import { COMPANY_STEMS, COMPANY_TRADES, DEAL_KINDS, DEAL_PRODUCTS, LEGAL_FORMS, QUARTERS } from './vocabulary-business.js';
import { FIRST_NAMES, LAST_NAMES } from './vocabulary-people.js';

/**
 * Names that are unique per row index by construction: the index walks a permutation of every combination of the
 * word lists (an affine map with a multiplier coprime to the number of combinations is a bijection), and once the
 * combinations run out a counter keeps later rounds apart. References by name then never hit a namesake unless
 * the sample plants one on purpose.
 */

/** Position `index` of a permutation of [0, size): a bijection as long as `step` and `size` share no factor. */
function permute(index: number, size: number, offset: number): number {
  const step = coprimeStep(size);
  return ((index % size) * step + (offset % size)) % size;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

const steps = new Map<number, number>();
function coprimeStep(size: number): number {
  let step = steps.get(size);
  if (step === undefined) {
    step = Math.max(1, Math.floor(size * 0.618));
    while (gcd(step, size) !== 1) step += 1;
    steps.set(size, step);
  }
  return step;
}

function digits(value: number, radices: readonly number[]): number[] {
  const out: number[] = [];
  let rest = value;
  for (const radix of radices) {
    out.push(rest % radix);
    rest = Math.floor(rest / radix);
  }
  return out;
}

const COMPANY_SIZE = COMPANY_STEMS.length * COMPANY_TRADES.length * LEGAL_FORMS.length;

/** `Nordwind Logistics GmbH`; some legal forms bring commas (`Co., Ltd.`), quotes or a Japanese prefix. */
export function companyName(index: number, offset: number): string {
  const [s = 0, t = 0, l = 0] = digits(permute(index, COMPANY_SIZE, offset), [COMPANY_STEMS.length, COMPANY_TRADES.length, LEGAL_FORMS.length]);
  const stem = COMPANY_STEMS[s] as string;
  const trade = COMPANY_TRADES[t] as string;
  const legal = LEGAL_FORMS[l] as string;
  const round = Math.floor(index / COMPANY_SIZE);
  const tail = round === 0 ? '' : ` ${round + 1}`;
  if (legal === 'K.K.') return `株式会社${stem} ${trade}${tail}`;
  if (legal === '& Co.') return `${stem}, ${trade} & Co.${tail}`;
  if (legal === 'plc') return `${stem} "${trade}"${tail} plc`;
  return `${stem} ${trade}${tail} ${legal}`;
}

const DEAL_SIZE = DEAL_PRODUCTS.length * DEAL_KINDS.length * QUARTERS.length * 8;

/** `Cloud backup renewal — Q3 2024`. */
export function dealName(index: number, offset: number): string {
  const [p = 0, k = 0, q = 0, y = 0] = digits(permute(index, DEAL_SIZE, offset), [DEAL_PRODUCTS.length, DEAL_KINDS.length, QUARTERS.length, 8]);
  const round = Math.floor(index / DEAL_SIZE);
  return `${DEAL_PRODUCTS[p]} ${DEAL_KINDS[k]} — ${QUARTERS[q]} ${2019 + y}${round === 0 ? '' : ` #${round + 1}`}`;
}

const PERSON_SIZE = FIRST_NAMES.length * LAST_NAMES.length;
const INITIALS = 'ABCDEFGHIJKLMNOPRSTUVWZ';

export interface PersonName {
  first: string;
  last: string;
}

/** A first and last name; after every pairing is used, middle initials keep full names apart. */
export function personName(index: number, offset: number): PersonName {
  const [f = 0, l = 0] = digits(permute(index, PERSON_SIZE, offset), [FIRST_NAMES.length, LAST_NAMES.length]);
  const round = Math.floor(index / PERSON_SIZE);
  let middle = '';
  if (round > 0) {
    const [a = 0, b = 0] = digits(round - 1, [INITIALS.length, INITIALS.length + 1]);
    middle = ` ${INITIALS.charAt(a)}.${b === 0 ? '' : ` ${INITIALS.charAt(b - 1)}.`}`;
  }
  return { first: `${FIRST_NAMES[f]}${middle}`, last: LAST_NAMES[l] as string };
}
