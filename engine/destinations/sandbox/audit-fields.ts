import type { DestinationRecord } from '../destination.js';
import type { PlatformSpec } from '../../spec/generated/platform-spec.js';

/**
 * The platform's rule for create-only audit fields (Salesforce `CreatedDate`, `CreatedById`), as the sandbox keeps it:
 * an org that lets the loading user set them takes them when a record is created and refuses them on update; an org
 * that does not gets the records without them, and the run says so in a note rather than losing the dates silently.
 */
export class AuditFields {
  private readonly byObject: Map<string, string[]>;
  private readonly dropped = new Set<string>();

  constructor(
    spec: PlatformSpec,
    private readonly allowed: boolean,
  ) {
    this.byObject = new Map(spec.objects.map((o) => [o.name, o.fields.filter((f) => f.audit === true).map((f) => f.name)] as const).filter(([, names]) => names.length > 0));
  }

  /** The records as the org would take them: without audit values when it does not allow them. */
  allowedValues<T extends { values: DestinationRecord }>(object: string, records: readonly T[]): readonly T[] {
    const names = this.byObject.get(object);
    if (this.allowed || names === undefined) return records;
    return records.map((record) => {
      const present = names.filter((n) => record.values[n] !== undefined && record.values[n] !== null);
      if (present.length === 0) return record;
      this.dropped.add(object);
      const values = { ...record.values };
      for (const name of present) delete values[name];
      return { ...record, values };
    });
  }

  /** Audit attributes of the object. */
  names(object: string): readonly string[] {
    return this.byObject.get(object) ?? [];
  }

  /**
   * For each record, the refusal of an audit value that would change a record that already exists, or undefined.
   * The same value again (a rerun, a resumed batch) changes nothing and passes.
   */
  updateRefusals(object: string, records: readonly { values: DestinationRecord }[], stored: (index: number) => DestinationRecord | undefined): (string | undefined)[] {
    const names = this.byObject.get(object) ?? [];
    return records.map((record, i) => {
      const sent = names.filter((n) => record.values[n] !== undefined && record.values[n] !== null);
      if (sent.length === 0) return undefined;
      const before = stored(i);
      const changed = before === undefined ? undefined : sent.find((n) => before[n] !== record.values[n]);
      if (changed === undefined) return undefined;
      return `Attribute ${changed} cannot be written on update: it is an audit field the platform takes only when a record is created.`;
    });
  }

  /** What the run report should say when audit values were left out. */
  note(): string | undefined {
    if (this.dropped.size === 0) return undefined;
    return `The engagement says the org does not let the loading user set audit fields (options.auditFields: false): CreatedDate and CreatedById were left out of ${[...this.dropped].join(', ')}, so those records show the load date as their creation date. Grant "Set Audit Fields upon Record Creation" to keep the original dates.`;
  }
}
