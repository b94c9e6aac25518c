import * as crypto from 'node:crypto';
import { salesforceSuffix, standardSalesforcePrefix } from '../../util/salesforce-ids.js';

/**
 * Deterministic record ids: the same object and source key always get the same id, so that two sandbox runs write
 * byte-identical tables and a re-run finds its own records. The id looks like the destination's own ids, so that
 * whatever reads the sandbox (exports, native-import packages, reviewers) sees the shape production will use.
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

type Sha1 = (text: string) => string;

/** Node's one-shot `crypto.hash` (20.12 and later) is several times faster than `createHash` for short inputs. */
const oneShot = (crypto as { hash?: (algorithm: string, data: string) => string }).hash;
const sha1: Sha1 =
  oneShot !== undefined
    ? (text) => oneShot('sha1', text)
    : (text) => crypto.createHash('sha1').update(text).digest('hex');

/** The SHA-1 of object and source key, in lower-case hex. */
function digest(object: string, sourceKey: string): string {
  return sha1(`${object}\u0000${sourceKey}`);
}

/** A name-based (version 5 style) GUID from a hex SHA-1 digest, in Dataverse's lower-case form. */
export function guid(hex: string): string {
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Standard objects keep their real prefix; custom objects get `a` plus two characters derived from the name. */
export function salesforcePrefix(object: string, custom: boolean): string {
  const known = standardSalesforcePrefix(object);
  if (known !== undefined) return known;
  const hex = sha1(object);
  const first = custom || object.endsWith('__c') ? 'a' : '0';
  return first + base62At(hex, 0) + base62At(hex, 1);
}

/**
 * 15 case-sensitive characters (prefix and 12 derived from the hash) plus the 3-character suffix Salesforce
 * computes from the capital letters, so that the 18-character id passes Salesforce's own check.
 */
export function salesforceId(prefix: string, hex: string): string {
  let id = prefix;
  for (let i = 0; i < 12; i++) id += base62At(hex, i);
  return id + salesforceSuffix(id);
}

/** The base-62 character of the digest's byte `i` (bytes over 247 make a negligible bias). */
function base62At(hex: string, i: number): string {
  return BASE62.charAt(parseInt(hex.slice(i * 2, i * 2 + 2), 16) % 62);
}
