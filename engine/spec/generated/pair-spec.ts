/* GENERATED from schemas/pair.schema.json by npm run gen:types. Do not edit. */

/**
 * A kebab-case identifier.
 */
export type Slug = string;
/**
 * A transform by name, or a call with arguments.
 */
export type TransformStep = string | TransformCall;
/**
 * Which of several rows with the same source key loads: `first` (the default), `last`, or `hold` (none; every row sharing the key is held for a person). Rows that do not load are reported with the line they repeat.
 */
export type DuplicatePolicy = 'first' | 'last' | 'hold';

/**
 * How one source CRM moves into one destination CRM: object mappings, field mappings, lookups, stage tables, ordering and the narrative of the pair page.
 */
export interface PairSpec {
  /**
   * The pair's identifier, `<source>--<destination>`; also the file name.
   */
  id: string;
  /**
   * Id of the source platform spec.
   */
  source: string;
  /**
   * Id of the destination platform spec.
   */
  destination: string;
  /**
   * The one-sentence headline of the pair page.
   */
  summary: string;
  /**
   * The overview paragraph of the pair page.
   */
  overview: string;
  whySwitch?: WhySwitch;
  /**
   * Object rows of the mapping table, in the order the page shows them.
   *
   * @minItems 1
   */
  objects: [ObjectRow, ...ObjectRow[]];
  /**
   * Default stage tables: source pipeline stages to destination stages.
   */
  stageTables?: StageTable[];
  /**
   * Destination attributes the pair itself needs that the destination does not have out of the box; the plan lists them as schema changes.
   */
  customAttributes?: CustomAttribute[];
  /**
   * Ordering constraints beyond what lookups imply.
   */
  ordering?: OrderingConstraint[];
  duplicates?: DuplicatePolicy;
  /**
   * What deliberately does not migrate, and why.
   */
  exclusions?: Exclusion[];
  /**
   * Problems specific to this pair that neither platform has alone.
   */
  challenges: Challenge[];
  /**
   * The migration approach, phase by phase.
   *
   * @minItems 1
   */
  approach: [Phase, ...Phase[]];
  /**
   * Questions buyers ask during scoping, with answers.
   */
  faq?: FaqEntry[];
}
/**
 * Why teams make this switch.
 */
export interface WhySwitch {
  /**
   * What pushes teams away from the source.
   */
  leaving: string[];
  /**
   * What pulls teams to the destination.
   */
  choosing: string[];
}
/**
 * One row of the object mapping table.
 */
export interface ObjectRow {
  id: Slug;
  /**
   * The source side as the page names it, e.g. `Activity: Call`.
   */
  source: string;
  /**
   * The destination side as the page names it, e.g. `Task (TaskSubtype = Call)`.
   */
  destination: string;
  /**
   * `1:1` when the object lands whole; `lossy` when something is transformed away.
   */
  mapping: '1:1' | 'lossy';
  /**
   * The compatibility label: `fully-supported`, or `mapping-required` when a person must decide part of the map.
   */
  compatibility: 'fully-supported' | 'mapping-required';
  /**
   * What the row moves: `records` (rows of an export file), `stages` (a stage table), `pipeline` (pipelines as processes), `custom-fields`, `owners` (users matched by email), `field` (one field of another row's records), `tags`.
   */
  kind?: 'records' | 'stages' | 'pipeline' | 'custom-fields' | 'owners' | 'field' | 'tags';
  /**
   * `false` for a row the pair page's object table does not list because the product page promises it in its overview rather than as a row (Vtiger's activity history). Its loads run like any other; the page shows it under "Also moved", and it counts in neither figure of the compatibility line.
   */
  listed?: boolean;
  /**
   * How the object lands, in a paragraph.
   */
  narrative: string;
  /**
   * For a lossy row: what does not survive the move.
   */
  losses?: string[];
  /**
   * For `records` and `tags` rows: the loads that move the rows.
   */
  loads?: Load[];
  /**
   * For `stages` and `pipeline` rows: the id of the stage table.
   */
  stageTable?: string;
  field?: FieldRef;
}
/**
 * Moves the rows of one source object into one destination object.
 */
export interface Load {
  id: Slug;
  /**
   * The source platform object whose export rows are read.
   */
  from: string;
  /**
   * The destination object that receives them.
   */
  to: string;
  where?: RowFilter;
  /**
   * Source column that identifies a row, or several columns that do together (line items); defaults to the source object's key. The destination stores it for upserts. `(row)` keys a file that has no id column by each row's line: reruns of the same file upsert, but a delta cannot follow a row whose line moved.
   */
  key?: string | [string, ...string[]];
  /**
   * Field mappings.
   */
  fields: FieldMapping[];
  /**
   * References resolved to destination records.
   */
  lookups?: Lookup[];
  owner?: OwnerMapping;
  attachment?: AttachmentMapping;
  process?: ProcessMapping;
  /**
   * Meetings only: the columns holding invitee emails, each with the role its people take. After every load has run, each email is resolved to a contact, lead or user (as the destination's `rules.attendees` says) and one attendee record is written per person; an email that resolves to no one is reported with its file and line.
   *
   * @minItems 1
   */
  attendees?: [AttendeeMapping, ...AttendeeMapping[]];
}
/**
 * Keeps only the source rows whose column has one of the given values.
 */
