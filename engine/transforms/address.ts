import type { TransformDefinition } from './transform.js';
import { singleInput, text } from './define.js';
import { COUNTRIES, REGIONS, STREET_TYPES, UNIT_WORDS } from './address-words.js';

/**
 * How `split-address` reads a one-line or multi-line address. It works from the end, where addresses agree most:
 * 1. The address is cut into segments at line breaks and commas.
 * 2. The last segment is the country when it is a known country name or code, or when it has no digits and the
 *    segment before it holds a postal code ("75001 Paris, France").
 * 3. The new last segment is the locality, read by the first shape that fits:
 *    `City ST 62704` (US, Canada, Australia), `ST 62704` or `Illinois 62704` (city is the segment before),
 *    `City SW1A 1AA` (UK and other trailing codes), `10117 Berlin` (postal code first, continental Europe),
 *    a bare postal code (state and city are the segments before, when they look like them), a bare state,
 *    or a bare city (a segment with no digits and no street word such as Street, Ave, Suite).
 * 4. Everything before the locality is the street; lines stay lines, commas inside a line stay commas.
 * With no commas or line breaks at all, the street ends at the first street word after its name ("1 Main St
 * Springfield IL 62704"); without one the whole text is the street. A part that is not found is null, never an
 * error: a partial address is normal data.
 */
export interface AddressParts {
  street: string | null;
  city: string | null;
  state: string | null;
  postalCode: string | null;
  country: string | null;
}

interface Segment {
  text: string;
  line: number;
}

const NA_POSTAL = String.raw`\d{5}(?:-\d{4})?|[A-Z]\d[A-Z] ?\d[A-Z]\d|\d{4}`;
/** After the city: US ZIP, Canada, UK, India, Japan, Brazil. */
const TRAILING_POSTAL = [
  String.raw`\d{5}(?:-\d{4})?`,
  String.raw`[A-Z]\d[A-Z] ?\d[A-Z]\d`,
  String.raw`[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}`,
  String.raw`\d{6}|\d{3}-\d{4}|\d{5}-\d{3}`,
].join('|');
/** Before the city: the Netherlands (tried first, it is the longest), Brazil, Poland, most of Europe, Sweden. */
const LEADING_POSTAL = String.raw`\d{4} ?[A-Z]{2}|\d{5}-\d{3}|\d{2}-\d{3}|\d{4,5}|\d{3} \d{2}`;

const CITY_STATE_POSTAL = new RegExp(String.raw`^(.+?)\s+([A-Z]{2,3})\s+(${NA_POSTAL})$`);
const HEAD_POSTAL = new RegExp(String.raw`^(.+?)\s+(${TRAILING_POSTAL}|\d{4})$`);
const POSTAL_CITY = new RegExp(String.raw`^(${LEADING_POSTAL})\s+(\D.*)$`);
const POSTAL_ONLY = new RegExp(String.raw`^(?:${TRAILING_POSTAL}|${LEADING_POSTAL})$`);
const HAS_POSTAL = new RegExp(String.raw`(?:^|\s)(?:${TRAILING_POSTAL}|${LEADING_POSTAL})(?:\s|$)`);

const isCountry = (s: string): boolean => COUNTRIES.has(s.toLowerCase());
const isRegion = (s: string): boolean => REGIONS.has(s.toLowerCase());
const words = (s: string): string[] => s.split(/\s+/).filter((w) => w !== '');
const hasStreetWord = (s: string): boolean => words(s).some((w) => STREET_TYPES.has(w.toLowerCase()));
const looksLikeCity = (s: string): boolean => !/\d/.test(s) && !hasStreetWord(s);

export function splitAddress(address: string): AddressParts {
  const segments: Segment[] = address
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .flatMap((line, index) =>
      line
        .split(',')
        .map((s) => s.replace(/\s+/g, ' ').trim())
        .filter((s) => s !== '')
        .map((s) => ({ text: s, line: index })),
    );
  const parts: AddressParts = { street: null, city: null, state: null, postalCode: null, country: null };

  const last = segments.at(-1)?.text;
  const beforeLast = segments.at(-2)?.text;
  if (last !== undefined && beforeLast !== undefined) {
    const byShape = segments.length >= 3 && !/\d/.test(last) && HAS_POSTAL.test(beforeLast);
    if (isCountry(last) || byShape) parts.country = segments.pop()?.text ?? null;
  }

  readLocality(segments, parts);
  parts.street = joinStreet(segments);
  return parts;
}

