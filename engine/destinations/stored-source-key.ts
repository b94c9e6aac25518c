import { createHash } from 'node:crypto';

/** The source-key field is a 100-character text field (see each destination's `rules.sourceKeySetup`). */
export const SOURCE_KEY_LENGTH = 100;

/**
 * Characters a key cannot carry where it becomes part of a URL: Dataverse refuses `/ < > * % & : \ ? +` in
 * alternate-key values used in a request path, and a Salesforce upsert puts the external id in the path too. `~`
 * is the escape character itself, and `#` would end the path.
 */
const UNSAFE = /[/<>*%&:\\?+~#]/g;

/**
 * The value stored in a destination's source-key field for a source key, the same for every target (live APIs and
 * the packages their importers read), so that a record loaded one way is found again the other way. Unsafe
 * characters become `~` and two hex digits (`accounts:ACC1` is stored as `accounts~3AACC1`), which keeps different
 * keys different. A key still too long for the field (composite keys of line items can run to hundreds of
 * characters) keeps its first characters and ends in a hash of the whole key: unique, and the same on every run.
 */
export function storedSourceKey(sourceKey: string): string {
  const safe = sourceKey.replace(UNSAFE, (c) => `~${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  if ([...safe].length <= SOURCE_KEY_LENGTH) return safe;
  const hash = createHash('sha256').update(sourceKey).digest('hex').slice(0, 40);
  return `${[...safe].slice(0, SOURCE_KEY_LENGTH - hash.length - 1).join('')}~${hash}`;
}
