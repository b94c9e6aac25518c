/* GENERATED from schemas/platform.schema.json by npm run gen:types. Do not edit. */

/**
 * The category that ties a source automation kind to its destination equivalent.
 */
export type AutomationCategory =
  | 'record-triggered'
  | 'scheduled'
  | 'assignment'
  | 'email-sequence'
  | 'approval'
  | 'validation'
  | 'integration'
  | 'scoring'
  | 'script'
  | 'portal';
/**
 * The field's data type, common to every platform.
 */
export type FieldType =
  | 'id'
  | 'text'
  | 'longtext'
  | 'integer'
  | 'decimal'
  | 'money'
  | 'percent'
  | 'date'
  | 'datetime'
  | 'boolean'
  | 'email'
  | 'phone'
  | 'url'
  | 'picklist'
  | 'multipicklist'
  | 'lookup'
  | 'owner'
  | 'state'
  | 'status'
  | 'file';

/**
 * What crm-migrate knows about one CRM: its objects and fields, how it exports, its API limits, gotchas and automation kinds. Shared by every pair that uses the platform.
 */
export interface PlatformSpec {
  /**
   * The id of a platform this one builds on, usually a bundled one: the org's own custom objects, fields and lookups are added to it (an object or field the base lacks is marked `custom` and listed in `plan`'s schema-change checklist). Keys given here replace the base's; `objects` lists only what is added (an object of the base named again gains the fields given).
   */
  extends?: string;
  /**
   * Stable kebab-case identifier that pair specs use to name this platform, e.g. `vtiger`.
   */
  id: string;
  /**
   * The product name as customers know it, e.g. `Vtiger All-In-One CRM`.
   */
  name: string;
  /**
   * A shorter name for tight spaces such as table headers, e.g. `Vtiger`.
   */
  shortName?: string;
  /**
   * Whether the platform is migrated from (`source`), into (`destination`), or both.
   *
   * @minItems 1
   */
  roles: ['source' | 'destination', ...('source' | 'destination')[]];
  /**
   * One paragraph describing the platform for the platform page.
   */
  summary: string;
  /**
   * Where the object and field facts came from (repositories, documentation pages), so a reviewer can check them.
   */
  provenance?: string[];
  /**
   * What the platform does well, one sentence each.
   */
  strengths?: string[];
  /**
   * Where the platform falls short, one sentence each.
   */
  weaknesses?: string[];
  /**
   * Platform problems that bite during a migration.
   */
  gotchas?: Gotcha[];
  api?: ApiProfile;
  /**
   * Commercial editions and the limits that matter to a migration.
   */
  editions?: Edition[];
  export?: ExportFormat;
  rules?: DestinationRules;
  /**
   * Automation kinds the platform offers. They never move as data; the automation inventory lists them for rebuilding.
   */
  automations?: AutomationKind[];
  /**
   * For a destination: which of its tools replaces each category of source automation.
   */
  automationEquivalents?: AutomationEquivalent[];
  /**
   * The platform's objects (tables, modules) and their fields.
   *
   * @minItems 1
   */
  objects: [PlatformObject, ...PlatformObject[]];
  /**
   * For a platform that is both a destination and a source: the objects as its export writes them (files, headers, key columns), when they differ from the data model in `objects` (Dynamics 365's CSV export has display-label headers). A pair that uses the platform as its source reads these. Without it the source reads `objects`, each from `<name>.csv`, as Salesforce's data export writes them.
   *
   * @minItems 1
   */
  exportObjects?: [PlatformObject, ...PlatformObject[]];
}
/**
 * A platform problem that affects migrations.
 */
export interface Gotcha {
  /**
   * Stable kebab-case identifier of the gotcha.
   */
  id: string;
  /**
   * The gotcha in one line.
   */
  title: string;
  /**
   * What happens and what the migration does about it.
   */
  detail: string;
}
/**
 * How the platform can be reached programmatically and the limits that apply.
 */
export interface ApiProfile {
  /**
   * True when the vendor publishes an API that a migration can rely on.
   */
  documented: boolean;
  /**
   * True when the API has a bulk mode suited to large volumes.
   */
  bulk: boolean;
  /**
   * One sentence on the API constraints, shown in the complexity section.
   */
  summary: string;
  /**
   * Documented numeric limits.
   */
  limits?: ApiLimit[];
}
/**
 * One documented numeric limit.
 */
