/* GENERATED from schemas/engagement.schema.json by npm run gen:types. Do not edit. */

/**
 * `proposed` until a person confirms it.
 */
export type Status = 'proposed' | 'confirmed';

/**
 * One customer migration (`migration.yaml`): which pair, where the export is, which target, and the customer's decisions layered over the pair spec.
 */
export interface EngagementSpec {
  /**
   * Id of the pair spec, e.g. `vtiger--dynamics-365-sales`.
   */
  pair: string;
  /**
   * Folder holding the source export, relative to this file.
   */
  source: string;
  /**
   * Folders of the company's own pair and platform specs (pairs at the top, platforms in `platforms/`), relative to this file, read over the bundled library by every command on this engagement. `crm-migrate init --specs DIR` records it.
   */
  specs?: string[];
  /**
   * Where records go: `sqlite:PATH` (the sandbox), `dataverse:URL`, `salesforce:URL` or `package:DIR`. Paths are relative to this file.
   */
  target: string;
  /**
   * The destination edition, e.g. `Professional`; its limits are enforced.
   */
  edition?: string;
  /**
   * Destination users that owners are matched against (the sandbox's user table).
   */
  users?: DestinationUser[];
  options?: EngagementOptions;
  /**
   * Decisions about the export's custom columns.
   */
  customFields?: CustomFieldDecision[];
  /**
   * The customer's stage table; replaces the pair's default rows of the same source stage.
   */
  stageTable?: StageDecision[];
  /**
   * Source owners mapped to destination users.
   */
  ownerMap?: OwnerDecision[];
  /**
   * How this customer's export names its files and headers, where it differs from the platform spec: a file name (a newer Vtiger build appends a timestamp, a Spanish export translates it) and header aliases (translated or renamed labels, read as the spec's names and reported).
   */
  files?: FileDecision[];
  /**
   * How this customer's export writes values, where it differs from the platform spec: for the whole export, one object, or one column. Later, narrower entries win: engagement-wide, then per object, then per column.
   */
  formats?: FormatDecision[];
  /**
   * Who confirmed which proposals, when, and a hash of exactly what they confirmed.
   */
  confirmations?: Confirmation[];
}
/**
 * A user of the destination.
 */
export interface DestinationUser {
  /**
   * The user's email, which owners are matched by.
   */
  email: string;
  /**
   * Full name.
   */
  name: string;
  /**
   * False for a disabled user, who cannot own records.
   */
  active?: boolean;
}
/**
 * Run options.
 */
export interface EngagementOptions {
  /**
   * Records sent to the destination per batch; by default what the target prefers (5,000 for the sandbox).
   */
  batchSize?: number;
  /**
   * The encoding the export's files are in when they carry no byte-order mark (`windows-1252`, `utf-16le`, `iso-8859-1`); overrides the platform's. Text that is not valid in it blocks `apply` with the file and line.
   */
  encoding?: string;
  /**
   * Which of several rows with the same source key loads, overriding the pair: `first`, `last` or `hold`.
   */
  duplicates?: 'first' | 'last' | 'hold';
  /**
   * Share of skipped rows (0 to 1) above which `apply` exits 1.
   */
  failThreshold?: number;
  /**
   * Email of the user who receives records whose owner has no active user, when the pair allows it.
   */
  fallbackOwner?: string;
  /**
   * ISO code of the currency money values are in.
   */
  currency?: string;
  /**
   * IANA time zone the export's date-times without an offset were written in (the exporting user's zone), e.g. `America/New_York`; replaces the platform's `export.timeZone`. Converted to UTC with the zone's summer-time rules.
   */
  timeZone?: string;
  /**
   * Exchange rates applied to money columns in another currency.
   */
  rates?: ExchangeRate[];
  /**
   * Whether the destination org lets the loading user set create-only audit fields (`CreatedDate`, `CreatedById`: Salesforce's "Set Audit Fields upon Record Creation"). The sandbox follows it: `true` (the default) keeps original creation times; `false` loads without them and notes it in the run report, as a live org without the permission does. A live Salesforce target reads the permission from the org instead.
   */
  auditFields?: boolean;
}
/**
 * How many units of the engagement currency one unit of `code` is worth.
 */
export interface ExchangeRate {
  /**
   * ISO currency code.
   */
  code: string;
  /**
   * The rate.
   */
  rate: number;
}
/**
 * What happens to one custom column of the export.
 */
