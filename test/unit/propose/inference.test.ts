import { beforeAll, describe, expect, it } from 'vitest';
import { discover } from '../../../engine/discover/discover.js';
import type { Discovery } from '../../../engine/discover/discovery.js';
import type { Proposals } from '../../../engine/engagement/write-proposals.js';
import { engagementEvidence, proposeForEngagement } from '../../../engine/propose/propose-engagement.js';
import { joinValues } from '../../../engine/transforms/define.js';
import { findStage } from '../../../engine/transforms/stages.js';
import { engagementOver } from './engagement-over.js';

/**
 * Each inference on a hand-written export in Salesforce Data Loader shape (External_Id__c instead of Id, relationship
 * columns, a custom created date) run through the real discover and propose, as `crm-migrate propose` runs them.
 */
const FILES: Record<string, string> = {
  'User.csv': `Id,Username,FirstName,LastName,Name,Email,IsActive
0058d000004TmQaAAK,ann.lee@northwind.example,Ann,Lee,Ann Lee,ann.lee@northwind.example,true
0058d000004TmQbAAK,bob.ray@northwind.example,Bob,Ray,Bob Ray,bob.ray@northwind.example,true
`,
  'Account.csv': `External_Id__c,Name,Phone,Owner.External_Id__c,CreatedDate__c,Region__c
NW-A-1001,Acme Industrial,+1 415 555 0100,0058d000004TmQaAAK,2021-03-04T10:12:00.000Z,EMEA
NW-A-1002,Globex Retail,+1 312 555 0142,0058d000004TmQbAAK,2021-05-19T14:40:00.000Z,NA
NW-A-1003,Initech,+1 512 555 0199,0058d000004TmQaAAK,2020-11-02T08:05:00.000Z,EMEA
NW-A-1004,Umbrella Health,+44 20 7946 0018,0058d000004TmQbAAK,2022-01-17T11:00:00.000Z,APAC
`,
  'Contact.csv': `External_Id__c,Account.External_Id__c,FirstName,LastName,Email,Owner.External_Id__c,CreatedDate__c,Favourite_Colour__c
NW-C-2001,NW-A-1001,Maria,Lopez,maria.lopez@acme.example,0058d000004TmQaAAK,2021-03-05T09:00:00.000Z,Blue
NW-C-2002,NW-A-1001,Paul,Green,paul.green@acme.example,0058d000004TmQaAAK,2021-03-06T09:00:00.000Z,Red
NW-C-2003,NW-A-1002,James,Chen,james.chen@globex.example,0058d000004TmQbAAK,2021-05-20T10:30:00.000Z,Blue
NW-C-2004,NW-A-1003,Anna,Schmidt,anna.schmidt@initech.example,0058d000004TmQaAAK,2020-11-03T08:00:00.000Z,Green
NW-C-2005,NW-A-9999,Lucy,Wang,lucy.wang@nowhere.example,0058d000004TmQbAAK,2022-02-02T10:30:00.000Z,Red
`,
  'Opportunity.csv': `External_Id__c,Name,StageName,Probability,Amount,CloseDate,Account.External_Id__c,Owner.External_Id__c,CreatedDate__c
NW-O-3001,Acme - Line 4,Negotiation,90,180000.00,2024-06-30,NW-A-1001,0058d000004TmQaAAK,2024-01-10T09:00:00.000Z
NW-O-3002,Globex - POS,Proposal/Quote,75,95000.00,2024-03-31,NW-A-1002,0058d000004TmQbAAK,2023-11-02T10:00:00.000Z
NW-O-3003,Initech - Support,Closed Won,100,40000.00,2024-02-28,NW-A-1003,0058d000004TmQaAAK,2023-12-01T08:00:00.000Z
NW-O-3004,Umbrella - Portal,Prospecting,10,220000.00,2024-09-30,NW-A-1004,0058d000004TmQbAAK,2024-02-14T11:00:00.000Z
`,
};

