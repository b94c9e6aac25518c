import type { EntityStore, Row, StoreTable } from './entity-store.js';
import { WriteError } from './entity-store.js';
import { navigationNames } from './navigation-names.js';
import { messageFilters } from './bulk-messages.js';

/** One answer of the emulated Web API, before framing (a plain response or a part of a `$batch` response). */
export interface ApiAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

export interface ApiRequest {
  method: string;
  /** The path after `/api/data/v9.2/`, still percent-encoded, and the query. */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | undefined>;
  body: string;
}

const JSON_TYPE = { 'content-type': 'application/json; odata.metadata=minimal', 'odata-version': '4.0' };

export function json(status: number, value: unknown, headers: Record<string, string> = {}): ApiAnswer {
  return { status, headers: { ...JSON_TYPE, ...headers }, body: JSON.stringify(value) };
}

export function error(status: number, message: string, code = '0x80040203'): ApiAnswer {
  return json(status, { error: { code, message } });
}

/**
 * Entity-set resources of the Web API: `GET /accounts?$select&$filter`, `GET /accounts/$count`, `GET|PATCH|DELETE
 * /accounts(<guid>)`, upsert `PATCH /accounts(new_sourcekey='k')` (If-Match / If-None-Match honoured), `POST
 * /accounts`, and `GET /EntityDefinitions(LogicalName='x')` with its attributes and keys.
 */
export function handleResource(store: EntityStore, request: ApiRequest, baseUrl: string): ApiAnswer {
  const match = /^([A-Za-z_]\w*)(?:\((.*)\))?(\/\$count)?$/.exec(request.path);
  if (match === null) return error(404, `Resource not found for the segment '${request.path}'.`, '0x8006088a');
  const [, name = '', rawKey, count] = match;
  if (name === 'EntityDefinitions') return entityDefinition(store, decodeURIComponent(rawKey ?? ''));
  if (name === 'sdkmessagefilters' && request.method === 'GET') return messageFilters(store, request.query);
  if ((name === 'WinOpportunity' || name === 'LoseOpportunity') && request.method === 'POST') return closeOpportunity(store, name, request);
  const table = store.table(name);
  if (table === undefined) return error(404, `Resource not found for the segment '${name}'.`, '0x8006088a');
  try {
    if (count !== undefined) return { status: 200, headers: { 'content-type': 'text/plain' }, body: String(table.rows.size) };
    if (rawKey === undefined) {
      if (request.method === 'GET') return json(200, { '@odata.context': `${baseUrl}/$metadata#${name}`, value: query(table, request.query, store.sourceKeyField) });
      if (request.method === 'POST') return write(store, table, undefined, undefined, request, baseUrl);
      return error(405, `${request.method} is not supported on ${name}.`);
    }
    const key = parseKey(decodeURIComponent(rawKey), store.sourceKeyField, table);
    const id = key.id ?? (key.alternate === undefined ? undefined : table.byKey.get(key.alternate.toLowerCase()));
    const row = id === undefined ? undefined : table.rows.get(id);
    switch (request.method) {
      case 'GET':
        return row === undefined ? notFound(table, rawKey) : json(200, shape(table, row, selected(request.query)));
      case 'DELETE':
        return id !== undefined && store.remove(table, id) ? { status: 204 } : notFound(table, rawKey);
      case 'PATCH': {
        if (request.headers['if-match'] === '*' && row === undefined) return notFound(table, rawKey);
        if (request.headers['if-none-match'] === '*' && row !== undefined)
          return error(412, 'A record with matching key values already exists.', '0x80040237');
        if (key.alternate !== undefined && !table.hasSourceKey)
          return error(400, `The alternate key ${store.sourceKeyField} is not defined on ${table.object}.`, '0x80060890');
        return write(store, table, row === undefined ? key.id : id, key.alternate, request, baseUrl);
      }
      default:
        return error(405, `${request.method} is not supported on a record.`);
    }
  } catch (failure) {
    if (failure instanceof WriteError) return error(failure.status, failure.message, failure.code);
    throw failure;
  }
}

