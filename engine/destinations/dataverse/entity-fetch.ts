import type { WebApiClient } from './web-api-client.js';

/** Keys per query: about 40 short keys keep the URL well under the 2,000 characters the library sends as a GET. */
const KEYS_PER_QUERY = 40;

/** An OData string literal: single quotes doubled. */
export function literal(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/**
 * The entities of a table whose `field` equals one of `values`, with the properties named, by lower-cased value
 * (Dataverse compares text without regard to case). Chunked so that a batch of a hundred records is a few GETs.
 */
export async function fetchBy(
  client: WebApiClient,
  entitySet: string,
  field: string,
  values: readonly string[],
  select: readonly string[],
  quote: boolean,
): Promise<Map<string, Record<string, unknown>>> {
  const found = new Map<string, Record<string, unknown>>();
  const unique = [...new Set(values)];
  for (let i = 0; i < unique.length; i += KEYS_PER_QUERY) {
    const chunk = unique.slice(i, i + KEYS_PER_QUERY);
    const filter = chunk.map((v) => `${field} eq ${quote ? literal(v) : v}`).join(' or ');
    const response = await client.send((api) =>
      api.retrieveAll<Record<string, unknown>>({ collection: entitySet, select: [...new Set([field, ...select])], filter }),
    );
    for (const entity of response.value) {
      const key = entity[field];
      if (typeof key === 'string') found.set(key.toLowerCase(), entity);
    }
  }
  return found;
}
