import type { Dependency } from '../spec/import-order.js';
import type { CustomAttribute, Load, StageRow, TransformStep } from '../spec/generated/pair-spec.js';
import type { LocatedFile } from '../source/export-file-name.js';
import type { CloseRule } from '../spec/close-rule.js';
import type { PlannedAttendees } from './planned-attendees.js';

/** One load, resolved against the engagement: absolute file, key columns, and lookups split by pass. */
export interface PlannedLoad {
  id: string;
  /** The object row of the pair this load belongs to. */
  rowId: string;
  sourceObject: string;
  file: string;
  /** Export file name as the export names it, for reports (`contacts.csv:12`). */
  fileName: string;
  object: string;
  keyColumns: string[];
  /** The rows of a shared file this load takes: `values` lower-cased for matching, `written` as the spec spells them. */
  filter?: { column: string; values: ReadonlySet<string>; written: readonly string[] };
  fields: PlannedField[];
  lookups: PlannedLookup[];
  owner?: Load['owner'];
  attachment?: Load['attachment'];
  /** Deals: the column naming each deal's pipeline, whose process (record type, business process flow) it follows. */
  process?: Load['process'];
  /** Meetings: the columns naming invitees, written as attendee records after every load has run. */
  attendees?: PlannedAttendees;
  /** Loads that other loads look up by name or email, so their names and emails are indexed while they load. */
  indexBy: ('name' | 'email')[];
  /** Columns whose values, joined by spaces, name a record for lookups by name. */
  nameColumns: string[];
  /** The export's last-modified column for this object, which delta runs compare first. */
  modifiedColumn?: string;
  emailColumn?: string;
  /** Every column name the specs know for this file (the platform's and the ones mapped), matched tolerantly on read. */
  knownColumns: string[];
  /** How the file was found in the export (its declared name, the engagement's, or a variant of it). */
  found: LocatedFile;
  /** The engagement's header aliases for this file: header as written to the spec's column name. */
  headerAliases?: Readonly<Record<string, string>>;
  /** What to do with a second row carrying a key already seen in the file (see engine/run/duplicate-rows). */
  duplicates: DuplicatePolicy;
  /** Won and lost rows load open and are closed afterwards, the destination's way (engine/run/close-step). */
  close?: CloseRule;
  /** Mapped attributes the destination takes only on create (audit fields such as `CreatedDate`): left out of updates. */
  createOnly?: string[];
}

/** Which of several rows with one source key loads: the first, the last, or none (all held for a person). */
export type DuplicatePolicy = 'first' | 'last' | 'hold';

export interface PlannedField {
  to: string;
  columns: string[];
  value?: string | number | boolean;
  steps: TransformStep[];
  /**
   * What a value this field cannot take does to its row. A required attribute skips the row; any other loses only
   * that value (reported), so one bad optional cell never costs the whole record.
   */
  onError: 'skip' | 'blank' | 'hold';
}

export interface PlannedLookup {
  to: string;
  /** The reference's column as reports name it; a composite reference's columns joined by " + ". */
  column: string;
  /** The columns holding the reference: one, or the parts of a composite key in the target key's order. */
  columns: string[];
  targets: string[];
  by: 'key' | 'name' | 'email';
  onMissing: 'blank' | 'hold' | 'skip';
  /** Set in the second pass, after every load has run (self-references, broken cycles). */
  deferred: boolean;
  /** A column naming the kind of record referenced, and its values (lower-cased) to the load to look in. */
  typeColumn?: string;
  types?: Readonly<Record<string, string>>;
}

export interface MigrationPlan {
  pairId: string;
  loads: PlannedLoad[];
  deferred: Dependency[];
  stageTables: Map<string, StageRow[]>;
  customAttributes: CustomAttribute[];
  /** Destination objects written, dependencies first. */
  objects: string[];
}
