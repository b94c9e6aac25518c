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


/** The attributes a close reads before it acts and writes on the record: what rollback puts back. */
export function closeWatched(rule: CloseRule): string[] {
  return [rule.state, rule.status?.attribute, rule.date, rule.revenue].filter((a): a is string => a !== undefined);
}

/**
 * What a close must do to a record as it stands: nothing (closed this way already), refuse (missing, or closed the
 * other way: a close never reopens), or close it. Every target decides the same way, so reruns never close twice.
 */
export function closeDecision(rule: CloseRule, object: string, request: CloseRequest, before: DestinationRecord | undefined): 'close' | 'unchanged' | { error: string } {
  if (before === undefined) return { error: `No ${object} record has id ${request.id}.` };
  const already = closeOutcome(rule, before[rule.state]);
  if (already === request.outcome) return 'unchanged';
  if (already !== undefined) return { error: `The ${object} is already closed as ${already}; reopen it before closing it as ${request.outcome}.` };
  return 'close';
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
  const current = await read(requests.map((r) => r.id), closeWatched(rule));
  const results: CloseResult[] = new Array(requests.length);
  const patches: { index: number; patch: RecordPatch }[] = [];
  requests.forEach((request, index) => {
    const decision = closeDecision(rule, object, request, current.get(request.id));
    if (decision === 'close') patches.push({ index, patch: { id: request.id, values: closedValues(rule, request) } });
    else results[index] = decision === 'unchanged' ? { status: 'unchanged' } : { status: 'failed', error: decision.error };
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
