import type { FieldOption, PlatformField } from '../../spec/generated/platform-spec.js';
import { isEmpty, show, type Coerce, type Reject, type SqlValue } from './value-types.js';

interface OptionIndex {
  /** Resolves an option value or label to the stored value; undefined when it is neither. */
  resolve(value: string | number): SqlValue | undefined;
  describe(): string;
}

/**
 * Exact option values win over case-insensitive values, which win over case-insensitive labels, so that a label
 * which happens to spell another option's value cannot shadow it.
 */
function optionIndex(options: readonly FieldOption[], asText: boolean): OptionIndex {
  const exact = new Map<string, SqlValue>();
  const loose = new Map<string, SqlValue>();
  const stored = (o: FieldOption): SqlValue => (asText ? String(o.value) : o.value);
  for (const o of options) if (!exact.has(String(o.value))) exact.set(String(o.value), stored(o));
  for (const o of options) {
    const key = String(o.value).toLowerCase();
    if (!loose.has(key)) loose.set(key, stored(o));
  }
  for (const o of options) {
    const key = o.label.trim().toLowerCase();
    if (!loose.has(key)) loose.set(key, stored(o));
  }
  return {
    resolve(value) {
      const key = String(value).trim();
      return exact.get(key) ?? loose.get(key.toLowerCase());
    },
    describe() {
      const shown = options.slice(0, 6).map((o) => (String(o.value) === o.label ? o.label : `${o.value} ${o.label}`));
      const more = options.length > shown.length ? `, and ${options.length - shown.length} more` : '';
      return `${shown.join(', ')}${more}`;
    },
  };
}

/** Without options in the spec any value is accepted: the sandbox knows no list to check it against. */
export function optionCoercer(field: PlatformField, asText: boolean, reject: Reject): Coerce {
  const options = field.options ?? [];
  if (options.length === 0) {
    return (value) => {
      if (isEmpty(value)) return null;
      if (typeof value === 'number' || typeof value === 'string') return String(value);
      return reject(value, 'is not an option value');
    };
  }
  const index = optionIndex(options, asText);
  return (value) => {
    if (isEmpty(value)) return null;
    if (typeof value !== 'number' && typeof value !== 'string') return reject(value, 'is not an option value');
    const resolved = index.resolve(value);
    if (resolved === undefined) return reject(value, `is not one of its options (${index.describe()})`);
    return resolved;
  };
}

/** Parts separated by `;`, each an option value or label; stored as the values joined by `;`, without repeats. */
export function multiOptionCoercer(field: PlatformField, reject: Reject): Coerce {
  const options = field.options ?? [];
  const index = options.length > 0 ? optionIndex(options, true) : undefined;
  return (value) => {
    if (isEmpty(value)) return null;
    if (typeof value !== 'number' && typeof value !== 'string') return reject(value, 'is not a list of option values');
    const parts = String(value)
      .split(';')
      .map((p) => p.trim())
      .filter((p) => p !== '');
    if (parts.length === 0) return null;
    const chosen: string[] = [];
    for (const part of parts) {
      const resolved = index === undefined ? part : index.resolve(part);
      if (resolved === undefined || resolved === null) {
        return reject(value, `has ${show(part)}, which is not one of its options (${index?.describe() ?? ''})`);
      }
      const text = String(resolved);
      if (!chosen.includes(text)) chosen.push(text);
    }
    return chosen.join(';');
  };
}

/** Record ids are strings; whether the record exists is the reference check's business, not a value rule. */
