import type { Finding, FindingExample, FindingKind } from './discovery.js';
import { EXAMPLES, type Repeat } from './scratch-store.js';

/** Each kind of finding as a person names it, and what it means for the migration; the order is the report's. */
export const FINDING_KINDS: Record<FindingKind, { title: string; meaning: string }> = {
  'missing-required': { title: 'Required value missing', meaning: 'The destination requires this value; the row cannot load until it is filled in.' },
  'orphaned-reference': { title: 'Reference to a missing record', meaning: 'The row points at a record that is not in the export; it is held for the admin or loads unlinked, as the pair says.' },
  'missing-reference': { title: 'No company', meaning: 'The row names no company at all; it loads unlinked, and the admin can pick one in the orphans queue.' },
  'duplicate-email': { title: 'Duplicate email', meaning: "The row repeats an earlier row's email; lookups by email cannot tell the two apart, so merge or correct them first." },
  'duplicate-company': { title: 'Duplicate company name', meaning: 'The company repeats an earlier company\'s name; references by name to either are ambiguous.' },
  'malformed-date': { title: 'Malformed date', meaning: 'The value is not a date in the export\'s format; the run reports the row instead of loading it.' },
  'malformed-email': { title: 'Malformed email', meaning: 'The value is not an email address; the run reports the row instead of loading it.' },
  'malformed-money': { title: 'Malformed amount', meaning: 'The value is not an amount in the export\'s format; the run reports the row instead of loading it.' },
  'unknown-owner': { title: 'Owner without a user', meaning: 'No destination user matches the owner; map the owner to a user, or let the fallback user take the rows.' },
  'inactive-owner': { title: 'Owner is an inactive user', meaning: 'The matching destination user is deactivated; reassign the rows or reactivate the user.' },
  'text-too-long': { title: 'Text longer than the destination holds', meaning: 'The value is longer than the destination attribute allows; the run would refuse the row, so shorten it or map it to a longer field first.' },
  'unknown-choice-value': { title: 'Value the multi-select does not offer', meaning: "A tag the destination's multi-select picklist has no option for; add the option (the schema-change checklist lists them) or map the tag, or the row is refused." },
  'module-disabled': { title: 'Module switched off', meaning: 'The pair reads an object the source exports only while one of its modules is enabled (Vtiger Quotes and Sales Orders need Inventory), and the export has no file for it: enable the module and export again, or confirm there are none.' },
  'unusable-file': { title: 'Attachment that cannot be read', meaning: "The file the row names is missing, outside the export folder, not a regular file, or larger than the destination's file-size limit; the run skips the row and says which." },
};
const KIND_ORDER = Object.keys(FINDING_KINDS);

/**
 * Gathers findings by kind, object and column as rows go by: a count and the first few rows, so a finding that
 * touches a million rows costs what one touching five does.
 */
export class FindingCollector {
  private readonly findings = new Map<string, Finding>();

  add(kind: FindingKind, at: { object: string; file: string; column?: string }, example: FindingExample): void {
    const id = `${kind}\u0000${at.object}\u0000${at.column ?? ''}`;
    let finding = this.findings.get(id);
    if (finding === undefined) {
      finding = { kind, object: at.object, file: at.file, ...(at.column === undefined ? {} : { column: at.column }), count: 0, examples: [], detail: FINDING_KINDS[kind].meaning };
      this.findings.set(id, finding);
    }
    finding.count += 1;
    if (finding.examples.length < EXAMPLES) finding.examples.push(example);
  }

  /** A finding about a file the export lacks: no rows to count, so its detail says what is missing. */
  addMissing(kind: FindingKind, at: { object: string; file: string }, detail: string): void {
    this.findings.set(`${kind}\u0000${at.object}\u0000`, { kind, object: at.object, file: at.file, count: 0, examples: [], detail });
  }

  /** Findings the scratch store worked out in one query (duplicates, orphans). */
  addGrouped(kind: FindingKind, groups: readonly Repeat[]): void {
    for (const g of groups) {
      this.findings.set(`${kind}\u0000${g.object}\u0000${g.column}`, { kind, object: g.object, file: g.file, column: g.column, count: g.count, examples: g.examples, detail: FINDING_KINDS[kind].meaning });
    }
  }

  list(): Finding[] {
    return [...this.findings.values()].sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.object.localeCompare(b.object) || (a.column ?? '').localeCompare(b.column ?? ''));
  }
}