export interface RowFilter {
  /**
   * The source column tested.
   */
  column: string;
  /**
   * Values that keep a row (compared case-insensitively).
   *
   * @minItems 1
   */
  in: [string, ...string[]];
}
/**
 * One destination attribute filled from source columns or a constant.
 */
export interface FieldMapping {
  /**
   * Source column, or several columns whose values the transforms combine.
   */
  from?: string | [string, ...string[]];
  /**
   * A constant written to every row instead of a source value.
   */
  value?: string | number | boolean;
  /**
   * The destination attribute.
   */
  to: string;
  /**
   * What a value this field cannot take does to its row: `blank` loads the row without it (the default for fields that are neither required nor keys), `skip` skips the row (the default for required fields), `hold` holds it for a person. Every case is reported with file, line, column and value.
   */
  onError?: 'skip' | 'blank' | 'hold';
  /**
   * Named transforms applied in order.
   */
  transform?: TransformStep | TransformStep[];
  /**
   * Why the mapping is the way it is.
   */
  note?: string;
}
/**
 * A transform with arguments.
 */
export interface TransformCall {
  /**
   * The transform's name; `crm-migrate validate` lists the known ones when it is wrong.
   */
  name: string;
  /**
   * `stage`: the stage table's id.
   */
  table?: string;
  /**
   * `stage`: which part of the stage row to produce.
   */
  output?: 'stage' | 'probability' | 'outcome';
  /**
   * `split-name` and `split-address`: which part to keep.
   */
  part?: string;
  /**
   * `default`: the value used when the input is empty; `prefix`: the text prepended; `if`: the value when the condition is true (without it, the second `from` column, or the first when there is one).
   */
  value?: string | number | boolean;
  /**
   * `join` and `tags`: the separator between values.
   */
  separator?: string;
  /**
   * `date` and `datetime`: the formats this column is read with, tried in order before ISO 8601; they replace the platform's, object's and engagement's, e.g. `['DD MMM, YYYY HH:mm:ss', MM/DD/YYYY hh:mm A]` (quote a format holding a comma).
   *
   * @minItems 1
   */
  formats?: [string, ...string[]];
  /**
   * `datetime`: the IANA time zone this column's times without an offset are in, e.g. `Europe/Berlin`; replaces the engagement's and the platform's.
   */
  timeZone?: string;
  /**
   * `if`: the values (compared case-insensitively) that make the condition on the first `from` column true; without it, the condition is that the first column is not empty.
   *
   * @minItems 1
   */
  in?: [string | number | boolean, ...(string | number | boolean)[]];
  /**
   * `if`: the value when the condition is false (without it, the third `from` column, or empty).
   */
  otherwise?: string | number | boolean;
  /**
   * `money`: convert an amount written in another currency into the engagement's `options.currency` by its `rates`.
   */
  convert?: boolean;
  /**
   * `map`: source value to destination value.
   */
  values?: ValuePair[];
}
/**
 * One source value and what it becomes.
 */
export interface ValuePair {
  /**
   * Source value (compared case-insensitively).
   */
  from: string;
  /**
   * Destination value.
   */
  to: string | number | boolean;
}
/**
 * A reference in the source resolved to a destination record created by another load.
 */
export interface Lookup {
  /**
   * The destination lookup attribute.
   */
  to: string;
  /**
   * The source column holding the reference; or, for a target load keyed by several columns (`key: [Order Id, Line No]`), the columns of this row holding each part of that key, in the target key's order (matched `by: key`). A row with some parts empty is reported as missing its reference.
   */
  from: string | [string, ...string[]];
  /**
   * Id of the load whose records the reference points at; several for a reference that may point at any of them (tried in order).
   */
  load: string | [string, ...string[]];
  /**
   * How the reference is matched: the source `key`, the record's `name` (ambiguity reported), or `email`.
   */
  by: 'key' | 'name' | 'email';
  /**
   * When nothing matches: leave the lookup `blank`, `hold` the row in a queue for the admin, or `skip` it with a reason.
   */
  onMissing?: 'blank' | 'hold' | 'skip';
  /**
   * A column of the same row that says what kind of record the reference names (Zoho's `SEMODULE`, a Dynamics `Regarding (Type)`). With `types`, the reference is looked up only in the load its type names; ids that overlap between objects then never link the wrong record. A type value `types` does not list is reported as the wrong kind of record.
   */
  typeColumn?: string;
  /**
   * Values of `typeColumn` (compared without case) to the load the reference is then looked up in.
   */
  types?: {
    [k: string]: string | undefined;
  };
  /**
   * Why the lookup is resolved this way.
   */
  note?: string;
}
/**
 * Resolves the source owner to a destination user.
 */
