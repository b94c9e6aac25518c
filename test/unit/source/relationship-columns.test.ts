import { describe, expect, it } from 'vitest';
import { relationshipAliases } from '../../../engine/source/relationship-columns.js';

const KNOWN = ['Id', 'Name', 'AccountId', 'OwnerId', 'RecordTypeId', 'Parent__c', 'WhatId'];

describe('relationshipAliases', () => {
  it('given relationship columns and no Id, reads each as the field it stands for and keys by the external id', () => {
    const raw = ['External_Id__c', 'Name', 'Account.External_Id__c', 'Owner.Username', 'RecordType.DeveloperName', 'Parent__r.External_Id__c', 'What.Legacy__c'];
    expect(relationshipAliases(raw, KNOWN, 'Id')).toEqual({
      'Account.External_Id__c': 'AccountId',
      'Owner.Username': 'OwnerId',
      'RecordType.DeveloperName': 'RecordTypeId',
      'Parent__r.External_Id__c': 'Parent__c',
      'What.Legacy__c': 'WhatId',
      External_Id__c: 'Id',
    });
  });

  it('given a file that has the fields themselves, renames nothing', () => {
    expect(relationshipAliases(['Id', 'AccountId', 'Account.External_Id__c', 'External_Id__c'], KNOWN, 'Id')).toEqual({});
  });

  it('given a relationship column the spec knows by its own name, leaves it as it is', () => {
    expect(relationshipAliases(['Id', 'Account.External_Id__c'], [...KNOWN, 'Account.External_Id__c'], 'Id')).toEqual({});
  });

  it('given no external id column and two id-like custom columns, does not guess the key', () => {
    expect(relationshipAliases(['Legacy_Id__c', 'Partner_Id__c', 'Name'], KNOWN, 'Id')).toEqual({});
    expect(relationshipAliases(['Legacy_Id__c', 'Name'], KNOWN, 'Id')).toEqual({ Legacy_Id__c: 'Id' });
  });
});
