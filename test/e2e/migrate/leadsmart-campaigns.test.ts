import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { stringify } from 'csv-stringify/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledPairsDir, loadCatalog } from '../../../engine/spec/catalog.js';
import { runCliAsync } from '../run-cli.js';

/**
 * The LeadSmart page promises campaign members with their member status, and lists belong to their campaign. The
 * export is written here by hand in Salesforce's data-export shape (API-name headers, 18-character ids); objects the
 * test has no rows for carry their header only.
 */
const USER = '0055g00000083MVAAY';
const CAMPAIGN = '7015g00000083MVAAY';
const CONTACT = '0035g00000083MvAAI';
const LEAD = '00Q5g00000083MvAAI';
const ROWS: Record<string, Record<string, string>[]> = {
  user: [{ Id: USER, Username: 'sarah@example.com', LastName: 'Jones', FirstName: 'Sarah', Name: 'Sarah Jones', Email: 'sarah@example.com', IsActive: 'true' }],
  contact: [{ Id: CONTACT, LastName: 'Reyes', FirstName: 'Dana', Name: 'Dana Reyes', Email: 'dana@acme.example', OwnerId: USER }],
  lead: [{ Id: LEAD, LastName: 'Petrov', FirstName: 'Omar', Name: 'Omar Petrov', Company: 'Brightwater', Status: 'Open - Not Contacted', OwnerId: USER }],
  campaign: [{ Id: CAMPAIGN, Name: 'Spring Dealer Days', Type: 'Conference', Status: 'Completed', StartDate: '2024-03-01', EndDate: '2024-03-02', IsActive: 'true', OwnerId: USER }],
  'campaign-member': [
    { Id: '00v5g00000083MVAAY', CampaignId: CAMPAIGN, Type: 'Contact', ContactId: CONTACT, Status: 'Registered', HasResponded: 'true', FirstRespondedDate: '2024-02-20', CreatedDate: '2024-02-01T09:00:00.000Z' },
    { Id: '00v5g00000083MWAAY', CampaignId: CAMPAIGN, Type: 'Lead', LeadId: LEAD, Status: 'Sent', HasResponded: 'false', CreatedDate: '2024-02-01T09:00:00.000Z' },
  ],
};

const root = mkdtempSync(join(tmpdir(), 'leadsmart-campaigns-'));
const project = join(root, 'engagement');
let sandbox: Database.Database;
let ledger: Database.Database;
afterAll(() => {
  sandbox?.close();
  ledger?.close();
  rmSync(root, { recursive: true, force: true });
});

beforeAll(async () => {
  const leadsmart = (await loadCatalog([bundledPairsDir()])).platforms.get('leadsmart-channel-cloud')?.spec;
  const exportDir = join(root, 'export');
  mkdirSync(exportDir, { recursive: true });
  expect(Object.keys(ROWS).every((name) => leadsmart?.objects.some((o) => o.name === name))).toBe(true);
  for (const object of leadsmart?.objects ?? []) {
    if (object.file === undefined) continue;
    const header = object.fields.map((f) => f.name);
    writeFileSync(join(exportDir, object.file), stringify([header, ...(ROWS[object.name] ?? []).map((r) => header.map((h) => r[h] ?? ''))]));
  }
  const init = await runCliAsync(['init', project, '--pair', 'leadsmart-channel-cloud--dynamics-365-sales', '--source', exportDir]);
  expect(init.exitCode, init.stderr).toBe(0);
  const file = join(project, 'migration.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace(/users:[^\n]*\n(\s+-.*\n|\s+\w+:.*\n)*/, 'users:\n  - { email: sarah@example.com, name: Sarah Jones }\n'));
  const apply = await runCliAsync(['apply', '--project', project]);
  expect(apply.exitCode, apply.stdout + apply.stderr).toBe(0);
  sandbox = new Database(join(project, 'sandbox.db'), { readonly: true });
  ledger = new Database(join(project, 'ledger.db'), { readonly: true });
}, 120_000);

const idOf = (load: string, key: string): string | undefined =>
  ledger.prepare<[string, string], { dest_id: string }>('SELECT dest_id FROM keymap WHERE load = ? AND source_key = ?').get(load, key)?.dest_id;

describe('LeadSmart campaigns in the sandbox', () => {
  it("given a campaign, associates both of its marketing lists with it through campaign items", () => {
    const campaign = idOf('campaigns', CAMPAIGN);
    expect(campaign).toBeDefined();
    const items = sandbox.prepare('SELECT campaignid, entityid FROM campaignitem ORDER BY entityid').all() as { campaignid: string; entityid: string }[];
    const lists = [idOf('campaign-contact-lists', CAMPAIGN), idOf('campaign-lead-lists', CAMPAIGN)].sort();
    expect(items).toEqual(lists.map((entityid) => ({ campaignid: campaign, entityid })));
  });

  it('given a member who responded, records a campaign response with the member status, date and person', () => {
    const responses = sandbox.prepare('SELECT subject, receivedon, customer, regardingobjectid FROM campaignresponse').all();
    expect(responses).toEqual([{ subject: 'Registered', receivedon: '2024-02-20T00:00:00Z', customer: idOf('contacts', CONTACT), regardingobjectid: idOf('campaigns', CAMPAIGN) }]);
  });

  it('given a member who did not respond, keeps them as a list member of the lead list with no response', () => {
    const members = sandbox.prepare('SELECT listid, entityid FROM listmember ORDER BY listid').all() as { listid: string; entityid: string }[];
    expect(members).toContainEqual({ listid: idOf('campaign-lead-lists', CAMPAIGN), entityid: idOf('leads', LEAD) });
    expect(members).toContainEqual({ listid: idOf('campaign-contact-lists', CAMPAIGN), entityid: idOf('contacts', CONTACT) });
    expect(sandbox.prepare('SELECT COUNT(*) AS n FROM campaignresponse WHERE customer = ?').get(idOf('leads', LEAD))).toEqual({ n: 0 });
  });
});