export interface ApiLimit {
  /**
   * What is limited, e.g. `requests per user`.
   */
  name: string;
  /**
   * The limit's number.
   */
  value: number;
  /**
   * Unit of the value, e.g. `requests`, `seconds`, `records`.
   */
  unit: string;
  /**
   * The window the limit applies to, e.g. `5 minutes` or `24 hours`.
   */
  window?: string;
  /**
   * Anything else a migration engineer should know about this limit.
   */
  note?: string;
}
/**
 * A commercial edition of the platform.
 */
export interface Edition {
  /**
   * Edition name, e.g. `Professional`.
   */
  name: string;
  /**
   * List price per user per month.
   */
  pricePerUserMonth?: number;
  /**
   * ISO currency code of the price.
   */
  currency?: string;
  /**
   * How many custom tables the edition allows; the sandbox enforces it.
   */
  customTableLimit?: number;
  /**
   * Other limits or conditions of the edition.
   */
  note?: string;
}
/**
 * How a source platform writes its data export: the shape the engine reads and the sample generator writes.
 */
export interface ExportFormat {
  /**
   * How an admin obtains the export.
   */
  method: string;
  /**
   * The family of export this is, shared by every platform that exports the same way: `salesforce-data-export` (Salesforce's weekly data export and Salesforce-built CRMs such as LeadSmart: one `<API name>.csv` per object, API-name headers, 18-character ids whose first 3 characters name the object, so polymorphic `WhoId`/`WhatId` resolve by trying each target), `dynamics-365-csv` (Dynamics 365 "Export to Excel"/CSV: display-label headers, hidden `(Do Not Modify)` id, checksum and modified-on columns, lookups by display name) or `custom`.
   */
  shape?: 'salesforce-data-export' | 'dynamics-365-csv' | 'custom';
  /**
   * True when crm-migrate documents the export's standard files and headers itself because the vendor publishes none.
   */
  standardTemplate?: boolean;
  /**
   * Character encoding of the files.
   */
  encoding?: string;
  /**
   * Field delimiter.
   */
  delimiter?: string;
  /**
   * Date format in the export, in tokens `YYYY MM DD`, e.g. `MM/DD/YYYY`.
   */
  dateFormat: string;
  /**
   * Date-time format in the export, in tokens `YYYY MM DD HH mm ss` plus a literal `T` or `Z`.
   */
  dateTimeFormat: string;
  /**
   * Decimal separator of money and numbers.
   */
  decimalSeparator?: string;
  /**
   * Thousands separator of money and numbers; empty when none.
   */
  thousandsSeparator?: string;
  /**
   * Symbol that may prefix money values.
   */
  currencySymbol?: string;
  /**
   * Every date format the export may use, tried in order before ISO 8601 (default: `[dateFormat]`), e.g. `[DD MMM YYYY, MM/DD/YYYY]`. Tokens: see `dateTimeFormats`.
   *
   * @minItems 1
   */
  dateFormats?: [string, ...string[]];
  /**
   * Every date-time format the export may use, tried in order before ISO 8601 (default: `[dateTimeFormat]`). Tokens: `YYYY` `YY`, `MMMM` `MMM` (month names), `MM` `M`, `DD` `D`, `HH` `H` (24-hour), `hh` `h` with `A` (12-hour with AM/PM), `mm`, `ss`, `SSS`, `Z` (`Z` or an offset), `ZZ` (an offset); text in `[brackets]` is literal, e.g. `DD MMM, YYYY hh:mm A`.
   *
   * @minItems 1
   */
  dateTimeFormats?: [string, ...string[]];
  /**
   * IANA time zone the export writes date-times in when they carry no offset, e.g. `Europe/Berlin`; converted to UTC with that zone's summer-time rules. Default `UTC`; an engagement's `options.timeZone` replaces it.
   */
  timeZone?: string;
  /**
   * Language of month names and AM/PM markers in dates, as a BCP 47 tag, e.g. `es` for `16 abr. 2021`. Default `en-US`.
   */
  locale?: string;
  /**
   * ISO 4217 code of amounts that name no currency; the engagement's `options.currency` replaces it.
   */
  currency?: string;
  /**
   * How a row refers to another record: by its `id`, by the record's `name`, as Vtiger's `module-label` (`Accounts::::Acme`), or as an 18-character `salesforce-id`.
   */
  references: 'id' | 'name' | 'module-label' | 'salesforce-id';
  /**
   * How owners are written: the user's `email`, display `user-name`, or the user's record `id` (then `userObject` names the exported user table that turns ids into emails).
   */
  owners: 'email' | 'user-name' | 'id';
  /**
   * Separator between values of multi-value fields.
   */
  multiValueSeparator?: string;
  /**
   * How attachment files accompany the export.
   */
  attachments?: string;
  /**
   * Other quirks of the export.
   */
  notes?: string[];
  /**
   * When owners are written as ids: the source object (an exported user table) that maps each user id to an email.
   */
  userObject?: string;
  /**
   * Values the export writes for "no value" (e.g. Vtiger's `--None--`); the engine reads them as empty.
   */
  nullValues?: string[];
}
/**
 * Rules a destination enforces on writes; the sandbox enforces the same ones.
 */
