import type { EntityStore, Row, StoreTable } from './entity-store.js';
import { WriteError } from './entity-store.js';
import { error, json, type ApiAnswer } from './odata-resources.js';

/**
 * The bulk operation messages of the Web API as Dataverse documents them for standard tables
 * (https://learn.microsoft.com/power-apps/developer/data-platform/bulk-operations):
 * - `POST /<set>/Microsoft.Dynamics.CRM.CreateMultiple` answers 200 with `Ids` in the order of `Targets`;
 *   `UpdateMultiple` (by primary key only: alternate keys are not supported there) and `UpsertMultiple` (a target names
 *   its record with `@odata.id: <set>(<key>='value')`) answer 204 with no body.
 * - Every target must carry `@odata.type: Microsoft.Dynamics.CRM.<table>`.
 * - Any error rolls the whole request back, and its answer does not say which record caused it.
 * - Two targets for the same record: UpsertMultiple refuses the request, UpdateMultiple applies the first only.
 * - Not every standard table supports them; `UpsertMultiple` exists where both `CreateMultiple` and `UpdateMultiple`
 *   do, and `sdkmessagefilters` says which tables have which message.
 */
export const BULK_MESSAGES = ['CreateMultiple', 'UpdateMultiple', 'UpsertMultiple'] as const;
export type BulkMessage = (typeof BULK_MESSAGES)[number];

const ACTION = /^([A-Za-z_]\w*)\/Microsoft\.Dynamics\.CRM\.(\w+)$/;

/** The table and message of a bulk action path (`accounts/Microsoft.Dynamics.CRM.UpsertMultiple`), if it is one. */
export function bulkAction(path: string): { entitySet: string; message: string } | undefined {
  const match = ACTION.exec(path);
  return match === null ? undefined : { entitySet: match[1] ?? '', message: match[2] ?? '' };
}

/** Runs one bulk message; `records` is set to how many targets it carried, for the counters. */
export function runBulkMessage(store: EntityStore, entitySet: string, message: string, body: string, baseUrl: string): ApiAnswer & { records: number } {
  const table = store.table(entitySet);
  if (table === undefined) return { ...error(404, `Resource not found for the segment '${entitySet}'.`, '0x8006088a'), records: 0 };
  if (!(BULK_MESSAGES as readonly string[]).includes(message)) return { ...error(404, `Resource not found for the segment 'Microsoft.Dynamics.CRM.${message}'.`, '0x8006088a'), records: 0 };
  if (!supports(store, table, message as BulkMessage)) {
    return {
      ...error(400, `The '${message}' method does not support entities of type '${table.object}'. MessageProcessorCache returned MessageProcessor.Empty.`, '0x80040800'),
      records: 0,
    };
  }
  let targets: Record<string, unknown>[];
  try {
    const parsed = JSON.parse(body === '' ? '{}' : body) as { Targets?: unknown };
    if (!Array.isArray(parsed.Targets)) return { ...error(400, `${message} needs a Targets collection.`, '0x80040203'), records: 0 };
    targets = parsed.Targets as Record<string, unknown>[];
  } catch {
    return { ...error(400, 'The request body is not valid JSON.'), records: 0 };
  }
  const undo: (() => void)[] = [];
  try {
    const ids = apply(store, table, message as BulkMessage, targets, undo);
    if (message === 'CreateMultiple') {
      return { ...json(200, { '@odata.context': `${baseUrl}/$metadata#Microsoft.Dynamics.CRM.CreateMultipleResponse`, Ids: ids }), records: targets.length };
    }
    return { status: 204, headers: { 'odata-version': '4.0' }, records: targets.length };
  } catch (failure) {
    // A standard table runs the message in one transaction: whatever was written before the error is undone.
    for (const step of undo.reverse()) step();
    if (failure instanceof WriteError) return { ...error(failure.status, failure.message, failure.code), records: targets.length };
    throw failure;
  }
}

/** `GET sdkmessagefilters?$filter=sdkmessageid/name eq 'CreateMultiple' and primaryobjecttypecode eq 'account'`. */
export function messageFilters(store: EntityStore, query: URLSearchParams): ApiAnswer {
  const match = /^sdkmessageid\/name eq '(\w+)' and primaryobjecttypecode eq '(\w+)'$/.exec(query.get('$filter') ?? '');
  if (match === null) return error(400, 'The emulator answers sdkmessagefilters only for one message name and one table.');
  const table = store.tables.get(match[2] ?? '');
  const message = match[1] ?? '';
  // UpsertMultiple is not listed there even where it exists; the documentation says to look for the other two.
  const listed = table !== undefined && (message === 'CreateMultiple' || message === 'UpdateMultiple') && supports(store, table, message);
  return json(200, { value: listed ? [{ sdkmessagefilterid: `${message}-${table.object}` }] : [] });
}

