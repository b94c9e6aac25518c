import { closeOutcome, type CloseRule } from '../spec/close-rule.js';
import type { CloseRequest, CloseResult, DestinationRecord, RecordPatch, RecordResult } from './destination.js';

/** The values a close writes on the record itself: the closed state, its status, and the actual date and revenue. */
export function closedValues(rule: CloseRule, request: CloseRequest): DestinationRecord {
  const values: DestinationRecord = { [rule.state]: request.outcome === 'won' ? rule.wonValue : rule.lostValue };
  if (rule.status !== undefined) {
    // A status the pair mapped is kept when it is one of the closed state's (Out-Sold); any other takes the default.
    const given = request.status === null ? undefined : String(request.status).toLowerCase();
    values[rule.status.attribute] = given !== undefined && rule.closedStatuses[request.outcome].includes(given) ? (request.status as string | number) : rule.status[request.outcome];
  }
  if (rule.date !== undefined && request.date !== null) values[rule.date] = request.date;
  if (rule.revenue !== undefined && request.revenue !== null) values[rule.revenue] = request.revenue;
  return values;
}


/**
 * The close of a platform whose records close by an ordinary update (Salesforce: a closed stage with its close date
 * and amount). A record already closed the same way is `unchanged`; one closed the other way is not reopened here.
 */
export async function closeByUpdate(
  rule: CloseRule,
  object: string,
  requests: readonly CloseRequest[],
  read: (ids: readonly string[], attributes: readonly string[]) => Promise<Map<string, DestinationRecord>>,
  update: (patches: RecordPatch[]) => Promise<RecordResult[]>,
): Promise<CloseResult[]> {
  const watched = [rule.state, rule.status?.attribute, rule.date, rule.revenue].filter((a): a is string => a !== undefined);
  const current = await read(requests.map((r) => r.id), watched);
  const results: CloseResult[] = new Array(requests.length);
  const patches: { index: number; patch: RecordPatch }[] = [];
  requests.forEach((request, index) => {
    const before = current.get(request.id);
    const already = before === undefined ? undefined : closeOutcome(rule, before[rule.state]);
    if (before === undefined) results[index] = { status: 'failed', error: `No ${object} record has id ${request.id}.` };
    else if (already === request.outcome) results[index] = { status: 'unchanged' };
    else if (already !== undefined) results[index] = { status: 'failed', error: `The ${object} is already closed as ${already}; reopen it before closing it as ${request.outcome}.` };
    else patches.push({ index, patch: { id: request.id, values: closedValues(rule, request) } });
  });
  const written = patches.length === 0 ? [] : await update(patches.map((p) => p.patch));
  patches.forEach(({ index, patch }, i) => {
    const result = written[i];
    results[index] =
      result === undefined || result.status === 'failed'
        ? { status: 'failed', error: result?.error ?? 'refused by the destination' }
        : { status: 'closed', previous: current.get(patch.id) ?? {}, ...(result.version === undefined ? {} : { version: result.version }) };
  });
  return results;
}