export interface DestinationRules {
  /**
   * Earliest date the destination accepts, ISO `YYYY-MM-DD`.
   */
  dateMin?: string;
  /**
   * Latest date the destination accepts, ISO `YYYY-MM-DD`.
   */
  dateMax?: string;
  /**
   * True when records cannot be assigned to an inactive user.
   */
  activeOwnersOnly?: boolean;
  /**
   * How a new custom field is named: `{name}` is replaced, e.g. `new_{name}` or `{name}__c`.
   */
  customFieldPattern?: string;
  /**
   * The object holding users, which owners are resolved against.
   */
  userObject?: string;
  /**
   * The user object's email field.
   */
  userEmailField?: string;
  /**
   * Largest attachment file, in bytes, the destination takes in one record as crm-migrate sends it (Dataverse annotations: 5,242,880, the environment's default `maxuploadfilesize`; Salesforce ContentVersion through a JSON body: 39,321,600, i.e. 37.5 MB before base64). A larger file is reported on its row and not read. Without it, 5,242,880.
   */
  maxFileBytes?: number;
  /**
   * On a live destination, the custom text field that holds each record's source key. It must be unique and indexed (a Dataverse alternate key, a Salesforce External ID) so that an upsert finds the record an earlier run created; it is listed with the schema changes to make before loading.
   */
  sourceKeyField?: string;
  currency?: CurrencyRule;
  /**
   * How the admin creates the source-key field in this destination's own terms (type, length, and what makes it unique), for the schema-change checklist.
   */
  sourceKeySetup?: string;
  attendees?: AttendeeStorage;
  processes?: ProcessStorage;
}
/**
 * Where the destination keeps the currency of a record's amounts. A load writing a money attribute into an object that has `field` gets it filled when the engagement is multi-currency (it has `options.rates`, or the source object names a `currencyColumn`): from the source object's `currencyColumn`, else the currency the amounts name (`€12,500`), else the engagement's `options.currency`. A currency that is neither the engagement's nor in its rates skips the row, reported with file and line.
 */
export interface CurrencyRule {
  /**
   * The attribute holding the currency: Salesforce `CurrencyIsoCode` (multi-currency orgs), Dataverse `transactioncurrencyid`.
   */
  field: string;
  record?: CurrencyRecord;
}
/**
 * For a destination that keeps currencies as records (Dataverse `transactioncurrency`): `field` is a lookup to the record whose `codeField` is the ISO code. The sandbox holds one record per currency of the engagement (its `options.currency` and `rates`); a live target finds the organisation's by their code, and a currency the organisation has not enabled fails its record with that reason.
 */
export interface CurrencyRecord {
  /**
   * The currency table, e.g. `transactioncurrency`.
   */
  object: string;
  /**
   * Its ISO 4217 code attribute, e.g. `isocurrencycode`.
   */
  codeField: string;
  /**
   * Its exchange-rate attribute (units of the currency per unit of the base currency), which the sandbox fills from `options.rates`, e.g. `exchangerate`.
   */
  rateField?: string;
  /**
   * Its display-name attribute, which the sandbox fills, e.g. `currencyname`.
   */
  nameField?: string;
}
/**
 * How the destination stores a meeting's attendees: one record per attendee in a table of its own (Dataverse `activityparty`, Salesforce `EventRelation`), naming the meeting and the person. Pairs say which columns hold invitee emails (a load's `attendees`); the run resolves each email to a person and writes one such record.
 */
