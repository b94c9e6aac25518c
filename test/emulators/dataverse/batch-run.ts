import type { EntityStore, Row } from './entity-store.js';
import { boundaryOf, httpPart, parseBatch, type BatchPart } from './batch-multipart.js';
import { error, handleResource, type ApiAnswer } from './odata-resources.js';

/** Dataverse takes at most 1,000 operations in one `$batch`. */
const MAX_OPERATIONS = 1000;

export interface BatchInput {
  headers: Record<string, string | undefined>;
  body: string;
  /** The service root, `http://127.0.0.1:PORT/api/data/v9.2`. */
  baseUrl: string;
  /** Set when the batch was picked for a partial failure: says, per operation, whether that one fails. */
  partial: (() => boolean) | undefined;
}

/**
 * Runs a `$batch`. Operations outside change sets are independent: without `odata.continue-on-error` the batch stops
 * at the first failure, with it every operation runs and answers for itself. A change set succeeds or fails whole
 * (its writes are undone when one fails). An operation picked to fail partially answers 500 and writes nothing.
 */
export function runBatch(store: EntityStore, input: BatchInput): ApiAnswer & { operations: number } {
  const boundary = boundaryOf(input.headers['content-type']);
  if (boundary === undefined) return { ...error(400, 'A $batch request needs a multipart/mixed body with a boundary.'), operations: 0 };
  const parts = parseBatch(input.body, boundary);
  if (parts.length > MAX_OPERATIONS) {
    return {
      ...error(400, `The batch has ${parts.length} operations; a $batch request may hold at most ${MAX_OPERATIONS}.`, '0x8004801b'),
      operations: 0,
    };
  }
  const continueOnError = /odata\.continue-on-error/.test(input.headers.prefer ?? '');
  const responses: string[] = [];
  let operations = 0;
  let stopped = false;
  for (let i = 0; i < parts.length && !stopped;) {
    const part = parts[i] as BatchPart;
    if (part.changeSet === undefined) {
      operations++;
      const answer = operation(store, part, input);
      responses.push(httpPart(answer));
      if (answer.status >= 400 && !continueOnError) stopped = true;
      i++;
      continue;
    }
    let end = i;
    while (end < parts.length && parts[end]?.changeSet === part.changeSet) end++;
    const set = parts.slice(i, end);
    i = end;
    operations += set.length;
    const snapshot = snapshotOf(store);
    const answers: ApiAnswer[] = [];
    for (const member of set) {
      const answer = operation(store, member, input);
      if (answer.status >= 400) {
        restore(store, snapshot);
        answers.length = 0;
        answers.push(answer);
        if (!continueOnError) stopped = true;
        break;
      }
      answers.push(answer);
    }
    const inner = `changesetresponse_${part.changeSet}_${Date.now()}`;
    const nested = answers.map((a) => `--${inner}\r\n${httpPart(a)}\r\n`).join('') + `--${inner}--`;
    responses.push(`Content-Type: multipart/mixed; boundary=${inner}\r\n\r\n${nested}`);
  }
  const outer = `batchresponse_${Date.now().toString(16)}`;
  const body = responses.map((r) => `--${outer}\r\n${r}\r\n`).join('') + `--${outer}--\r\n`;
  return { status: 200, headers: { 'content-type': `multipart/mixed; boundary=${outer}`, 'odata-version': '4.0' }, body, operations };
}

function operation(store: EntityStore, part: BatchPart, input: BatchInput): ApiAnswer {
  if (part.method !== 'GET' && input.partial?.() === true)
    return error(500, 'Generic SQL error: the operation timed out and was not applied.', '0x80044150');
  const url = new URL(part.target, `${input.baseUrl}/`);
  const prefix = new URL(`${input.baseUrl}/`).pathname;
  if (!url.pathname.startsWith(prefix)) return error(404, `No resource at ${url.pathname}.`);
  return handleResource(
    store,
    {
      method: part.method,
      path: url.pathname.slice(prefix.length),
      query: url.searchParams,
      headers: { ...input.headers, ...part.headers },
      body: part.body,
    },
    input.baseUrl,
  );
}

type Snapshot = Map<string, { rows: Map<string, Row>; byKey: Map<string, string> }>;

function snapshotOf(store: EntityStore): Snapshot {
  const snapshot: Snapshot = new Map();
  for (const [name, table] of store.tables) {
    snapshot.set(name, { rows: new Map([...table.rows].map(([id, row]) => [id, { ...row }])), byKey: new Map(table.byKey) });
  }
  return snapshot;
}

function restore(store: EntityStore, snapshot: Snapshot): void {
  for (const [name, saved] of snapshot) {
    const table = store.tableOf(name);
    table.rows = saved.rows;
    table.byKey = saved.byKey;
  }
}
