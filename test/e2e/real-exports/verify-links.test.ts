import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunReport } from '../../../engine/run/run-report.js';
import { runCliAsync } from '../run-cli.js';

/*
 * A Zoho-shaped export: lead and contact ids are both small numbers and overlap, and a task names its record by an
 * id plus a module column (`SEMODULE`). The platform says so (`typedBy`). A pair that forgets the module column and
 * tries contacts before leads links the task to the contact that happens to share the lead's id; re-mapping the
 * row the same way would call that a match. verify must not.
 */
const PLATFORM = `id: zoho-like
name: Zoho-like CRM
extends: smart-crm-online
roles: [source]
summary: A Smart CRM Online export with Zoho's leads and tasks.
objects:
  - name: lead
    label: Lead
    file: leads.csv
    key: LEADID
    primaryName: Last Name
    fields:
      - { name: LEADID, type: id, required: true }
      - { name: Last Name, type: text, required: true }
  - name: task
    label: Task
    file: tasks.csv
    key: ACTIVITYID
    primaryName: Subject
    fields:
      - { name: ACTIVITYID, type: id, required: true }
      - { name: Subject, type: text, required: true }
      - name: What Id
        type: lookup
        targets: [contact, lead]
        typedBy: { column: SEMODULE, values: { Leads: lead, Contacts: contact } }
      - { name: SEMODULE, type: text }
`;

function pair(typed: boolean, leadsLoad = 'leads'): string {
  const routing = typed ? `, typeColumn: SEMODULE, types: { Leads: ${leadsLoad}, Contacts: contacts }` : '';
  return `id: zoho-like--dynamics-365-sales
source: zoho-like
destination: dynamics-365-sales
summary: Leads, contacts and tasks.
overview: Three objects, enough to link tasks.
objects:
  - id: contact
    source: Contact
    destination: Contact
    mapping: "1:1"
    compatibility: fully-supported
    narrative: Contacts.
    loads:
      - id: contacts
        from: contact
        to: contact
        fields:
          - { from: Last Name, to: lastname, transform: trim }
  - id: lead
    source: Lead
    destination: Lead
    mapping: "1:1"
    compatibility: fully-supported
    narrative: Leads.
    loads:
      - id: leads
        from: lead
        to: lead
        fields:
          - { from: Last Name, to: lastname, transform: trim }
          - { from: Last Name, to: subject, transform: trim }
  - id: task
    source: Task
    destination: Task
    mapping: "1:1"
    compatibility: fully-supported
    narrative: Tasks on their contact or lead.
    loads:
      - id: tasks
        from: task
        to: task
        fields:
          - { from: Subject, to: subject, transform: trim }
        lookups:
          - { from: What Id, to: regardingobjectid, load: [contacts, leads], by: key${routing} }
challenges: []
approach:
  - { title: Load, detail: "Contacts and leads first, tasks after them." }
`;
}

async function migrate(typed: boolean): Promise<{ project: string; report: RunReport; verifyExit: number; verify: string }> {
  const root = mkdtempSync(join(tmpdir(), 'verify-links-'));
  const specs = join(root, 'specs');
  const exportDir = join(root, 'export');
  const project = join(root, 'engagement');
  mkdirSync(join(specs, 'platforms'), { recursive: true });
  mkdirSync(exportDir);
  writeFileSync(join(specs, 'platforms', 'zoho-like.yaml'), PLATFORM);
  writeFileSync(join(specs, 'zoho-like--dynamics-365-sales.yaml'), pair(typed));
  writeFileSync(join(exportDir, 'contacts.csv'), 'Contact ID,Last Name\n7,Contact Seven\n8,Contact Eight\n');
  writeFileSync(join(exportDir, 'leads.csv'), 'LEADID,Last Name\n7,Lead Seven\n');
  writeFileSync(join(exportDir, 'tasks.csv'), 'ACTIVITYID,Subject,What Id,SEMODULE\n100,Call the lead,7,Leads\n101,Call the contact,8,Contacts\n');
  const init = await runCliAsync(['init', project, '--pair', 'zoho-like--dynamics-365-sales', '--source', exportDir, '--specs', specs]);
  expect(init.exitCode, init.stderr).toBe(0);
  const applied = await runCliAsync(['apply', '--project', project, '--json']);
  expect(applied.exitCode, applied.stdout).toBe(0);
  const report = (JSON.parse(applied.stdout) as { result: RunReport }).result;
  const verified = await runCliAsync(['verify', '--project', project, '--sample', '1000']);
  return { project, report, verifyExit: verified.exitCode, verify: verified.stdout + verified.stderr };
}

describe('verify checks links against what the export says, not against the mapping', () => {
  it('given a pair that sends a lead id to the contact sharing it, exits 1 naming the task and the lead', async () => {
    const { verifyExit, verify } = await migrate(false);
    expect(verifyExit).toBe(1);
    expect(verify).toContain('tasks.csv:2');
    expect(verify).toContain('links contact "7", but What Id names the lead "7"');
    expect(verify).not.toContain('tasks.csv:3');
  });

  it('given the pair routes by the module column, links the task to the lead and verify passes', async () => {
    const { report, verifyExit, verify } = await migrate(true);
    const tasks = report.loads.find((l) => l.load === 'tasks');
    expect([tasks?.created, tasks?.lookupIssues ?? 0]).toEqual([2, 0]);
    expect(verifyExit, verify).toBe(0);
  });
});

describe('validate on a type map', () => {
  it('given a type that maps to a load the lookup does not take, exits 2 at that value with a did-you-mean', async () => {
    const specs = mkdtempSync(join(tmpdir(), 'type-map-'));
    mkdirSync(join(specs, 'platforms'));
    writeFileSync(join(specs, 'platforms', 'zoho-like.yaml'), PLATFORM);
    writeFileSync(join(specs, 'zoho-like--dynamics-365-sales.yaml'), pair(true, 'leadz'));
    const result = await runCliAsync(['validate', specs, '--specs', specs]);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toMatch(/zoho-like--dynamics-365-sales\.yaml:\d+:\d+ error spec\/unknown-load Type target "leadz" does not exist in this lookup's loads\. Did you mean "leads"\?/);
  });
});