/** Takes the locality off the end of `segments` into `parts`; what remains is the street. */
function readLocality(segments: Segment[], parts: AddressParts): void {
  const locality = segments.at(-1)?.text;
  if (locality === undefined) return;
  const alone = segments.length === 1;
  let match: RegExpExecArray | null;

  if ((match = CITY_STATE_POSTAL.exec(locality)) && isRegion(match[2] ?? '')) {
    segments.pop();
    [parts.state, parts.postalCode] = [match[2] ?? null, match[3] ?? null];
    takeCity(segments, parts, match[1] ?? '', alone);
  } else if ((match = HEAD_POSTAL.exec(locality)) && (isRegion(match[1] ?? '') || !/^\d{4}$/.test(match[2] ?? ''))) {
    segments.pop();
    parts.postalCode = match[2] ?? null;
    const head = match[1] ?? '';
    if (isRegion(head)) {
      parts.state = head;
      takePrevious(segments, parts);
    } else {
      takeCity(segments, parts, head, alone);
    }
  } else if ((match = POSTAL_CITY.exec(locality)) && !hasStreetWord(match[2] ?? '')) {
    segments.pop();
    [parts.postalCode, parts.city] = [match[1] ?? null, match[2] ?? null];
  } else if (!alone && POSTAL_ONLY.test(locality)) {
    segments.pop();
    parts.postalCode = locality;
    const previous = segments.at(-1)?.text;
    if (previous !== undefined && isRegion(previous) && segments.length > 1) parts.state = segments.pop()?.text ?? null;
    takePrevious(segments, parts);
  } else if (!alone && isRegion(locality)) {
    segments.pop();
    parts.state = locality;
    takePrevious(segments, parts);
  } else if (!alone && looksLikeCity(locality)) {
    parts.city = segments.pop()?.text ?? null;
  }
}

/** The segment before the locality is the city, unless it is the only one left and looks like a street. */
function takePrevious(segments: Segment[], parts: AddressParts): void {
  const previous = segments.at(-1)?.text;
  if (previous === undefined) return;
  if (segments.length > 1 || looksLikeCity(previous)) parts.city = segments.pop()?.text ?? null;
}

/**
 * `head` is the text before the state or postal code in the locality segment. In a segmented address it is the
 * city; when the whole address was one segment it also holds the street, which ends at the first street word.
 */
function takeCity(segments: Segment[], parts: AddressParts, head: string, alone: boolean): void {
  if (!alone) {
    parts.city = head;
    return;
  }
  const tokens = words(head);
  // A street word needs a number and a name before it: "1 St James Street" is not cut after "St".
  let end = tokens.findIndex((w, i) => i >= 2 && STREET_TYPES.has(w.toLowerCase()));
  if (end === -1) {
    if (/\d/.test(tokens[0] ?? '')) segments.push({ text: head, line: 0 });
    else parts.city = head;
    return;
  }
  while (UNIT_WORDS.has((tokens[end + 1] ?? '').toLowerCase()) || /^#/.test(tokens[end + 1] ?? '')) {
    end += UNIT_WORDS.has((tokens[end + 1] ?? '').toLowerCase()) ? 2 : 1;
  }
  segments.push({ text: tokens.slice(0, end + 1).join(' '), line: 0 });
  const city = tokens.slice(end + 1).join(' ');
  parts.city = city === '' ? null : city;
}

function joinStreet(segments: readonly Segment[]): string | null {
  if (segments.length === 0) return null;
  const lines: string[] = [];
  let line = -1;
  for (const segment of segments) {
    if (segment.line === line) lines[lines.length - 1] += `, ${segment.text}`;
    else lines.push(segment.text);
    line = segment.line;
  }
  return lines.join('\n');
}

const PART_KEYS: Record<string, keyof AddressParts> = {
  street: 'street',
  city: 'city',
  state: 'state',
  'postal-code': 'postalCode',
  country: 'country',
};

const splitAddressTransform = singleInput({
  name: 'split-address',
  description: 'One address column (one line or several) into its street, city, state, postal code or country.',
  args: [{ name: 'part', required: true, values: Object.keys(PART_KEYS) }],
  apply(value, call) {
    const key = PART_KEYS[call.part ?? ''];
    return key === undefined ? null : splitAddress(text(value))[key];
  },
});

export const ADDRESS_TRANSFORMS: readonly TransformDefinition[] = [splitAddressTransform];
