import * as crypto from 'node:crypto';

type Encoding = 'hex' | 'base64url';

/** Node's one-shot `crypto.hash` (20.12 and later): several times faster than `createHash` for short inputs. */
const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: Encoding) => string }).hash;

/**
 * The SHA-1 of a text, for the hashes taken once a row (record ids, row fingerprints), where a Hash object per call
 * cost half a microsecond more than the one-shot form. Not for anything secret.
 */
export const sha1: (text: string, encoding: Encoding) => string =
  oneShot !== undefined ? (text, encoding) => oneShot('sha1', text, encoding) : (text, encoding) => crypto.createHash('sha1').update(text).digest(encoding);
