import { appendFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadEngagement, type Engagement } from '../../../engine/engagement/engagement.js';
import { initEngagement } from '../../../engine/engagement/init-engagement.js';
import { typeVocabulary } from '../../../engine/plan/field-type-names.js';
import { compilePlan, type MigrationPlan } from '../../../engine/plan/migration-plan.js';
import { renderSchemaChanges } from '../../../engine/plan/schema-change-files.js';
import { schemaChanges, type SchemaChangeDocument } from '../../../engine/plan/schema-changes.js';

const SCRIPT_LABEL = '<script>alert("owned")</script>';

/** An engagement folder made by the engine's own init, with `decisions` (YAML) appended to its migration.yaml. */
async function engagementWith(pair: string, decisions: string): Promise<{ engagement: Engagement; plan: MigrationPlan }> {
  const root = mkdtempSync(join(tmpdir(), 'schema-changes-'));
  mkdirSync(join(root, 'export'));
  const init = await initEngagement(join(root, 'engagement'), { pair, source: join(root, 'export') });
  expect(init.diagnostics).toEqual([]);
  appendFileSync(init.file, decisions);
  const { engagement, diagnostics } = await loadEngagement(init.file);
  if (!engagement) throw new Error(`the engagement did not load: ${JSON.stringify(diagnostics)}`);
  return { engagement, plan: compilePlan(engagement) };
}

const fieldNamed = (doc: SchemaChangeDocument, object: string, name: string) => doc.fieldGroups.find((g) => g.object === object)?.fields.find((f) => f.name === name);

