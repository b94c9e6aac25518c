import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledPairsDir, loadCatalog } from '../../../engine/spec/catalog.js';
import { runCliAsync } from '../run-cli.js';

/**
 * Smart CRM tags go to a `Tags__c` multi-select picklist, which accepts only values an admin created first; the
 * schema-change checklist must name those values, read from the export. Contacts and deals are written here by hand
 * (Smart CRM's semicolon-joined tag cells, two spellings of one tag); other files carry their header only.
 */
const ROWS: Record<string, Record<string, string>[]> = {
  contact: [
    { 'Contact ID': 'C1', 'First Name': 'Dana', 'Last Name': 'Reyes', Email: 'dana@acme.example', Tags: 'VIP; Trade Show 2024' },
    { 'Contact ID': 'C2', 'First Name': 'Omar', 'Last Name': 'Petrov', Email: 'omar@acme.example', Tags: 'vip;Newsletter' },
    { 'Contact ID': 'C3', 'First Name': 'Aiko', 'Last Name': 'Tanaka', Email: 'aiko@acme.example', Tags: '' },
  ],
  deal: [{ 'Deal ID': 'D1', 'Deal Name': 'Renewal', Tags: 'Upsell' }],
};

const root = mkdtempSync(join(tmpdir(), 'tag-values-'));
const project = join(root, 'engagement');
let checklist = '';
afterAll(() => rmSync(root, { recursive: true, force: true }));

beforeAll(async () => {
  const smart = (await loadCatalog([bundledPairsDir()])).platforms.get('smart-crm-online')?.spec;
  const exportDir = join(root, 'export');
  mkdirSync(exportDir, { recursive: true });
  expect(Object.keys(ROWS).every((name) => smart?.objects.some((o) => o.name === name))).toBe(true);
  for (const object of smart?.objects ?? []) {
    if (object.file === undefined) continue;
    const header = object.fields.map((f) => f.name);
    writeFileSync(join(exportDir, object.file), stringify([header, ...(ROWS[object.name] ?? []).map((r) => header.map((h) => r[h] ?? ''))]));
  }
  const init = await runCliAsync(['init', project, '--pair', 'smart-crm-online--salesforce-sales-cloud', '--source', exportDir]);
  expect(init.exitCode, init.stderr).toBe(0);
  await runCliAsync(['plan', '--project', project]);
  checklist = readFileSync(join(project, 'schema-changes.md'), 'utf8');
}, 60_000);

describe('the schema-change checklist of a tags column', () => {
  it('given tags in contacts.csv, lists each distinct tag once as a value to add to Contact Tags__c', () => {
    const line = checklist.split('\n').find((l) => l.includes('**Tags** (Tags__c) of Contact, add:'));
    expect(line).toBeDefined();
    const values = (line ?? '').replace(/^.*add: /, '').split(', ');
    expect(values).toEqual(['VIP', 'Trade Show 2024', 'Newsletter']);
  });

  it('given tags in deals.csv, lists the deal tags for Opportunity Tags__c, not the contacts\'', () => {
    expect(checklist).toContain('**Tags** (Tags__c) of Opportunity, add: Upsell');
    expect(checklist).not.toContain('none are listed in the specs');
  });
});
