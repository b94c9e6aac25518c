import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import { strFromU8, unzipSync } from 'fflate';
import { parse as parseYaml } from 'yaml';
import type { CustomAttribute } from '../../../engine/spec/generated/pair-spec.js';
import type { PlatformField, PlatformSpec } from '../../../engine/spec/generated/platform-spec.js';
import { repoRoot } from '../run-cli.js';

/**
 * Checks of a package against the importers' documented shapes, written from the formats rather than from the
 * package writer: a break in either shows up here as a list of problems, and a healthy package as records counted
 * per object.
 */

export function platform(id: string): PlatformSpec {
  return parseYaml(readFileSync(join(repoRoot, 'pairs', 'platforms', `${id}.yaml`), 'utf8')) as PlatformSpec;
}

export interface PackageCheck {
  problems: string[];
  /** Records per object, as the importer would create them. */
  counts: Record<string, number>;
}

type Attrs = Record<string, string>;
interface XmlEntity extends Attrs {
  name: string;
}

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  isArray: (name) => ['entity', 'field', 'record', 'relationship'].includes(name),
});

/** The schema types the Configuration Migration Tool writes. */
const CMT_TYPES = new Set(['guid', 'string', 'number', 'decimal', 'money', 'float', 'bigint', 'datetime', 'bool', 'optionsetvalue', 'optionsetvaluecollection', 'entityreference', 'owner', 'state', 'status', 'partylist']);
const CMT_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}Z$/;

/** `userIds`: the ids of the destination's users, which owners may name without their records being in the package. */
export function checkCmtPackage(dir: string, userIds: ReadonlySet<string>): PackageCheck {
  const problems: string[] = [];
  const schemaText = readFileSync(join(dir, 'data_schema.xml'), 'utf8');
  const dataText = readFileSync(join(dir, 'data.xml'), 'utf8');
  const zipped = unzipSync(readFileSync(join(dir, 'data.zip')));
  if (!('[Content_Types].xml' in zipped)) problems.push('data.zip has no [Content_Types].xml');
  if (strFromU8(zipped['data.xml'] ?? new Uint8Array()) !== dataText) problems.push('data.xml in data.zip differs from the loose data.xml');
  if (strFromU8(zipped['data_schema.xml'] ?? new Uint8Array()) !== schemaText) problems.push('data_schema.xml in data.zip differs from the loose file');

  // XML turns a raw line break inside an attribute into a space when read, so multi-line text must use references.
  // data.xml holds no text outside attributes, so scanning name="value" pairs from the start visits every value.
  for (const [, name, value] of dataText.matchAll(/([\w:]+)="([^"]*)"/g)) {
    if (/[\r\n]/.test(value ?? '')) problems.push(`data.xml has a raw line break inside the ${name} attribute value`);
  }
  const schemaEntities = ((xml.parse(schemaText) as { entities?: { entity?: XmlEntity[] } }).entities?.entity ?? []) as (XmlEntity & { fields: { field: Attrs[] } })[];
  const dataEntities = ((xml.parse(dataText) as { entities?: { entity?: XmlEntity[] } }).entities?.entity ?? []) as (XmlEntity & { records?: { record?: (Attrs & { field?: Attrs[] })[] } })[];
  const declared = new Map(schemaEntities.map((e) => [e.name, new Map(e.fields.field.map((f) => [f.name, f]))]));
  for (const entity of schemaEntities) {
    const keys = entity.fields.field.filter((f) => f.primaryKey === 'true').map((f) => f.name);
    if (keys.length !== 1 || keys[0] !== entity.primaryidfield) problems.push(`${entity.name}: primary key field ${keys.join(',')} is not primaryidfield ${entity.primaryidfield}`);
    for (const f of entity.fields.field) {
      if (!CMT_TYPES.has(f.type ?? '')) problems.push(`${entity.name}.${f.name}: unknown type ${f.type}`);
      if (f.type === 'entityreference' && !f.lookupType) problems.push(`${entity.name}.${f.name}: entityreference without lookupType`);
    }
  }
  const recordEntity = new Map<string, string>();
  for (const entity of dataEntities) for (const r of entity.records?.record ?? []) recordEntity.set(r.id ?? '', entity.name);

  const counts: Record<string, number> = {};
  for (const entity of dataEntities) {
    const fields = declared.get(entity.name);
    if (fields === undefined) {
      problems.push(`data.xml entity ${entity.name} is not in data_schema.xml`);
      continue;
    }
    const records = entity.records?.record ?? [];
    counts[entity.name] = records.length;
    for (const record of records) {
      for (const field of record.field ?? []) {
        const where = `${entity.name} ${record.id} ${field.name}`;
        const declaration = fields.get(field.name);
        if (declaration === undefined) {
          problems.push(`${where}: field not declared in the schema`);
          continue;
        }
        if (declaration.primaryKey === 'true' && field.value !== record.id) problems.push(`${where}: primary key ${field.value} is not the record id`);
        if (declaration.type === 'datetime' && !CMT_DATE_TIME.test(field.value ?? '')) problems.push(`${where}: date-time ${field.value}`);
        if (declaration.type === 'bool' && !['True', 'False'].includes(field.value ?? '')) problems.push(`${where}: boolean ${field.value}`);
        if (declaration.type === 'entityreference' || declaration.type === 'owner') {
          const target = recordEntity.get(field.value ?? '');
          if (target === undefined && !userIds.has(field.value ?? '')) problems.push(`${where}: lookup ${field.value} names no record of the package and no user`);
          if (target !== undefined && field.lookupentity !== target) problems.push(`${where}: lookupentity ${field.lookupentity}, but the record is a ${target}`);
        }
      }
    }
  }
  return { problems, counts };
}

