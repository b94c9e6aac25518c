import { valueCoercer, type Coerce } from '../destinations/model/coerce.js';
import type { Engagement } from '../engagement/engagement.js';

/**
 * The destination's value rules for each attribute, compiled once and shared: the export check tries distinct values
 * against them before a run, and the run's mapper checks optional values with them before a record is sent.
 */
export function attributeRules(engagement: Engagement): (object: string, attribute: string) => Coerce | undefined {
  const rules = engagement.destination.spec.rules ?? {};
  const limits = { ...(rules.dateMin ? { dateMin: rules.dateMin } : {}), ...(rules.dateMax ? { dateMax: rules.dateMax } : {}) };
  const compiled = new Map<string, Coerce | undefined>();
  return (object, attribute) => {
    const key = `${object}.${attribute}`;
    if (!compiled.has(key)) {
      const field = engagement.destination.field(object, attribute);
      compiled.set(key, field === undefined ? undefined : valueCoercer(field, limits));
    }
    return compiled.get(key);
  };
}
