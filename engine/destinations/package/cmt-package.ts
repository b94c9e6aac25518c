import { strToU8, zipSync } from 'fflate';
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import type { FieldType } from '../../spec/generated/platform-spec.js';
import type { AttributeSchema } from '../model/table-schema.js';
import type { PackageFile, PackageStep } from './package-files.js';
import type { RecordRef, StoredObject, StoredPackage, StoredValue } from './stored-records.js';
import { storedSourceKey } from '../stored-source-key.js';

/**
 * A Configuration Migration Tool data package for Dataverse: `data_schema.xml` declares each entity and the fields
 * the package fills, `data.xml` holds the records (GUID ids, lookups with the entity and name they point at), and
 * `[Content_Types].xml` makes the zip one the tool opens. The tool imports entities in the schema's order, which
 * is the plan's, and resolves lookups between records of the package itself.
 */

/** The schema `type` of each field type, as the tool writes them when it exports. */
const CMT_TYPES: Record<FieldType, string> = {
  id: 'guid',
  text: 'string',
  longtext: 'string',
  email: 'string',
  phone: 'string',
  url: 'string',
  file: 'string',
  integer: 'number',
  decimal: 'decimal',
  percent: 'decimal',
  money: 'money',
  date: 'datetime',
  datetime: 'datetime',
  boolean: 'bool',
  picklist: 'optionsetvalue',
  multipicklist: 'optionsetvaluecollection',
  lookup: 'entityreference',
  owner: 'owner',
  state: 'state',
  status: 'status',
};

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="utf-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="xml" ContentType="application/octet-stream" /></Types>';

/** A fixed time in the zip entries, so that the same records always make the same bytes. */
const ZIP_TIME = new Date('2000-01-01T00:00:00Z');

export function cmtPackage(stored: StoredPackage): { files: PackageFile[]; steps: PackageStep[] } {
  const sourceKeyField = stored.setup.destination.rules?.sourceKeyField;
  const schema = create({ version: '1.0', encoding: 'utf-8' }).ele('entities');
  const data = create({ version: '1.0', encoding: 'utf-8' }).ele('entities', { timestamp: ZIP_TIME.toISOString() });
  const steps: PackageStep[] = [];
  for (const object of stored.objects) {
    if (object.records.length === 0) continue;
    const carriesKey = sourceKeyField !== undefined && !object.attributes.some((a) => a.name === sourceKeyField);
    writeSchemaEntity(schema, object, stored, carriesKey ? sourceKeyField : undefined);
    writeDataEntity(data, object, stored.refs, carriesKey ? sourceKeyField : undefined);
    steps.push({ step: steps.length + 1, file: 'data.zip', object: object.spec.name, rows: object.records.length });
  }
  const schemaXml = serialize(schema);
  const dataXml = serialize(data);
  const zip = zipSync(
    {
      '[Content_Types].xml': [strToU8(CONTENT_TYPES), { mtime: ZIP_TIME }],
      'data.xml': [strToU8(dataXml), { mtime: ZIP_TIME }],
      'data_schema.xml': [strToU8(schemaXml), { mtime: ZIP_TIME }],
    },
    { level: 6 },
  );
  return {
    files: [
      { name: 'data.zip', content: zip },
      { name: 'data_schema.xml', content: schemaXml },
      { name: 'data.xml', content: dataXml },
    ],
    steps,
  };
}

/**
 * Line breaks and tabs inside an attribute would come back as spaces (XML normalises attribute values), so they go in
 * as private-use stand-ins, and the serialised text writes those as character references.
 */
const STAND_INS: readonly [string, string, string][] = [
  ['\n', '\uE000', '&#xA;'],
  ['\r', '\uE001', '&#xD;'],
  ['\t', '\uE002', '&#x9;'],
];

function attributeText(value: string): string {
  let text = value;
  for (const [raw, standIn] of STAND_INS) text = text.replaceAll(raw, standIn);
  return text;
}

