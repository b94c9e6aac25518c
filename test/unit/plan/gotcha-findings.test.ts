import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discover } from '../../../engine/discover/discover.js';
import type { Engagement } from '../../../engine/engagement/engagement.js';
import { checkExport } from '../../../engine/plan/export-check.js';
import { compilePlan } from '../../../engine/plan/migration-plan.js';
import type { ShapeFinding } from '../../../engine/plan/shape-findings.js';
import { engagementOver } from '../propose/engagement-over.js';

/**
 * Each gotcha of the product pages planted in an export written here, and the same export without it: `plan` (the
 * export check) warns with file and line, `discover` lists the rows, and neither says a word about the clean one.
 */

const CONTACT_HEADER = 'Contact ID,First Name,Last Name,Email,Tags,Owner Email';
const OWNER = 'ann.lee@northwind.example';

/** The admin created the tag options VIP and Newsletter on Contact.Tags__c. */
function withTagOptions(engagement: Engagement): void {
  const tags = engagement.pair.customAttributes?.find((a) => a.object === 'Contact' && a.name === 'Tags__c');
  if (tags === undefined) throw new Error('the Smart CRM → Salesforce pair declares no Contact.Tags__c');
  tags.options = ['VIP', 'Newsletter'];
}

async function findingsOf(engagement: Engagement, codes: readonly string[]): Promise<{ plan: ShapeFinding[]; discovered: { kind: string; file: string; column?: string; count: number; examples: { line: number; value?: string }[] }[] }> {
  const check = await checkExport(engagement, compilePlan(engagement));
  const discovery = await discover(engagement);
  return { plan: check.findings.filter((f) => codes.includes(f.code)), discovered: discovery.findings.filter((f) => codes.includes(f.kind)) };
}

