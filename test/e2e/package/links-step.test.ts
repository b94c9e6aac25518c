import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPackageDestination } from '../../../engine/destinations/package/index.js';
import { checkBulkPackage, platform } from './package-checks.js';

describe('a Salesforce package whose records name records of their own object', () => {
  it('sets those lookups in a links file after every object, so each names a record an earlier file created', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'package-links-'));
    const destination = createPackageDestination(dir, 'Test to Salesforce');
    const users = [{ email: 'ann@example.com', name: 'Ann Lee' }];
    const problems = await destination.open({ destination: platform('salesforce-sales-cloud'), objects: ['Account', 'Contact'], customAttributes: [], users });
    expect(problems).toEqual([]);
    const owner = (await destination.users()).get('ann@example.com')?.id as string;
    const [parent] = await destination.upsert('Account', [{ sourceKey: 'accounts:1', values: { Name: 'Parent Co', OwnerId: owner } }]);
    await destination.upsert('Account', [{ sourceKey: 'accounts:2', values: { Name: 'Child Co', ParentId: parent?.id as string } }]);
    await destination.upsert('Contact', [{ sourceKey: 'contacts:1', values: { LastName: 'Lee', AccountId: parent?.id as string } }]);
    await destination.close();

    const check = checkBulkPackage(dir, platform('salesforce-sales-cloud'), new Set(['ann@example.com']), []);
    expect(check).toEqual({ problems: [], counts: { Account: 2, Contact: 1 } });
    expect(readFileSync(join(dir, '01-Account.csv'), 'utf8')).toBe('Legacy_Id__c,Name,Owner.Username\naccounts~3A1,Parent Co,ann@example.com\naccounts~3A2,Child Co,\n');
    expect(readFileSync(join(dir, '02-Contact.csv'), 'utf8')).toBe('Legacy_Id__c,Account.Legacy_Id__c,LastName\ncontacts~3A1,accounts~3A1,Lee\n');
    expect(readFileSync(join(dir, '03-Account-links.csv'), 'utf8')).toBe('Legacy_Id__c,Parent.Legacy_Id__c\naccounts~3A2,accounts~3A1\n');
    expect(existsSync(join(dir, 'README.md'))).toBe(true);
  });
});
