import type { FieldType, PlatformField } from '../../spec/generated/platform-spec.js';

/** The parts of a REST sObject describe field that the target reads (and the emulator writes). */
export interface DescribeField {
  name: string;
  label: string;
  type: string;
  length: number;
  nillable: boolean;
  createable: boolean;
  updateable: boolean;
  defaultedOnCreate: boolean;
  externalId: boolean;
  custom: boolean;
  picklistValues: { value: string; label: string; active: boolean }[];
  referenceTo: string[];
}

export interface DescribeResult {
  name: string;
  fields: DescribeField[];
}

const TO_SALESFORCE: Record<FieldType, string> = {
  id: 'id', text: 'string', longtext: 'textarea', integer: 'int', decimal: 'double', money: 'currency', percent: 'percent',
  date: 'date', datetime: 'datetime', boolean: 'boolean', email: 'email', phone: 'phone', url: 'url', picklist: 'picklist',
  multipicklist: 'multipicklist', lookup: 'reference', owner: 'reference', state: 'picklist', status: 'picklist', file: 'base64',
};

const FROM_SALESFORCE: Record<string, FieldType> = {
  id: 'id', string: 'text', textarea: 'longtext', int: 'integer', double: 'decimal', currency: 'money', percent: 'percent',
  date: 'date', datetime: 'datetime', boolean: 'boolean', email: 'email', phone: 'phone', url: 'url', picklist: 'picklist',
  multipicklist: 'multipicklist', reference: 'lookup', base64: 'file',
};

/** A platform-spec field as the org would describe it (the emulator's answer). */
export function describeField(field: PlatformField, extra: Partial<DescribeField> = {}): DescribeField {
  const writable = field.writable !== false && field.type !== 'id';
  return {
    name: field.name,
    label: field.label ?? field.name,
    type: TO_SALESFORCE[field.type],
    length: field.maxLength ?? 0,
    nillable: field.required !== true && field.type !== 'boolean',
    createable: writable,
    updateable: writable,
    defaultedOnCreate: field.defaulted === true || field.type === 'boolean',
    externalId: false,
    custom: field.name.endsWith('__c'),
    picklistValues: (field.options ?? []).map((o) => ({ value: String(o.value), label: o.label, active: true })),
    referenceTo: field.targets ?? [],
    ...extra,
  };
}

/** What the org described, as a platform-spec field, so the engine's value rules apply to the org's real metadata. */
export function platformField(field: DescribeField): PlatformField {
  const type = FROM_SALESFORCE[field.type] ?? 'text';
  const result: PlatformField = { name: field.name, label: field.label, type, writable: field.createable || field.updateable };
  if (!field.nillable && field.createable && !field.defaultedOnCreate) result.required = true;
  if (field.defaultedOnCreate) result.defaulted = true;
  if (field.length > 0 && (type === 'text' || type === 'longtext' || type === 'email' || type === 'phone' || type === 'url')) result.maxLength = field.length;
  const options = field.picklistValues.filter((p) => p.active);
  if (options.length > 0) result.options = options.map((p) => ({ value: p.value, label: p.label }));
  if (field.referenceTo.length > 0) result.targets = field.referenceTo;
  return result;
}