function write(
  store: EntityStore,
  table: StoreTable,
  id: string | undefined,
  alternate: string | undefined,
  request: ApiRequest,
  baseUrl: string,
): ApiAnswer {
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(request.body === '' ? '{}' : request.body) as Record<string, unknown>;
  } catch {
    return error(400, 'The request body is not valid JSON.');
  }
  const written = store.write(table, id, body, alternate);
  const row = table.rows.get(written.id) as Row;
  const status = written.created ? 201 : request.method === 'POST' ? 201 : 200;
  const entityId = `${baseUrl}/${table.entitySet}(${written.id})`;
  if (!/return=representation/.test(request.headers.prefer ?? ''))
    return { status: 204, headers: { 'odata-entityid': entityId, 'odata-version': '4.0' } };
  return json(status, shape(table, row, selected(request.query)), { 'odata-entityid': entityId });
}

function notFound(table: StoreTable, key: string): ApiAnswer {
  return error(404, `${table.object} With Id = ${decodeURIComponent(key)} Does Not Exist`, '0x80040217');
}

function parseKey(key: string, sourceKeyField: string, table: StoreTable): { id?: string; alternate?: string } {
  if (/^[0-9a-fA-F-]{36}$/.test(key)) return { id: key.toLowerCase() };
  const match = /^(\w+)='((?:[^']|'')*)'$/.exec(key);
  if (match === null || match[1] !== sourceKeyField)
    throw new WriteError(400, `The key ${key} is not the id or an alternate key of ${table.object}.`, '0x80060890');
  const alternate = (match[2] ?? '').replaceAll("''", "'");
  // Documented for alternate keys in a request path: these characters are not supported and the request fails.
  if (/[/<>*%&:\\?+]/.test(alternate))
    throw new WriteError(400, `The alternate key value '${alternate}' holds a character that is not supported in a URL key.`, '0x80060891');
  return { alternate };
}

function selected(query: URLSearchParams): string[] | undefined {
  const select = query.get('$select');
  return select === null || select === '' ? undefined : select.split(',').map((s) => s.trim());
}

/** A row as the Web API returns it: lookups as `_<name>_value`, only the selected properties when `$select` is given. */
function shape(table: StoreTable, row: Row, select: string[] | undefined): Record<string, unknown> {
  const entity: Record<string, unknown> = { '@odata.etag': `W/"${String(row.versionnumber)}"` };
  const names = select ?? [...Object.keys(row).filter((k) => !k.endsWith('@target')), table.schema.key];
  for (const name of names) {
    const lookup = /^_(\w+)_value$/.exec(name)?.[1];
    const attribute = table.schema.attributes.get(lookup ?? name);
    if (lookup !== undefined || attribute?.reference !== undefined) {
      const attr = lookup ?? name;
      entity[`_${attr}_value`] = row[attr] ?? null;
      const target = row[`${attr}@target`];
      if (typeof target === 'string') entity[`_${attr}_value@Microsoft.Dynamics.CRM.lookuplogicalname`] = target;
      continue;
    }
    entity[name] = row[name] ?? null;
  }
  return entity;
}

/**
 * `$filter` as far as the destination uses it: `field eq value` terms joined by `or` (strings quoted, ids bare), or one
 * `Microsoft.Dynamics.CRM.In(PropertyName='field',PropertyValues=['a','b'])`. Terms on the id or the source-key
 * column are looked up in the table's indexes, as the real service's key indexes do, so a read of 1,000 keys does
 * not scan the whole table.
 */
function query(table: StoreTable, params: URLSearchParams, sourceKeyField: string): Record<string, unknown>[] {
  const filter = params.get('$filter');
  const select = selected(params);
  let rows = [...table.rows.values()];
  if (filter !== null && filter !== '') {
    const terms = filterTerms(filter);
    if (terms.every((t) => t.field === table.schema.key || t.field === sourceKeyField)) {
      const ids = terms.map((t) => (t.field === table.schema.key ? t.value.toLowerCase() : table.byKey.get(t.value.toLowerCase())));
      rows = [...new Set(ids)].flatMap((id) => {
        const row = id === undefined ? undefined : table.rows.get(id);
        return row === undefined ? [] : [row];
      });
    } else {
      // A lookup is filtered by its value property (`_parentid_value`), as the Web API names it.
      const attribute = (field: string): string => /^_(\w+)_value$/.exec(field)?.[1] ?? field;
      rows = rows.filter((row) => terms.some((t) => String(row[attribute(t.field)] ?? '').toLowerCase() === t.value.toLowerCase()));
    }
  }
  const top = Number(params.get('$top') ?? NaN);
  if (Number.isInteger(top)) rows = rows.slice(0, top);
  return rows.map((row) => shape(table, row, select));
}

