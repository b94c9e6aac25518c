import type { PlatformField } from '../spec/generated/platform-spec.js';
import { nameWords } from '../util/name-words.js';
import type { Semantic } from './types.js';

/**
 * Guesses what a column holds from its platform type and its header words, for columns the pair's mappings say
 * nothing about. Headers are split into lower-case words first: `BillingPostalCode`, `Postal Code` and
 * `postal_code` all read `billing postal code` / `postal code`.
 */
const wordsCache = new Map<string, string>();

export function headerWords(header: string): string {
  let words = wordsCache.get(header);
  if (words === undefined) {
    words = splitWords(header);
    if (wordsCache.size < 10_000) wordsCache.set(header, words);
  }
  return words;
}

function splitWords(header: string): string {
  // Dynamics 365 labels address columns `Address 1: City`: the column is a city, not a street.
  return nameWords(header.replace(/^Address \d+: /, '').replace(/Country\/Region$/, 'Country')).join(' ');
}

const has = (words: string, pattern: RegExp): boolean => pattern.test(words);

/** Semantic of a text column from its header, or undefined when the header says nothing useful. */
export function textSemantic(words: string, personObject: boolean): Semantic | undefined {
  if (has(words, /\b(first name|firstname|given name|forename)\b/)) return 'first-name';
  if (has(words, /\b(last name|lastname|surname|family name)\b/)) return 'last-name';
  if (has(words, /\b(e ?mail|email address|user ?name|login)\b/)) return 'email';
  if (has(words, /\b(created by|modified by|assigned to|owner|handler|inventory manager)\b/)) return 'user';
  if (has(words, /\b(department|division|team)\b/)) return 'department';
  if (has(words, /\bp ?o box\b/)) return 'po-box';
  if (has(words, /\b(shipping|billing|mailing|other) (code|zip)\b/)) return 'postcode';
  if (has(words, /\bpath\b/)) return 'file-name';
  if (has(words, /\b(phone|mobile|fax|telephone)\b/)) return 'phone';
  if (has(words, /\b(website|url|web site|homepage)\b/)) return 'url';
  if (personObject && has(words, /^(full name|name|contact name|display name)$/)) return 'full-name';
  if (has(words, /\b(company|organi[sz]ation|account)\b/) && !has(words, /\b(number|code|type|source)\b/)) return 'company-name';
  if (has(words, /\b(deal|opportunity|potential) name\b/)) return 'deal-name';
  if (has(words, /\b(job title|position|role)\b/) || (personObject && has(words, /\btitle\b/))) return 'job-title';
  if (has(words, /\b(address line 2|street 2|address 2)\b/)) return 'street2';
  if (has(words, /\b(street|address line 1|address 1|address line)\b/)) return 'street';
  if (has(words, /\baddress\b/)) return 'address';
  if (has(words, /\b(city|town)\b/)) return 'city';
  if (has(words, /\b(state|county|province|region)\b/)) return 'state';
  if (has(words, /\b(postcode|post code|postal code|zip|zip code)\b/)) return 'postcode';
  if (has(words, /\bcountry\b/)) return 'country';
  if (has(words, /\b(currency|currency iso code|iso code)\b/)) return 'currency';
  if (has(words, /\bpipeline\b/)) return 'pipeline';
  if (has(words, /\b(location|venue)\b/)) return 'location';
  if (has(words, /\bfile ?name\b/)) return 'file-name';
  if (has(words, /\b(mime|content type|file type|mime type)\b/)) return 'mime';
  if (has(words, /\b(extension|file extension)\b/)) return 'extension';
  if (has(words, /\bindustry\b/)) return 'industry';
  if (has(words, /\b(subject|topic|title|headline)\b/)) return 'subject';
  if (has(words, /\b(description|body|notes?|comments?|details|message|summary)\b/)) return 'paragraph';
  if (has(words, /\b(ticker|sic|naics|duns|code|number|no|alias)\b/)) return 'code';
  if (has(words, /\byear\b/)) return 'year';
  if (has(words, /^to$|\brecipients?\b/)) return 'email-list';
  return undefined;
}

/** The semantic of a platform field from its type, refined by header words. */
export function fieldSemantic(field: PlatformField, personObject: boolean): Semantic {
  const words = headerWords(field.name);
  switch (field.type) {
    case 'email':
      return 'email';
    case 'phone':
      return 'phone';
    case 'url':
      return 'url';
    case 'date':
      return 'date';
    case 'datetime':
      return 'datetime';
    case 'money':
      return 'money';
    case 'integer':
      return has(words, /\b(size|length|bytes)\b/) ? 'file-size' : has(words, /\byear\b/) ? 'year' : 'integer';
    case 'decimal':
      return has(words, /\blatitude\b/) ? 'latitude' : has(words, /\blongitude\b/) ? 'longitude' : 'decimal';
    case 'percent':
      return 'percent';
    case 'boolean':
      return has(words, /\bactive\b/) ? 'active' : 'boolean';
    case 'multipicklist':
      return 'tags';
    case 'picklist':
    case 'status':
    case 'state':
      return textSemantic(words, personObject) === 'industry' ? 'industry' : 'word';
    case 'longtext':
      return has(words, /\b(address|street)\b/) ? 'street' : 'paragraph';
    case 'id':
      return 'code';
    case 'file':
    case 'lookup':
    case 'owner':
      return 'blank';
    default:
      return textSemantic(words, personObject) ?? 'text';
  }
}

/** True when the header names a first or last name: objects with both are people. */
export function personPart(field: PlatformField): 'first' | 'last' | undefined {
  if (field.type !== 'text' && field.type !== undefined) return undefined;
  const semantic = textSemantic(headerWords(field.name), false);
  return semantic === 'first-name' ? 'first' : semantic === 'last-name' ? 'last' : undefined;
}

/** Which moment of a record's life a date column shows, from its header. */
type Moment = 'created' | 'modified' | 'start' | 'end' | 'due' | 'birth' | 'other';
const moments = new Map<string, Moment>();

export function moment(header: string): Moment {
  let found = moments.get(header);
  if (found === undefined) {
    found = momentOf(headerWords(header));
    if (moments.size < 10_000) moments.set(header, found);
  }
  return found;
}

function momentOf(words: string): Moment {
  if (has(words, /\bbirth/)) return 'birth';
  if (has(words, /\b(modified|updated|last activity|changed)\b/)) return 'modified';
  if (has(words, /\b(created|creation|uploaded|added)\b/)) return 'created';
  if (has(words, /\b(start|begin|sent|received|from)\b/)) return 'start';
  if (has(words, /\b(end|finish|until)\b/)) return 'end';
  if (has(words, /\b(due|close|closed|expected|deadline|expiry|expires|renewal)\b/)) return 'due';
  return 'other';
}
