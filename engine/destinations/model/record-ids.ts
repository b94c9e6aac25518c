import { sha1 } from '../../util/sha1.js';
import { salesforceSuffix, standardSalesforcePrefix } from '../../util/salesforce-ids.js';

/**
 * Deterministic record ids, so that two sandbox runs of the same export write byte-identical tables. The id looks
 * like the destination's own ids, so that whatever reads the sandbox (exports, native-import packages, reviewers)
 * sees the shape production will use. Records a load creates get sequential ids (see `sequentialIdFactory`); the
 * users and currencies the sandbox is set up with get ids from their key alone.
 */

export type IdStyle = 'dataverse' | 'salesforce';

/** The one place that decides the id style: Salesforce's primary key is `Id`; Dataverse's is `<logicalname>id`. */
export function idStyle(key: string): IdStyle {
  if (key === 'Id') return 'salesforce';
  if (key.endsWith('id') && key === key.toLowerCase()) return 'dataverse';
  // Anything else gets a GUID: the most neutral shape, and safe for any text key.
  return 'dataverse';
}

export type IdFactory = (sourceKey: string) => string;

export function idFactory(object: string, key: string, custom = false): IdFactory {
  if (idStyle(key) === 'salesforce') {
    const prefix = salesforcePrefix(object, custom);
    return (sourceKey) => salesforceId(prefix, digest(object, sourceKey));
  }
  return (sourceKey) => guid(digest(object, sourceKey));
}

/** The id of the record created as the table's `sequence`th row, for the record with this source key. */
export type SequentialIdFactory = (sequence: number, sourceKey: string) => string;

/**
 * Ids that sort in the order records were created, as both destinations issue them: Dataverse's sequential GUIDs,
 * Salesforce's ids. A table's primary-key index then grows at its end; an id from the key's hash alone inserted at a
 * random place and, once the index outgrew SQLite's page cache, cost 8 to 18 µs a record (4,000,000 contacts). The
 * rest of the id is the hash of object and source key, so an id is never given to another record: a record created
 * in the place of one a rollback deleted gets the same sequence but another id.
 */
export function sequentialIdFactory(object: string, key: string, custom = false): SequentialIdFactory {
  if (idStyle(key) === 'salesforce') {
    const prefix = salesforcePrefix(object, custom);
    return (sequence, sourceKey) => salesforceId(prefix + base62(sequence, SEQUENCE_DIGITS), digest(object, sourceKey), 12 - SEQUENCE_DIGITS);
  }
  return (sequence, sourceKey) => guid(sequence.toString(16).padStart(12, '0') + digest(object, sourceKey).slice(12));
}

/** Base-62 digits of the sequence in a Salesforce id: 62^6, 56 billion records a table, in the order ids sort in. */
const SEQUENCE_DIGITS = 6;

/** The SHA-1 of object and source key, in lower-case hex. */
function digest(object: string, sourceKey: string): string {
  return sha1(`${object}\u0000${sourceKey}`, 'hex');
}

/** A name-based (version 5 style) GUID from 32 hex digits (a SHA-1 digest), in Dataverse's lower-case form. */
export function guid(hex: string): string {
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Standard objects keep their real prefix; custom objects get `a` plus two characters derived from the name. */
export function salesforcePrefix(object: string, custom: boolean): string {
  const known = standardSalesforcePrefix(object);
  if (known !== undefined) return known;
  const hex = sha1(object, 'hex');
  const first = custom || object.endsWith('__c') ? 'a' : '0';
  return first + base62At(hex, 0) + base62At(hex, 1);
}

/**
 * 15 case-sensitive characters (prefix and the rest derived from the hash) plus the 3-character suffix Salesforce
 * computes from the capital letters, so that the 18-character id passes Salesforce's own check.
 */
export function salesforceId(prefix: string, hex: string, hashed = 12): string {
  let id = prefix;
  for (let i = 0; i < hashed; i++) id += base62At(hex, i);
  return id + salesforceSuffix(id);
}

/** `n` in `width` base-62 digits; the digits are in ASCII order, so the text sorts as the number does. */
function base62(n: number, width: number): string {
  let text = '';
  for (let rest = n; text.length < width; rest = Math.floor(rest / 62)) text = BASE62.charAt(rest % 62) + text;
  return text;
}

/** The base-62 character of the digest's byte `i` (bytes over 247 make a negligible bias). */
function base62At(hex: string, i: number): string {
  return BASE62.charAt(parseInt(hex.slice(i * 2, i * 2 + 2), 16) % 62);
}