function filterTerms(filter: string): { field: string; value: string }[] {
  const among = /^Microsoft\.Dynamics\.CRM\.In\(PropertyName='(\w+)',PropertyValues=\[(.*)\]\)$/s.exec(filter.trim());
  if (among !== null) {
    const field = among[1] ?? '';
    return [...(among[2] ?? '').matchAll(/'((?:[^']|'')*)'/g)].map((m) => ({ field, value: (m[1] ?? '').replaceAll("''", "'") }));
  }
  return filter.split(/\s+or\s+(?=\w+\s+eq\s)/).map((term) => {
    const m = /^\(?\s*(\w+)\s+eq\s+('(?:[^']|'')*'|[^\s)]+)\s*\)?$/.exec(term.trim());
    if (m === null) throw new WriteError(400, `The emulator cannot evaluate the filter term ${term}.`);
    const raw = m[2] ?? '';
    return { field: m[1] ?? '', value: raw.startsWith("'") ? raw.slice(1, -1).replaceAll("''", "'") : raw };
  });
}

function entityDefinition(store: EntityStore, key: string): ApiAnswer {
  const logicalName = /^LogicalName='(\w+)'$/.exec(key)?.[1];
  const table = logicalName === undefined ? undefined : store.tables.get(logicalName);
  if (table === undefined) return error(404, `Could not find an entity with key ${key}.`, '0x80040217');
  return json(200, {
    LogicalName: table.object,
    EntitySetName: table.entitySet,
    PrimaryIdAttribute: table.schema.key,
    Attributes: [
      ...table.schema.columns.filter((c) => !store.hidden.has(`${table.object}.${c.name}`)).map((c) => ({ LogicalName: c.name, AttributeType: c.field.type })),
      { LogicalName: 'versionnumber', AttributeType: 'BigInt' },
    ],
    Keys: table.hasSourceKey
      ? [{ LogicalName: `${table.object}_sourcekey`, KeyAttributes: [store.sourceKeyField], EntityKeyIndexStatus: 'Active' }]
      : [],
    ManyToOneRelationships: navigationNames(table.object, table.schema.columns)
      .filter((n) => n.target !== '')
      .map((n) => ({
      ReferencingAttribute: n.attribute.name,
      ReferencedEntity: n.target,
      ReferencingEntityNavigationPropertyName: n.name,
    })),
  });
}

/**
 * WinOpportunity and LoseOpportunity, as Dataverse runs them: the opportunity must be open; the OpportunityClose
 * entity becomes an opportunityclose row, and the opportunity takes the closed state, the status given, and the close's
 * actual end and revenue as its actual close date and value.
 */
function closeOpportunity(store: EntityStore, action: string, request: ApiRequest): ApiAnswer {
  const body = JSON.parse(request.body === '' ? '{}' : request.body) as { Status?: number; OpportunityClose?: Record<string, unknown> };
  const close = body.OpportunityClose ?? {};
  const bind = /\(([^)]+)\)$/.exec(String(close['opportunityid@odata.bind'] ?? ''))?.[1];
  const opportunities = store.tableOf('opportunity');
  const row = bind === undefined ? undefined : opportunities.rows.get(bind);
  if (row === undefined || bind === undefined) return error(404, 'The OpportunityClose names no existing opportunity.');
  if (row['statecode'] !== undefined && row['statecode'] !== null && row['statecode'] !== 0) return error(400, 'The opportunity is already closed.', '0x80040203');
  store.write(store.tableOf('opportunityclose'), undefined, close);
  const end = close['actualend'];
  store.touch('opportunity', bind, {
    statecode: action === 'WinOpportunity' ? 1 : 2,
    statuscode: body.Status ?? (action === 'WinOpportunity' ? 3 : 4),
    ...(end === undefined ? {} : { actualclosedate: String(end).slice(0, 10) }),
    ...(close['actualrevenue'] === undefined ? {} : { actualvalue: close['actualrevenue'] as number }),
  });
  return { status: 204, headers: { 'odata-version': '4.0' } };
}
