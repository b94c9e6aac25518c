import type { LabelledExport } from './labelled-export.js';

/**
 * Salesforce Data Loader / Bulk API files as people hand-make them: `External_Id__c` instead of `Id`, relationship
 * columns (`Account.External_Id__c`, `Owner.Username`, polymorphic `What.External_Id__c`) instead of id lookups, and
 * created dates in a custom `CreatedDate__c`. Into Dynamics 365 through the LeadSmart pair.
 */
export const SALESFORCE_DATA_LOADER: LabelledExport = {
  shape: 'salesforce-data-loader',
  pair: 'leadsmart-channel-cloud--dynamics-365-sales',
  users: [
    { email: 'ann.lee@northwind.example', name: 'Ann Lee' },
    { email: 'bob.ray@northwind.example', name: 'Bob Ray' },
    { email: 'cara.diaz@northwind.example', name: 'Cara Diaz' },
  ],
  files: {
    user: `Id,Username,FirstName,LastName,Name,Email,IsActive
0058d000004TmQaAAK,ann.lee@northwind.example,Ann,Lee,Ann Lee,ann.lee@northwind.example,true
0058d000004TmQbAAK,bob.ray@northwind.example,Bob,Ray,Bob Ray,bob.ray@northwind.example,true
0058d000004TmQcAAK,cara.diaz@northwind.example,Cara,Diaz,Cara Diaz,cara.diaz@northwind.example,true
`,
    account: `External_Id__c,Name,Phone,Website,Industry,Owner.External_Id__c,CreatedDate__c,LastModifiedDate__c,Parent.External_Id__c,Partner_Type__c,Source_System__c
NW-A-1001,Acme Industrial,+1 415 555 0100,https://acme.example,Manufacturing,0058d000004TmQaAAK,2021-03-04T10:12:00.000Z,2024-05-01T08:00:00.000Z,,Distributor,SAP
NW-A-1002,Acme Industrial West,+1 415 555 0110,https://west.acme.example,Manufacturing,0058d000004TmQaAAK,2021-06-11T09:00:00.000Z,2024-04-01T08:00:00.000Z,NW-A-1001,Dealer,SAP
NW-A-1003,Globex Retail,+1 312 555 0142,https://globex.example,Retail,0058d000004TmQbAAK,2021-05-19T14:40:00.000Z,2024-04-11T09:30:00.000Z,,Distributor,Legacy CRM
NW-A-1004,Globex Outlet,+1 312 555 0150,https://outlet.globex.example,Retail,0058d000004TmQbAAK,2022-02-01T10:00:00.000Z,2024-02-11T09:30:00.000Z,NW-A-1003,Dealer,Legacy CRM
NW-A-1005,Initech,+1 512 555 0199,https://initech.example,Technology,0058d000004TmQcAAK,2020-11-02T08:05:00.000Z,2024-03-28T16:12:00.000Z,,Dealer,SAP
`,
    contact: `External_Id__c,Account.External_Id__c,FirstName,LastName,Email,Title,Owner.Username,CreatedDate__c,ReportsTo.External_Id__c,Contact_Source__c
NW-C-2001,NW-A-1001,Maria,Lopez,maria.lopez@acme.example,CFO,ann.lee@northwind.example,2021-03-05T09:00:00.000Z,,Trade Show
NW-C-2002,NW-A-1001,Paul,Green,paul.green@acme.example,Controller,ann.lee@northwind.example,2021-03-06T09:00:00.000Z,NW-C-2001,Web
NW-C-2003,NW-A-1003,James,Chen,james.chen@globex.example,Buyer,bob.ray@northwind.example,2021-05-20T10:30:00.000Z,,Web
NW-C-2004,NW-A-1004,Lucy,Wang,lucy.wang@globex.example,Store Manager,bob.ray@northwind.example,2022-02-02T10:30:00.000Z,NW-C-2003,Trade Show
NW-C-2005,NW-A-1005,Anna,Schmidt,anna.schmidt@initech.example,CTO,cara.diaz@northwind.example,2020-11-03T08:00:00.000Z,,Web
`,
    opportunity: `External_Id__c,Name,StageName,Amount,Probability,CloseDate,Account.External_Id__c,Contact.External_Id__c,Owner.External_Id__c,CreatedDate__c
NW-O-3001,Acme - Line 4 retrofit,Contract Negotiation,180000.00,90,2024-06-30,NW-A-1001,NW-C-2001,0058d000004TmQaAAK,2024-01-10T09:00:00.000Z
NW-O-3002,Globex - POS rollout,Lost,95000.00,0,2024-03-31,NW-A-1003,NW-C-2003,0058d000004TmQbAAK,2023-11-02T10:00:00.000Z
NW-O-3003,Initech - Support renewal,Won,40000.00,100,2024-02-28,NW-A-1005,NW-C-2005,0058d000004TmQcAAK,2023-12-01T08:00:00.000Z
NW-O-3004,Acme West - Expansion,Proposal Sent,60000.00,75,2024-08-31,NW-A-1002,NW-C-2002,0058d000004TmQaAAK,2024-03-14T11:00:00.000Z
NW-O-3005,Globex Outlet - Kiosks,Value Prop,30000.00,50,2024-10-31,NW-A-1004,NW-C-2004,0058d000004TmQbAAK,2024-04-20T13:00:00.000Z
`,
    task: `External_Id__c,Subject,ActivityDate,Status,What.External_Id__c,Who.External_Id__c,Owner.Username,CreatedDate__c
NW-T-4001,Follow-up call,2024-05-02,Completed,NW-O-3001,NW-C-2001,ann.lee@northwind.example,2024-05-01T09:00:00.000Z
NW-T-4002,Send pricing,2024-03-10,Completed,NW-O-3002,NW-C-2003,bob.ray@northwind.example,2024-03-09T10:00:00.000Z
NW-T-4003,Renewal check-in,2024-02-12,Completed,NW-A-1005,NW-C-2005,cara.diaz@northwind.example,2024-02-11T08:00:00.000Z
NW-T-4004,Site visit,2024-05-20,Not Started,NW-A-1002,,ann.lee@northwind.example,2024-05-15T11:00:00.000Z
NW-T-4005,Quarterly review,2024-04-18,Completed,NW-O-3005,NW-C-2004,bob.ray@northwind.example,2024-04-10T13:00:00.000Z
`,
  },
  columns: {
    'account.External_Id__c': ['key', 'unique on every row and the file has no Id: the record\'s own key'],
    'account.Owner.External_Id__c': ['owner', 'user ids: the owner, with OwnerId absent'],
    'account.CreatedDate__c': ['overriddencreatedon', 'the original creation time: Record Created On'],
    'account.LastModifiedDate__c': ['skip', 'Dataverse stamps modifiedon itself and lets no migration set it'],
    'account.Parent.External_Id__c': ['lookup:parentaccountid', 'other accounts\' external ids: the parent account'],
    'account.Partner_Type__c': ['create', 'a tenant picklist'],
    'account.Source_System__c': ['create', 'provenance worth keeping; no standard attribute'],
    'contact.External_Id__c': ['key', 'unique on every row and the file has no Id: the record\'s own key'],
    'contact.Account.External_Id__c': ['lookup:parentcustomerid', 'account external ids: the contact\'s company, the pair\'s AccountId link'],
    'contact.Owner.Username': ['owner', 'user names (emails): the owner'],
    'contact.CreatedDate__c': ['overriddencreatedon', 'the original creation time'],
    'contact.ReportsTo.External_Id__c': ['create', 'a contact\'s manager; Dynamics contact has no writable reports-to lookup, so kept as text'],
    'contact.Contact_Source__c': ['create', 'no lead source on the pair\'s contact load; a new field keeps it'],
    'opportunity.External_Id__c': ['key', 'unique on every row and the file has no Id'],
    'opportunity.Account.External_Id__c': ['lookup:parentaccountid|lookup:customerid', 'account external ids: the pair\'s AccountId links'],
    'opportunity.Contact.External_Id__c': ['lookup:parentcontactid', 'contact external ids: the pair\'s ContactId link'],
    'opportunity.Owner.External_Id__c': ['owner', 'user ids: the owner'],
    'opportunity.CreatedDate__c': ['overriddencreatedon', 'the original creation time'],
    'task.External_Id__c': ['key', 'unique on every row and the file has no Id'],
    'task.What.External_Id__c': ['lookup:regardingobjectid', 'opportunity and account external ids: the pair\'s WhatId, Regarding'],
    'task.Who.External_Id__c': ['lookup:regardingobjectid', 'contact external ids: the pair\'s WhoId, Regarding'],
    'task.Owner.Username': ['owner', 'user names: the owner'],
    'task.CreatedDate__c': ['overriddencreatedon', 'the original creation time'],
  },
  stageLoad: 'opportunities',
  stageColumn: 'StageName',
  stages: [
    { value: 'Prospect', probability: 10, stage: 'Qualify', outcome: 'Open', why: 'Prospecting by another name' },
    { value: 'Qualify', probability: 10, stage: 'Qualify', outcome: 'Open', why: 'the destination\'s own first stage' },
    { value: 'Needs Analysis', probability: 20, stage: 'Develop', outcome: 'Open', why: 'the pair\'s row' },
    { value: 'Value Prop', probability: 50, stage: 'Develop', outcome: 'Open', why: 'Value Proposition shortened' },
    { value: 'Decision Makers Identified', probability: 60, stage: 'Develop', outcome: 'Open', why: 'Id. Decision Makers reworded' },
    { value: 'Id. Decision Makers', probability: 60, stage: 'Develop', outcome: 'Open', why: 'the pair\'s row' },
    { value: 'Perception Analysis', probability: 70, stage: 'Propose', outcome: 'Open', why: 'the pair\'s row' },
    { value: 'Proposal Sent', probability: 75, stage: 'Propose', outcome: 'Open', why: 'a proposal is out' },
    { value: 'Contract Negotiation', probability: 90, stage: 'Close', outcome: 'Open', why: 'negotiating: a late stage' },
    { value: 'Won', probability: 100, stage: 'Close', outcome: 'Won', why: 'won' },
    { value: 'Lost', probability: 0, stage: 'Close', outcome: 'Lost', why: 'lost' },
    { value: 'Closed Lost - No Budget', probability: 0, stage: 'Close', outcome: 'Lost', why: 'lost, with a reason in the name' },
  ],
};
