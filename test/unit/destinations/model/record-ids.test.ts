import { describe, expect, it } from 'vitest';
import { idFactory, idStyle, salesforcePrefix, sequentialIdFactory } from '../../../../engine/destinations/model/record-ids.js';
import { salesforceSuffix } from '../../../../engine/util/salesforce-ids.js';

describe('idStyle', () => {
  it('given Salesforce Id, a Dataverse logical-name key or anything else, returns the id style', () => {
    expect(idStyle('Id')).toBe('salesforce');
    expect(idStyle('accountid')).toBe('dataverse');
    expect(idStyle('activityid')).toBe('dataverse');
    expect(idStyle('ID')).toBe('dataverse');
  });
});

describe('idFactory', () => {
  it('given the same object and source key twice, returns the same id', () => {
    expect(idFactory('account', 'accountid')('42')).toBe(idFactory('account', 'accountid')('42'));
    expect(idFactory('Account', 'Id')('42')).toBe(idFactory('Account', 'Id')('42'));
  });

  it('given another source key or another object, returns another id', () => {
    const account = idFactory('account', 'accountid');
    expect(account('42')).not.toBe(account('43'));
    expect(account('42')).not.toBe(idFactory('contact', 'contactid')('42'));
  });

  it('given a Dataverse key, returns a lower-case version-5 GUID', () => {
    const id = idFactory('account', 'accountid')('42');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('given a Salesforce key, returns an 18-character id with the object prefix and a valid checksum', () => {
    const id = idFactory('Contact', 'Id')('C-1001');
    expect(id).toMatch(/^003[0-9A-Za-z]{15}$/);
    expect(id.slice(15)).toBe(salesforceSuffix(id.slice(0, 15)));
  });

  it('given a known Salesforce id, computes the suffix Salesforce computes', () => {
    // The widely cited example: the 15-character 001A0000006Vm9r is 001A0000006Vm9rIAC in 18 characters.
    expect(salesforceSuffix('001A0000006Vm9r')).toBe('IAC');
    expect(salesforceSuffix('001000000000001')).toBe('AAA');
  });

  it('given a custom or unknown Salesforce object, returns a stable prefix, `a` first for custom objects', () => {
    expect(salesforcePrefix('Project__c', false)).toMatch(/^a[0-9A-Za-z]{2}$/);
    expect(salesforcePrefix('Project__c', false)).toBe(salesforcePrefix('Project__c', true));
    expect(salesforcePrefix('Opportunity', false)).toBe('006');
    expect(salesforcePrefix('Solution', false)).toMatch(/^0[0-9A-Za-z]{2}$/);
  });
});

describe('sequentialIdFactory', () => {
  // Sequences around the places a fixed-width encoding could break its order: a digit rolling over, and large tables.
  const sequences = [1, 2, 9, 10, 15, 16, 61, 62, 255, 256, 3_843, 3_844, 65_535, 65_536, 999_999, 1_000_000, 4_000_000, 56_800_235_583];

  it('given rising sequences, returns Dataverse GUIDs that sort as the sequences do', () => {
    const ids = sequences.map((n) => sequentialIdFactory('contact', 'contactid')(n, `C-${n}`));
    expect([...ids].sort()).toEqual(ids);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(ids[0]?.startsWith('00000000-0001-5')).toBe(true);
  });

  it('given rising sequences, returns Salesforce ids that sort as the sequences do and pass Salesforce’s check', () => {
    const ids = sequences.map((n) => sequentialIdFactory('Contact', 'Id')(n, `C-${n}`));
    expect([...ids].sort()).toEqual(ids);
    for (const id of ids) {
      expect(id).toMatch(/^003[0-9A-Za-z]{15}$/);
      expect(id.slice(15)).toBe(salesforceSuffix(id.slice(0, 15)));
    }
  });

  it('given the same sequence for another source key (a row created where a rolled-back one was), returns another id', () => {
    for (const [object, key] of [['contact', 'contactid'], ['Contact', 'Id']] as const) {
      const next = sequentialIdFactory(object, key);
      expect(next(7, 'C-1')).toBe(next(7, 'C-1'));
      expect(next(7, 'C-1')).not.toBe(next(7, 'C-2'));
    }
  });
});