interface Manifest {
  operation: string;
  externalIdFieldName: string;
  lineEnding: string;
  steps: { step: number; file: string; object: string; rows: number; links?: string[] }[];
}

const RELATIONSHIP = /^(?:(\w+):)?(\w+)\.(\w+)$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** The relationship name Salesforce gives a lookup field, stated here from the documented convention. */
function relationshipOf(field: PlatformField): string {
  return field.name.endsWith('__c') ? field.name.replace(/__c$/, '__r') : field.name.replace(/Id$/, '');
}

/**
 * `userEmails`: the engagement's users, whom `Owner.Username` columns name by email; `custom`: the fields the plan
 * adds to the org, which the package may fill like the standard ones.
 */
export function checkBulkPackage(dir: string, spec: PlatformSpec, userEmails: ReadonlySet<string>, custom: readonly CustomAttribute[]): PackageCheck {
  const problems: string[] = [];
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  const externalId = manifest.externalIdFieldName;
  if (manifest.operation !== 'upsert') problems.push(`operation ${manifest.operation}`);
  const keysOf = new Map<string, Set<string>>();
  const counts: Record<string, number> = {};
  manifest.steps.forEach((step, i) => {
    if (step.step !== i + 1 || !step.file.startsWith(`${String(step.step).padStart(2, '0')}-${step.object}`)) problems.push(`step ${i + 1} is ${step.step} ${step.file}`);
    if (!existsSync(join(dir, step.file))) return void problems.push(`${step.file} is missing`);
    const text = readFileSync(join(dir, step.file), 'utf8');
    if (text.charCodeAt(0) === 0xfeff) problems.push(`${step.file} starts with a byte-order mark`);
    if (manifest.lineEnding === 'LF' && text.split('\n')[0]?.endsWith('\r')) problems.push(`${step.file} has CRLF line endings`);
    const [header = [], ...rows] = parseCsv(text) as string[][];
    const object = spec.objects.find((o) => o.name === step.object);
    if (object === undefined) return void problems.push(`${step.file}: ${step.object} is not a Salesforce object`);
    if (header[0] !== externalId) problems.push(`${step.file}: first column ${header[0]} is not ${externalId}`);
    if (rows.length !== step.rows) problems.push(`${step.file}: ${rows.length} rows, manifest says ${step.rows}`);
    const added = custom.filter((a) => a.object === object.name).map((a): PlatformField => ({ name: a.name, type: a.type }));
    const fields = new Map([...object.fields, ...added].map((f) => [f.name, f]));
    const own = new Set<string>();
    header.forEach((column, c) => {
      const values = rows.map((r) => r[c] ?? '').filter((v) => v !== '');
      if (c === 0) {
        for (const v of values) own.add(v);
        if (own.size !== rows.length) problems.push(`${step.file}: ${externalId} values are not unique and filled`);
        return;
      }
      const field = fields.get(column);
      if (field !== undefined) {
        if (field.type === 'date' && values.some((v) => !DATE.test(v))) problems.push(`${step.file} ${column}: a date not in yyyy-MM-dd`);
        if (field.type === 'datetime' && values.some((v) => !DATE_TIME.test(v))) problems.push(`${step.file} ${column}: a date-time not in yyyy-MM-ddTHH:mm:ss.SSSZ`);
        if (field.type === 'boolean' && values.some((v) => v !== 'true' && v !== 'false')) problems.push(`${step.file} ${column}: a boolean not true/false`);
        return;
      }
      const match = RELATIONSHIP.exec(column);
      const lookup = match === null ? undefined : object.fields.find((f) => (f.type === 'lookup' || f.type === 'owner') && relationshipOf(f) === match[2]);
      if (match === null || lookup === undefined) return void problems.push(`${step.file}: column ${column} is neither a field of ${object.name} nor a relationship column`);
      const [, type, , indexed] = match;
      const targets = lookup.targets ?? [];
      if (targets.length > 1 && type === undefined) problems.push(`${step.file}: polymorphic ${lookup.name} without the object in ${column}`);
      if (type !== undefined && targets.length > 0 && !targets.includes(type)) problems.push(`${step.file}: ${column} names ${type}, not a target of ${lookup.name}`);
      for (const value of values) {
        if (indexed === 'Username') {
          if (!userEmails.has(value)) problems.push(`${step.file} ${column}: ${value} is not a user`);
          continue;
        }
        if (indexed !== externalId) return void problems.push(`${step.file}: ${column} does not use ${externalId}`);
        const named = [...keysOf].filter(([o, keys]) => keys.has(value) && (type === undefined ? targets.length === 0 || targets.includes(o) : o === type));
        if (named.length === 0) problems.push(`${step.file} ${column}: ${value} names no record of an earlier file`);
      }
    });
    if (step.links === undefined) {
      keysOf.set(step.object, new Set([...(keysOf.get(step.object) ?? []), ...own]));
      counts[step.object] = (counts[step.object] ?? 0) + rows.length;
    }
  });
  return { problems, counts };
}
