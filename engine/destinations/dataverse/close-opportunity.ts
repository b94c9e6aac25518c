import type { CloseRequest, CloseResult, DestinationRecord } from '../destination.js';
import type { CloseRule } from '../../spec/close-rule.js';
import { closeDecision, closedValues, closeWatched } from '../close-values.js';
import { fetchBy } from './entity-fetch.js';
import type { WebApiClient } from './web-api-client.js';

/** What the close needs of the destination besides the client: reads and value normalisation of the closed object. */
export interface CloseContext {
  client: WebApiClient;
  rule: CloseRule;
  object: string;
  entitySet: string;
  /** The close record's entity set (`opportunitycloses`), to find the record the action created. */
  recordSet: string | undefined;
  read: (ids: readonly string[], attributes: readonly string[]) => Promise<Map<string, DestinationRecord>>;
  normalize: (values: DestinationRecord) => DestinationRecord;
}

/**
 * Closes opportunities the only way Dataverse allows: the WinOpportunity or LoseOpportunity action, given the
 * status reason and an OpportunityClose entity (subject, actual end, actual revenue, bound to the opportunity). The
 * action creates the opportunityclose activity itself; it is read back by its opportunity so rollback can delete it.
 */
export async function closeOpportunities(ctx: CloseContext, requests: readonly CloseRequest[]): Promise<CloseResult[]> {
  const { rule } = ctx;
  if (rule.messages === undefined) return requests.map(() => ({ status: 'failed', error: `The platform names no close action for ${ctx.object}.` }));
  const current = await ctx.read(requests.map((r) => r.id), closeWatched(rule));
  const results: CloseResult[] = [];
  for (const request of requests) {
    const before = current.get(request.id);
    const decision = closeDecision(rule, ctx.object, request, before);
    if (decision === 'unchanged') {
      const found = await closeRecordOf(ctx, request.id);
      results.push({ status: 'unchanged', ...(found === undefined ? {} : { closeRecord: found }) });
      continue;
    }
    if (decision !== 'close' || before === undefined) {
      results.push({ status: 'failed', error: decision === 'close' ? 'no record' : decision.error });
      continue;
    }
    const values = ctx.normalize(closedValues(rule, request));
    const close: Record<string, unknown> = { [`${rule.record?.parent ?? 'opportunityid'}@odata.bind`]: `/${ctx.entitySet}(${request.id})` };
    if (rule.record?.subject !== undefined) close[rule.record.subject] = request.subject;
    if (rule.record?.date !== undefined && request.date !== null) close[rule.record.date] = request.date;
    if (rule.record?.revenue !== undefined && request.revenue !== null) close[rule.record.revenue] = request.revenue;
    try {
      const status = rule.status === undefined ? undefined : values[rule.status.attribute];
      await ctx.client.send((api) => api.callAction({ actionName: request.outcome === 'won' ? rule.messages!.won : rule.messages!.lost, action: { Status: status ?? -1, OpportunityClose: close } }));
      const found = await closeRecordOf(ctx, request.id);
      results.push({ status: 'closed', previous: before, ...(found === undefined ? {} : { closeRecord: found }) });
    } catch (error) {
      results.push({ status: 'failed', error: error instanceof Error ? error.message : String(error) });
    }
  }
  return results;
}

async function closeRecordOf(ctx: CloseContext, id: string): Promise<{ object: string; id: string } | undefined> {
  const record = ctx.rule.record;
  if (record === undefined || ctx.recordSet === undefined) return undefined;
  const found = await fetchBy(ctx.client, ctx.recordSet, `_${record.parent}_value`, [id], ['activityid']);
  const activity = found.get(id.toLowerCase())?.['activityid'];
  return typeof activity === 'string' ? { object: record.object, id: activity } : undefined;
}
