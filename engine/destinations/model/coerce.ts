import type { PlatformField } from '../../spec/generated/platform-spec.js';
import { dateCoercer } from './date-values.js';
import { multiOptionCoercer, optionCoercer } from './option-values.js';
import { isEmpty, Rejection, show, type Affinity, type Coerce, type Reject, type ValueLimits } from './value-types.js';

/**
 * The value rules of one attribute, compiled once per attribute into a function the sandbox calls for every value.
 * Pure: no database, no clock. A broken rule is returned as a `Rejection` rather than thrown, because a rejected
 * value is ordinary data and throwing costs far more than returning on a million-row load.
 */

export { Rejection, show, type Affinity, type Coerce, type SqlValue, type ValueLimits } from './value-types.js';

/** Option values that are all integers (Dataverse) are stored as integers; string options (Salesforce) as text. */
export function affinityOf(field: Pick<PlatformField, 'type' | 'options'>): Affinity {
  switch (field.type) {
    case 'integer':
    case 'boolean':
      return 'INTEGER';
    case 'decimal':
    case 'money':
    case 'percent':
      return 'REAL';
    case 'picklist':
    case 'state':
    case 'status': {
      const options = field.options ?? [];
      return options.length > 0 && options.every((o) => Number.isInteger(o.value)) ? 'INTEGER' : 'TEXT';
    }
    default:
      return 'TEXT';
  }
}

export function valueCoercer(field: PlatformField, limits: ValueLimits): Coerce {
  const reject = (value: unknown, problem: string): Rejection =>
    new Rejection(`Attribute ${field.name} value ${show(value)} ${problem}.`);
  switch (field.type) {
    case 'integer':
      return numberCoercer(field, true, reject);
    case 'decimal':
    case 'money':
    case 'percent':
      return numberCoercer(field, false, reject);
    case 'boolean':
      return booleanCoercer(reject);
    case 'date':
      return dateCoercer(false, limits, reject);
    case 'datetime':
      return dateCoercer(true, limits, reject);
    case 'picklist':
    case 'state':
    case 'status':
      return optionCoercer(field, affinityOf(field) === 'TEXT', reject);
    case 'multipicklist':
      return multiOptionCoercer(field, reject);
    case 'lookup':
    case 'owner':
    case 'id':
      return idCoercer(reject);
    default:
      return textCoercer(field.maxLength, reject);
  }
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

function numberCoercer(field: PlatformField, integer: boolean, reject: Reject): Coerce {
  const { min, max } = field;
  const kind = integer ? 'a whole number' : 'a number';
  return (value) => {
    if (isEmpty(value)) return null;
    let n: number;
    if (typeof value === 'number') n = value;
    else if (typeof value === 'string') {
      const trimmed = value.trim();
      if (trimmed === '') return null;
      if (!NUMBER.test(trimmed)) return reject(value, `is not ${kind}`);
      n = Number(trimmed);
    } else return reject(value, `is not ${kind}`);
    if (!Number.isFinite(n)) return reject(value, `is not ${kind}`);
    if (integer && !Number.isSafeInteger(n)) return reject(value, 'is not a whole number');
    if (min !== undefined && n < min) return reject(value, `is below the minimum of ${min}`);
    if (max !== undefined && n > max) return reject(value, `is above the maximum of ${max}`);
    return n;
  };
}

const TRUE = new Set(['true', '1', 'yes']);
const FALSE = new Set(['false', '0', 'no']);

function booleanCoercer(reject: Reject): Coerce {
  return (value) => {
    if (value === true || value === 1) return 1;
    if (value === false || value === 0) return 0;
    if (isEmpty(value)) return null;
    if (typeof value === 'string') {
      const word = value.trim().toLowerCase();
      if (TRUE.has(word)) return 1;
      if (FALSE.has(word)) return 0;
      if (word === '') return null;
    }
    return reject(value, 'is not a yes/no value (true or false)');
  };
}

function idCoercer(reject: Reject): Coerce {
  return (value) => {
    if (isEmpty(value)) return null;
    if (typeof value !== 'string' || value.trim() === '') return reject(value, 'is not a record id');
    return value;
  };
}

/** Text is counted in characters (code points), as the platforms count it, not in UTF-16 units. */
function textCoercer(maxLength: number | undefined, reject: Reject): Coerce {
  return (value) => {
    let text: string;
    if (typeof value === 'string') {
      if (value === '') return null;
      text = value;
    } else if (typeof value === 'number' && Number.isFinite(value)) text = String(value);
    else if (value === null || value === undefined) return null;
    else return reject(value, 'is not text');
    if (maxLength !== undefined && text.length > maxLength) {
      const length = [...text].length;
      if (length > maxLength) return reject(value, `is ${length} characters long, over the maximum of ${maxLength}`);
    }
    return text;
  };
}
