import type { WebApiClient } from './web-api-client.js';

/**
 * Characters of key values per query. A GET whose URL passes 2,000 characters is sent by dynamics-web-api inside a
 * `$batch`, where Dataverse takes a URL of up to 64 KB (65,536 characters); staying near half of that leaves room for
 * percent-encoding, so a batch of 1,000 records is read in one request instead of one per 40 keys.
 * https://learn.microsoft.com/power-apps/developer/data-platform/webapi/execute-batch-operations-using-web-api
 */
const KEY_CHARACTERS_PER_QUERY = 30_000;

/** An OData string literal: single quotes doubled. */
export function literal(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/**
 * The entities of a table whose `field` equals one of `values`, with the properties named, by lower-cased value
 * (Dataverse compares text without regard to case). The values go in one `Microsoft.Dynamics.CRM.In` condition per
 * query, chunked by length only, so that reading what a whole batch of records holds now costs one request.
 */
export async function fetchBy(
  client: WebApiClient,
  entitySet: string,
  field: string,
  values: readonly string[],
  select: readonly string[],
): Promise<Map<string, Record<string, unknown>>> {
  const found = new Map<string, Record<string, unknown>>();
  for (const chunk of chunksOf([...new Set(values)])) {
    const filter = `Microsoft.Dynamics.CRM.In(PropertyName=${literal(field)},PropertyValues=[${chunk.map(literal).join(',')}])`;
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

function chunksOf(values: readonly string[]): string[][] {
  const chunks: string[][] = [];
  let chunk: string[] = [];
  let length = 0;
  for (const value of values) {
    if (chunk.length > 0 && length + value.length + 3 > KEY_CHARACTERS_PER_QUERY) {
      chunks.push(chunk);
      chunk = [];
      length = 0;
    }
    chunk.push(value);
    length += value.length + 3;
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}