function serialize(root: XMLBuilder): string {
  let text = root.end({ prettyPrint: true });
  for (const [, standIn, reference] of STAND_INS) text = text.replaceAll(standIn, reference);
  return text + '\n';
}

function writeSchemaEntity(root: XMLBuilder, object: StoredObject, stored: StoredPackage, sourceKeyField: string | undefined): void {
  const { spec, schema } = object;
  const entity = root.ele('entity', {
    name: spec.name,
    displayname: spec.label,
    primaryidfield: schema.key,
    ...(spec.primaryName === undefined ? {} : { primarynamefield: spec.primaryName }),
    disableplugins: 'false',
  });
  const fields = entity.ele('fields');
  const custom = new Set(stored.setup.customAttributes.filter((c) => c.object === spec.name).map((c) => c.name));
  for (const attribute of object.attributes) {
    const field: Record<string, string> = {
      displayname: attribute.field.label ?? attribute.name,
      name: attribute.name,
      type: CMT_TYPES[attribute.field.type],
    };
    if (attribute.isKey) field.primaryKey = 'true';
    if (attribute.reference === 'lookup') field.lookupType = lookupTargets(attribute, stored).join('|');
    if (custom.has(attribute.name) || (spec.custom === true && !attribute.isKey)) field.customfield = 'true';
    fields.ele('field', field);
  }
  if (sourceKeyField !== undefined) {
    fields.ele('field', { displayname: 'Source key', name: sourceKeyField, type: 'string', customfield: 'true' });
  }
  entity.ele('relationships');
}

/** The entities a lookup may name: the spec's targets, or the objects its stored values are in. */
function lookupTargets(attribute: AttributeSchema, stored: StoredPackage): string[] {
  const targets = attribute.field.targets ?? [];
  return targets.length > 0 ? targets : [stored.userObject ?? 'systemuser'];
}

function writeDataEntity(root: XMLBuilder, object: StoredObject, refs: Map<string, RecordRef>, sourceKeyField: string | undefined): void {
  const entity = root.ele('entity', { name: object.spec.name, displayname: object.spec.label });
  const records = entity.ele('records');
  for (const record of object.records) {
    const element = records.ele('record', { id: record.id });
    for (const attribute of object.attributes) {
      const value = record.values[attribute.name] ?? null;
      if (value === null) continue;
      if (attribute.reference !== undefined) {
        const ref = refs.get(String(value));
        const target = ref?.object ?? (attribute.field.targets ?? [])[0] ?? 'systemuser';
        element.ele('field', {
          name: attribute.name,
          value: String(value),
          lookupentity: target,
          ...(ref?.name === undefined ? {} : { lookupentityname: attributeText(ref.name) }),
        });
        continue;
      }
      element.ele('field', { name: attribute.name, value: attributeText(cmtValue(attribute.field.type, value)) });
    }
    if (sourceKeyField !== undefined) element.ele('field', { name: sourceKeyField, value: attributeText(storedSourceKey(record.sourceKey)) });
  }
  entity.ele('m2mrelationships');
}

/** Values as the tool writes them: `True`/`False`, UTC date-times with seven fraction digits, option values as numbers. */
export function cmtValue(type: FieldType, value: Exclude<StoredValue, null>): string {
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (type === 'date' || type === 'datetime') return cmtDateTime(String(value));
  if (type === 'multipicklist') {
    return String(value)
      .split(';')
      .map((v) => v.trim())
      .filter((v) => v !== '')
      .map((v) => `[${v}]`)
      .join('');
  }
  return String(value);
}

function cmtDateTime(value: string): string {
  const day = value.slice(0, 10);
  const time = value.length > 10 ? value.slice(11).replace(/Z$/, '') : '00:00:00';
  const [whole, fraction = ''] = time.split('.');
  return `${day}T${whole}.${fraction.padEnd(7, '0')}Z`;
}
