import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { bundledPairsDir, loadCatalog } from '../../../engine/spec/catalog.js';
import { startSalesforceEmulator, type SalesforceEmulator } from '../../emulators/salesforce/salesforce-emulator.js';
import { SalesforceOrg } from '../../emulators/salesforce/salesforce-org.js';
import { runCliAsync } from '../run-cli.js';

/* `init` fills `users:` from what the admin has: a users file, or the live destination itself. */
const PAIR = 'dynamics-365-sales--salesforce-sales-cloud';
const root = mkdtempSync(join(tmpdir(), 'init-users-'));
const exportDir = join(root, 'export');
mkdirSync(exportDir, { recursive: true });
writeFileSync(join(exportDir, 'Accounts.csv'), '(Do Not Modify) Account,Account Name\r\n8f3c0b2a-5d1e-ef11-9f89-000d3a4c5b6e,Contoso Ltd\r\n');

type Users = { email: string; name: string; active?: boolean }[];
const usersOf = (project: string): Users => (parse(readFileSync(join(project, 'migration.yaml'), 'utf8')) as { users: Users }).users;

describe('init reads the destination users', () => {
  let emulator: SalesforceEmulator | undefined;
  afterAll(async () => emulator?.close());

  it('given --users with a JSON file, writes those users, inactive ones marked', async () => {
    const file = join(root, 'users.json');
    writeFileSync(file, JSON.stringify({ users: [{ email: 'dana.reyes@northwind.example', name: 'Dana Reyes' }, { email: 'old.rep@northwind.example', name: 'Old Rep', active: false }] }));
    const project = join(root, 'from-json');
    const result = await runCliAsync(['init', project, '--pair', PAIR, '--source', exportDir, '--users', file]);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(usersOf(project)).toEqual([
      { email: 'dana.reyes@northwind.example', name: 'Dana Reyes' },
      { email: 'old.rep@northwind.example', name: 'Old Rep', active: false },
    ]);
  });

  it('given a users CSV with a row without an email, exits 2 naming the file and line', async () => {
    const file = join(root, 'users.csv');
    writeFileSync(file, 'Email,Full Name\r\ndana.reyes@northwind.example,Dana Reyes\r\n,Nobody\r\n');
    const result = await runCliAsync(['init', join(root, 'from-bad-csv'), '--pair', PAIR, '--source', exportDir, '--users', file]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(`${file}:3: No valid email on this user`);
  });

  it('given a live Salesforce --target and no users file, reads the org\'s users through its API', async () => {
    const platform = (await loadCatalog([bundledPairsDir()])).platforms.get('salesforce-sales-cloud')?.spec;
    if (platform === undefined) throw new Error('no Salesforce platform spec');
    const org = new SalesforceOrg(platform, 'Legacy_Id__c', {
      users: [
        { email: 'Dana.Reyes@northwind.example', name: 'Dana Reyes', active: true },
        { email: 'old.rep@northwind.example', name: 'Old Rep', active: false },
      ],
    });
    emulator = await startSalesforceEmulator({ org, clientId: 'crm-migrate-app', clientSecret: 'cs-init-users', username: 'integration@northwind.example' });
    const project = join(root, 'from-org');
    const env = { SALESFORCE_CLIENT_ID: 'crm-migrate-app', SALESFORCE_CLIENT_SECRET: 'cs-init-users', CRM_MIGRATE_TEST_EMULATOR: '1' };
    const result = await runCliAsync(['init', project, '--pair', PAIR, '--source', exportDir, '--target', `salesforce:${emulator.url}`], { env });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toContain('read from the destination');
    const users = usersOf(project);
    expect(users).toContainEqual({ email: 'dana.reyes@northwind.example', name: 'Dana Reyes' });
    expect(users).toContainEqual({ email: 'old.rep@northwind.example', name: 'Old Rep', active: false });
    expect(readFileSync(join(project, 'migration.yaml'), 'utf8')).toContain(`target: salesforce:${emulator.url}`);
  });
});
