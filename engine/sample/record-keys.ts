import type { ExportFormat, PlatformObject } from '../spec/generated/platform-spec.js';
import { SALESFORCE_PREFIXES, salesforceSuffix } from '../util/salesforce-ids.js';

/**
 * Record keys in the style the source platform exports them, a pure function of the object and the row index, so a
 * reference to row j of another object is written without reading that object's file.
 *
 * - `salesforce-id`: 18-character ids, a 3-character key prefix naming the object plus the case-safe suffix.
 * - `module-label`: per-module auto-numbers (`ACC12`, `CON7`), the row key Vtiger-style exports carry.
 * - `id` and `name`: numbers from one sequence shared by every object, so a key never names two records even when a
 *   polymorphic reference (`Related To CRM ID`) is tried against several objects.
 * - the `dynamics-365-csv` shape: GUIDs, as the hidden `(Do Not Modify) <Table>` column carries them.
 */

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

function base62(n: number, width: number): string {
  let out = '';
  for (let rest = n; out.length < width; rest = Math.floor(rest / 62)) out = BASE62.charAt(rest % 62) + out;
  return out;
}

/** The API name an exported object stands for: its file's base name (`Account.csv`), else its name. */
function apiName(object: PlatformObject): string {
  const base = (object.file ?? object.name).replace(/\.[^.]+$/, '');
  return base.replace(/[^A-Za-z0-9]/g, '').toLowerCase();
}

export function salesforcePrefix(object: PlatformObject, ordinal: number): string {
  return SALESFORCE_PREFIXES[apiName(object)] ?? SALESFORCE_PREFIXES[object.name.replace(/[^A-Za-z0-9]/g, '').toLowerCase()] ?? `a0${BASE62.charAt(10 + (ordinal % 26))}`;
}

/** A prefix for a lookup column to an object the sample does not write (`RecordTypeId` → `012`). */
export function salesforcePrefixForColumn(column: string): string | undefined {
  return SALESFORCE_PREFIXES[column.replace(/Id$/, '').toLowerCase()];
}

export function salesforceId(prefix: string, index: number): string {
  const id15 = `${prefix}5g0000${base62(index + 0x1d4a3f, 6)}`;
  return id15 + salesforceSuffix(id15);
}

/** Writes keys for one object. `ordinal` is the object's position in the platform spec; `objects` their count. */
export class KeyStyle {
  private readonly prefix: string;

  constructor(
    private readonly format: ExportFormat,
    object: PlatformObject,
    private readonly ordinal: number,
    private readonly objects: number,
    usedPrefixes: Set<string>,
  ) {
    this.prefix = format.references === 'salesforce-id' ? salesforcePrefix(object, ordinal) : autoNumberPrefix(object, usedPrefixes);
  }

  key(index: number): string {
    if (this.format.shape === 'dynamics-365-csv') return dataverseGuid(this.ordinal, index);
    if (this.format.references === 'salesforce-id') return salesforceId(this.prefix, index);
    if (this.format.references === 'module-label') return `${this.prefix}${index + 1}`;
    return String(10_000 + index * this.objects + this.ordinal);
  }
}

/**
 * A GUID shaped like the sequential ones Dataverse hands out (`8f3c0b2a-5d1e-ef11-9f89-000d3a4c5b6e`): the time part
 * varies with the row, the object sits in the clock sequence, and the node is fixed.
 */
export function dataverseGuid(ordinal: number, index: number): string {
  const hex = (n: number, width: number): string => (n >>> 0).toString(16).padStart(width, '0').slice(-width);
  const mixed = Math.imul(index + 1, 0x9e3779b1) ^ Math.imul(ordinal + 7, 0x85ebca6b);
  return `${hex(mixed, 8)}-${hex(index, 4)}-ef11-${hex(0x9f00 + ordinal, 4)}-000d3a4c5b6e`;
}

function autoNumberPrefix(object: PlatformObject, used: Set<string>): string {
  const letters = object.name.replace(/[^A-Za-z]/g, '').toUpperCase() || 'REC';
  for (let length = 3; length <= letters.length; length += 1) {
    const candidate = letters.slice(0, length);
    if (!used.has(candidate)) {
      used.add(candidate);
      return candidate;
    }
  }
  let n = 2;
  while (used.has(`${letters}${n}X`)) n += 1;
  used.add(`${letters}${n}X`);
  return `${letters}${n}X`;
}