export interface CustomFieldDecision {
  /**
   * The source object holding the column.
   */
  object: string;
  /**
   * The column header.
   */
  column: string;
  /**
   * `map` to an existing attribute, `create` a custom attribute, `skip` the column, or read it as the record's `key`, a `lookup` to records of the loads in `lookup`, or the record's `owner`.
   */
  action: 'map' | 'create' | 'skip' | 'key' | 'lookup' | 'owner';
  /**
   * For `action: lookup`: the loads whose records the column's values are keys (or names) of, e.g. `[accounts]`.
   *
   * @minItems 1
   */
  lookup?: [string, ...string[]];
  /**
   * The destination attribute.
   */
  to?: string;
  /**
   * Inferred data type.
   */
  type?: string;
  /**
   * Length for a created text attribute.
   */
  maxLength?: number;
  /**
   * Values of a picklist, as discovery found them in the export; a created picklist gets exactly these options.
   */
  options?: string[];
  /**
   * The proposer's confidence, 0 to 1.
   */
  confidence?: number;
  /**
   * The proposer's reason in one line.
   */
  reason?: string;
  status: Status;
}
/**
 * One source stage and where it lands.
 */
export interface StageDecision {
  /**
   * The stage as the source exports it.
   */
  source: string;
  /**
   * The destination stage.
   */
  stage: string;
  /**
   * Win probability in percent.
   */
  probability: number;
  /**
   * `Open`, `Won` or `Lost`.
   */
  outcome: 'Open' | 'Won' | 'Lost';
  /**
   * The proposer's confidence, 0 to 1.
   */
  confidence?: number;
  /**
   * The proposer's reason in one line.
   */
  reason?: string;
  status: Status;
}
/**
 * One source owner and the destination user who takes over their records.
 */
export interface OwnerDecision {
  /**
   * The owner as the source exports it (email or user name).
   */
  source: string;
  /**
   * Email of the destination user; empty to hold the records in the owner queue.
   */
  user?: string;
  /**
   * The proposer's confidence, 0 to 1.
   */
  confidence?: number;
  /**
   * The proposer's reason in one line.
   */
  reason?: string;
  status: Status;
}
/**
 * One source object's file in this export.
 */
export interface FileDecision {
  /**
   * The source platform's object name.
   */
  object: string;
  /**
   * The file's name in the export folder, relative to it.
   */
  file?: string;
  /**
   * Header as the file writes it, to the column name the platform spec uses.
   */
  headers?: {
    [k: string]: string | undefined;
  };
}
/**
 * Formats of the export's values for the whole export, one source object (`object`) or one column (`object` and `column`).
 */
export interface FormatDecision {
  /**
   * The source object (its `name` in the platform spec) the formats apply to; all objects when absent.
   */
  object?: string;
  /**
   * The column (header) of `object` the formats apply to; needs `object`.
   */
  column?: string;
  /**
   * Date formats tried in order before ISO 8601, e.g. `[DD/MM/YYYY]`.
   *
   * @minItems 1
   */
  dateFormats?: [string, ...string[]];
  /**
   * Date-time formats tried in order before ISO 8601, e.g. `['DD MMM, YYYY HH:mm:ss', MM/DD/YYYY hh:mm A]` (quote a format holding a comma).
   *
   * @minItems 1
   */
  dateTimeFormats?: [string, ...string[]];
  /**
   * IANA time zone of date-times without an offset.
   */
  timeZone?: string;
  /**
   * Language of month names and AM/PM markers, e.g. `fr`.
   */
  locale?: string;
  /**
   * Decimal separator of numbers and money, e.g. `,`.
   */
  decimalSeparator?: string;
  /**
   * Thousands separator of numbers and money; empty when none.
   */
  thousandsSeparator?: string;
  /**
   * Symbol that may surround money values, e.g. `kr`.
   */
  currencySymbol?: string;
}
/**
 * A record of one confirmation.
 */
export interface Confirmation {
  /**
   * Who confirmed.
   */
  by: string;
  /**
   * When, as an ISO date-time.
   */
  at: string;
  /**
   * SHA-256 of the confirmed decisions; a later edit no longer matches.
   */
  hash: string;
  /**
   * Which decisions were confirmed: `customFields`, `stageTable` or `ownerMap`.
   */
  scope: 'customFields' | 'stageTable' | 'ownerMap';
}