export interface AttendeeStorage {
  /**
   * The attendee table, e.g. `activityparty` or `EventRelation`.
   */
  object: string;
  /**
   * Its lookup to the meeting (`activityid`, `EventId`).
   */
  activity: string;
  /**
   * Its lookup to the person (`partyid`, `RelationId`).
   */
  party: string;
  /**
   * An attribute that keeps the email the invitee was resolved from (`addressused`), when the table has one.
   */
  address?: string;
  /**
   * Destination objects an invitee email is resolved to, tried in this order: the loads of the pair writing these objects (by their email), then the user object's users.
   *
   * @minItems 1
   */
  targets: [string, ...string[]];
  /**
   * Per role a pair may ask for (`required`, `optional`, `organizer`), the attribute values that record it, e.g. `{ participationtypemask: 5 }` or `{ IsInvitee: true }`. A role left out cannot be stored as an attendee on this destination.
   */
  roles: {
    required?: AttendeeRoleValues;
    optional?: AttendeeRoleValues;
    organizer?: AttendeeRoleValues;
  };
  /**
   * Anything a migration engineer should know (limits, how a live target writes them).
   */
  note?: string;
}
/**
 * Attribute values written on an attendee record of this role.
 */
export interface AttendeeRoleValues {
  [k: string]: (string | number | boolean) | undefined;
}
/**
 * How the destination keeps a sales process per pipeline and which one a record follows: Dataverse a business process flow (`workflow`) with its stages (`processstage`), named on the opportunity by `processid` and `stageid`; Salesforce a `BusinessProcess` listing its stages and a `RecordType` using it, named by `RecordTypeId`.
 */
export interface ProcessStorage {
  /**
   * The object whose records follow a process (`opportunity`, `Opportunity`).
   */
  object: string;
  /**
   * What the destination calls one process, for the checklist (`business process flow`, `record type with its sales process`).
   */
  label?: string;
  process: ProcessPart;
  stage: ProcessPart;
  recordType?: ProcessPart;
  /**
   * The record's attribute naming its process, or its record type when there is one (`processid`, `RecordTypeId`).
   */
  recordProcess: string;
  /**
   * The record's attribute naming its current stage record, when the destination has one (`stageid`).
   */
  recordStage?: string;
  /**
   * How a live target gets them (created by the admin from the checklist, then looked up by name).
   */
  note?: string;
}
/**
 * One table of the process setup: its name attribute, the attribute pointing at the process, the stage order attribute, and fixed values.
 */
export interface ProcessPart {
  /**
   * The table (`workflow`, `processstage`, `BusinessProcess`, `RecordType`).
   */
  object: string;
  /**
   * Attribute holding the name (the pipeline's, the stage's).
   */
  name: string;
  /**
   * Stages and record types: the lookup to their process.
   */
  process?: string;
  /**
   * Stages: an attribute holding the stage's position, 1 first.
   */
  order?: string;
  /**
   * Attribute values every record of this table is written with.
   */
  values?: {
    [k: string]: (string | number | boolean) | undefined;
  };
}
/**
 * A kind of automation a platform offers.
 */
export interface AutomationKind {
  /**
   * Stable kebab-case identifier.
   */
  id: string;
  /**
   * The platform's own name for it.
   */
  name: string;
  category: AutomationCategory;
  /**
   * What it does and what an inventory should capture about each instance.
   */
  description: string;
}
/**
 * The destination tool that replaces one category of automation.
 */
export interface AutomationEquivalent {
  category: AutomationCategory;
  /**
   * The destination tool, e.g. `Power Automate cloud flow`.
   */
  equivalent: string;
  /**
   * How to rebuild with it.
   */
  note?: string;
}
/**
 * One object (table, module, export file) of the platform.
 */
