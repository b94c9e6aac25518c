import type { LabelledExport } from './labelled-export.js';

/** Excel's CSV: a byte-order mark and CRLF line ends. */
const excel = (text: string): string => `\uFEFF${text.replace(/\n/g, '\r\n')}`;

/**
 * Dynamics 365 "Export to Excel" saved as CSV: display-label headers (`Address 2: City`), the hidden
 * `(Do Not Modify)` GUID, checksum and modified-on columns first, lookups and owners as display names, US dates as
 * Excel shows them. The views exported carry columns beyond the pair's template. Into Salesforce through the
 * Dynamics 365 to Salesforce pair; its opportunities stage through a value map, not a stage table, so this export
 * adds columns to the labelled set and no stage values.
 */
export const DYNAMICS_CSV: LabelledExport = {
  shape: 'dynamics-csv-export',
  pair: 'dynamics-365-sales--salesforce-sales-cloud',
  users: [
    { email: 'ann.lee@northwind.example', name: 'Ann Lee' },
    { email: 'bob.ray@northwind.example', name: 'Bob Ray' },
    { email: 'cara.diaz@northwind.example', name: 'Cara Diaz' },
  ],
  files: {
    account: excel(`(Do Not Modify) Account,(Do Not Modify) Row Checksum,(Do Not Modify) Modified On,Account Name,Account Number,Main Phone,Website,Address 1: City,Relationship Type,Annual Revenue,Number of Employees,Parent Account,Owner,Created On,Fax,Ticker Symbol,SIC Code,Ownership,Industry,Rating,Address 2: Street 1,Address 2: City,Address 2: Country/Region,Credit Limit,Customer Tier,Email,Other Phone,Modified By
6f1c2a40-1b2c-ef11-8409-000d3a4d5e61,h3JkQm9zZWNyZXQxMjM=,5/20/2024 7:42,Acme Industrial,A-10023,+1 415 555 0100,https://acme.example,San Francisco,Customer,250000000,1200,,Ann Lee,3/4/2021 10:12,+1 415 555 0109,ACME,3569,Public,Manufacturing,Hot,9 Dock Rd,Oakland,United States,250000,Gold,info@acme.example,+1 415 555 0190,Bob Ray
6f1c2a40-1b2c-ef11-8409-000d3a4d5e62,Zm9vYmFyYmF6cXV4MTIz,4/11/2024 9:30,Globex Retail,A-10024,+1 312 555 0142,https://globex.example,Chicago,Customer,42000000,300,,Bob Ray,5/19/2021 14:40,+1 312 555 0149,GLBX,5311,Private,Retail,Warm,1 Depot St,Gary,United States,50000,Silver,hello@globex.example,+1 312 555 0190,Ann Lee
6f1c2a40-1b2c-ef11-8409-000d3a4d5e63,cXdlcnR5dWlvcGFzZGZn,3/28/2024 16:12,Initech,A-10025,+1 512 555 0199,https://initech.example,Austin,Partner,9000000,80,Acme Industrial,Ann Lee,11/2/2020 8:05,+1 512 555 0190,INIT,7372,Private,Technology,Warm,4 Lake Dr,Round Rock,United States,125000,Gold,contact@initech.example,+1 512 555 0191,Cara Diaz
6f1c2a40-1b2c-ef11-8409-000d3a4d5e64,enhjdmJubW1uYnZjeHo=,5/2/2024 10:45,Umbrella Health,A-10026,+44 20 7946 0018,https://umbrella.example,London,Prospect,510000000,2500,,Cara Diaz,1/17/2022 11:00,+44 20 7946 0019,UMBR,8062,Public,Healthcare,Cold,2 Wharf Ln,Slough,United Kingdom,75000,Bronze,office@umbrella.example,+44 20 7946 0090,Bob Ray
6f1c2a40-1b2c-ef11-8409-000d3a4d5e65,cG9pdXl0cmV3cWxramg=,1/15/2024 12:00,Stark Logistics,A-10027,+1 206 555 0175,https://stark.example,Seattle,Reseller,88000000,640,Initech,Bob Ray,9/23/2019 13:20,+1 206 555 0170,STRK,4213,Private,Transportation,Hot,7 Pier Way,Tacoma,United States,500000,Gold,ops@stark.example,+1 206 555 0191,Ann Lee
`),
    contact: excel(`(Do Not Modify) Contact,(Do Not Modify) Row Checksum,(Do Not Modify) Modified On,Full Name,First Name,Last Name,Job Title,Email,Business Phone,Mobile Phone,Company Name,Address 1: City,Address 1: Country/Region,Owner,Created On,Department,Birthday,Assistant,Assistant Phone,Home Phone,Fax,Salutation,Address 1: Street 1,Address 1: ZIP/Postal Code,Address 2: City,Gender,Spouse/Partner Name,Preferred Method of Contact
8a2d3b51-2c3d-ef11-8409-000d3a4d5e71,YWJjZGVmZ2hpamtsbW5v,2/1/2024 10:00,Maria Lopez,Maria,Lopez,CFO,maria.lopez@acme.example,+1 415 555 0101,+1 415 555 0201,Acme Industrial,San Francisco,United States,Ann Lee,3/5/2021 9:00,Finance,6/12/1980,Jane Roe,+1 415 555 0501,+1 415 555 0301,+1 415 555 0109,Ms.,1 Market St,94105,Oakland,Female,Carlos Lopez,Email
8a2d3b51-2c3d-ef11-8409-000d3a4d5e72,cHFyc3R1dnd4eXphYmNk,3/2/2024 11:00,James Chen,James,Chen,Buyer,james.chen@globex.example,+1 312 555 0143,+1 312 555 0243,Globex Retail,Chicago,United States,Bob Ray,5/20/2021 10:30,Purchasing,9/1/1979,Ken Wu,+1 312 555 0543,+1 312 555 0343,+1 312 555 0149,Mr.,200 State St,60601,Gary,Male,Linda Chen,Phone
8a2d3b51-2c3d-ef11-8409-000d3a4d5e73,ZWZnaGlqa2xtbm9wcXJz,4/1/2024 9:15,Anna Schmidt,Anna,Schmidt,CTO,anna.schmidt@initech.example,+1 512 555 0198,+1 512 555 0298,Initech,Austin,United States,Ann Lee,11/3/2020 8:00,IT,5/20/1982,Lea Kim,+1 512 555 0598,+1 512 555 0398,+1 512 555 0190,Dr.,5 Congress Ave,73301,Round Rock,Female,Tom Schmidt,Email
8a2d3b51-2c3d-ef11-8409-000d3a4d5e74,dHV2d3h5emFiY2RlZmdo,5/3/2024 14:00,Pierre Martin,Pierre,Martin,Head of IT,pierre.martin@umbrella.example,+44 20 7946 0020,+44 7700 900020,Umbrella Health,London,United Kingdom,Cara Diaz,1/18/2022 12:00,IT,7/4/1984,Ana Cruz,+44 20 7946 0023,+44 20 7946 0021,+44 20 7946 0019,Mr.,10 Fleet St,EC4Y 1AA,Slough,Male,Claire Martin,Any
8a2d3b51-2c3d-ef11-8409-000d3a4d5e75,aWprbG1ub3BxcnN0dXZ3,1/16/2024 8:30,Tom Baker,Tom,Baker,Operations Manager,tom.baker@stark.example,+1 206 555 0176,+1 206 555 0276,Stark Logistics,Seattle,United States,Bob Ray,9/24/2019 15:00,Operations,3/15/1975,Amy Fox,+1 206 555 0576,+1 206 555 0376,+1 206 555 0170,Mr.,9 Pike St,98101,Tacoma,Male,Sara Baker,Phone
`),
  },
  columns: {
    'account.Fax': ['Fax', 'Salesforce\'s Account Fax'],
    'account.Ticker Symbol': ['TickerSymbol', 'Salesforce\'s Ticker Symbol'],
    'account.SIC Code': ['Sic', 'Salesforce\'s SIC Code'],
    'account.Ownership': ['Ownership', 'Public / Private is Salesforce\'s Ownership'],
    'account.Industry': ['Industry', 'Salesforce\'s Industry, with a value table'],
    'account.Rating': ['Rating', 'Salesforce\'s Account Rating'],
    'account.Address 2: Street 1': ['ShippingStreet', 'the second address block is the shipping address'],
    'account.Address 2: City': ['ShippingCity', 'the second address block is the shipping address'],
    'account.Address 2: Country/Region': ['ShippingCountry', 'the second address block is the shipping address'],
    'account.Credit Limit': ['create', 'a Salesforce account has no credit limit'],
    'account.Customer Tier': ['create', 'a tenant column with no standard attribute'],
    'account.Email': ['create', 'a Salesforce account has no email field'],
    'account.Other Phone': ['create', 'a Salesforce account has one phone besides fax'],
    'account.Modified By': ['skip', 'who last touched the record is system audit, not data to carry'],
    'contact.Department': ['Department', 'Salesforce\'s Department'],
    'contact.Birthday': ['Birthdate', 'Salesforce\'s Birthdate'],
    'contact.Assistant': ['AssistantName', 'Salesforce\'s Assistant\'s Name'],
    'contact.Assistant Phone': ['AssistantPhone', 'Salesforce\'s Asst. Phone'],
    'contact.Home Phone': ['HomePhone', 'Salesforce\'s Home Phone'],
    'contact.Fax': ['Fax', 'Salesforce\'s Business Fax'],
    'contact.Salutation': ['Salutation', 'Salesforce\'s Salutation'],
    'contact.Address 1: Street 1': ['MailingStreet', 'the first address block is the mailing address'],
    'contact.Address 1: ZIP/Postal Code': ['MailingPostalCode', 'the first address block is the mailing address'],
    'contact.Address 2: City': ['OtherCity', 'the second address block is the other address'],
    'contact.Gender': ['create', 'no gender attribute on the Salesforce contact in this spec'],
    'contact.Spouse/Partner Name': ['create', 'no standard attribute'],
    'contact.Preferred Method of Contact': ['create', 'no standard attribute'],
  },
  stageLoad: 'opportunities',
  stageColumn: 'Status + Sales Stage',
  stages: [],
};
