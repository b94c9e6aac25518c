import type { DestinationRecord } from '../destination.js';
import type { WriteOutcome } from './record-outcome.js';
import type { SalesforceClient } from './salesforce-client.js';

/** sObject Collections take at most 200 records per call. */
export const COLLECTION_SIZE = 200;

interface SaveResult {
  id?: string;
  success: boolean;
  created?: boolean;
  errors?: { statusCode: string; message: string; fields?: string[] }[];
}

function outcome(result: SaveResult | undefined): WriteOutcome {
  if (result === undefined) return { error: { code: 'NOT_PROCESSED', message: 'Salesforce returned no result for this record.' } };
  if (result.success) return { ...(result.id === undefined ? {} : { id: result.id }), created: result.created === true };
  const first = result.errors?.[0];
  const fields = first?.fields !== undefined && first.fields.length > 0 ? ` (${first.fields.join(', ')})` : '';
  return { error: { code: first?.statusCode ?? 'UNKNOWN', message: `${first?.statusCode ?? 'UNKNOWN'}: ${first?.message ?? 'no message'}${fields}` } };
}

async function inCollections<T>(items: readonly T[], send: (chunk: readonly T[]) => Promise<SaveResult[]>): Promise<WriteOutcome[]> {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += COLLECTION_SIZE) chunks.push(items.slice(i, i + COLLECTION_SIZE));
  // Chunks go out together; the client's governor decides how many are in flight.
  const answers = await Promise.all(chunks.map((chunk) => send(chunk).then((results) => chunk.map((_, i) => outcome(results[i])))));
  return answers.flat();
}

/** Upsert on an External ID field: PATCH /composite/sobjects/{Object}/{Field}, allOrNone false so one bad record fails alone. */
export function upsertCollections(client: SalesforceClient, object: string, keyField: string, records: readonly DestinationRecord[]): Promise<WriteOutcome[]> {
  return inCollections(records, (chunk) =>
    client.call<SaveResult[]>('PATCH', `${client.apiBase}/composite/sobjects/${object}/${keyField}`, {
      body: { allOrNone: false, records: chunk.map((values) => ({ attributes: { type: object }, ...values })) },
    }),
  );
}

/** Updates by record id: PATCH /composite/sobjects. */
export function updateCollections(client: SalesforceClient, object: string, records: readonly { id: string; values: DestinationRecord }[]): Promise<WriteOutcome[]> {
  return inCollections(records, (chunk) =>
    client.call<SaveResult[]>('PATCH', `${client.apiBase}/composite/sobjects`, {
      body: { allOrNone: false, records: chunk.map((r) => ({ attributes: { type: object }, id: r.id, ...r.values })) },
    }),
  );
}

/** Deletes by record id: DELETE /composite/sobjects?ids=...&allOrNone=false. */
export function deleteCollections(client: SalesforceClient, ids: readonly string[]): Promise<WriteOutcome[]> {
  return inCollections(ids, (chunk) => client.call<SaveResult[]>('DELETE', `${client.apiBase}/composite/sobjects?ids=${chunk.map(encodeURIComponent).join(',')}&allOrNone=false`));
}
