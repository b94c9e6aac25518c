import { describe, expect, it } from 'vitest';
import { compilePlan } from '../../../engine/plan/migration-plan.js';
import { engagementOver } from './engagement-over.js';

/**
 * Confirmed key, owner, lookup and stand-in decisions change what the run reads: the pair's mapping keeps its place
 * and transforms and reads the decided column, so a Data Loader export's relationship columns link records.
 */
const DECISIONS = [
  'customFields:',
  '  - { object: account, column: External_Id__c, action: key, status: confirmed }',
  '  - { object: account, column: Owner.External_Id__c, action: owner, to: ownerid, status: confirmed }',
  '  - { object: account, column: CreatedDate__c, action: map, to: overriddencreatedon, type: datetime, status: confirmed }',
  '  - { object: account, column: Primary_Contact__c, action: lookup, to: primarycontactid, lookup: [contacts], status: confirmed }',
  '  - { object: contact, column: External_Id__c, action: key, status: confirmed }',
  '  - { object: contact, column: Account.External_Id__c, action: lookup, to: parentcustomerid, lookup: [accounts], status: confirmed }',
  '  - { object: opportunity, column: Account.External_Id__c, action: lookup, to: parentaccountid, lookup: [accounts], status: confirmed }',
  '  - { object: contact, column: Region__c, action: create, to: new_region, type: text, status: confirmed }',
];

describe('the plan with confirmed decisions about a Data Loader export', () => {
  it('reads the key, owner, lookups and created date from the decided columns, keeping the pair\'s transforms', async () => {
    const engagement = await engagementOver({ 'Account.csv': 'External_Id__c,Name\n', 'Contact.csv': 'External_Id__c,LastName\n' }, 'leadsmart-channel-cloud--dynamics-365-sales', undefined, DECISIONS);
    const plan = compilePlan(engagement);
    const load = (id: string) => plan.loads.find((l) => l.id === id)!;

    expect(load('accounts').keyColumns).toEqual(['External_Id__c']);
    expect(load('accounts').owner).toMatchObject({ from: 'Owner.External_Id__c', to: 'ownerid' });
    const created = load('accounts').fields.filter((f) => f.to === 'overriddencreatedon');
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ columns: ['CreatedDate__c'], steps: ['datetime'] });
    // No pair lookup writes primarycontactid: one is added, linked in the second pass as contacts load later.
    expect(load('accounts').lookups.find((l) => l.to === 'primarycontactid')).toMatchObject({ column: 'Primary_Contact__c', targets: ['contacts'], by: 'key', deferred: true });

    expect(load('contacts').keyColumns).toEqual(['External_Id__c']);
    expect(load('contacts').lookups.find((l) => l.to === 'parentcustomerid')).toMatchObject({ column: 'Account.External_Id__c', targets: ['accounts'] });
    // Both of the pair's AccountId links on the opportunity read the decided column.
    expect(load('opportunities').lookups.filter((l) => l.column === 'Account.External_Id__c').map((l) => l.to).sort()).toEqual(['customerid', 'parentaccountid']);
    expect(load('opportunities').lookups.some((l) => l.column === 'AccountId')).toBe(false);
    // A plain create still becomes a field of its own.
    expect(load('contacts').fields.find((f) => f.to === 'new_region')).toMatchObject({ columns: ['Region__c'] });
  });
});