export interface OwnerMapping {
  /**
   * The source column holding the owner.
   */
  from: string;
  /**
   * The destination owner attribute.
   */
  to: string;
  /**
   * Match the owner by `email` or by user `name`.
   */
  by: 'email' | 'name';
  /**
   * When no active user matches: `hold` the row in the owner queue, or give it the engagement's `fallback` owner.
   */
  onMissing?: 'hold' | 'fallback';
}
/**
 * Carries a file referenced from the row into the destination record.
 */
export interface AttachmentMapping {
  /**
   * The source column holding the file's path inside the export.
   */
  from: string;
  /**
   * Destination attribute receiving the base64 content.
   */
  content: string;
  /**
   * Destination attribute receiving the file name.
   */
  fileName?: string;
  /**
   * Destination attribute receiving the MIME type.
   */
  mimeType?: string;
  /**
   * Destination attribute receiving the size in bytes.
   */
  size?: string;
}
/**
 * Deals only: the column naming each deal's pipeline. Every pipeline becomes a process in the destination (the destination's `rules.processes`: a Salesforce record type with its sales process, a Dataverse business process flow) with the stages of its stage table in order; the schema-change checklist lists them and the run sets each record's process (and stage) after every load has run.
 */
export interface ProcessMapping {
  /**
   * The source column holding the pipeline's name.
   */
  from: string;
  /**
   * The source column holding the deal's stage, read through the pipeline's stage table.
   */
  stage: string;
  /**
   * The pipeline of a deal whose cell is blank (an export with one pipeline often leaves it out).
   */
  default?: string;
}
/**
 * One column of invitees (or the meeting's owner) and the role its people take.
 */
export interface AttendeeMapping {
  /**
   * The source column holding one invitee or several. Required unless `owner` is set.
   */
  from?: string;
  /**
   * How the column names a person: by `email` (the default; also matches users), `name` (`Contacts::::Dana Reyes` in Vtiger; also matches users by name) or `key` (a source id of a contact or lead).
   */
  by?: 'email' | 'name' | 'key';
  /**
   * True when the attendee is the meeting's own owner, as the run resolved it (the organizer).
   */
  owner?: boolean;
  /**
   * The role of the people it names.
   */
  role: 'required' | 'optional' | 'organizer';
  /**
   * What separates several invitees in one cell; by default `;` or `,` for emails and none for names and keys. `Name <email>` entries are read for their email.
   */
  separator?: string;
}
/**
 * For a `field` row: the field mapping it describes.
 */
export interface FieldRef {
  /**
   * Id of the load holding the mapping.
   */
  load: string;
  /**
   * The destination attribute of the mapping.
   */
  to: string;
}
/**
 * A default mapping of source pipeline stages to destination stages; the engagement's confirmed table overrides it.
 */
export interface StageTable {
  id: Slug;
  /**
   * The source pipeline the table is for, when there are several.
   */
  pipeline?: string;
  /**
   * One row per source stage, in pipeline order.
   *
   * @minItems 1
   */
  rows: [StageRow, ...StageRow[]];
}
/**
 * One source stage and where it lands.
 */
export interface StageRow {
  /**
   * The stage label as the source exports it.
   */
  source: string;
  /**
   * The destination stage value; must be one the destination allows.
   */
  stage: string;
  /**
   * Win probability in percent.
   */
  probability: number;
  /**
   * Whether a deal in this stage is `Open`, `Won` or `Lost`.
   */
  outcome: 'Open' | 'Won' | 'Lost';
}
/**
 * A destination attribute the pair creates before loading.
 */
export interface CustomAttribute {
  /**
   * The destination object that gets the attribute.
   */
  object: string;
  /**
   * The attribute's name, following the destination's custom field convention.
   */
  name: string;
  /**
   * Display label.
   */
  label: string;
  /**
   * Data type, as in platform specs.
   */
  type:
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
    | 'multipicklist';
  /**
   * Maximum length of text values.
   */
  maxLength?: number;
  /**
   * Allowed values of a picklist.
   */
  options?: string[];
}
/**
 * One load must finish before another starts.
 */
export interface OrderingConstraint {
  /**
   * Id of the load that goes first.
   */
  before: string;
  /**
   * Id of the load that goes later.
   */
  after: string;
  /**
   * Why.
   */
  reason: string;
}
/**
 * Something that does not migrate.
 */
export interface Exclusion {
  /**
   * What is left behind.
   */
  what: string;
  /**
   * Why, and what the customer does instead.
   */
  reason: string;
  /**
   * Source objects this exclusion leaves behind: their export files are reported as not in scope with this reason.
   */
  objects?: string[];
}
/**
 * A pair-specific challenge.
 */
export interface Challenge {
  /**
   * The challenge in one line.
   */
  title: string;
  /**
   * What goes wrong and how the migration handles it.
   */
  detail: string;
}
/**
 * One phase of the migration approach.
 */
export interface Phase {
  /**
   * Phase name.
   */
  title: string;
  /**
   * What happens in the phase.
   */
  detail: string;
  /**
   * True for a phase the customer may skip.
   */
  optional?: boolean;
}
/**
 * A question and its answer.
 */
export interface FaqEntry {
  /**
   * The question as a buyer asks it.
   */
  question: string;
  /**
   * The answer.
   */
  answer: string;
}
