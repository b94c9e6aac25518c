import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import type { PlatformObject, PlatformSpec } from '../../../../engine/spec/generated/platform-spec.js';
import type { DestinationSetup } from '../../../../engine/destinations/destination.js';

/** Small destination specs shaped like the real ones: Dataverse logical names and Salesforce API names. */

const base: Pick<PlatformSpec, 'roles' | 'summary'> = { roles: ['destination'], summary: 'Test destination.' };

/** `count` custom tables named new_table1, new_table2, … for edition-limit tests. */
export function customTables(count: number): PlatformObject[] {
  return Array.from({ length: count }, (_, i) => ({
    name: `new_table${i + 1}`,
    label: `Table ${i + 1}`,
    key: `new_table${i + 1}id`,
    custom: true,
    fields: [{ name: 'new_name', type: 'text', maxLength: 100 }],
  }));
}

export const DATAVERSE: PlatformSpec = {
  ...base,
  id: 'dataverse-test',
  name: 'Dynamics 365 Sales',
  editions: [{ name: 'Sales Professional', customTableLimit: 15 }, { name: 'Sales Enterprise' }],
  rules: {
    dateMin: '1753-01-01',
    dateMax: '9999-12-31',
    activeOwnersOnly: true,
    customFieldPattern: 'new_{name}',
    userObject: 'systemuser',
    userEmailField: 'internalemailaddress',
  },
  objects: [
    {
      name: 'account',
      label: 'Account',
      key: 'accountid',
      primaryName: 'name',
      fields: [
        { name: 'accountid', type: 'id', defaulted: true },
        { name: 'name', type: 'text', required: true, maxLength: 160 },
        { name: 'accountnumber', type: 'text', maxLength: 20 },
        { name: 'numberofemployees', type: 'integer', min: 0, max: 1000000000 },
        { name: 'revenue', type: 'money', min: 0, max: 100000000000000 },
        { name: 'creditonhold', type: 'boolean' },
        {
          name: 'industrycode',
          type: 'picklist',
          options: [
            { value: 1, label: 'Accounting' },
            { value: 2, label: 'Agriculture and Non-petrol Natural Resource Extraction' },
            { value: 3, label: 'Broadcasting Printing and Publishing' },
          ],
        },
        { name: 'parentaccountid', type: 'lookup', targets: ['account'] },
        { name: 'primarycontactid', type: 'lookup', targets: ['contact'] },
        { name: 'transactioncurrencyid', type: 'lookup', defaulted: true, targets: ['transactioncurrency'] },
        { name: 'ownerid', type: 'owner', defaulted: true, targets: ['systemuser', 'team'] },
        { name: 'createdon', type: 'datetime', writable: false },
        {
          name: 'statecode',
          type: 'state',
          defaulted: true,
          options: [
            { value: 0, label: 'Active' },
            { value: 1, label: 'Inactive' },
          ],
        },
      ],
    },
    {
      name: 'contact',
      label: 'Contact',
      key: 'contactid',
      fields: [
        { name: 'contactid', type: 'id', defaulted: true },
        { name: 'firstname', type: 'text', maxLength: 50 },
        { name: 'lastname', type: 'text', required: true, maxLength: 50 },
        { name: 'fullname', type: 'text', writable: false, maxLength: 160 },
        { name: 'emailaddress1', type: 'email', maxLength: 100 },
        { name: 'birthdate', type: 'datetime' },
        { name: 'parentcustomerid', type: 'lookup', targets: ['contact', 'account'] },
        { name: 'ownerid', type: 'owner', defaulted: true, targets: ['systemuser', 'team'] },
      ],
    },
    {
      name: 'systemuser',
      label: 'User',
      key: 'systemuserid',
      fields: [
        { name: 'systemuserid', type: 'id', defaulted: true },
        { name: 'firstname', type: 'text', required: true, maxLength: 64 },
        { name: 'lastname', type: 'text', required: true, maxLength: 64 },
        { name: 'fullname', type: 'text', writable: false, maxLength: 200 },
        { name: 'internalemailaddress', type: 'email', maxLength: 100 },
        { name: 'isdisabled', type: 'boolean' },
      ],
    },
    ...customTables(16),
  ],
};

