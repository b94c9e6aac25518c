import type { Load, StageTable } from '../spec/generated/pair-spec.js';
import type { PlatformField, PlatformObject } from '../spec/generated/platform-spec.js';
import type { KeyStyle } from './record-keys.js';

/** What a column holds, decided from the pair's mappings first and the platform field's type and header second. */
export type Semantic =
  | 'date' | 'datetime' | 'money' | 'integer' | 'decimal' | 'percent' | 'boolean' | 'active' | 'email' | 'email-list'
  | 'url' | 'phone' | 'tags' | 'full-name' | 'first-name' | 'last-name' | 'company-name' | 'deal-name' | 'job-title'
  | 'street' | 'street2' | 'address' | 'city' | 'state' | 'postcode' | 'country' | 'subject' | 'paragraph' | 'html'
  | 'text' | 'currency' | 'pipeline' | 'location' | 'file-name' | 'mime' | 'file-size' | 'extension' | 'code'
  | 'year' | 'industry' | 'word' | 'latitude' | 'longitude' | 'user' | 'department' | 'po-box' | 'blank';

/** Which record a reference column may point at, and in which form. */
export interface RefTarget {
  object: string;
  by: 'key' | 'name' | 'email';
  /** Written as `Module::::value` (Vtiger's module-label references). */
  wrap: boolean;
  /** When the target loads filter rows: the `where` values of rows they read. */
  where?: string[];
}

/** What a name column of a record is built from; decides uniqueness and the style of `name` references. */
export type NameKind = 'person' | 'email' | 'company' | 'deal' | 'file' | 'subject' | 'paragraph' | 'generic';

export interface ValueShape {
  semantic: Semantic;
  maxLength?: number;
  min?: number;
  max?: number;
  /** Written as the platform writes dates (`date`) or date-times (`datetime`), when the column is temporal. */
  temporal?: 'date' | 'datetime';
}

export type ColumnRole =
  | { kind: 'key' }
  | { kind: 'identity'; part: 'name' | 'first' | 'last' | 'full' | 'email' }
  | { kind: 'where'; values: string[] }
  | { kind: 'owner'; loadOwner: boolean }
  | { kind: 'attachment' }
  | { kind: 'reference'; targets: RefTarget[]; always: boolean; optional: boolean }
  | { kind: 'companion'; column: string }
  | { kind: 'type-of'; column: string; values: Record<string, string> }
  | { kind: 'choice'; values: string[]; blankable: boolean; separator?: string; pipeline?: string }
  | { kind: 'value'; shape: ValueShape; blankable: number }
  | { kind: 'blank' };

/** Rows of one `where` value (or all rows, without filters) and the loads that read them. */
export interface RowGroup {
  whereValue?: string;
  loads: Load[];
  roles: Map<string, ColumnRole>;
  /** Lookups sharing a destination attribute: one member column is filled per row. */
  chains: string[][];
  /** Columns mapped with a `date` or `datetime` transform, where a malformed date is noticed. */
  dateColumns: { column: string; kind: 'date' | 'datetime' }[];
  /** Stage tables read by this group's stage columns (for a matching `Pipeline` column). */
  stageTables: StageTable[];
  /** A stage column and the probability column that should agree with the stage table. */
  stageLink?: { stage: string; table: StageTable; probability: string };
}

export type ObjectRole = 'company' | 'contact' | 'deal' | 'user' | 'activity' | 'note' | 'attachment' | 'other';

export interface CustomColumn {
  object: string;
  file: string;
  column: string;
  type: 'text' | 'longtext' | 'integer' | 'decimal' | 'money' | 'date' | 'datetime' | 'boolean' | 'email' | 'phone' | 'url' | 'picklist';
  options?: string[];
}

export interface ObjectPlan {
  name: string;
  object: PlatformObject;
  file: string;
  ordinal: number;
  count: number;
  role: ObjectRole;
  fields: PlatformField[];
  custom: CustomColumn[];
  headers: string[];
  keys: KeyStyle;
  keyColumns: string[];
  whereColumn?: string;
  groups: RowGroup[];
  nameKind: NameKind;
  nameColumn?: string;
  emailColumn?: string;
  /** The name Vtiger-style module-label references put before `::::`. */
  moduleName: string;
  /** Objects whose rows reference this one by name: names must stay unique. */
  referencedByName: boolean;
  written: boolean;
}