describe('the schema-change document for a Salesforce destination', () => {
  let doc: SchemaChangeDocument;
  let markdown: string;
  let html: string;

  beforeAll(async () => {
    const { engagement, plan } = await engagementWith(
      'smart-crm-online--salesforce-sales-cloud',
      [
        'customFields:',
        '  - { object: deal, column: Deal Priority, action: create, to: Deal_Priority__c, type: picklist, options: [Low, Medium, High], reason: no Opportunity attribute holds a priority, status: confirmed }',
        `  - { object: contact, column: ${JSON.stringify(SCRIPT_LABEL)}, action: create, to: Script_Test__c, type: text, maxLength: 80, status: proposed }`,
        '  - { object: contact, column: Nickname, action: skip, status: confirmed }',
        'stageTable:',
        '  - { source: Negotiation, stage: Contract Signing, probability: 85, outcome: Open, status: confirmed }',
        '  - { source: Proposal Sent, stage: proposal/price quote, probability: 70, outcome: Open, status: confirmed }',
        '',
      ].join('\n'),
    );
    doc = schemaChanges(engagement, plan);
    markdown = renderSchemaChanges(doc, 'markdown');
    html = renderSchemaChanges(doc, 'html');
  });

  it('given a confirmed create decision for a picklist column, lists it on Opportunity with its options in Salesforce terms', () => {
    const field = fieldNamed(doc, 'Opportunity', 'Deal_Priority__c');
    expect(field).toMatchObject({ label: 'Deal Priority', type: 'Picklist', options: ['Low', 'Medium', 'High'], fromPair: false, confirmed: true, sourceColumn: 'Deal Priority' });
    expect(field?.why).toContain('no Opportunity attribute holds a priority');
    expect(doc.optionsToAdd).toContainEqual(expect.objectContaining({ object: 'Opportunity', attribute: { name: 'Deal_Priority__c', label: 'Deal Priority' }, values: ['Low', 'Medium', 'High'], newField: true }));
    expect(markdown).toContain('- [ ] **Deal Priority** (Deal_Priority__c): Picklist');
    expect(markdown).toContain('Choice values: Low, Medium, High');
  });

  it('asks for the Legacy_Id__c source key on every object the plan loads, in load order, before the custom fields', async () => {
    const { plan } = await engagementWith('smart-crm-online--salesforce-sales-cloud', '');
    expect(doc.sourceKey?.field).toBe('Legacy_Id__c');
    expect(doc.sourceKey?.objects.map((o) => o.object)).toEqual(plan.objects);
    expect(doc.sourceKey?.setup).toMatch(/External ID/);
    expect(markdown).toContain(`- [ ] Create the source-key field Legacy_Id__c on ${plan.objects.length} tables.`);
    expect(markdown.indexOf('## Source key on every loaded table')).toBeLessThan(markdown.indexOf('## Custom fields to create'));
    expect(html).toContain('<h2>Source key on every loaded table</h2>');
  });

  it('given fields the pair declares, marks them as needed by every migration of the pair and names their types', () => {
    expect(fieldNamed(doc, 'Opportunity', 'Closed_Date__c')).toMatchObject({ type: 'Date', fromPair: true, confirmed: true });
    const duration = fieldNamed(doc, 'Task', 'Call_Duration_Minutes__c');
    expect(duration).toMatchObject({ type: 'Number(18,0)', fromPair: true });
    expect(duration?.filledFrom.some((f) => f.startsWith('activities.csv'))).toBe(true);
    expect(fieldNamed(doc, 'Contact', 'Tags__c')).toMatchObject({ type: 'Picklist (Multi-Select)', optionsUnlisted: true });
  });

  it('given a skipped column, leaves it out; given an unconfirmed one, counts it as waiting for confirmation', () => {
    const names = doc.fieldGroups.flatMap((g) => g.fields.map((f) => f.name));
    expect(names.some((n) => n.toLowerCase().includes('nickname'))).toBe(false);
    expect(fieldNamed(doc, 'Contact', 'Script_Test__c')).toMatchObject({ type: 'Text(80)', confirmed: false });
    expect(doc.counts.unconfirmed).toBe(1);
    expect(doc.counts.fields).toBe(names.length);
  });

  it('given a stage override to a stage Salesforce lacks, lists it under options to add, and not the stages it has', () => {
    const stageOptions = doc.optionsToAdd.filter((o) => !o.newField);
    expect(stageOptions).toEqual([expect.objectContaining({ object: 'Opportunity', attribute: { name: 'StageName', label: 'Stage' }, values: ['Contract Signing'], table: 'smart-crm-default-pipeline' })]);
    expect(markdown).toMatch(/- \[ \] Add "Contract Signing" to \*\*Stage\*\* \(StageName\) on Opportunity, with outcome Open and 85% probability/);
  });

  it('lists every stage of the table in pipeline order, with the overrides, for the admin to check against the sales process', () => {
    const [check] = doc.stageChecks;
    expect(doc.stageChecks).toHaveLength(1);
    expect(check?.stageField).toEqual({ name: 'StageName', label: 'Stage' });
    expect(check?.probabilityField?.name).toBe('Probability');
    expect(check?.rows.map((r) => [r.source, r.stage, r.probability, r.missing])).toEqual([
      ['Lead In', 'Prospecting', 10, false],
      ['Contact Made', 'Qualification', 20, false],
      ['Qualified', 'Needs Analysis', 40, false],
      ['Proposal Sent', 'proposal/price quote', 70, false],
      ['Negotiation', 'Contract Signing', 85, true],
      ['Closed Won', 'Closed Won', 100, false],
      ['Closed Lost', 'Closed Lost', 0, false],
    ]);
    expect(markdown).toContain('| Negotiation | Contract Signing | 85% | Open | **no, add it** |');
  });

  it('writes Markdown as a checklist with the order of work and a count of changes', () => {
    expect(markdown).toMatch(/^# Schema changes for Salesforce\n/);
    expect(markdown).toContain(`**${doc.counts.changes} changes to make:** ${doc.counts.fields} custom fields to create and ${doc.counts.optionValues} choice values to add.`);
    expect(markdown).toMatch(/## Order of work\n\n- \[ \] Create the source-key field Legacy_Id__c on \d+ tables\.\n- \[ \] Create the \d+ custom fields/);
    expect(markdown.indexOf('## Order of work')).toBeLessThan(markdown.indexOf('## Custom fields to create'));
    expect(markdown.match(/^- \[ \] /gm)?.length).toBeGreaterThan(doc.counts.fields);
  });

  it('escapes a label holding markup: Markdown shows it as text, HTML never runs it', () => {
    expect(markdown).toContain('\\<script\\>');
    expect(markdown).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(&quot;owned&quot;)&lt;/script&gt;');
    expect(html).not.toMatch(/<script/i);
  });

  it('writes HTML as one standalone page with checkboxes and no outside resources', () => {
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">/);
    expect(html).toContain('<title>Schema changes for Salesforce</title>');
    expect(html.trimEnd()).toMatch(/<\/body>\n<\/html>$/);
    expect(html).toContain('<style>');
    expect(html).not.toMatch(/\b(src|href)=|@import|url\(/);
    expect(html.match(/<input type="checkbox">/g)?.length).toBe(markdown.match(/^\s*- \[ \] /gm)?.length);
  });
});

describe('the schema-change document for a Dataverse destination', () => {
  let doc: SchemaChangeDocument;

  beforeAll(async () => {
    const { engagement, plan } = await engagementWith(
      'smart-crm-online--dynamics-365-sales',
      [
        'customFields:',
        '  - { object: company, column: Sales Region, action: create, to: new_salesregion, type: picklist, options: [North, South], status: confirmed }',
        '  - { object: contact, column: Loyalty Points, action: create, to: new_loyaltypoints, type: integer, status: confirmed }',
        'stageTable:',
        '  - { source: Negotiation, stage: Negotiate, probability: 85, outcome: Open, status: confirmed }',
        '',
      ].join('\n'),
    );
    doc = schemaChanges(engagement, plan);
  });

  it('names types the way Dataverse does and keeps the new_ names of the plan', () => {
    expect(fieldNamed(doc, 'account', 'new_salesregion')).toMatchObject({ type: 'Choice', options: ['North', 'South'] });
    expect(fieldNamed(doc, 'contact', 'new_loyaltypoints')).toMatchObject({ type: 'Whole number' });
    expect(fieldNamed(doc, 'phonecall', 'new_calldisposition')).toMatchObject({ type: 'Single line of text (max 100)', fromPair: true });
  });

  it('finds the missing stage on salesstage and knows the outcome goes to the status field', () => {
    expect(doc.optionsToAdd.find((o) => !o.newField)).toMatchObject({ object: 'opportunity', attribute: { name: 'salesstage' }, values: ['Negotiate'] });
    expect(doc.stageChecks[0]?.outcomeField?.name).toBe('statecode');
  });

  it('quotes the destination gotcha about creating custom columns before the load', () => {
    expect(doc.destinationNotes.map((n) => n.id)).toContain('custom-columns-before-load');
    expect(renderSchemaChanges(doc, 'markdown')).toContain('The Web API cannot create columns on the fly');
  });

  it('given a plan with nothing to create and no stages, says no schema changes are needed', async () => {
    const { engagement, plan } = await engagementWith('smart-crm-online--dynamics-365-sales', '');
    const empty = schemaChanges(engagement, { ...plan, customAttributes: [], stageTables: new Map() });
    expect(empty).toMatchObject({ nothingToChange: true, fieldGroups: [], optionsToAdd: [], stageChecks: [], counts: { changes: 0 } });
    expect(renderSchemaChanges(empty, 'markdown')).toContain('**No schema changes needed.**');
    expect(renderSchemaChanges(empty, 'html')).toContain('<strong>No schema changes needed.</strong>');
  });
});

describe('type names for a destination added in YAML alone', () => {
  it('follows the naming convention of its custom-field pattern, and falls back to the generic type name', () => {
    expect(typeVocabulary('{name}__c')({ type: 'text', maxLength: 1000 })).toBe('Long Text Area(1000)');
    expect(typeVocabulary('cr7_{name}')({ type: 'datetime' })).toBe('Date and time');
    expect(typeVocabulary('x-{name}')({ type: 'text', maxLength: 50 })).toBe('text (max 50)');
    expect(typeVocabulary(undefined)({ type: 'boolean' })).toBe('boolean');
  });
});