export const SALESFORCE: PlatformSpec = {
  ...base,
  id: 'salesforce-test',
  name: 'Salesforce Sales Cloud',
  editions: [{ name: 'Enterprise' }],
  rules: {
    dateMin: '1700-01-01',
    dateMax: '4000-12-31',
    activeOwnersOnly: true,
    customFieldPattern: '{name}__c',
    userObject: 'User',
    userEmailField: 'Email',
  },
  objects: [
    {
      name: 'Account',
      label: 'Account',
      key: 'Id',
      fields: [
        { name: 'Id', type: 'id' },
        { name: 'Name', type: 'text', required: true, maxLength: 255 },
        {
          name: 'Industry',
          type: 'picklist',
          options: [
            { value: 'Agriculture', label: 'Agriculture' },
            { value: 'Banking', label: 'Banking' },
          ],
        },
        { name: 'ParentId', type: 'lookup', targets: ['Account'] },
        { name: 'OwnerId', type: 'owner', defaulted: true, targets: ['User'] },
      ],
    },
    {
      name: 'Contact',
      label: 'Contact',
      key: 'Id',
      fields: [
        { name: 'Id', type: 'id' },
        { name: 'LastName', type: 'text', required: true, maxLength: 80 },
        { name: 'Birthdate', type: 'date' },
        { name: 'AccountId', type: 'lookup', targets: ['Account'] },
        { name: 'OwnerId', type: 'owner', defaulted: true, targets: ['User'] },
      ],
    },
    {
      name: 'AccountContactRelation',
      label: 'Account Contact Relationship',
      key: 'Id',
      fields: [
        { name: 'Id', type: 'id' },
        {
          name: 'Roles',
          type: 'multipicklist',
          options: [
            { value: 'Business User', label: 'Business User' },
            { value: 'Decision Maker', label: 'Decision Maker' },
            { value: 'Economic Buyer', label: 'Economic Buyer' },
          ],
        },
      ],
    },
    {
      name: 'User',
      label: 'User',
      key: 'Id',
      fields: [
        { name: 'Id', type: 'id' },
        { name: 'LastName', type: 'text', required: true },
        { name: 'FirstName', type: 'text' },
        { name: 'Name', type: 'text', writable: false, maxLength: 203 },
        { name: 'Email', type: 'email', required: true },
        { name: 'IsActive', type: 'boolean', defaulted: true },
      ],
    },
  ],
};

export const USERS = [
  { email: 'Ada.Lovelace@example.com', name: 'Ada Lovelace' },
  { email: 'grace@example.com', name: 'Grace Brewster Hopper', active: true },
  { email: 'former@example.com', name: 'Former Employee', active: false },
];

export function setup(
  destination: PlatformSpec,
  objects: string[],
  extra: Partial<DestinationSetup> = {},
): DestinationSetup {
  return { destination, objects, customAttributes: [], users: USERS, ...extra };
}

/** A fresh directory under the system temp directory, removed by the returned function. */
export function tempDir(): { dir: string; file: (name: string) => string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'crm-migrate-sandbox-'));
  return { dir, file: (name) => join(dir, name), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Every row of a table in storage order, rowid included, read by a separate connection. */
/** The table's rows as stored, less the row version: a restore puts the data back, and raises the version as any write does. */
export function dump(path: string, table: string): unknown[] {
  const db = new Sqlite(path, { readonly: true });
  try {
    return db
      .prepare(`SELECT rowid AS _rowid, * FROM "${table}" ORDER BY rowid`)
      .all()
      .map((row) => {
        const { _version: _ignored, ...data } = row as Record<string, unknown>;
        return data;
      });
  } finally {
    db.close();
  }
}
