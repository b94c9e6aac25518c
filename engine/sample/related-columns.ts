import { headerWords } from './header-words.js';
import type { RefTarget } from './types.js';

/**
 * Columns that only make sense beside a reference: the display name an export repeats next to the id it links by,
 * and the picklist that says which object a polymorphic reference points at.
 */

/** `Company` next to the reference `Company ID` repeats the referenced record's name. */
export function companionOf(column: string, refs: Map<string, unknown>): string | undefined {
  const mine = headerWords(column).replace(/\s*name$/, '');
  for (const ref of refs.keys()) {
    const base = headerWords(ref).replace(/\s*(crm\s*)?(id|key|number|email)$/, '');
    if (ref !== column && base !== headerWords(ref) && base === mine) return ref;
  }
  return undefined;
}

/**
 * A column naming the object a polymorphic reference points at: a picklist whose options are the targets' labels
 * (`Related To Type`: Organisation, Contact, Deal beside `Related To CRM ID`), or a text column named after the
 * reference (`Parent Module` beside `Parent Number`), which gets the module name.
 */
export function typeColumn(
  column: string,
  options: string[] | undefined,
  refs: Map<string, { targets: RefTarget[] }>,
  labels: (object: string) => string[],
  moduleName: (object: string) => string,
): { column: string; values: Record<string, string> } | undefined {
  for (const [ref, entry] of refs) {
    const objects = [...new Set(entry.targets.map((t) => t.object))];
    if (objects.length < 2) continue;
    const values: Record<string, string> = {};
    if (options !== undefined) {
      for (const object of objects) {
        const match = options.find((o) => labels(object).includes(singular(o)));
        if (match !== undefined) values[object] = match;
      }
      if (Object.keys(values).length === objects.length) return { column: ref, values };
      continue;
    }
    const base = headerWords(ref).replace(/\s*(crm\s*)?(id|key|number)$/, '');
    // Header words are [a-z0-9 ] only, so `base` needs no escaping.
    if (base !== '' && new RegExp(`^${base} (module|type|object|entity)$`).test(headerWords(column))) {
      for (const object of objects) values[object] = moduleName(object);
      return { column: ref, values };
    }
  }
  return undefined;
}

export function singular(word: string): string {
  return word.toLowerCase().trim().replace(/ies$/, 'y').replace(/s$/, '');
}
