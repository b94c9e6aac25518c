import { appendFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, jsonResult } from '../run-cli.js';

/** A sample export and an engagement on it, made the way a user makes them. */
function engagementFolder(pair: string, decisions: string): string {
  const root = mkdtempSync(join(tmpdir(), 'schema-doc-'));
  const project = join(root, 'engagement');
  expect(runCli(['sample', '--pair', pair, '--out', join(root, 'export')]).exitCode).toBe(0);
  expect(runCli(['init', project, '--pair', pair, '--source', join(root, 'export')]).exitCode).toBe(0);
  appendFileSync(join(project, 'migration.yaml'), decisions);
  return project;
}

function planDocuments(project: string): { stdout: string; markdown: string; html: string } {
  const result = runCli(['plan', '--project', project]);
  expect(result.exitCode, result.stderr).toBe(0);
  expect(result.stdout).toMatch(/Schema-change checklist for the admin in .+: schema-changes\.md, schema-changes\.html/);
  for (const file of ['schema-changes.md', 'schema-changes.html']) expect(existsSync(join(project, file)), file).toBe(true);
  return { stdout: result.stdout, markdown: readFileSync(join(project, 'schema-changes.md'), 'utf8'), html: readFileSync(join(project, 'schema-changes.html'), 'utf8') };
}

describe('crm-migrate plan writes the schema-change document', () => {
  it('given a Salesforce pair with a confirmed picklist column, writes both files in Salesforce terms', () => {
    const project = engagementFolder(
      'smart-crm-online--salesforce-sales-cloud',
      'customFields:\n  - { object: company, column: Sales Region, action: create, to: Sales_Region__c, type: picklist, options: [North, South, DACH], status: confirmed }\n',
    );
    const { markdown, html } = planDocuments(project);
    expect(markdown).toContain('- [ ] **Sales Region** (Sales_Region__c): Picklist');
    expect(markdown).toContain('Choice values: North, South, DACH');
    expect(markdown).toContain('(Call_Duration_Minutes__c): Number(18,0)');
    expect(markdown).toContain('(Closed_Date__c): Date');
    expect(markdown).not.toContain('Single line of text');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('<code>Sales_Region__c</code>: Picklist');
  });

  it('given a Dataverse pair with a stage the destination lacks, writes both files in Dataverse terms with the stage to add', () => {
    const project = engagementFolder('smart-crm-online--dynamics-365-sales', 'stageTable:\n  - { source: Negotiation, stage: Negotiate, probability: 85, outcome: Open, status: confirmed }\n');
    const { markdown, html } = planDocuments(project);
    expect(markdown).toContain('(new_calldisposition): Single line of text (max 100)');
    expect(markdown).not.toMatch(/Text\(\d+\)/);
    expect(markdown).toContain('- [ ] Add "Negotiate" to **Sales Stage** (salesstage) on Opportunity');
    expect(html).toContain('<title>Schema changes for Dynamics 365 Sales</title>');
  });

  it('given --json, keeps schemaChanges and adds the document and the file names', () => {
    const project = engagementFolder('smart-crm-online--salesforce-sales-cloud', '');
    const result = runCli(['plan', '--project', project, '--json']);
    const data = jsonResult(result.stdout) as { schemaChanges: { name: string }[]; schemaDocument: { counts: { fields: number } }; schemaFiles: { markdown: string; html: string } };
    expect(data.schemaChanges.map((c) => c.name)).toContain('Closed_Date__c');
    expect(data.schemaDocument.counts.fields).toBe(data.schemaChanges.length);
    expect(data.schemaFiles).toEqual({ markdown: 'schema-changes.md', html: 'schema-changes.html' });
    expect(existsSync(join(project, data.schemaFiles.html))).toBe(true);
  });
});
