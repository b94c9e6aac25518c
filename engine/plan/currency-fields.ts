import type { Engagement } from '../engagement/engagement.js';
import type { PlannedField, PlannedLoad } from './planned-load.js';

/**
 * The destination's currency field, filled on every load that writes amounts, when the engagement is multi-currency.
 * The destination platform declares where it keeps a record's currency (`rules.currency`); the source object may name
 * a currency column; otherwise the amounts themselves (`€12,500`) or the engagement's currency say it. Pairs need no
 * mapping for it. A row whose currency the engagement has no rate for is skipped and reported with its line: loading
 * its amounts as if they were in another currency would be silently wrong.
 */
export function currencyField(engagement: Engagement, load: PlannedLoad): PlannedField | undefined {
  const rule = engagement.destination.spec.rules?.currency;
  if (rule === undefined || engagement.destination.field(load.object, rule.field) === undefined) return undefined;
  if (load.fields.some((f) => f.to === rule.field)) return undefined;
  const amounts = load.fields.filter((f) => f.columns.length > 0 && engagement.destination.field(load.object, f.to)?.type === 'money');
  if (amounts.length === 0) return undefined;
  const currencyColumn = engagement.source.object(load.sourceObject)?.currencyColumn;
  const multiCurrency = currencyColumn !== undefined || (engagement.spec.options?.rates ?? []).length > 0;
  if (!multiCurrency) return undefined;
  const columns = [...new Set([...(currencyColumn === undefined ? [] : [currencyColumn]), ...amounts.flatMap((f) => f.columns)])];
  return { to: rule.field, columns, steps: ['enabled-currency'], onError: 'skip' };
}