function supports(store: EntityStore, table: StoreTable, message: BulkMessage): boolean {
  // Which tables lack them is the test's choice; the user table never takes writes from the engine.
  return message !== undefined && !store.withoutBulkMessages.has(table.object) && table.object !== store.spec.rules?.userObject;
}

function apply(store: EntityStore, table: StoreTable, message: BulkMessage, targets: readonly Record<string, unknown>[], undo: (() => void)[]): string[] {
  const expectedType = `Microsoft.Dynamics.CRM.${table.object}`;
  const seen = new Set<string>();
  const ids: string[] = [];
  for (const target of targets) {
    if (target['@odata.type'] !== expectedType) {
      throw new WriteError(400, `Every item of Targets must have @odata.type ${expectedType}.`, '0x80048d19');
    }
    const values = Object.fromEntries(Object.entries(target).filter(([name]) => name !== '@odata.type' && name !== '@odata.id'));
    const primary = typeof values[table.schema.key] === 'string' ? (values[table.schema.key] as string).toLowerCase() : undefined;
    const alternate = alternateKey(store, table, target['@odata.id']);
    if (message === 'UpdateMultiple' && primary === undefined) {
      throw new WriteError(400, `UpdateMultiple needs ${table.schema.key} in every target; alternate keys are not supported here.`, '0x80040203');
    }
    const identity = primary ?? (alternate === undefined ? undefined : `key:${alternate.toLowerCase()}`);
    if (identity !== undefined && seen.has(identity)) {
      if (message === 'UpsertMultiple') throw new WriteError(400, 'Targets holds more than one record with the same key.', '0x80040237');
      if (message === 'UpdateMultiple') continue;
    }
    if (identity !== undefined) seen.add(identity);
    const existingId = primary ?? (alternate === undefined ? undefined : table.byKey.get(alternate.toLowerCase()));
    const existing = existingId === undefined ? undefined : table.rows.get(existingId);
    if (message === 'UpdateMultiple' && existing === undefined) throw new WriteError(404, `${table.object} With Ids = ${primary} Do Not Exist`, '0x80040217');
    if (message === 'CreateMultiple' && existing !== undefined) throw new WriteError(412, 'Cannot insert duplicate key.', '0x80040237');
    delete values[table.schema.key];
    undo.push(undoOf(store, table, existingId, existing));
    const written = store.write(table, existing === undefined ? primary : existingId, values, alternate);
    if (existing === undefined) undo[undo.length - 1] = () => store.remove(table, written.id);
    ids.push(written.id);
  }
  return ids;
}

/** `accounts(new_sourcekey='k')` in `@odata.id`: the key value, which must be the table's source-key column. */
function alternateKey(store: EntityStore, table: StoreTable, odataId: unknown): string | undefined {
  if (typeof odataId !== 'string') return undefined;
  const match = /^\/?(?:.*\/)?([A-Za-z_]\w*)\((\w+)='((?:[^']|'')*)'\)$/.exec(decodeURIComponent(odataId));
  if (match === null || match[1] !== table.entitySet || match[2] !== store.sourceKeyField || !table.hasSourceKey) {
    throw new WriteError(400, `@odata.id ${odataId} does not name a ${table.object} record by its alternate key ${store.sourceKeyField}.`, '0x80060890');
  }
  return (match[3] ?? '').replaceAll("''", "'");
}

/** Puts a row back as it was before a write of the failed message. */
function undoOf(store: EntityStore, table: StoreTable, id: string | undefined, before: Row | undefined): () => void {
  if (id === undefined || before === undefined) return () => undefined;
  const saved = { ...before };
  return () => {
    const now = table.rows.get(id);
    const key = now?.[store.sourceKeyField];
    if (typeof key === 'string') table.byKey.delete(key.toLowerCase());
    table.rows.set(id, saved);
    const old = saved[store.sourceKeyField];
    if (typeof old === 'string') table.byKey.set(old.toLowerCase(), id);
  };
}