let discovery: Discovery;
let proposals: Proposals;
const decision = (object: string, column: string) => proposals.customFields.find((d) => d.object === object && d.column === column);

beforeAll(async () => {
  const engagement = await engagementOver(FILES, 'leadsmart-channel-cloud--dynamics-365-sales');
  discovery = await discover(engagement, { now: new Date('2026-01-01T00:00:00Z') });
  proposals = proposeForEngagement(engagement, discovery, { evidence: await engagementEvidence(engagement, discovery) });
});

describe('proposals inferred from the values', () => {
  it('reads a column unique on every row and named like an id, in a file without its Id, as the record key', () => {
    expect(decision('account', 'External_Id__c')).toMatchObject({ action: 'key', status: 'proposed' });
    expect(decision('account', 'External_Id__c')!.reason).toMatch(/unique on all 4 rows.*no Id column/);
    expect(decision('account', 'External_Id__c')!.confidence).toBeGreaterThanOrEqual(0.8);
  });

  it('reads a column whose values are another file\'s keys as a lookup, with the match rate as evidence', () => {
    const d = decision('contact', 'Account.External_Id__c');
    expect(d).toMatchObject({ action: 'lookup', to: 'parentcustomerid', lookup: ['accounts'] });
    // NW-A-9999 is no account: 3 of 4 distinct values match.
    expect(d!.reason).toContain('3 of 4 values are account keys (75%)');
    expect(d!.confidence).toBeLessThan(decision('opportunity', 'Account.External_Id__c')!.confidence!);
    expect(decision('opportunity', 'Account.External_Id__c')).toMatchObject({ action: 'lookup', to: 'parentaccountid' });
    expect(decision('opportunity', 'Account.External_Id__c')!.reason).toContain('4 of 4 values are account keys (100%)');
  });

  it('reads a column of user ids as the owner', () => {
    const owners = ['account', 'contact', 'opportunity'].map((object) => decision(object, 'Owner.External_Id__c'));
    expect(owners.map((d) => d?.action)).toEqual(['owner', 'owner', 'owner']);
    for (const d of owners) {
      expect(d).toMatchObject({ action: 'owner', to: 'ownerid' });
      expect(d!.reason).toMatch(/100% of its 2 distinct values are users' ids/);
    }
  });

  it('maps a created timestamp to the destination\'s created-on attribute, free because the export lacks the pair\'s CreatedDate', () => {
    expect(decision('account', 'CreatedDate__c')).toMatchObject({ action: 'map', to: 'overriddencreatedon', type: 'datetime' });
    expect(decision('contact', 'CreatedDate__c')).toMatchObject({ action: 'map', to: 'overriddencreatedon' });
  });

  it('leaves a column with no evidence to the names, and creates it', () => {
    expect(decision('contact', 'Favourite_Colour__c')).toMatchObject({ action: 'create', to: 'new_favouritecolour' });
    expect(decision('account', 'Region__c'), decision('account', 'Region__c')?.reason).toMatchObject({ action: 'create' });
  });

  it('matches late stages to the pair\'s own rows, not to the first destination stage', () => {
    const stage = (source: string) => proposals.stageTable.find((s) => s.source === source);
    expect(stage('Negotiation')).toMatchObject({ stage: 'Close', outcome: 'Open', probability: 90 });
    expect(stage('Negotiation')!.reason).toContain('"Negotiation/Review"');
    expect(stage('Proposal/Quote')).toMatchObject({ stage: 'Propose', outcome: 'Open' });
    expect(stage('Proposal/Quote')!.reason).toContain('"Proposal/Price Quote"');
    expect(stage('Closed Won')).toMatchObject({ stage: 'Close', outcome: 'Won' });
    expect(stage('Prospecting')).toMatchObject({ stage: 'Qualify' });
    for (const s of ['Negotiation', 'Proposal/Quote']) expect(stage(s)!.confidence).toBeGreaterThanOrEqual(0.8);
  });
});

describe('a stage built from two columns (status plus stage)', () => {
  const files: Record<string, string> = {
    'User.csv': FILES['User.csv']!,
    'Account.csv': `Id,Name,OwnerId
0018d00000Q7hXaAAJ,Acme Industrial,0058d000004TmQaAAK
`,
    'Opportunity.csv': `Id,AccountId,Name,Status,StageName,Amount,CloseDate,OwnerId
0068d00000Rz2AaAAJ,0018d00000Q7hXaAAJ,Acme - Line 4,Open,Negotiation/Review,180000.00,2024-06-30,0058d000004TmQaAAK
0068d00000Rz2AbAAJ,0018d00000Q7hXaAAJ,Acme - Line 5,Won,Negotiation/Review,95000.00,2024-03-31,0058d000004TmQaAAK
0068d00000Rz2AcAAJ,0018d00000Q7hXaAAJ,Acme - Line 6,Lost,Proposal/Price Quote,40000.00,2024-02-28,0058d000004TmQbAAK
0068d00000Rz2AdAAJ,0018d00000Q7hXaAAJ,Acme - Line 7,Open,Prospecting,20000.00,2024-09-30,0058d000004TmQbAAK
0068d00000Rz2AeAAJ,0018d00000Q7hXaAAJ,Acme - Line 8,Open,Prospecting,25000.00,2024-10-30,0058d000004TmQbAAK
`,
  };
  let twoColumn: Proposals;
  let stages: Discovery['stages'];

  beforeAll(async () => {
    // The customer's pair reads the stage from Status and StageName together, as the stage transform joins them.
    const engagement = await engagementOver(files, 'leadsmart-channel-cloud--dynamics-365-sales', (e) => {
      e.pair = structuredClone(e.pair);
      const load = e.pair.objects.flatMap((o) => o.loads ?? []).find((l) => l.id === 'opportunities')!;
      for (const f of load.fields) if (f.from === 'StageName') f.from = ['Status', 'StageName'];
    });
    const found = await discover(engagement, { now: new Date('2026-01-01T00:00:00Z') });
    stages = found.stages;
    twoColumn = proposeForEngagement(engagement, found, { evidence: await engagementEvidence(engagement, found) });
  });

  it('is audited by discover as the joined value, with its parts', () => {
    const profile = stages.find((s) => s.load === 'opportunities');
    expect(profile).toMatchObject({ column: 'Status + StageName', columns: ['Status', 'StageName'] });
    expect(profile!.values.map((v) => [v.value, v.count, v.parts])).toEqual(
      expect.arrayContaining([
        ['Open Negotiation/Review', 1, ['Open', 'Negotiation/Review']],
        ['Won Negotiation/Review', 1, ['Won', 'Negotiation/Review']],
        ['Lost Proposal/Price Quote', 1, ['Lost', 'Proposal/Price Quote']],
        ['Open Prospecting', 2, ['Open', 'Prospecting']],
      ]),
    );
  });

  it('gets a stage row per joined value, the outcome from the status and the stage from the pair\'s rows', () => {
    const rows = new Map(twoColumn.stageTable.map((s) => [s.source, s]));
    expect(twoColumn.stageTable).toHaveLength(4);
    expect(rows.get('Open Negotiation/Review')).toMatchObject({ stage: 'Close', outcome: 'Open' });
    expect(rows.get('Won Negotiation/Review')).toMatchObject({ stage: 'Close', outcome: 'Won' });
    expect(rows.get('Lost Proposal/Price Quote')).toMatchObject({ stage: 'Close', outcome: 'Lost' });
    expect(rows.get('Open Prospecting')).toMatchObject({ stage: 'Qualify', outcome: 'Open' });
    // The rows are keyed the way the stage transform reads two columns: joined with a space.
    expect(findStage(twoColumn.stageTable.map((s) => ({ ...s })), joinValues(['Won', 'Negotiation/Review'])!)?.outcome).toBe('Won');
  });
});