describe('gotcha findings in plan and discover', () => {
  it('given a 41-character first name (FirstName holds 40), warns in plan at contacts.csv:3 and lists the row in discover', async () => {
    const engagement = await engagementOver(
      { 'contacts.csv': [CONTACT_HEADER, `C1,${'A'.repeat(40)},Lee,a@x.example,,${OWNER}`, `C2,${'B'.repeat(41)},Ray,b@x.example,,${OWNER}`, ''].join('\n') },
      'smart-crm-online--salesforce-sales-cloud',
    );
    const { plan, discovered } = await findingsOf(engagement, ['text-too-long']);
    expect(plan).toHaveLength(1);
    expect(plan[0]).toMatchObject({ code: 'text-too-long', severity: 'warning', file: 'contacts.csv', column: 'First Name', count: 1, lines: [3] });
    expect(plan[0]?.message).toContain('41 characters, FirstName holds 40');
    expect(discovered.map((f) => [f.file, f.column, f.count, f.examples[0]?.line])).toEqual([['contacts.csv', 'First Name', 1, 3]]);
  });

  it('given a tag the multi-select does not offer, warns in plan with the tag and its line; offered tags in any case pass', async () => {
    const engagement = await engagementOver(
      { 'contacts.csv': [CONTACT_HEADER, `C1,Dana,Lee,a@x.example,vip; Newsletter,${OWNER}`, `C2,Omar,Ray,b@x.example,VIP;Trade Show 2024,${OWNER}`, ''].join('\n') },
      'smart-crm-online--salesforce-sales-cloud',
      withTagOptions,
    );
    const { plan, discovered } = await findingsOf(engagement, ['unknown-choice-value']);
    expect(plan).toHaveLength(1);
    expect(plan[0]).toMatchObject({ code: 'unknown-choice-value', severity: 'warning', file: 'contacts.csv', column: 'Tags', value: 'Trade Show 2024', count: 1, lines: [3] });
    expect(discovered.map((f) => [f.column, f.examples.map((e) => [e.line, e.value])])).toEqual([['Tags', [[3, 'Trade Show 2024']]]]);
  });

  it('given names within the limit and offered tags only, neither plan nor discover reports a gotcha', async () => {
    const engagement = await engagementOver(
      { 'contacts.csv': [CONTACT_HEADER, `C1,${'A'.repeat(40)},Lee,a@x.example,VIP,${OWNER}`, `C2,Omar,Ray,b@x.example,newsletter;vip,${OWNER}`, ''].join('\n') },
      'smart-crm-online--salesforce-sales-cloud',
      withTagOptions,
    );
    const { plan, discovered } = await findingsOf(engagement, ['text-too-long', 'unknown-choice-value', 'unusable-file', 'module-disabled']);
    expect(plan).toEqual([]);
    expect(discovered).toEqual([]);
  });

  it('given a 6 MB attachment for Dataverse (5 MB limit), warns in plan at attachments.csv:3 with both sizes; a small file passes', async () => {
    const engagement = await engagementOver(
      {
        'attachments.csv': ['Attachment ID,File Name,File Path,Size (bytes),Company ID,Owner Email', `1,small.txt,files/small.txt,6,,${OWNER}`, `2,big.pdf,files/big.pdf,6291456,,${OWNER}`, ''].join('\n'),
      },
      'smart-crm-online--dynamics-365-sales',
    );
    mkdirSync(join(engagement.exportDir, 'files'));
    writeFileSync(join(engagement.exportDir, 'files', 'small.txt'), 'hello\n');
    writeFileSync(join(engagement.exportDir, 'files', 'big.pdf'), Buffer.alloc(6 * 1024 * 1024));
    const { plan, discovered } = await findingsOf(engagement, ['unusable-file']);
    expect(plan).toHaveLength(1);
    expect(plan[0]).toMatchObject({ code: 'unusable-file', severity: 'warning', file: 'attachments.csv', column: 'File Path', count: 1, lines: [3] });
    expect(plan[0]?.message).toContain("6,291,456 bytes, over the destination's limit of 5,242,880 bytes");
    expect(discovered.map((f) => [f.count, f.examples[0]?.line, f.examples[0]?.value])).toEqual([[1, 3, 'files/big.pdf']]);
  });

  it('given a Vtiger export without Quotes.csv and Sales_Orders.csv, names the Inventory module in plan and discover', async () => {
    const engagement = await engagementOver({ 'Contacts.csv': 'Contact Id,First Name,Last Name\n' }, 'vtiger--dynamics-365-sales');
    const { plan, discovered } = await findingsOf(engagement, ['module-disabled']);
    expect(plan.map((f) => [f.file, f.severity])).toEqual([
      ['Quotes.csv', 'warning'],
      ['Sales_Orders.csv', 'warning'],
    ]);
    expect(plan[0]?.message).toMatch(/only while its Inventory module is enabled/);
    expect(discovered.map((f) => [f.kind, f.file])).toEqual([
      ['module-disabled', 'Quotes.csv'],
      ['module-disabled', 'Sales_Orders.csv'],
    ]);
  });

  it('given a Vtiger export with Quotes.csv and Sales_Orders.csv, does not mention the Inventory module', async () => {
    const engagement = await engagementOver(
      { 'Contacts.csv': 'Contact Id,First Name,Last Name\n', 'Quotes.csv': 'Quote Number,Subject\n', 'Sales_Orders.csv': 'Sales Order Number,Subject\n' },
      'vtiger--dynamics-365-sales',
    );
    const { plan, discovered } = await findingsOf(engagement, ['module-disabled']);
    expect(plan).toEqual([]);
    expect(discovered).toEqual([]);
  });

  it('given a Salesforce pair asking for the organizer as an attendee, notes that Salesforce keeps none instead of dropping it', async () => {
    const engagement = await engagementOver({ 'activities.csv': 'Activity ID,Activity Type,Subject\n' }, 'smart-crm-online--salesforce-sales-cloud', (e) => {
      const events = e.pair.objects.flatMap((o) => o.loads ?? []).find((l) => l.id === 'events');
      if (events === undefined) throw new Error('the pair has no events load');
      events.attendees = [...(events.attendees ?? []), { owner: true, role: 'organizer' }];
    });
    const notes = (await checkExport(engagement, compilePlan(engagement))).findings.filter((f) => f.code === 'attendee-role');
    expect(notes.map((f) => [f.severity, f.file, f.load, f.message])).toEqual([['note', 'activities.csv', 'events', 'Salesforce Sales Cloud keeps no organizer attendee on Event, so the owner is not written as one']]);
  });
});
