import type { LabelledExport } from './labelled-export.js';

/**
 * A Salesforce weekly data export (one CSV per object named by API name, API-name headers, 18-character ids, owners
 * as user ids, UTC date-times) of a tenant with its own `__c` fields, into Dynamics 365 through the LeadSmart pair.
 */
export const SALESFORCE_WEEKLY: LabelledExport = {
  shape: 'salesforce-weekly-export',
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
0058d000004TmQdAAK,dev.patel@northwind.example,Dev,Patel,Dev Patel,dev.patel@northwind.example,false
`,
    account: `Id,Name,Type,Phone,Website,Industry,OwnerId,CreatedDate,LastModifiedDate,Region__c,Customer_Tier__c,Number_of_Locations__c,Active__c,SLA__c,SLA_Expiration_Date__c,Upsell_Opportunity__c,Primary_Contact__c,Credit_Limit__c,Payment_Terms__c,Legacy_ERP_Id__c,Billing_Email__c,Customer_Since__c,ARR__c,Acct_Mgr__c,Cust_Seg__c,Emp_Cnt__c,Ph2__c,HQ_Country__c,Rev_Band__c,Ind_Vertical__c
0018d00000Q7hXaAAJ,Acme Industrial,Customer,+1 415 555 0100,https://acme.example,Manufacturing,0058d000004TmQaAAK,2021-03-04T10:12:00.000Z,2024-05-01T08:00:00.000Z,EMEA,Gold,12,Yes,Gold,2025-06-30,Maybe,0038d00000LmN1aAAF,250000.00,Net 30,ERP-10021,billing@acme.example,2015-02-01,1200000.00,0058d000004TmQbAAK,Enterprise,1200,+1 415 555 0190,United States,$100M-$1B,Discrete Manufacturing
0018d00000Q7hXbAAJ,Globex Retail,Customer,+1 312 555 0142,https://globex.example,Retail,0058d000004TmQbAAK,2021-05-19T14:40:00.000Z,2024-04-11T09:30:00.000Z,NA,Silver,3,Yes,Silver,2024-12-31,Yes,0038d00000LmN1bAAF,50000.00,Net 45,ERP-10022,ap@globex.example,2018-07-15,240000.00,0058d000004TmQcAAK,Mid-Market,300,+1 312 555 0190,United States,$10M-$100M,Grocery
0018d00000Q7hXcAAJ,Initech,Partner,+1 512 555 0199,https://initech.example,Technology,0058d000004TmQaAAK,2020-11-02T08:05:00.000Z,2024-03-28T16:12:00.000Z,APAC,Gold,1,No,Platinum,2026-01-31,No,0038d00000LmN1cAAF,125000.00,Net 30,ERP-10023,finance@initech.example,2012-11-20,96000.00,0058d000004TmQbAAK,SMB,80,+1 512 555 0191,United States,$1M-$10M,SaaS
0018d00000Q7hXdAAJ,Umbrella Health,Prospect,+44 20 7946 0018,https://umbrella.example,Healthcare,0058d000004TmQcAAK,2022-01-17T11:00:00.000Z,2024-05-02T10:45:00.000Z,EMEA,Bronze,40,Yes,Bronze,2025-03-31,Maybe,0038d00000LmN1dAAF,75000.00,Net 60,ERP-10024,invoices@umbrella.example,2020-01-06,480000.00,0058d000004TmQaAAK,Enterprise,2500,+44 20 7946 0090,United Kingdom,$100M-$1B,Hospitals
0018d00000Q7hXeAAJ,Stark Logistics,Customer,+1 206 555 0175,https://stark.example,Transportation,0058d000004TmQdAAK,2019-09-23T13:20:00.000Z,2024-01-15T12:00:00.000Z,NA,Gold,7,No,Gold,2025-09-30,Yes,0038d00000LmN1eAAF,500000.00,Net 30,ERP-10025,billing@stark.example,2016-04-18,2100000.00,0058d000004TmQcAAK,Mid-Market,640,+1 206 555 0190,United States,$10M-$100M,Freight
`,
    contact: `Id,AccountId,FirstName,LastName,Email,Phone,Title,OwnerId,CreatedDate,LastModifiedDate,Preferred_Language__c,LinkedIn_URL__c,Contact_Role__c,Secondary_Email__c,Gender__c,Nickname__c,Middle_Name__c,Spouse_Name__c,NPS_Score__c,Newsletter_Opt_In__c,Last_Event_Attended__c
0038d00000LmN1aAAF,0018d00000Q7hXaAAJ,Maria,Lopez,maria.lopez@acme.example,+1 415 555 0101,CFO,0058d000004TmQaAAK,2021-03-05T09:00:00.000Z,2024-02-01T10:00:00.000Z,English,https://www.linkedin.com/in/marialopez,Decision Maker,maria.l@gmail.example,Female,Mari,Elena,Carlos Lopez,9,true,Dreamforce 2023
0038d00000LmN1bAAF,0018d00000Q7hXbAAJ,James,Chen,james.chen@globex.example,+1 312 555 0143,Buyer,0058d000004TmQbAAK,2021-05-20T10:30:00.000Z,2024-03-02T11:00:00.000Z,English,https://www.linkedin.com/in/jameschen,Influencer,jchen@outlook.example,Male,Jim,Wei,Linda Chen,7,false,Retail Summit 2022
0038d00000LmN1cAAF,0018d00000Q7hXcAAJ,Anna,Schmidt,anna.schmidt@initech.example,+49 30 555 0199,CTO,0058d000004TmQaAAK,2020-11-03T08:00:00.000Z,2024-04-01T09:15:00.000Z,German,https://www.linkedin.com/in/annaschmidt,Decision Maker,anna.s@web.example,Female,Anni,Maria,Tom Schmidt,10,true,Dreamforce 2023
0038d00000LmN1dAAF,0018d00000Q7hXdAAJ,Pierre,Martin,pierre.martin@umbrella.example,+33 1 55 55 01 99,Head of IT,0058d000004TmQcAAK,2022-01-18T12:00:00.000Z,2024-05-03T14:00:00.000Z,French,https://www.linkedin.com/in/pierremartin,Influencer,p.martin@free.example,Male,Pete,Jean,Claire Martin,6,true,Health IT Expo
0038d00000LmN1eAAF,0018d00000Q7hXeAAJ,Tom,Baker,tom.baker@stark.example,+1 206 555 0176,Operations Manager,0058d000004TmQdAAK,2019-09-24T15:00:00.000Z,2024-01-16T08:30:00.000Z,English,https://www.linkedin.com/in/tombaker,User,tbaker@yahoo.example,Male,Tommy,Lee,Sara Baker,8,false,Logistics World
`,
    opportunity: `Id,AccountId,ContactId,Name,StageName,Amount,Probability,CloseDate,OwnerId,CreatedDate,Competitor__c,Loss_Reason__c,Partner_Account__c,Discount_Percent__c,Contract_Length_Months__c,Decision_Date__c,Renewal__c,Budget_Confirmed__c
0068d00000Rz2AaAAJ,0018d00000Q7hXaAAJ,0038d00000LmN1aAAF,Acme - Line 4 retrofit,Negotiation/Review,180000.00,90,2024-06-30,0058d000004TmQaAAK,2024-01-10T09:00:00.000Z,Globex,,0018d00000Q7hXcAAJ,10,36,2024-06-15,false,true
0068d00000Rz2AbAAJ,0018d00000Q7hXbAAJ,0038d00000LmN1bAAF,Globex - POS rollout,Closed Lost,95000.00,0,2024-03-31,0058d000004TmQbAAK,2023-11-02T10:00:00.000Z,Initech,Price too high,,5,12,2024-03-20,false,false
0068d00000Rz2AcAAJ,0018d00000Q7hXcAAJ,0038d00000LmN1cAAF,Initech - Support renewal,Closed Won,40000.00,100,2024-02-28,0058d000004TmQaAAK,2023-12-01T08:00:00.000Z,,,,0,24,2024-02-20,true,true
0068d00000Rz2AdAAJ,0018d00000Q7hXdAAJ,0038d00000LmN1dAAF,Umbrella - Patient portal,Proposal/Price Quote,220000.00,75,2024-09-30,0058d000004TmQcAAK,2024-02-14T11:00:00.000Z,Stark Logistics,,0018d00000Q7hXcAAJ,15,36,2024-09-01,false,true
0068d00000Rz2AeAAJ,0018d00000Q7hXeAAJ,0038d00000LmN1eAAF,Stark - Fleet tracking,Closed Lost,60000.00,0,2024-04-30,0058d000004TmQdAAK,2023-10-20T13:00:00.000Z,Globex,Went with competitor,,0,12,2024-04-25,false,false
`,
    lead: `Id,FirstName,LastName,Company,Email,Status,LeadSource,OwnerId,CreatedDate,Lead_Score__c,Product_Interest__c,Budget__c,Timeframe__c,Referred_By__c,Job_Function__c,Middle_Name__c
00Q8d00000Hk3PaEAJ,Olivia,Brown,Wayne Enterprises,olivia.brown@wayne.example,Open - Not Contacted,Web,0058d000004TmQaAAK,2024-04-01T09:00:00.000Z,82,Fleet Tracking,40000.00,This Quarter,0038d00000LmN1aAAF,Operations,Grace
00Q8d00000Hk3PbEAJ,Liam,Wilson,Cyberdyne,liam.wilson@cyberdyne.example,Working - Contacted,Trade Show,0058d000004TmQbAAK,2024-04-03T10:00:00.000Z,45,POS,15000.00,Next Quarter,,IT,James
00Q8d00000Hk3PcEAJ,Emma,Taylor,Soylent,emma.taylor@soylent.example,Open - Not Contacted,Partner Referral,0058d000004TmQcAAK,2024-04-05T11:00:00.000Z,67,Fleet Tracking,25000.00,This Quarter,0038d00000LmN1cAAF,Finance,Rose
00Q8d00000Hk3PdEAJ,Noah,Davies,Tyrell,noah.davies@tyrell.example,Closed - Not Converted,Web,0058d000004TmQaAAK,2024-04-07T12:00:00.000Z,12,Support,5000.00,This Year,,Operations,Paul
00Q8d00000Hk3PeEAJ,Ava,Evans,Hooli,ava.evans@hooli.example,Working - Contacted,Web,0058d000004TmQbAAK,2024-04-09T13:00:00.000Z,58,POS,30000.00,Next Quarter,0038d00000LmN1dAAF,IT,Mae
`,
    task: `Id,WhoId,WhatId,Subject,ActivityDate,Status,OwnerId,CreatedDate,Call_Outcome__c,Meeting_Type__c,Duration_Minutes__c,Category__c
00T8d00000Xy9QaEAJ,0038d00000LmN1aAAF,0068d00000Rz2AaAAJ,Follow-up call,2024-05-02,Completed,0058d000004TmQaAAK,2024-05-01T09:00:00.000Z,Connected,Call,15,Sales
00T8d00000Xy9QbEAJ,0038d00000LmN1bAAF,0068d00000Rz2AbAAJ,Send pricing,2024-03-10,Completed,0058d000004TmQbAAK,2024-03-09T10:00:00.000Z,Left Voicemail,Email,5,Sales
00T8d00000Xy9QcEAJ,0038d00000LmN1cAAF,0018d00000Q7hXcAAJ,Renewal check-in,2024-02-12,Completed,0058d000004TmQaAAK,2024-02-11T08:00:00.000Z,Connected,Video,30,Support
00T8d00000Xy9QdEAJ,0038d00000LmN1dAAF,0068d00000Rz2AdAAJ,Demo prep,2024-05-20,Not Started,0058d000004TmQcAAK,2024-05-15T11:00:00.000Z,No Answer,Call,45,Sales
00T8d00000Xy9QeEAJ,0038d00000LmN1eAAF,0018d00000Q7hXeAAJ,Quarterly review,2024-04-18,Completed,0058d000004TmQdAAK,2024-04-10T13:00:00.000Z,Connected,Video,60,Support
`,
  },
  columns: {
    'account.Region__c': ['create', 'the tenant\'s sales region; Dynamics has no region attribute (territory is a lookup to territory records)'],
    'account.Customer_Tier__c': ['create', 'a tenant tier with no standard attribute'],
    'account.Number_of_Locations__c': ['create', 'a site count; no standard attribute holds it'],
    'account.Active__c': ['create', 'a business flag of the tenant, not the record\'s state'],
    'account.SLA__c': ['create', 'the service level; no standard attribute'],
    'account.SLA_Expiration_Date__c': ['create', 'a contract date with no standard attribute'],
    'account.Upsell_Opportunity__c': ['create', 'a tenant picklist with no standard attribute'],
    'account.Primary_Contact__c': ['lookup:primarycontactid', 'contact ids: the account\'s Primary Contact'],
    'account.Credit_Limit__c': ['creditlimit', 'Dynamics has Credit Limit on the account'],
    'account.Payment_Terms__c': ['paymenttermscode', 'Dynamics has Payment Terms on the account'],
    'account.Legacy_ERP_Id__c': ['create', 'the ERP customer number, kept for the integrations; the record key is Id'],
    'account.Billing_Email__c': ['create', 'a billing mailbox, not the account\'s main email; a named field keeps its meaning'],
    'account.Customer_Since__c': ['create', 'a date with no standard attribute'],
    'account.ARR__c': ['create', 'recurring revenue is not Annual Revenue (turnover); a money field of its own'],
    'account.Acct_Mgr__c': ['create', 'a second user on the account; the owner comes from OwnerId'],
    'account.Cust_Seg__c': ['customersizecode', 'SMB / Mid-Market / Enterprise is the account\'s Customer Size'],
    'account.Emp_Cnt__c': ['numberofemployees', 'an employee count; the export has no NumberOfEmployees, so the standard attribute is free'],
    'account.Ph2__c': ['telephone2', 'a second phone: Other Phone'],
    'account.HQ_Country__c': ['address1_country', 'the head-office country; the export has no BillingCountry'],
    'account.Rev_Band__c': ['create', 'a revenue band, not an amount'],
    'account.Ind_Vertical__c': ['create', 'a sub-industry; Industry keeps the industry itself'],
    'contact.Preferred_Language__c': ['create', 'no standard language attribute on contact'],
    'contact.LinkedIn_URL__c': ['create', 'no social profile attribute on contact'],
    'contact.Contact_Role__c': ['accountrolecode', 'Decision Maker / Influencer is the contact\'s Role'],
    'contact.Secondary_Email__c': ['emailaddress2', 'the second email slot'],
    'contact.Gender__c': ['gendercode', 'the standard Gender'],
    'contact.Nickname__c': ['nickname', 'the standard Nickname'],
    'contact.Middle_Name__c': ['middlename', 'the standard Middle Name'],
    'contact.Spouse_Name__c': ['spousesname', 'the standard Spouse/Partner Name'],
    'contact.NPS_Score__c': ['create', 'a survey score with no standard attribute'],
    'contact.Newsletter_Opt_In__c': ['create', 'an opt-in is the inverse of donotbulkemail, which a map decision cannot invert'],
    'contact.Last_Event_Attended__c': ['create', 'free text with no standard attribute'],
    'opportunity.Competitor__c': ['create', 'competitors are records in Dynamics; a text field keeps the name'],
    'opportunity.Loss_Reason__c': ['new_closedreason', 'the pair keeps LeadSmart\'s Closed_Reason__c in new_closedreason; this tenant calls it Loss Reason'],
    'opportunity.Partner_Account__c': ['create', 'account ids, but the opportunity\'s account lookups are taken by AccountId; a new field is needed'],
    'opportunity.Discount_Percent__c': ['discountpercentage', 'the standard Opportunity Discount (%)'],
    'opportunity.Contract_Length_Months__c': ['create', 'no standard attribute'],
    'opportunity.Decision_Date__c': ['finaldecisiondate', 'the standard Final Decision Date'],
    'opportunity.Renewal__c': ['create', 'a tenant flag'],
    'opportunity.Budget_Confirmed__c': ['create', 'a yes/no the four-value Budget picklist does not express'],
    'lead.Lead_Score__c': ['create', 'the tenant\'s own score; no writable standard score'],
    'lead.Product_Interest__c': ['create', 'a tenant picklist'],
    'lead.Budget__c': ['budgetamount', 'the lead\'s Budget Amount'],
    'lead.Timeframe__c': ['purchasetimeframe', 'the lead\'s Purchase Timeframe'],
    'lead.Referred_By__c': ['create', 'the referring contact is not the lead\'s parent contact; kept as its own field'],
    'lead.Job_Function__c': ['create', 'no standard attribute'],
    'lead.Middle_Name__c': ['middlename', 'the standard Middle Name'],
    'task.Call_Outcome__c': ['create', 'a task has no call result attribute'],
    'task.Meeting_Type__c': ['create', 'no standard attribute'],
    'task.Duration_Minutes__c': ['actualdurationminutes', 'the task\'s Actual Duration in minutes'],
    'task.Category__c': ['category', 'the task\'s Category'],
  },
  stageLoad: 'opportunities',
  stageColumn: 'StageName',
  stages: [
    { value: 'Prospecting', probability: 10, stage: 'Qualify', outcome: 'Open', why: 'the pair\'s row' },
    { value: 'Qualification', probability: 10, stage: 'Qualify', outcome: 'Open', why: 'the pair\'s row' },
    { value: 'Needs Analysis', probability: 20, stage: 'Develop', outcome: 'Open', why: 'the pair\'s row' },
    { value: 'Value Proposition', probability: 50, stage: 'Develop', outcome: 'Open', why: 'the pair\'s row' },
    { value: 'Id. Decision Makers', probability: 60, stage: 'Develop', outcome: 'Open', why: 'the pair\'s row' },
    { value: 'Perception Analysis', probability: 70, stage: 'Propose', outcome: 'Open', why: 'the pair\'s row' },
    { value: 'Proposal/Price Quote', probability: 75, stage: 'Propose', outcome: 'Open', why: 'the pair\'s row' },
    { value: 'Negotiation/Review', probability: 90, stage: 'Close', outcome: 'Open', why: 'the pair\'s row' },
    { value: 'Closed Won', probability: 100, stage: 'Close', outcome: 'Won', why: 'the pair\'s row' },
    { value: 'Closed Lost', probability: 0, stage: 'Close', outcome: 'Lost', why: 'the pair\'s row' },
    { value: 'Negotiation', probability: 90, stage: 'Close', outcome: 'Open', why: 'a renamed Negotiation/Review: a late stage' },
    { value: 'Proposal/Quote', probability: 75, stage: 'Propose', outcome: 'Open', why: 'a renamed Proposal/Price Quote' },
    { value: 'Closed - Won', probability: 100, stage: 'Close', outcome: 'Won', why: 'won' },
    { value: 'Closed - Lost', probability: 0, stage: 'Close', outcome: 'Lost', why: 'lost' },
  ],
};
