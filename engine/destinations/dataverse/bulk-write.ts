import { runBatch, type BatchOperation, type OperationOutcome } from './batch-writer.js';
import { DataverseSetupError } from './dataverse-settings.js';
import { fetchBy, literal } from './entity-fetch.js';
import { VERSION } from './record-shape.js';
import { statusOf, type WebApiClient } from './web-api-client.js';

/**
 * Writes through Dataverse's bulk operation messages where the table supports them, with `$batch` as the fallback.
 * What Microsoft documents (https://learn.microsoft.com/power-apps/developer/data-platform/bulk-operations and
 * https://learn.microsoft.com/power-apps/developer/data-platform/webapi/reference/upsertmultiple):
 * - `CreateMultiple`, `UpdateMultiple` and `UpsertMultiple` are actions bound to the entity set
 *   (`POST accounts/Microsoft.Dynamics.CRM.UpsertMultiple`) taking `Targets`, where every item must carry
 *   `@odata.type`; UpsertMultiple names each record by alternate key in `@odata.id`, UpdateMultiple only by primary key.
 * - CreateMultiple answers the new `Ids`; UpdateMultiple and UpsertMultiple answer 204 with nothing, so ids and row
 *   versions are read back in one request by key.
 * - Each message counts as a single request toward the service protection limit of 6,000 requests per 5 minutes,
 *   however many records it carries (https://learn.microsoft.com/power-apps/developer/data-platform/api-limits).
 * - Standard tables: no fixed cap on records, but message size and time limits; "1,000 records per request is a
 *   reasonable place to start", "100 - 1000 records at a time": 1,000 is the largest batch we send.
 * - Standard tables: any error rolls the whole message back without saying which record failed, and the documented
 *   remedy is to send the same operations as a `$batch`, where each one answers for itself.
 * - Not every standard table supports them: `sdkmessagefilters` lists the tables that have `CreateMultiple` and
 *   `UpdateMultiple`, and UpsertMultiple exists where both do.
 */
export const RECORDS_PER_BULK_MESSAGE = 1000;

export interface BulkSupport {
  create: boolean;
  update: boolean;
}

/** One table's write target. */
export interface BulkTable {
  client: WebApiClient;
  object: string;
  entitySet: string;
  /** The primary key column, e.g. `accountid`. */
  key: string;
  sourceKeyField: string;
  messages: BulkMessageSupport;
}

/** One record to write: its body, how it is identified, and the `$batch` operation that writes it alone. */
export interface PendingWrite {
  body: Record<string, unknown>;
  /** Upserts: the stored source key (the alternate key value). */
  sourceKey?: string;
  /** Updates: the record id. */
  id?: string;
  /** Upserts: the record was not there when read before the write. */
  created?: boolean;
  operation: BatchOperation;
}

/** Which tables have the bulk messages, asked once per table; a refusal at run time turns them off for the table. */
export class BulkMessageSupport {
  private readonly known = new Map<string, Promise<BulkSupport>>();

  constructor(private readonly client: WebApiClient) {}

  of(object: string): Promise<BulkSupport> {
    let support = this.known.get(object);
    if (support === undefined) {
      support = Promise.all([this.listed('CreateMultiple', object), this.listed('UpdateMultiple', object)]).then(([create, update]) => ({ create, update }));
      this.known.set(object, support);
    }
    return support;
  }

  /** The table answered that it does not support the message after all. */
  turnOff(object: string): void {
    this.known.set(object, Promise.resolve({ create: false, update: false }));
  }

  private async listed(message: string, object: string): Promise<boolean> {
    try {
      const answer = await this.client.send((api) =>
        api.retrieveMultiple<Record<string, unknown>>({
          collection: 'sdkmessagefilters',
          select: ['sdkmessagefilterid'],
          filter: `sdkmessageid/name eq ${literal(message)} and primaryobjecttypecode eq ${literal(object)}`,
        }),
      );
      return answer.value.length > 0;
    } catch (error) {
      if (error instanceof DataverseSetupError) throw error;
      // A user who may not read message filters still loads everything, through $batch.
      return false;
    }
  }
}

