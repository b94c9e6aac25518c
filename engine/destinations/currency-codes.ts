import type { DestinationRecord } from './destination.js';
import type { PlatformSpec } from '../spec/generated/platform-spec.js';

export interface CurrencyRecordRule {
  field: string;
  record: { object: string; codeField: string; rateField?: string; nameField?: string };
}

/** The currency rule of a destination that keeps currencies as records (Dataverse `transactioncurrency`), or undefined. */
export function currencyRecordRule(spec: PlatformSpec): CurrencyRecordRule | undefined {
  const rule = spec.rules?.currency;
  return rule?.record === undefined ? undefined : { field: rule.field, record: rule.record };
}

/**
 * A destination that keeps currencies as records is written with the ISO code in its currency lookup, as the plan
 * cannot know the records' ids; the target turns each code into the id of its currency record on the way in (the
 * sandbox from the records it holds, a live target from the organisation's enabled currencies).
 */
export class CurrencyCodes {
  constructor(
    private readonly rule: CurrencyRecordRule,
    /** ISO code (upper case) to currency record id. */
    private readonly ids: ReadonlyMap<string, string>,
    /** Objects that have the currency lookup. */
    private readonly objects: ReadonlySet<string>,
  ) {}

  /**
   * The values with the currency code replaced by its record's id. A value that is not a 3-letter code (an id a
   * rollback restores) passes through; a code with no record is an error naming it.
   */
  resolve(object: string, values: DestinationRecord): { values: DestinationRecord } | { error: string } {
    if (!this.objects.has(object)) return { values };
    const value = values[this.rule.field];
    if (typeof value !== 'string' || !/^[A-Za-z]{3}$/.test(value)) return { values };
    const id = this.ids.get(value.toUpperCase());
    if (id === undefined) {
      return { error: `Currency ${value.toUpperCase()} is not enabled in the destination (no ${this.rule.record.object} record with ${this.rule.record.codeField} ${value.toUpperCase()}).` };
    }
    return { values: { ...values, [this.rule.field]: id } };
  }

  /** The values as stored, for comparisons: a code without a record is left as written. */
  toIds(object: string, values: DestinationRecord): DestinationRecord {
    const resolved = this.resolve(object, values);
    return 'values' in resolved ? resolved.values : values;
  }
}
