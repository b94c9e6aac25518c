import type { LabelledExport } from './labelled-export.js';

/**
 * Zoho CRM module exports: label headers (`Account Name`, `Account Owner`) beside upper-case id columns (`ACCOUNTID`,
 * `CONTACTID`) holding long numeric ids, owners as user names, dates in the user's format. Into Salesforce through
 * the Smart CRM Online pair, whose template knows few of these headers.
 */
export const ZOHO: LabelledExport = {
  shape: 'zoho',
  pair: 'smart-crm-online--salesforce-sales-cloud',
  users: [
    { email: 'ann.lee@northwind.example', name: 'Ann Lee' },
    { email: 'bob.ray@northwind.example', name: 'Bob Ray' },
    { email: 'cara.diaz@northwind.example', name: 'Cara Diaz' },
  ],
  files: {
    company: `ACCOUNTID,Account Name,Account Owner,Phone,Website,Industry,Employees,Annual Revenue,Billing Street,Billing City,Billing State,Billing Code,Billing Country,Account Type,Rating,Ownership,Account Number,Ticker Symbol,Fax,SIC Code,Parent Account ID,Created Time,Modified Time,Description
48768760000412001,Acme Industrial,Ann Lee,+1 415 555 0100,https://acme.example,Manufacturing,1200,250000000,1 Market St,San Francisco,CA,94105,United States,Customer,Hot,Public,A-10023,ACME,+1 415 555 0109,3569,,03/04/2021 10:12,05/01/2024 08:00,Industrial automation
48768760000412002,Globex Retail,Bob Ray,+1 312 555 0142,https://globex.example,Retail,300,42000000,200 State St,Chicago,IL,60601,United States,Customer,Warm,Private,A-10024,GLBX,+1 312 555 0149,5311,,05/19/2021 14:40,04/11/2024 09:30,Retail chain
48768760000412003,Initech,Ann Lee,+1 512 555 0199,https://initech.example,Technology,80,9000000,5 Congress Ave,Austin,TX,73301,United States,Partner,Warm,Private,A-10025,INIT,+1 512 555 0190,7372,48768760000412001,11/02/2020 08:05,03/28/2024 16:12,Software partner
48768760000412004,Umbrella Health,Cara Diaz,+44 20 7946 0018,https://umbrella.example,Healthcare,2500,510000000,10 Fleet St,London,,EC4Y 1AA,United Kingdom,Prospect,Cold,Public,A-10026,UMBR,+44 20 7946 0019,8062,,01/17/2022 11:00,05/02/2024 10:45,Hospital group
48768760000412005,Stark Logistics,Bob Ray,+1 206 555 0175,https://stark.example,Transportation,640,88000000,9 Pike St,Seattle,WA,98101,United States,Customer,Hot,Private,A-10027,STRK,+1 206 555 0170,4213,48768760000412003,09/23/2019 13:20,01/15/2024 12:00,Freight and fleet
`,
    contact: `CONTACTID,First Name,Last Name,Email,Phone,Mobile,Title,Department,Contact Owner,ACCOUNTID,Account Name,Mailing Street,Mailing City,Mailing State,Mailing Zip,Mailing Country,Date of Birth,Assistant,Home Phone,Lead Source,Email Opt Out,Secondary Email,Skype ID,Twitter,Reports To,Created Time,Modified Time
48768760000523001,Maria,Lopez,maria.lopez@acme.example,+1 415 555 0101,+1 415 555 0201,CFO,Finance,Ann Lee,48768760000412001,Acme Industrial,1 Market St,San Francisco,CA,94105,United States,06/12/1980,Jane Roe,+1 415 555 0301,Trade Show,false,maria.l@gmail.example,maria.lopez.acme,@marialopez,,03/05/2021 09:00,02/01/2024 10:00
48768760000523002,Paul,Green,paul.green@acme.example,+1 415 555 0102,+1 415 555 0202,Controller,Finance,Ann Lee,48768760000412001,Acme Industrial,1 Market St,San Francisco,CA,94105,United States,02/03/1985,Jane Roe,+1 415 555 0302,Web,true,pgreen@outlook.example,paul.green.acme,@pgreen,Maria Lopez,03/06/2021 09:00,02/02/2024 10:00
48768760000523003,James,Chen,james.chen@globex.example,+1 312 555 0143,+1 312 555 0243,Buyer,Purchasing,Bob Ray,48768760000412002,Globex Retail,200 State St,Chicago,IL,60601,United States,09/01/1979,Ken Wu,+1 312 555 0343,Web,false,jchen@outlook.example,jchen.globex,@jchen,,05/20/2021 10:30,03/02/2024 11:00
48768760000523004,Anna,Schmidt,anna.schmidt@initech.example,+1 512 555 0198,+1 512 555 0298,CTO,IT,Ann Lee,48768760000412003,Initech,5 Congress Ave,Austin,TX,73301,United States,05/20/1982,Lea Kim,+1 512 555 0398,Partner,false,anna.s@web.example,anna.schmidt.it,@aschmidt,,11/03/2020 08:00,04/01/2024 09:15
48768760000523005,Tom,Baker,tom.baker@stark.example,+1 206 555 0176,+1 206 555 0276,Operations Manager,Operations,Bob Ray,48768760000412005,Stark Logistics,9 Pike St,Seattle,WA,98101,United States,03/15/1975,Amy Fox,+1 206 555 0376,Web,true,tbaker@yahoo.example,tom.baker.stark,@tombaker,Anna Schmidt,09/24/2019 15:00,01/16/2024 08:30
`,
    deal: `POTENTIALID,Deal Name,Amount,Stage,Closing Date,Deal Owner,ACCOUNTID,CONTACTID,Probability (%),Type,Lead Source,Next Step,Expected Revenue,Created Time,Modified Time,Description
48768760000634001,Acme - Line 4 retrofit,180000,Negotiation/Review,06/30/2024,Ann Lee,48768760000412001,48768760000523001,90,Existing Business,Trade Show,Send contract,162000,01/10/2024 09:00,05/01/2024 08:00,Retrofit of line 4
48768760000634002,Globex - POS rollout,95000,Closed Lost,03/31/2024,Bob Ray,48768760000412002,48768760000523003,0,New Business,Web,,0,11/02/2023 10:00,04/01/2024 08:00,POS in 40 stores
48768760000634003,Initech - Support renewal,40000,Closed Won,02/28/2024,Ann Lee,48768760000412003,48768760000523004,100,Existing Business,Partner,,40000,12/01/2023 08:00,03/01/2024 08:00,Support year 3
48768760000634004,Umbrella - Patient portal,220000,Proposal/Price Quote,09/30/2024,Cara Diaz,48768760000412004,,75,New Business,Web,Pricing review,165000,02/14/2024 11:00,05/02/2024 10:45,Portal build
48768760000634005,Stark - Fleet tracking,60000,Qualification,04/30/2024,Bob Ray,48768760000412005,48768760000523005,10,New Business,Web,Discovery call,6000,10/20/2023 13:00,01/15/2024 12:00,Fleet tracking pilot
`,
  },
  columns: {
    'company.ACCOUNTID': ['key', 'Zoho\'s record id, unique on every row; the template\'s Company ID is absent'],
    'company.Account Name': ['Name', 'the account\'s name'],
    'company.Account Owner': ['owner', 'user names: the owner, with Owner Email absent'],
    'company.Billing Street': ['BillingStreet', 'the billing address block'],
    'company.Billing City': ['BillingCity', 'the billing address block'],
    'company.Billing State': ['BillingState', 'the billing address block'],
    'company.Billing Code': ['BillingPostalCode', 'the billing postal code'],
    'company.Billing Country': ['BillingCountry', 'the billing address block'],
    'company.Account Type': ['Type', 'Salesforce\'s Account Type'],
    'company.Rating': ['Rating', 'Salesforce\'s Account Rating'],
    'company.Ownership': ['Ownership', 'Salesforce\'s Ownership'],
    'company.Account Number': ['AccountNumber', 'Salesforce\'s Account Number'],
    'company.Ticker Symbol': ['TickerSymbol', 'Salesforce\'s Ticker Symbol'],
    'company.Fax': ['Fax', 'Salesforce\'s Account Fax'],
    'company.SIC Code': ['Sic', 'Salesforce\'s SIC Code'],
    'company.Parent Account ID': ['lookup:ParentId', 'other accounts\' ids: the parent account'],
    'company.Created Time': ['CreatedDate', 'the original creation time, set through the audit-field permission'],
    'company.Modified Time': ['LastModifiedDate', 'the last change, set through the audit-field permission'],
    'contact.CONTACTID': ['key', 'Zoho\'s record id, unique on every row; Contact ID is absent'],
    'contact.Title': ['Title', 'the pair\'s Job Title under Zoho\'s name'],
    'contact.Department': ['Department', 'Salesforce\'s Department'],
    'contact.Contact Owner': ['owner', 'user names: the owner'],
    'contact.ACCOUNTID': ['lookup:AccountId', 'account ids: the contact\'s account, the pair\'s Company ID link'],
    'contact.Account Name': ['skip', 'the account\'s name again; ACCOUNTID already links it'],
    'contact.Mailing Street': ['MailingStreet', 'the mailing address block'],
    'contact.Mailing City': ['MailingCity', 'the mailing address block'],
    'contact.Mailing State': ['MailingState', 'the mailing address block'],
    'contact.Mailing Zip': ['MailingPostalCode', 'the mailing postal code'],
    'contact.Mailing Country': ['MailingCountry', 'the mailing address block'],
    'contact.Date of Birth': ['Birthdate', 'Salesforce\'s Birthdate'],
    'contact.Assistant': ['AssistantName', 'Salesforce\'s Assistant'],
    'contact.Home Phone': ['HomePhone', 'Salesforce\'s Home Phone'],
    'contact.Lead Source': ['LeadSource', 'Salesforce\'s Lead Source'],
    'contact.Email Opt Out': ['HasOptedOutOfEmail', 'Salesforce\'s Email Opt Out'],
    'contact.Secondary Email': ['create', 'a Salesforce contact has one email field'],
    'contact.Skype ID': ['create', 'no messaging attribute'],
    'contact.Twitter': ['create', 'no social attribute'],
    'contact.Reports To': ['lookup:ReportsToId', 'names of other contacts: the manager'],
    'contact.Created Time': ['CreatedDate', 'the original creation time'],
    'contact.Modified Time': ['LastModifiedDate', 'the last change'],
    'deal.POTENTIALID': ['key', 'Zoho\'s record id; Deal ID is absent'],
    'deal.Amount': ['Amount', 'the pair\'s Deal Value under Zoho\'s name'],
    'deal.Closing Date': ['CloseDate', 'the pair\'s Expected Close Date under Zoho\'s name'],
    'deal.Deal Owner': ['owner', 'user names: the owner'],
    'deal.ACCOUNTID': ['lookup:AccountId', 'account ids: the deal\'s account'],
    'deal.CONTACTID': ['lookup:ContactId', 'contact ids: the deal\'s contact'],
    'deal.Probability (%)': ['skip', 'the stage table sets Probability from the stage'],
    'deal.Type': ['Type', 'Salesforce\'s Opportunity Type'],
    'deal.Lead Source': ['LeadSource', 'Salesforce\'s Lead Source'],
    'deal.Next Step': ['NextStep', 'Salesforce\'s Next Step'],
    'deal.Expected Revenue': ['skip', 'Salesforce computes Expected Revenue from amount and probability'],
    'deal.Created Time': ['CreatedDate', 'the original creation time'],
    'deal.Modified Time': ['LastModifiedDate', 'the last change'],
  },
  stageLoad: 'opportunities',
  stageColumn: 'Stage',
  stages: [
    { value: 'Qualification', probability: 10, stage: 'Qualification', outcome: 'Open', why: 'Salesforce\'s own stage' },
    { value: 'Needs Analysis', probability: 20, stage: 'Needs Analysis', outcome: 'Open', why: 'Salesforce\'s own stage' },
    { value: 'Value Proposition', probability: 40, stage: 'Value Proposition', outcome: 'Open', why: 'Salesforce\'s own stage' },
    { value: 'Identify Decision Makers', probability: 60, stage: 'Id. Decision Makers', outcome: 'Open', why: 'Salesforce\'s Id. Decision Makers spelt out' },
    { value: 'Proposal/Price Quote', probability: 75, stage: 'Proposal/Price Quote', outcome: 'Open', why: 'Salesforce\'s own stage' },
    { value: 'Negotiation/Review', probability: 90, stage: 'Negotiation/Review', outcome: 'Open', why: 'Salesforce\'s own stage' },
    { value: 'Closed Won', probability: 100, stage: 'Closed Won', outcome: 'Won', why: 'won' },
    { value: 'Closed Lost', probability: 0, stage: 'Closed Lost', outcome: 'Lost', why: 'lost' },
    { value: 'Closed Lost to Competition', probability: 0, stage: 'Closed Lost', outcome: 'Lost', why: 'lost, with the reason in the name' },
    { value: 'Closed Won - Renewal', probability: 100, stage: 'Closed Won', outcome: 'Won', why: 'won' },
    { value: 'Qualification (Inbound)', probability: 10, stage: 'Qualification', outcome: 'Open', why: 'Qualification, for inbound deals' },
  ],
};
