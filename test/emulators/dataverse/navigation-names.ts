import type { AttributeSchema } from '../../../engine/destinations/model/table-schema.js';

/** One many-to-one relationship as EntityDefinitions describes it. */
export interface NavigationName {
  attribute: AttributeSchema;
  target: string;
  name: string;
}

/**
 * The navigation properties of a table's lookups, named the way Dataverse names them, which is not one rule: a lookup
 * with one target (and the owner) is named like the attribute, a customer lookup gets one per target
 * (`parentcustomerid_account`), and an activity's regarding lookup also carries the activity table
 * (`regardingobjectid_account_task`). A client that guesses instead of reading the metadata breaks on the last.
 */
export function navigationNames(object: string, columns: readonly AttributeSchema[]): NavigationName[] {
  const names: NavigationName[] = [];
  for (const attribute of columns) {
    if (attribute.reference === undefined) continue;
    const targets = attribute.field.targets ?? [];
    // A lookup whose spec names no target still has its navigation property; it just cannot be described.
    if (targets.length === 0) names.push({ attribute, target: '', name: attribute.name });
    for (const target of targets) {
      let name = attribute.name;
      if (attribute.reference !== 'owner' && targets.length > 1) {
        name = attribute.name === 'regardingobjectid' ? `${attribute.name}_${target}_${object}` : `${attribute.name}_${target}`;
      }
      names.push({ attribute, target, name });
    }
  }
  return names;
}