export interface PlatformObject {
  /**
   * Destination: the logical or API name (`account`, `Opportunity`). Source: a stable identifier of the exported object (`company`).
   */
  name: string;
  /**
   * Display name.
   */
  label: string;
  /**
   * Source only: the export file holding this object's rows.
   */
  file?: string;
  /**
   * The field holding the record's own id: a source's id column, a destination's primary id attribute.
   */
  key?: string;
  /**
   * The field that names a record; lookups `by: name` match on it.
   */
  primaryName?: string;
  /**
   * Source only: the column with the last-modified time, used by delta runs.
   */
  modifiedField?: string;
  /**
   * Dataverse only: the Web API entity set name, e.g. `accounts`.
   */
  entitySet?: string;
  /**
   * Source only: the feature module that must be switched on for the platform to export this object at all (Vtiger's Inventory for Quotes and Sales Orders). When the pair reads the object and the export has no file for it, `plan` and `discover` name the module instead of a plain missing file.
   */
  requiresModule?: string;
  /**
   * True for activity objects (calls, tasks, meetings, emails) that keep their original timestamps.
   */
  activity?: boolean;
  /**
   * True for a custom table; counted against an edition's custom table limit.
   */
  custom?: boolean;
  /**
   * Anything a migration engineer should know about the object.
   */
  note?: string;
  /**
   * The object's fields: for a source, the standard export headers; for a destination, its attributes.
   */
  fields: PlatformField[];
  formats?: FormatOverrides;
  /**
   * Source only: the column naming each row's currency (`EUR`, `€`, `Euro`), which fills the destination's currency field (see `rules.currency`) beside the amounts.
   */
  currencyColumn?: string;
  /**
   * Source only: when references name a record by several columns joined with spaces (Vtiger writes contacts as `First Last`), those columns in order; lookups `by: name` match on the joined value instead of `primaryName`.
   *
   * @minItems 1
   */
  nameColumns?: [string, ...string[]];
  close?: PlatformClose;
}
/**
 * One field of a platform object.
 */
export interface PlatformField {
  /**
   * Destination: the attribute's logical or API name. Source: the header exactly as the export writes it.
   */
  name: string;
  /**
   * Display label when it differs from the name.
   */
  label?: string;
  /**
   * Source only: the field's internal name, when the header is a label.
   */
  apiName?: string;
  type: FieldType;
  /**
   * A record cannot be created without a value.
   */
  required?: boolean;
  /**
   * The platform fills the field when a create leaves it empty, so it is not enforced as required.
   */
  defaulted?: boolean;
  /**
   * False when the API does not accept values for the field.
   */
  writable?: boolean;
  /**
   * Maximum length in characters of text values.
   */
  maxLength?: number;
  /**
   * Smallest accepted number.
   */
  min?: number;
  /**
   * Largest accepted number.
   */
  max?: number;
  /**
   * Allowed values of a picklist, status or state field.
   */
  options?: FieldOption[];
  /**
   * True for a field the org added (set by `extends` for fields the base platform lacks); a destination's custom fields are listed in the schema-change checklist.
   */
  custom?: boolean;
  formats?: FormatOverrides;
  /**
   * Source: a reference column whose target kind is written in another column of the row (an id plus a module name). Values of that column, compared without case, name the platform object the id belongs to. `verify` uses it to check every link independently of the pair's mapping.
   */
  typedBy?: {
    /**
     * The column naming the kind.
     */
    column: string;
    /**
     * Its values to this platform's object names.
     */
    values: {
      [k: string]: string | undefined;
    };
  };
  /**
   * Objects a lookup field may point at.
   */
  targets?: string[];
  /**
   * Where a fact came from or had to be inferred.
   */
  note?: string;
  /**
   * Destination only: a create-only audit field (Salesforce `CreatedDate`, `CreatedById`). The platform takes a value for it only when a record is created, and only when the org lets the loading user set audit fields (Salesforce: "Set Audit Fields upon Record Creation"); never on update. Such a field is marked `writable: false` and mapped all the same: a run writes it on create, leaves it out of updates, and when the org does not allow it, loads without it and says so in the plan and the run report. The sandbox follows the engagement's `options.auditFields`.
   */
  audit?: boolean;
}
/**
 * One allowed value of a picklist.
 */
