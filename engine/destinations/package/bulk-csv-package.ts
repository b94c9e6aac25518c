import { stringify } from 'csv-stringify/sync';
import type { FieldType } from '../../spec/generated/platform-spec.js';
import type { AttributeSchema } from '../model/table-schema.js';
import type { PackageFile, PackageStep } from './package-files.js';
import type { RecordRef, StoredObject, StoredPackage, StoredRecord, StoredValue } from './stored-records.js';
import { storedSourceKey } from '../stored-source-key.js';

/**
 * Bulk API 2.0 upsert files for Salesforce: one CSV per object, named by its import step, with the source key in the
 * external id column and every lookup written as a relationship column on that external id, so that no Salesforce
 * id has to be known before the import. A lookup to a record of the same object or of a later step cannot be
 * resolved while its file loads, so it goes to a links file imported after every object (as the engine's own
 * second pass does).
 */

/** The User field that names an owner: indexed for lookups, and set to the user's email in most orgs. */
export const USER_KEY_FIELD = 'Username';

/** Bulk API 2.0 takes LF unless the job says otherwise; the manifest states it for the job. */
export const LINE_ENDING = 'LF';

interface Column {
  header: string;
  value: (record: StoredRecord) => string;
}

export function bulkCsvPackage(stored: StoredPackage): { files: PackageFile[]; steps: PackageStep[] } {
  const externalId = stored.setup.destination.rules?.sourceKeyField ?? 'Legacy_Id__c';
  const objects = stored.objects.filter((o) => o.records.length > 0);
  const stepOf = new Map(objects.map((o, i) => [o.spec.name, i]));
  const files: PackageFile[] = [];
  const steps: PackageStep[] = [];
  const deferred: { object: StoredObject; attributes: AttributeSchema[] }[] = [];
  const name = (object: string, suffix = ''): string => `${String(files.length + 1).padStart(2, '0')}-${object}${suffix}.csv`;

  objects.forEach((object, index) => {
    const later = (attribute: AttributeSchema): boolean =>
      attribute.reference === 'lookup' &&
      object.records.some((r) => {
        const ref = stored.refs.get(String(r.values[attribute.name] ?? ''));
        return ref !== undefined && (stepOf.get(ref.object) ?? -1) >= index;
      });
    const now = object.attributes.filter((a) => !a.isKey && a.writable && !later(a));
    const links = object.attributes.filter((a) => !a.isKey && a.writable && later(a));
    const columns = [keyColumn(externalId), ...now.flatMap((a) => columnsOf(a, object, stored, externalId))];
    const file = name(object.spec.name);
    files.push({ name: file, content: csv(columns, object) });
    steps.push({ step: steps.length + 1, file, object: object.spec.name, rows: object.records.length });
    if (links.length > 0) deferred.push({ object, attributes: links });
  });

  for (const { object, attributes } of deferred) {
    const columns = [keyColumn(externalId), ...attributes.flatMap((a) => columnsOf(a, object, stored, externalId))];
    const linked = { ...object, records: object.records.filter((r) => attributes.some((a) => (r.values[a.name] ?? null) !== null)) };
    const file = name(object.spec.name, '-links');
    files.push({ name: file, content: csv(columns, linked) });
    steps.push({ step: steps.length + 1, file, object: object.spec.name, rows: linked.records.length, links: attributes.map((a) => a.name) });
  }
  return { files, steps };
}

function keyColumn(externalId: string): Column {
  return { header: externalId, value: (record) => storedSourceKey(record.sourceKey) };
}

/**
 * The columns one attribute becomes. A lookup becomes `Relationship.Legacy_Id__c` (`Type:Relationship.Legacy_Id__c`
 * for each object a polymorphic lookup names), an owner `Owner.Username`, and a value that names no record of the
 * package or user (a record the org already had) stays an id in the field's own column.
 */
function columnsOf(attribute: AttributeSchema, object: StoredObject, stored: StoredPackage, externalId: string): Column[] {
  const name = attribute.name;
  if (attribute.reference === undefined) {
    return [{ header: name, value: (record) => bulkValue(attribute.field.type, record.values[name] ?? null) }];
  }
  const relationship = relationshipName(name);
  const refOf = (record: StoredRecord): RecordRef | undefined => stored.refs.get(String(record.values[name] ?? ''));
  const kinds = new Set<string>();
  let raw = false;
  for (const record of object.records) {
    const value = record.values[name] ?? null;
    if (value === null) continue;
    const ref = stored.refs.get(String(value));
    if (ref === undefined) raw = true;
    else kinds.add(ref.object);
  }
  // A lookup that may name more than one object needs the object in the header, one column per object it names.
  const polymorphic = (attribute.field.targets ?? []).length > 1 || kinds.size > 1;
  const columns: Column[] = [];
  for (const kind of [...kinds].sort()) {
    const isUser = kind === stored.userObject;
    const field = isUser ? USER_KEY_FIELD : externalId;
    const header = `${polymorphic ? `${kind}:` : ''}${relationship}.${field}`;
    columns.push({
      header,
      value: (record) => {
        const ref = refOf(record);
        if (ref === undefined || ref.object !== kind) return '';
        return isUser ? (ref.email ?? '') : storedSourceKey(ref.sourceKey);
      },
    });
  }
  if (raw) columns.push({ header: name, value: (record) => (refOf(record) === undefined ? String(record.values[name] ?? '') : '') });
  return columns;
}

/** `AccountId` → `Account`, `Parent_Account__c` → `Parent_Account__r`, as Salesforce names relationships. */
export function relationshipName(field: string): string {
  if (field.endsWith('__c')) return `${field.slice(0, -3)}__r`;
  if (field.endsWith('Id') && field.length > 2) return field.slice(0, -2);
  return field;
}

/** Values in the documented forms: `yyyy-MM-dd` dates, `yyyy-MM-ddTHH:mm:ss.SSSZ` date-times, `true`/`false`. */
export function bulkValue(type: FieldType, value: StoredValue): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (type === 'date') return String(value).slice(0, 10);
  if (type === 'datetime') {
    const text = String(value);
    const day = text.slice(0, 10);
    const time = text.length > 10 ? text.slice(11).replace(/Z$/, '') : '00:00:00';
    const [whole, fraction = ''] = time.split('.');
    return `${day}T${whole}.${fraction.padEnd(3, '0').slice(0, 3)}Z`;
  }
  return String(value);
}

/**
 * RFC 4180 with LF between records, as the job's `lineEnding` says; only values that need quotes get them.
 *
 * No formula neutralising here, unlike the CSVs written for people (util/spreadsheet-cell.ts): Bulk API 2.0 and Data
 * Loader store every cell verbatim, so a quote added in front of `=`, `+`, `-` or `@` would end up in the org's data
 * (a phone `+44 20…` would become `'+44 20…`). These files are for the importer, not for a spreadsheet; the package
 * README tells the admin not to open and save them in Excel.
 */
function csv(columns: readonly Column[], object: StoredObject): string {
  const rows = [columns.map((c) => c.header), ...object.records.map((r) => columns.map((c) => c.value(r)))];
  return stringify(rows, { record_delimiter: 'unix' });
}
