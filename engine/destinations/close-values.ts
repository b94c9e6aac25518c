import type { CloseRule } from '../spec/close-rule.js';
import type { CloseRequest, DestinationRecord } from './destination.js';

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