export interface FieldOption {
  /**
   * Stored value: an integer option value (Dataverse) or the picklist string (Salesforce, sources).
   */
  value: string | number;
  /**
   * Display label.
   */
  label: string;
  /**
   * For a Dataverse status value: the state value it belongs to.
   */
  state?: number;
}
/**
 * Source only: how this object's or column's values are written when it differs from the platform's `export` block (an object's formats apply to its columns, a column's to itself; an engagement's `formats` win over both).
 */
export interface FormatOverrides {
  /**
   * Date formats tried in order, replacing the platform's.
   *
   * @minItems 1
   */
  dateFormats?: [string, ...string[]];
  /**
   * Date-time formats tried in order, replacing the platform's.
   *
   * @minItems 1
   */
  dateTimeFormats?: [string, ...string[]];
  /**
   * IANA time zone of date-times without an offset, e.g. `America/New_York`.
   */
  timeZone?: string;
  /**
   * Language of month names and AM/PM markers, e.g. `de`.
   */
  locale?: string;
  /**
   * Decimal separator of numbers and money.
   */
  decimalSeparator?: string;
  /**
   * Thousands separator of numbers and money; empty when none.
   */
  thousandsSeparator?: string;
  /**
   * Symbol that may surround money values.
   */
  currencySymbol?: string;
  /**
   * ISO 4217 code of amounts that name no currency.
   */
  currency?: string;
}
/**
 * Destination only: how a record of this object is closed as won or lost (opportunities). A won or lost row loads open and is closed afterwards by the run's close step, the platform's own way: Dataverse through WinOpportunity/LoseOpportunity, which create an `opportunityclose` record; Salesforce by setting a closed stage. Every load into the object that maps `state` gets the close step; the pair's mapping of `state` (a stage table's `outcome`, a `map`) says which source values mean won or lost.
 */
export interface PlatformClose {
  /**
   * The attribute whose value says open, won or lost (`statecode`, `StageName`).
   */
  state: string;
  /**
   * Values of `state`, as the pair's mappings write them (option labels or values), that mean won.
   *
   * @minItems 1
   */
  won: [string, ...string[]];
  /**
   * Values of `state` that mean lost.
   *
   * @minItems 1
   */
  lost: [string, ...string[]];
  /**
   * The value a won or lost record is created with until the close step closes it, when `state` is required on create (Salesforce `StageName`). Without it the create leaves `state` out and the record starts in the platform's default, open state.
   */
  open?: string;
  /**
   * False when the platform refuses a won or lost `state` on create or update and closes records only through its close operation (Dataverse). The sandbox refuses it the same way. Default true.
   */
  closedOnCreate?: boolean;
  /**
   * A status reason the close sets with the state, unless the pair maps one that belongs to the closed state.
   */
  status?: {
    /**
     * The status-reason attribute (`statuscode`).
     */
    attribute: string;
    /**
     * The status of a won record.
     */
    won: string;
    /**
     * The status of a lost record.
     */
    lost: string;
  };
  /**
   * The attribute that receives the actual close date; the pair maps the source's close date to it.
   */
  date?: string;
  /**
   * The attribute that receives the actual revenue; the pair maps the source's amount to it.
   */
  revenue?: string;
  /**
   * Attributes only the close writes: they are left out of every create and update (an open deal never gets an actual revenue), and given to the close instead.
   */
  closeOnly?: string[];
  /**
   * The record the close creates (Dataverse `opportunityclose`), which rollback deletes before it reopens the record.
   */
  record?: {
    /**
     * The close record's object.
     */
    object: string;
    /**
     * Its lookup to the closed record.
     */
    parent: string;
    /**
     * Its attribute for the actual close date.
     */
    date?: string;
    /**
     * Its attribute for the actual revenue.
     */
    revenue?: string;
    /**
     * Its subject attribute, filled with `Won: <name>` or `Lost: <name>`.
     */
    subject?: string;
  };
  /**
   * The live API's close operations (Dataverse Web API actions), for a live target.
   */
  messages?: {
    /**
     * The operation that closes a record as won (`WinOpportunity`).
     */
    won: string;
    /**
     * The operation that closes a record as lost (`LoseOpportunity`).
     */
    lost: string;
  };
}
