import { describe, expect, it } from 'vitest';
import { idFactory, idStyle, salesforcePrefix } from '../../../../engine/destinations/model/record-ids.js';
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