/** Upserts by alternate key: UpsertMultiple, or CreateMultiple for the new records, or `$batch`. */
export async function upsertMany(table: BulkTable, items: readonly PendingWrite[]): Promise<OperationOutcome[]> {
  if (items.length === 0) return [];
  const support = await table.messages.of(table.object);
  if (support.create && support.update) {
    return inChunks(table, items, 'UpsertMultiple', async (chunk) => {
      await sendMessage(table, 'UpsertMultiple', chunk.map((item) => ({ ...item.body, '@odata.id': `${table.entitySet}(${table.sourceKeyField}=${literal(item.sourceKey ?? '')})` })));
      return readBack(table, table.sourceKeyField, chunk.map((item) => item.sourceKey ?? ''));
    });
  }
  if (support.create) {
    const created = items.filter((item) => item.created === true);
    const outcomes = new Map<PendingWrite, OperationOutcome>();
    const [made, batched] = await Promise.all([
      inChunks(table, created, 'CreateMultiple', async (chunk) => {
        const answer = await sendMessage(table, 'CreateMultiple', chunk.map((item) => item.body));
        return readBack(table, table.key, (answer?.Ids ?? []).map(String));
      }),
      runBatch(table.client, items.filter((item) => item.created !== true).map((item) => item.operation)),
    ]);
    created.forEach((item, i) => outcomes.set(item, made[i] as OperationOutcome));
    items.filter((item) => item.created !== true).forEach((item, i) => outcomes.set(item, batched[i] as OperationOutcome));
    return items.map((item) => outcomes.get(item) as OperationOutcome);
  }
  return runBatch(table.client, items.map((item) => item.operation));
}

/** Updates by id: UpdateMultiple where the table has it, otherwise `$batch`. */
export async function updateMany(table: BulkTable, items: readonly PendingWrite[]): Promise<OperationOutcome[]> {
  if (items.length === 0) return [];
  const support = await table.messages.of(table.object);
  if (!support.update) return runBatch(table.client, items.map((item) => item.operation));
  return inChunks(table, items, 'UpdateMultiple', async (chunk) => {
    await sendMessage(table, 'UpdateMultiple', chunk.map((item) => ({ ...item.body, [table.key]: item.id })));
    return readBack(table, table.key, chunk.map((item) => item.id ?? ''));
  });
}

/**
 * Sends the items in messages of up to 1,000 records, side by side (the client's governor decides how many are in
 * flight). A message the service refuses is sent again as a `$batch`, so that each record gets its own outcome.
 */
async function inChunks(
  table: BulkTable,
  items: readonly PendingWrite[],
  message: string,
  send: (chunk: readonly PendingWrite[]) => Promise<Written>,
): Promise<OperationOutcome[]> {
  const chunks: PendingWrite[][] = [];
  for (let i = 0; i < items.length; i += RECORDS_PER_BULK_MESSAGE) chunks.push(items.slice(i, i + RECORDS_PER_BULK_MESSAGE));
  const answers = await Promise.all(
    chunks.map(async (chunk): Promise<OperationOutcome[]> => {
      try {
        const written = await send(chunk);
        return chunk.map((item, i) => {
          const entity = Array.isArray(written) ? written[i] : written.get((item.sourceKey ?? item.id ?? '').toLowerCase());
          return entity === undefined
            ? { ok: false, error: new Error(`Dataverse accepted ${message} but the record cannot be read back; it may not have been written.`) }
            : { ok: true, value: entity };
        });
      } catch (error) {
        if (error instanceof DataverseSetupError) throw error;
        if (unsupported(error)) table.messages.turnOff(table.object);
        return runBatch(table.client, chunk.map((item) => item.operation));
      }
    }),
  );
  return answers.flat();
}

async function sendMessage(table: BulkTable, message: string, targets: Record<string, unknown>[]): Promise<{ Ids?: unknown[] } | undefined> {
  const type = `Microsoft.Dynamics.CRM.${table.object}`;
  return table.client.send((api) =>
    api.callAction<{ Ids?: unknown[] }>({
      collection: table.entitySet,
      actionName: `Microsoft.Dynamics.CRM.${message}`,
      action: { Targets: targets.map((target) => ({ '@odata.type': type, ...target })) },
    }),
  );
}

/** The id and row version of each written record, read in one request by the key the write used. */
async function readBack(table: BulkTable, field: string, values: readonly string[]): Promise<Written> {
  const found = await fetchBy(table.client, table.entitySet, field, values, [table.key, VERSION]);
  if (field !== table.key) return found;
  // CreateMultiple's ids come in the order of its targets.
  return values.map((id) => found.get(id.toLowerCase()));
}

/** Records written by a message, by lower-cased key value, or (CreateMultiple) in the order of its targets. */
type Written = Map<string, Record<string, unknown>> | (Record<string, unknown> | undefined)[];

/** The message does not exist for this table (not a record's fault): turn the messages off for it. */
function unsupported(error: unknown): boolean {
  const message = error instanceof Error ? error.message : '';
  return (
    (statusOf(error) ?? 0) >= 400 &&
    /does not support entities of type|not (yet )?(been )?implemented|Resource not found for the segment 'Microsoft\.Dynamics\.CRM/i.test(message)
  );
}
