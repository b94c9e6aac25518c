/**
 * Regenerates `objects` and `provenance` in the two destination platform specs from reference metadata:
 *   npx tsx scripts/import-reference.ts --reference <dir> --platforms pairs/platforms
 * <dir> holds dataverse-entities.json and salesforce-objects.json. A maintainer tool, never run by tests: the specs
 * must stand alone, so the reference folder is an explicit argument. Every other key of the YAML files (gotchas,
 * editions, rules...) is hand-written and kept as it is, comments included.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseDocument, isMap, isSeq } from 'yaml';

// Output shapes (schemas/platform.schema.json object/field) and the parts of the reference records we read.
type Opt = { value: string | number; label: string; state?: number };
type Field = { name: string; label?: string; type: string; required?: boolean; defaulted?: boolean; writable?: boolean;
  maxLength?: number; min?: number; max?: number; targets?: string[]; options?: Opt[]; note?: string };
type Obj = { name: string; label: string; key?: string; primaryName?: string; entitySet?: string; activity?: boolean;
  note?: string; fields: Field[] };
type Prov = { repo?: string; commit?: string | null; path?: string; paths?: string[]; url?: string; what: string };
type DvField = Partial<{ displayName: string; type: string; cdmType: string; requiredLevel: string; writable: boolean;
  maxLength: number; minValue: number; maxValue: number; targets: string[]; targetsNote: string; options: Opt[];
  optionsNote: string; note: string; default: unknown; dateTimeBehavior: string }>;
type DvEntity = { displayName: string; entitySetName?: string; primaryIdAttribute: string; primaryNameAttribute?: string;
  writableNote?: string; fields: Record<string, DvField> };
type SfField = Partial<{ label: string; type: string; length: number; createable: boolean; updateable: boolean;
  defaultedOnCreate: boolean; requiredOnCreate: boolean; referenceTo: string[]; referenceToIncludes: string[];
  referenceToNote: string; picklistValues: { value: string; label?: string }[]; documentedValues: string[] }>;
type SfObject = { label?: string; fields: Record<string, SfField>; requiredForCreate?: string[] };

const F = (name: string, label: string, type: string, more: Partial<Field> = {}): Field => ({ name, label, type, ...more });
const TEXTUAL = new Set(['text', 'longtext', 'email', 'phone', 'url']), NUMERIC = new Set(['integer', 'decimal', 'money', 'percent']);
const notes = (...parts: (string | undefined)[]) => parts.filter(Boolean).join('; ') || undefined;
const union = (...lists: (string[] | undefined)[]) => [...new Set(lists.flatMap((l) => l ?? []))];

// ---------------------------------------------------------------- Dataverse
const DV_TYPES: Record<string, string> = { String: 'text', Memo: 'longtext', Integer: 'integer', BigInt: 'integer',
  Decimal: 'decimal', Double: 'decimal', Money: 'money', DateTime: 'datetime', Boolean: 'boolean', Picklist: 'picklist',
  MultiSelectPicklist: 'multipicklist', Lookup: 'lookup', Customer: 'lookup', PartyList: 'lookup', Owner: 'owner',
  State: 'state', Status: 'status', Uniqueidentifier: 'id', EntityName: 'text', Image: 'file', File: 'file' };
// CDM's semantic type tells what a Dataverse String holds, so the sandbox can check it as it checks Salesforce's.
const DV_SEMANTIC: Record<string, string> = { email: 'email', url: 'url', phone: 'phone', phoneFax: 'phone' };
// Columns the platform (or our loader) fills on create, so a load need not map them; the value is the field note.
const PARENT = (p: string) => `copied from the parent ${p}`;
const DV_DEFAULTED: Record<string, string | undefined> = {
  ownerid: undefined, owneridtype: undefined, statecode: undefined, statuscode: undefined, productstructure: undefined,
  quantitydecimal: undefined, ispricelocked: undefined, producttypecode: undefined,
  transactioncurrencyid: "the organisation's base currency when omitted", quotenumber: 'auto-number',
  ordernumber: 'auto-number', ticketnumber: 'auto-number', revisionnumber: 'auto-number', quotestatecode: PARENT('quote'),
  salesorderstatecode: PARENT('order'), salesorderispricelocked: PARENT('order'), opportunitystatecode: PARENT('opportunity'),
  defaultuomid: "the loader fills the org's primary unit of the default unit group",
  defaultuomscheduleid: "the loader fills the org's default unit group", pricelevelid: "the loader fills the org's default price list",
};
// Corrections, mostly from Microsoft Learn pages the reference did not read (see provenance); "table.column".
const DV_FIXES: Record<string, Partial<Field>> = {
  'connection.name': { writable: false, note: 'read-only: Dataverse names the connection after record2id' },
  'connection.relatedconnectionid': { writable: false, note: 'read-only: Dataverse creates the reciprocal connection' },
  'connection.ismaster': { writable: false },
  'listmember.name': { writable: false, note: 'no column of its own: a member row is named after the list and the member' },
  ...Object.fromEntries(['percentage', 'pricingmethodcode', 'quantitysellingcode', 'roundingpolicycode', 'roundingoptioncode',
    'roundingoptionamount'].map((c) => [`productpricelevel.${c}`, { defaulted: true, note: 'defaults to the Currency Amount pricing method without rounding' }])),
  'productpricelevel.productnumber': { defaulted: true, note: 'copied from the product' },
  'productpricelevel.pricelevelid': { defaulted: undefined, note: undefined }, // the list the item belongs to: user-supplied
  'product.pricelevelid': { defaulted: undefined, note: undefined }, // an optional default: nothing to fill
  'systemuser.fullname': { writable: false, note: 'composed from firstname and lastname' },
  'systemuser.isintegrationuser': { defaulted: true },
  'listmember.entitytype': { type: 'text', defaulted: true, note: "an EntityName column: the table of entityid, set from it" },
  'listmember.ownerid': { writable: false, note: 'read-only: members belong to the owner of their list' },
};
// Entity set and primary name for tables the reference has none for, from their Microsoft Learn table reference pages.
const DV_PROPS: Record<string, [string, string?]> = { opportunityproduct: ['opportunityproducts', 'opportunityproductname'], activityparty: ['activityparties'],
  pricelevel: ['pricelevels', 'name'], productpricelevel: ['productpricelevels'], uom: ['uoms', 'name'],
  quotedetail: ['quotedetails', 'quotedetailname'], salesorderdetail: ['salesorderdetails', 'salesorderdetailname'],
  connection: ['connections', 'name'], connectionrole: ['connectionroles', 'name'], customerrelationship: ['customerrelationships'],
  systemuser: ['systemusers', 'fullname'], list: ['lists', 'listname'], listmember: ['listmembers', 'name'],
};
const DV_ACTIVITIES = new Set(['task', 'phonecall', 'appointment', 'email']);
// Polymorphic "regarding" lookups: the base Dataverse docs list few targets; Dynamics 365 Sales adds these.
const SALES_TARGETS = ['account', 'contact', 'lead', 'opportunity', 'incident', 'quote', 'salesorder', 'campaign'];
const PARTY_TARGETS = ['account', 'contact', 'lead', 'systemuser'];
const FROM_DOCS = 'list completed from the Dynamics 365 documentation';
const DV_NOTES: Record<string, string> = {
  annotation: 'A file goes in documentbody (base64) with filename and mimetype; objectid links the note to its record.',
  activityparty: 'Not loaded directly: the party-list columns of an activity (to, from, requiredattendees) create these rows.',
  systemuser: 'Owners are matched on internalemailaddress among users with isdisabled = false.',
  ...Object.fromEntries([...DV_ACTIVITIES].map((t) => [t,
    'Original times go in overriddencreatedon, actualstart and actualend; regardingobjectid ties the activity to its record.'])),
};
// Tables outside the reference, maintained by hand.
const PROJECT_NOTE = 'from Microsoft Learn, Project Operations entity reference';
const DV_EXTRA: Obj[] = [{
  name: 'msdyn_project', label: 'Project', key: 'msdyn_projectid', primaryName: 'msdyn_subject', entitySet: 'msdyn_projects',
  note: `Project Operations table (${PROJECT_NOTE}); exists only where Project Operations is installed and licensed.`,
  fields: [
    F('msdyn_projectid', 'Project', 'id', { defaulted: true }), F('msdyn_subject', 'Project Name', 'text', { required: true, maxLength: 200 }),
    F('msdyn_description', 'Description', 'longtext'), F('msdyn_customer', 'Customer', 'lookup', { targets: ['account', 'contact'] }),
    F('msdyn_scheduledstart', 'Start Date', 'datetime'), F('msdyn_finish', 'Finish Date', 'datetime'),
    F('msdyn_progress', 'Progress %', 'decimal', { min: 0, max: 100 }), F('ownerid', 'Owner', 'owner', { defaulted: true, targets: ['systemuser', 'team'] }),
    F('overriddencreatedon', 'Record Created On', 'datetime', { writable: true }),
    F('statecode', 'Status', 'state', { defaulted: true, options: [{ value: 0, label: 'Active' }, { value: 1, label: 'Inactive' }] }),
    F('statuscode', 'Status Reason', 'status', { defaulted: true, options: [{ value: 1, label: 'Active', state: 0 }, { value: 2, label: 'Inactive', state: 1 }] }),
  ],
}];

function dvField(table: string, name: string, f: DvField, e: DvEntity, known: Set<string>): Field {
  const isKey = name === e.primaryIdAttribute, why: (string | undefined)[] = [];
  let type = isKey ? 'id' : f.type ? DV_TYPES[f.type] ?? 'text' : 'lookup';
  if (type === 'text' && f.cdmType && DV_SEMANTIC[f.cdmType]) type = DV_SEMANTIC[f.cdmType]!;
  if (type === 'text' && (f.maxLength ?? 0) > 4000) type = 'longtext';
  if (type === 'datetime' && f.dateTimeBehavior === 'DateOnly') type = 'date';
  if (/base64/i.test(f.note ?? '')) type = 'file';
  // Tables without a Learn page carry no writable flags: only audit columns and type codes are known read-only there.
  let writable = f.writable, targets = f.targets;
  if (writable === undefined && e.writableNote && /^(created|modified)(on|by)$|^versionnumber$|_base$/.test(name)) writable = false;
  if (f.type === 'EntityName') writable ??= false;
  if (!f.type) { // a non-key CDM entityId: a reference whose Dataverse type the reference could not read
    const t = name.replace(/^parent/, '').replace(/id$/, '');
    if (known.has(t)) targets = [t];
    why.push('type not stated in the reference; mapped as a lookup');
  }
  if (name === 'regardingobjectid' || (table === 'annotation' && name === 'objectid')) {
    targets = union(f.targets, SALES_TARGETS, (f.targetsNote ?? '').split(/[^a-z_]+/).filter((w) => known.has(w)));
    why.push(FROM_DOCS);
  } else if (f.type === 'PartyList') {
    targets = f.targets ? union(f.targets, /\blead\b/.test(f.targetsNote ?? '') ? ['lead'] : []) : PARTY_TARGETS;
    why.push('activity party list (one activityparty row per participant)', f.targets && !f.targetsNote ? undefined : FROM_DOCS);
  }
  if (/UNCERTAIN/.test(f.optionsNote ?? '')) why.push('options copied from the lead column of the same name; verify in the org');
  else if (/no values/.test(f.optionsNote ?? '')) why.push('option values are not in the reference; read them from the org');
  if (name in DV_DEFAULTED && !isKey) why.push(DV_DEFAULTED[name]);
  const out: Field = {
    name, label: f.displayName?.trim() || undefined, type, writable,
    defaulted: isKey || name in DV_DEFAULTED || f.default !== undefined || undefined,
    maxLength: TEXTUAL.has(type) ? f.maxLength : undefined,
    min: NUMERIC.has(type) ? f.minValue : undefined, max: NUMERIC.has(type) ? f.maxValue : undefined,
    targets: type === 'lookup' || type === 'owner' ? [...(targets ?? [])] : undefined,
    options: f.options?.map((o) => ({ value: o.value, label: String(o.label), ...(o.state !== undefined && { state: o.state }) })),
  };
  const fix = DV_FIXES[`${table}.${name}`];
  Object.assign(out, fix);
  out.note = fix && 'note' in fix && !fix.note ? undefined : notes(...why, fix?.note);
  // Required: what the Web API itself rejects a create without (SystemRequired), plus the primary name column, which no
  // migrated record should lack. ApplicationRequired is a form rule the API does not enforce, and party lists
  // (phone call from/to) are written as activity parties, not as columns.
  const level = f.requiredLevel === 'SystemRequired' && f.type !== 'PartyList';
  const primary = name === (e.primaryNameAttribute ?? DV_PROPS[table]?.[1]);
  if (out.writable !== false && !out.defaulted && (level || primary)) out.required = true;
  return out;
}

const dataverse = (ref: { entities: Record<string, DvEntity> }): Obj[] => {
  const known = new Set([...Object.keys(ref.entities), ...SALES_TARGETS]);
  return [...Object.entries(ref.entities).map(([table, e]): Obj => ({
    name: table, label: e.displayName, key: e.primaryIdAttribute, primaryName: e.primaryNameAttribute ?? DV_PROPS[table]?.[1],
    entitySet: e.entitySetName ?? DV_PROPS[table]?.[0], activity: DV_ACTIVITIES.has(table) || undefined, note: DV_NOTES[table],
    fields: Object.entries(e.fields).map(([n, f]) => dvField(table, n, f, e, known)),
  })), ...DV_EXTRA];
};

// ---------------------------------------------------------------- Salesforce
const SF_TYPES: Record<string, string> = { id: 'id', string: 'text', encryptedstring: 'text', combobox: 'text',
  textarea: 'longtext', email: 'email', phone: 'phone', url: 'url', boolean: 'boolean', int: 'integer', double: 'decimal',
  currency: 'money', percent: 'percent', date: 'date', datetime: 'datetime', picklist: 'picklist', 'dynamic picklist': 'picklist',
  multipicklist: 'multipicklist', reference: 'lookup', JunctionIdList: 'lookup', base64: 'file', timeOnly: 'text' };
// The faux/Object Reference objects come without labels; these are the Salesforce UI labels.
const SF_LABELS: Record<string, string> = { OpportunityLineItem: 'Opportunity Product', EmailMessage: 'Email Message',
  ContentVersion: 'Content Version', ContentDocumentLink: 'Content Document Link', AccountContactRelation: 'Account Contact Relationship',
  Product2: 'Product', Pricebook2: 'Price Book', PricebookEntry: 'Price Book Entry', QuoteLineItem: 'Quote Line Item', OrderItem: 'Order Product' };
const SF_NAME: Record<string, string> = { Task: 'Subject', Event: 'Subject', EmailMessage: 'Subject', Case: 'Subject', Note: 'Title', ContentVersion: 'Title' };
const SF_ACTIVITIES = new Set(['Task', 'Event', 'EmailMessage']);
const AUDIT = 'CreatedDate and CreatedById accept values only with the "Set Audit Fields upon Record Creation" permission';
const SF_NOTES: Record<string, string> = {
  Task: `Original timing goes in ActivityDate (CompletedDateTime is derived); ${AUDIT}.`,
  Event: `Original timing goes in StartDateTime/EndDateTime; ${AUDIT}.`,
  EmailMessage: `MessageDate carries the original send time; ${AUDIT}.`,
  Campaign: 'The reference marks most Campaign fields read-only (a mis-parsed Object Reference page); the editable ones are corrected here.',
  User: 'Owners are matched on Email among users with IsActive = true.',
};
// Corrections where the derived describe rule (createable && !nillable && !defaulted) misleads, and polymorphic
// references whose reference list is cut short alphabetically (the validator treats targets as exhaustive); "Object.Field".
const WHAT = ['Account', 'Asset', 'Campaign', 'Case', 'Contract', 'Opportunity', 'Order', 'Product2', 'Quote', 'Solution'];
const SF_FIXES: Record<string, Partial<Field>> = {
  'Task.WhatId': { targets: WHAT }, 'Note.ParentId': { targets: ['Account', 'Asset', 'Contact', 'Contract', 'Lead', 'Opportunity', 'Product2'] },
  'ContentDocumentLink.LinkedEntityId': { targets: [...WHAT, 'Contact', 'Lead', 'Task', 'Event', 'User'] },
  'Note.Title': { maxLength: 80 }, 'Note.Body': { maxLength: 32000 },
  'Task.TaskWhoIds': { targets: ['Contact', 'Lead'] },
  ...Object.fromEntries(['ToIds', 'CcIds', 'BccIds'].map((f) => [`EmailMessage.${f}`, { targets: ['Contact', 'Lead', 'User'] }])),
  'EmailMessage.RelatedToId': { targets: ['Account', 'Campaign', 'Case', 'Opportunity', 'Order'], note: 'polymorphic "related to" reference; common targets from the Object Reference' },
  'CampaignMember.AccountId': { required: false, note: 'derived from the lead or contact' },
  'Product2.IsSerialized': { required: false, defaulted: true },
  'PricebookEntry.ProductSellingModelId': { required: false, note: 'needed only for subscription products' },
  'OrderItem.QuoteLineItemId': { required: false, note: 'set only when the order comes from a quote' },
  'ContentVersion.ContentDocumentId': { required: false, note: 'leave empty for a new file (Salesforce creates the document); set it to add a version' },
  ...Object.fromEntries(['Type', 'Status', 'StartDate', 'EndDate', 'ExpectedRevenue', 'BudgetedCost', 'ActualCost',
    'ExpectedResponse', 'NumberSent', 'IsActive', 'Description', 'ParentId'].map((f) => [`Campaign.${f}`, { writable: true }])),
  'Campaign.Name': { writable: true, required: true }, 'Campaign.OwnerId': { writable: true, defaulted: true },
};
const TOPIC_NOTE = 'from the Salesforce Object Reference and Field Reference (Topic, TopicAssignment)';
const SF_EXTRA: Obj[] = [
  { name: 'Topic', label: 'Topic', key: 'Id', primaryName: 'Name', note: `Tag-like labels on records (${TOPIC_NOTE}).`, fields: [
    F('Id', 'Topic ID', 'id', { defaulted: true, writable: false }), F('Name', 'Name', 'text', { required: true, maxLength: 99 }),
    F('Description', 'Description', 'longtext', { maxLength: 1000 })] },
  { name: 'TopicAssignment', label: 'Topic Assignment', key: 'Id', note: `Links a Topic to a record; topics must be enabled for the object (${TOPIC_NOTE}).`, fields: [
    F('Id', 'Topic Assignment ID', 'id', { defaulted: true, writable: false }), F('TopicId', 'Topic', 'lookup', { required: true, targets: ['Topic'] }),
    F('EntityId', 'Record', 'lookup', { required: true, note: 'polymorphic; common targets listed',
      targets: ['Account', 'Campaign', 'Case', 'Contact', 'ContentDocument', 'Contract', 'Event', 'Lead', 'Opportunity', 'Order', 'Task'] })] },
];

// Object Reference description values look like "Call", "3 (Sent)" or "Null—explanation".
function documented(v: string): Opt {
  const num = /^(\d+) \((.+)\)$/.exec(v), head = v.split('—')[0]!.trim();
  return num ? { value: num[1]!, label: num[2]! } : { value: head, label: head };
}

function sfField(obj: string, name: string, f: SfField, o: SfObject): Field {
  const why: (string | undefined)[] = [];
  let type = f.type ? SF_TYPES[f.type] ?? SF_TYPES[f.type.toLowerCase()] : undefined;
  if (f.type === 'textarea' && f.length !== undefined && f.length <= 255) type = 'text';
  if (f.type === 'timeOnly') why.push('time of day (HH:mm:ss.SSSZ); kept as text');
  if (!type) { type = /GeocodeAccuracy|StatusCode/.test(name) ? 'picklist' : 'text'; why.push('type not stated in the reference; best guess'); }
  if (f.type === 'JunctionIdList') why.push('an array of record ids, optional on create');
  if (name === 'OwnerId') type = 'owner'; // and Salesforce assigns the running user when a create omits it
  const listed = o.requiredForCreate?.some((n) => n.toLowerCase() === name.toLowerCase());
  let writable = f.createable === undefined && f.updateable === undefined ? undefined : Boolean(f.createable || f.updateable);
  if (/^(CreatedDate|CreatedById|LastModifiedDate|LastModifiedById)$/.test(name)) writable ??= false;
  if (listed) { writable = true; why.push('required to create a user (sfdx-core REQUIRED_FIELDS)'); }
  if (f.referenceToNote) why.push('polymorphic; common targets listed');
  if (!f.picklistValues && f.documentedValues) why.push('values from the Object Reference text; the org may differ');
  const out: Field = {
    name, label: f.label?.trim(), type, writable,
    // An object-level required list (User) overrides the per-field rule, which misfires on never-null junction lists.
    required: (o.requiredForCreate ? listed : f.requiredOnCreate && f.type !== 'JunctionIdList') || undefined,
    defaulted: ((f.defaultedOnCreate || (type === 'owner' && f.createable !== false)) && (writable !== false || name === 'Id')) || undefined,
    maxLength: TEXTUAL.has(type) ? f.length : undefined,
    targets: type === 'owner' ? f.referenceTo ?? ['User'] : type === 'lookup' ? f.referenceTo ?? f.referenceToIncludes : undefined,
    options: f.picklistValues?.map((p) => ({ value: p.value, label: p.label ?? p.value })) ?? f.documentedValues?.map(documented),
  };
  const fix = SF_FIXES[`${obj}.${name}`] ?? {};
  Object.assign(out, fix);
  out.required ||= undefined;
  out.note = notes(...why, fix.note);
  return out;
}

const salesforce = (ref: { objects: Record<string, SfObject> }): Obj[] => [...Object.entries(ref.objects).map(([name, o]): Obj => ({
  name, label: o.label ?? SF_LABELS[name] ?? name, key: 'Id', primaryName: SF_NAME[name] ?? ('Name' in o.fields ? 'Name' : undefined),
  activity: SF_ACTIVITIES.has(name) || undefined, note: SF_NOTES[name],
  fields: Object.entries(o.fields).map(([n, f]) => sfField(name, n, f, o)),
})), ...SF_EXTRA];

// ---------------------------------------------------------------- YAML
const provenance = (list: Prov[]) => list.map((p) => p.url ? `${p.url}: ${p.what}`
  : `${p.repo}@${p.commit ?? 'unpinned'} ${p.path ?? `(${p.paths?.length ?? 0} files)`}: ${p.what}`);
const LEARN = 'Microsoft Learn table reference pages (MicrosoftDocs/powerapps-docs, MicrosoftDocs/dynamics-365-customer-engagement)';
const DV_SOURCES = [
  `${LEARN}: entity sets and primary name columns of ${Object.keys(DV_PROPS).join(', ')}; listmember writable columns; msdyn_project (Project Operations entity reference)`,
  'MicrosoftDocs/powerapps-docs@06abccfee0ad2f39ba5a2954d2f5d7ed652a2fea powerapps-docs/developer/data-platform/reference/entities/connection.md: read-only name, relatedconnectionid and ismaster',
  'MicrosoftDocs/powerapps-docs@06570acda9b264783a6b7732e4ce286ea3d3c45f powerapps-docs/developer/data-platform/reference/entities/systemuser.md: entity set, primary name, writable columns',
  'MicrosoftDocs/dynamics-365-customer-engagement@f7ae5d039bb192ee99b8f5e2884dab1752f32862 ce/developer/reference/entities/quotedetail.md, opportunityproduct.md: entity set and primary name',
  'MicrosoftDocs/dynamics-365-customer-engagement@1835cf7645a1660f25b4a1c6adbe8bcde54d86c2 ce/developer/reference/entities/salesorderdetail.md: entity set and primary name',
];
const SF_SOURCES = [
  'https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_objects_topicassignment.htm: TopicAssignment fields and EntityId targets',
  'https://developer.salesforce.com/docs/atlas.en-us.196.0.sfFieldRef.meta/sfFieldRef/salesforce_field_reference_Topic.htm: Topic Name (99) and Description (1000) lengths',
  'https://developer.salesforce.com/docs/atlas.en-us.194.0.sfFieldRef.meta/sfFieldRef/salesforce_field_reference_Note.htm: Note Title (80) and Body (32000) lengths',
  'Salesforce Object Reference (Task, Note, ContentDocumentLink, EmailMessage): common targets of the polymorphic WhatId, ParentId, LinkedEntityId and RelatedToId references',
];

// Fixed key order and no undefined keys, so that a regenerated file diffs cleanly against the last one.
const ORDER = ['name', 'label', 'key', 'primaryName', 'entitySet', 'activity', 'type', 'required', 'defaulted', 'writable',
  'maxLength', 'min', 'max', 'targets', 'options', 'note', 'fields'];
const tidy = (o: object) => Object.fromEntries(ORDER.map((k) => [k, (o as Record<string, unknown>)[k]])
  .filter(([k, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0 && k !== 'fields')));

function rewrite(file: string, objects: Obj[], prov: string[]): void {
  const doc = parseDocument(readFileSync(file, 'utf8'));
  // No anchors/aliases for repeated arrays: each field must read on its own.
  const node = doc.createNode(objects.map((o) => ({ ...tidy(o), fields: o.fields.map(tidy) })), { aliasDuplicateObjects: false });
  // One flow map per field keeps each attribute on one line, so a changed attribute is a one-line diff.
  for (const obj of node.items) {
    const fields = isMap(obj) ? obj.get('fields') : undefined;
    if (isSeq(fields)) fields.items.forEach((f) => { if (isMap(f)) f.flow = true; });
  }
  doc.set('provenance', prov);
  doc.set('objects', node);
  writeFileSync(file, doc.toString({ lineWidth: 0 }));
  console.log(`${file}: ${objects.length} objects, ${objects.reduce((n, o) => n + o.fields.length, 0)} fields`);
}

const { values } = parseArgs({ options: { reference: { type: 'string' }, platforms: { type: 'string', default: 'pairs/platforms' } } });
if (!values.reference) throw new Error('usage: tsx scripts/import-reference.ts --reference <dir> [--platforms pairs/platforms]');
const load = (f: string) => JSON.parse(readFileSync(join(values.reference!, f), 'utf8'));
const [dv, sf] = [load('dataverse-entities.json'), load('salesforce-objects.json')];
rewrite(join(values.platforms!, 'dynamics-365-sales.yaml'), dataverse(dv), [...provenance(dv.provenance), ...DV_SOURCES]);
rewrite(join(values.platforms!, 'salesforce-sales-cloud.yaml'), salesforce(sf), [...provenance(sf.provenance), ...SF_SOURCES]);
