import type { PlatformField } from '../../spec/generated/platform-spec.js';
import { Rejection, valueCoercer, type ValueLimits } from '../model/coerce.js';
import type { DestinationRecord } from '../destination.js';

export type SalesforceValue = DestinationRecord[string];
export type ToSalesforce = (value: unknown) => SalesforceValue | Rejection;

/**
 * The value rules of one Salesforce field, and the form the REST API reads values back in: the sandbox's rules
 * decide what is acceptable (option labels become API names, numbers and dates are checked), then the result is
 * shaped as Salesforce returns it: real booleans, numbers, `YYYY-MM-DD` dates and `2024-05-01T09:30:00.000+0000`
 * date-times. The target normalizes expected values with it and the emulator stores with it, so both sides agree.
 */
export function salesforceValue(field: PlatformField, limits: ValueLimits): ToSalesforce {
  const coerce = valueCoercer(field, limits);
  return (value) => {
    const stored = coerce(value);
    if (stored instanceof Rejection || stored === null) return stored;
    if (field.type === 'boolean') return stored === 1;
    if (field.type === 'datetime' && typeof stored === 'string') return salesforceDateTime(stored);
    return stored;
  };
}

/** `2024-05-01T09:30:00Z` or with milliseconds, as Salesforce writes it: always milliseconds and `+0000`. */
function salesforceDateTime(utc: string): string {
  const [whole, fraction = '000Z'] = utc.split('.');
  const base = (whole as string).replace(/Z$/, '');
  return `${base}.${fraction.replace(/Z$/, '').padEnd(3, '0')}+0000`;
}

export { Rejection };
