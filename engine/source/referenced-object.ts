import type { PlatformIndex } from '../spec/platform-index.js';
import { salesforceKeyPrefix, standardSalesforcePrefix } from '../util/salesforce-ids.js';
import type { Reference } from './reference.js';

/**
 * What an export itself says about the kind of record a reference names, independent of any pair: a Vtiger module
 * prefix (`Leads::::Jane Doe`), a Salesforce id's key prefix (`00Q…` is a lead), or a type column the platform
 * declares beside the id (`typedBy`). Answers with the source platform's object name, or undefined when the export
 * does not say.
 */
export class ReferencedObjects {
  private readonly byPrefix = new Map<string, string>();
  private readonly byLabel = new Map<string, string>();

  constructor(private readonly source: PlatformIndex) {
    for (const name of source.objectNames()) {
      const object = source.object(name);
      if (object === undefined) continue;
      const prefix = standardSalesforcePrefix(object.file ?? name) ?? standardSalesforcePrefix(name);
      if (prefix !== undefined && !this.byPrefix.has(prefix)) this.byPrefix.set(prefix, name);
      for (const label of [name, object.label ?? '']) if (label !== '') this.byLabel.set(label.toLowerCase(), name);
    }
  }

  /** The object a reference cell names, from the reference itself or from the platform's type column for it. */
  of(sourceObject: string, column: string, reference: Reference, typeCell: (column: string) => string): string | undefined {
    if (reference.value === '') return undefined;
    const typedBy = this.source.field(sourceObject, column)?.typedBy;
    if (typedBy !== undefined) {
      const kind = typeCell(typedBy.column).trim().toLowerCase();
      const named = Object.entries(typedBy.values).find(([value]) => value.toLowerCase() === kind)?.[1];
      if (named !== undefined) return named;
    }
    return this.fromReference(reference);
  }

  /** The object the reference text itself names (module prefix or Salesforce key prefix); no other column is read. */
  fromReference(reference: Reference): string | undefined {
    if (reference.module !== undefined) return this.byLabel.get(reference.module.toLowerCase());
    if (this.source.spec.export?.references === 'salesforce-id') {
      const prefix = salesforceKeyPrefix(reference.value);
      return prefix === undefined ? undefined : this.byPrefix.get(prefix);
    }
    return undefined;
  }
}
