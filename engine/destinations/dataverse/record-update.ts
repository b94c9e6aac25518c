import type { DestinationRecord, RecordPatch, RecordResult } from '../destination.js';
import type { TableSchema } from '../model/table-schema.js';
import { updateMany, type BulkMessageSupport, type PendingWrite } from './bulk-write.js';
import { fetchBy } from './entity-fetch.js';
import type { RecordLocator } from './record-locator.js';
import { fromEntity, sameValues, selectNames, toBody, VERSION } from './record-shape.js';
import type { WebApiClient } from './web-api-client.js';

export { VERSION } from './record-shape.js';

/** One table of the org and what a write to it needs. */
export interface WriteTarget {
  client: WebApiClient;
  locator: RecordLocator;
  schema: TableSchema;
  /** The table's logical name. */
  object: string;
  entitySet: string;
  sourceKeyField: string;
  messages: BulkMessageSupport;
  /** Navigation property names read from the org, `attribute|target` to name. */
  navigation?: ReadonlyMap<string, string>;
}

/**
 * Sets attributes of records by id: with UpdateMultiple where the table has it, else as a `$batch` of updates with
 * If-Match: * so that a deleted record is not re-created (records are read first, so none that is gone is sent). `restore` puts back
 * values rollback kept and reports `restored`; `patch` reports `updated` with the replaced values. A record that
 * already holds the values is not written.
 */
export async function updateRecords(
  target: WriteTarget,
  object: string,
  patches: readonly RecordPatch[],
  mode: 'patch' | 'restore',
): Promise<RecordResult[]> {
  const { client, locator, schema, entitySet, sourceKeyField } = target;
  const attributes = [...new Set(patches.flatMap((p) => Object.keys(p.values)))].filter((a) => schema.attributes.has(a));
  const existing = await fetchBy(
    client,
    entitySet,
    schema.key,
    patches.map((p) => p.id),
    [VERSION, sourceKeyField, ...selectNames(schema, attributes)],
  );
  const results: RecordResult[] = new Array(patches.length);
  const writes: PendingWrite[] = [];
  const sent: { index: number; previous: DestinationRecord; sourceKey?: string }[] = [];
  for (const [index, { id, values }] of patches.entries()) {
    const current = existing.get(id.toLowerCase());
    if (current === undefined) {
      results[index] = { id, status: 'failed', error: `No ${object} record has id "${id}".` };
      continue;
    }
    const sourceKey = typeof current[sourceKeyField] === 'string' ? (current[sourceKeyField] as string) : undefined;
    const before = fromEntity(
      schema,
      current,
      Object.keys(values).filter((a) => schema.attributes.has(a)),
    );
    const base: RecordResult = {
      id,
      status: mode === 'restore' ? 'restored' : 'unchanged',
      version: String(current[VERSION]),
      ...(sourceKey === undefined ? {} : { sourceKey }),
    };
    if (sameValues(schema, values, before)) {
      results[index] = base;
      continue;
    }
    const body = await toBody(schema, values, (a, id) => locator.targetOf(a, id), target.navigation);
    if (typeof body === 'string') {
      results[index] = { ...base, status: 'failed', error: body };
      continue;
    }
    results[index] = base;
    sent.push({ index, previous: changedValues(schema, values, before), ...(sourceKey === undefined ? {} : { sourceKey }) });
    writes.push({
      body,
      id,
      operation: {
        add: (api) =>
          api.update({
            collection: entitySet,
            key: id,
            data: body,
            ifmatch: '*',
            returnRepresentation: true,
            select: [schema.key, VERSION],
            inChangeSet: false,
          }),
      },
    });
  }
  const outcomes = await updateMany({ client, object: target.object, entitySet, key: schema.key, sourceKeyField, messages: target.messages }, writes);
  outcomes.forEach((outcome, n) => {
    const { index, previous } = sent[n] as (typeof sent)[number];
    const result = results[index] as RecordResult;
    if (!outcome.ok) {
      results[index] = { ...result, status: 'failed', error: outcome.error.message };
      return;
    }
    result.version = String(((outcome.value ?? {}) as Record<string, unknown>)[VERSION]);
    if (mode === 'patch') {
      result.status = 'updated';
      result.previous = previous;
    }
  });
  return results;
}

/** The stored values of the attributes a write changes: what rollback restores. */
export function changedValues(schema: TableSchema, wanted: DestinationRecord, before: DestinationRecord): DestinationRecord {
  const previous: DestinationRecord = {};
  for (const name of Object.keys(wanted)) {
    if (!schema.attributes.has(name) || schema.attributes.get(name)?.isKey === true) continue;
    if (!sameValues(schema, { [name]: wanted[name] ?? null }, before)) previous[name] = before[name] ?? null;
  }
  return previous;
}
