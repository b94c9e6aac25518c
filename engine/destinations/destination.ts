import type { PlatformSpec } from '../spec/generated/platform-spec.js';
import type { CustomAttribute } from '../spec/generated/pair-spec.js';
import type { DestinationUser } from '../spec/generated/engagement-spec.js';

/**
 * The one interface every target implements: the SQLite sandbox now, Dataverse, Salesforce and native-importer
 * packages later. It is asynchronous and batched, and answers with one result per record, so that a target can
 * accept part of a batch and reject the rest.
 */
export interface Destination {
  /** A short description for reports, never containing secrets, e.g. `sqlite:engagement/sandbox.db`. */
  readonly label: string;

  /**
   * What a person should know about the run that does not stop it, e.g. an org that does not let original creation
   * dates be written, so records take the load date. Filled by `open` and the writes; copied into the run report.
   */
  readonly notes?: readonly string[];

  /** Records per batch that suit the target (its API's limit, or what amortises a commit), unless the engagement says. */
  readonly preferredBatchSize: number;

  /** Prepares the target for a pair: the sandbox creates tables; a live target reads and checks metadata. */
  open(setup: DestinationSetup): Promise<SetupProblem[]>;

  /**
   * Reads the target's metadata and reports what would stop a load (an attribute or custom field not created, the
   * source-key field or its alternate key missing, a choice value absent), changing nothing. `plan` calls it so that
   * these show up before any record moves. A target that creates its own schema (the sandbox) has none.
   */
  preflight?(setup: DestinationSetup): Promise<SetupProblem[]>;

  /** Creates or updates records by source key; a record that already holds exactly these values is `unchanged`. */
  upsert(object: string, records: readonly OutgoingRecord[]): Promise<RecordResult[]>;

  /** Sets lookups on records that already exist (the second pass that breaks self-references and cycles). */
  patch(object: string, patches: readonly RecordPatch[]): Promise<RecordResult[]>;

  /** Reads records by destination id, with the attributes named (all when omitted). */
  read(object: string, ids: readonly string[], attributes?: readonly string[]): Promise<Map<string, DestinationRecord>>;

  /**
   * The values as the destination would store and read them back (option labels as option values, dates and numbers
   * in its own form), so that what a mapping produces compares with what `read` returns. A value the destination would
   * reject is returned unchanged. Needs `open` first, like the writes.
   */
  normalize(object: string, values: DestinationRecord): DestinationRecord;

  /**
   * The row version of each record that exists (Dataverse `versionnumber`, Salesforce `SystemModstamp`, the
   * sandbox's `_version`): it changes whenever anyone edits the record, which is how a delta run spots conflicts.
   */
  versions(object: string, ids: readonly string[]): Promise<Map<string, string>>;

  /**
   * Closes open records as won or lost, the platform's way (its object's `close` in the platform spec): Dataverse
   * through WinOpportunity/LoseOpportunity, which create an `opportunityclose` record; Salesforce by a closed stage.
   * A record already closed the same way comes back `unchanged` with its close record, so a resumed or repeated run
   * never closes twice. A target without it cannot close: the run reports every won or lost row as not closed.
   */
  closeRecords?(object: string, requests: readonly CloseRequest[]): Promise<CloseResult[]>;

  /** Deletes records by destination id (rollback of what a run created). */
  remove(object: string, ids: readonly string[]): Promise<RecordResult[]>;

  /** Puts back attribute values a run overwrote (rollback of what a run updated). */
  restore(object: string, records: readonly { id: string; values: DestinationRecord }[]): Promise<RecordResult[]>;

  /** How many records the object holds. */
  count(object: string): Promise<number>;

  /** Resolves users for owner mapping: email (lower-case) to id and active flag. */
  users(): Promise<Map<string, { id: string; active: boolean; name: string }>>;

  close(): Promise<void>;
}

export interface DestinationSetup {
  destination: PlatformSpec;
  /** Objects the pair loads into, so that only those are prepared. */
  objects: readonly string[];
  /** Attributes the pair and the engagement add to the destination. */
  customAttributes: readonly CustomAttribute[];
  /**
   * Every attribute the plan writes, per destination object, so that a live target can check each one exists
   * before any record moves. Optional: a caller that only prepares tables (tests, benchmarks) can leave it out.
   */
  writes?: Readonly<Record<string, readonly string[]>>;
  /** Users the engagement knows; the sandbox seeds its user table with them. */
  users: readonly DestinationUser[];
  /** The destination edition in force, for edition limits. */
  edition?: string;
  /**
   * The engagement's currencies (its `options.currency`, rate 1, and its `options.rates`): a sandbox whose destination
   * keeps currencies as records (`rules.currency.record`) holds one record for each.
   */
  currencies?: readonly { code: string; rate: number }[];
  /**
   * Whether the org lets the loading user set create-only audit fields (Salesforce `CreatedDate`): the engagement's
   * `options.auditFields`, true unless it says otherwise. The sandbox follows it; a live target asks the org.
   */
  auditFields?: boolean;
}

export interface SetupProblem {
  object?: string;
  attribute?: string;
  message: string;
}

/** Attribute values as they are written: strings, numbers, booleans or null. Lookups hold destination ids. */
export type DestinationRecord = Record<string, string | number | boolean | null>;

export interface OutgoingRecord {
  /** The source key (one or more columns joined), stored with the record for upserts. */
  sourceKey: string;
  values: DestinationRecord;
}

export interface RecordPatch {
  id: string;
  values: DestinationRecord;
}

export type RecordStatus = 'created' | 'updated' | 'unchanged' | 'failed' | 'deleted' | 'restored';

export interface RecordResult {
  sourceKey?: string;
  id?: string;
  status: RecordStatus;
  /** The record's row version after this call, when the target reports one. */
  version?: string;
  /** For `updated`: the values the write replaced, so rollback can restore them. */
  previous?: DestinationRecord;
  /** For `failed`: the rule the record broke, in one sentence. */
  error?: string;
}

/** One record to close, with the values the close writes. */
export interface CloseRequest {
  id: string;
  outcome: 'won' | 'lost';
  /** The actual close date and revenue (null when the source has none). */
  date: string | number | boolean | null;
  revenue: string | number | boolean | null;
  /** A status reason of the closed state the pair mapped; null takes the platform's default. */
  status: string | number | boolean | null;
  /** The close record's subject, e.g. `Won: Annual renewal`. */
  subject: string;
  /** The source key the close record is stored under, so that it can be found again. */
  sourceKey: string;
}

export interface CloseResult {
  /** `closed` now; `unchanged` when it already was, the same way; `failed` with the reason. */
  status: 'closed' | 'unchanged' | 'failed';
  error?: string;
  /** For `closed`: what the closed record held before (state, status, date, revenue), so rollback can reopen it. */
  previous?: DestinationRecord;
  /** The record the close created (or found, for `unchanged`), which rollback deletes. */
  closeRecord?: { object: string; id: string };
  version?: string;
}
