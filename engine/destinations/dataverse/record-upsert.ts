import type { DestinationRecord, OutgoingRecord, RecordResult } from '../destination.js';
import type { CurrencyCodes } from '../currency-codes.js';
import { storedSourceKey } from '../stored-source-key.js';
import { upsertMany, type PendingWrite } from './bulk-write.js';
import { fetchBy, literal } from './entity-fetch.js';
import { fromEntity, sameValues, selectNames, toBody, VERSION } from './record-shape.js';
import { changedValues, type WriteTarget } from './record-update.js';

/**
 * Upserts records by the alternate key on the source-key column. What the records hold now is read first, in one
 * request by alternate key: a record that already has the values is left alone (`unchanged`, no write), and an update
 * returns what it replaced so that rollback can put it back. The writes go as bulk messages where the table supports
 * them, else as a `$batch` (bulk-write.ts); every record has its own outcome.
 */
export async function upsertRecords(target: WriteTarget, records: readonly OutgoingRecord[], currencies: CurrencyCodes | undefined): Promise<RecordResult[]> {
  const { client, locator, schema, entitySet, object, sourceKeyField } = target;
  const attributes = [...new Set(records.flatMap((r) => Object.keys(r.values)))].filter((a) => schema.attributes.has(a));
  const existing = await fetchBy(
    client,
    entitySet,
    sourceKeyField,
    records
      .map((r) => r.sourceKey)
      .filter(Boolean)
      .map(storedSourceKey),
    [schema.key, VERSION, ...selectNames(schema, attributes)],
  );

  const results: RecordResult[] = new Array(records.length);
  const writes: PendingWrite[] = [];
  const sent: { index: number; previous?: DestinationRecord; created: boolean }[] = [];
  for (const [index, { sourceKey, values }] of records.entries()) {
    if (typeof sourceKey !== 'string' || sourceKey === '') {
      results[index] = { status: 'failed', error: `The ${object} record has no source key, which upserts need.` };
      continue;
    }
    const currency = currencies?.resolve(object, values) ?? { values };
    if ('error' in currency) {
      results[index] = { sourceKey, status: 'failed', error: currency.error };
      continue;
    }
    const body = await toBody(schema, currency.values, (a, id) => locator.targetOf(a, id), target.navigation);
    if (typeof body === 'string') {
      results[index] = { sourceKey, status: 'failed', error: body };
      continue;
    }
    const keyValue = storedSourceKey(sourceKey);
    const current = existing.get(keyValue.toLowerCase());
    if (current !== undefined) {
      const id = String(current[schema.key]);
      locator.remember(object, id);
      const before = fromEntity(
        schema,
        current,
        Object.keys(values).filter((a) => schema.attributes.has(a)),
      );
      if (sameValues(schema, values, before)) {
        results[index] = { sourceKey, id, status: 'unchanged', version: String(current[VERSION]) };
        continue;
      }
      sent.push({ index, created: false, previous: changedValues(schema, values, before) });
    } else {
      sent.push({ index, created: true });
    }
    body[sourceKeyField] = keyValue;
    const key = `${sourceKeyField}=${encodeURIComponent(literal(keyValue))}`;
    writes.push({
      body,
      sourceKey: keyValue,
      created: current === undefined,
      operation: {
        add: (api) =>
          api.upsert({ collection: entitySet, key, data: body, returnRepresentation: true, select: [schema.key, VERSION], inChangeSet: false }),
      },
    });
  }

  const outcomes = await upsertMany({ ...target, key: schema.key }, writes);
  outcomes.forEach((outcome, n) => {
    const { index, created, previous } = sent[n] as (typeof sent)[number];
    const sourceKey = (records[index] as OutgoingRecord).sourceKey;
    if (!outcome.ok) {
      results[index] = { sourceKey, status: 'failed', error: outcome.error.message };
      return;
    }
    const entity = (outcome.value ?? {}) as Record<string, unknown>;
    const id = String(entity[schema.key]);
    locator.remember(object, id);
    const result: RecordResult = { sourceKey, id, status: created ? 'created' : 'updated', version: String(entity[VERSION]) };
    if (!created && previous !== undefined) result.previous = previous;
    results[index] = result;
  });
  return results;
}
