import type { LabelledExport } from './labelled-export.js';

/**
 * Vtiger 8 `ExportData` files: field labels as headers, references as `Accounts::::<label>`, owners as user names,
 * checkboxes as 1/0, custom fields exported under their labels; stages partly in the exporting user's Spanish.
 */
export const VTIGER: LabelledExport = {
  shape: 'vtiger',
  pair: 'vtiger--dynamics-365-sales',
  users: [
    { email: 'ann.lee@northwind.example', name: 'Ann Lee' },
    { email: 'bob.ray@northwind.example', name: 'Bob Ray' },
    { email: 'cara.diaz@northwind.example', name: 'Cara Diaz' },
  ],
  files: {
    accounts: `Organization Name,Organization Number,Primary Phone,Website,Industry,Member Of,Assigned To,Created Time,Modified Time,Billing City,Region,Customer Since,Partner Level,Credit Limit,Payment Terms,VAT Number,LinkedIn Page,Number of Sites,Key Account,Preferred Reseller,ERP Customer ID,Account Manager
Acme Industrial,ACC1,+1 415 555 0100,https://acme.example,Engineering,,Ann Lee,2021-03-04 10:12:00,2024-05-01 08:00:00,San Francisco,EMEA,2015-02-01,Gold,"250,000.00",Net 30,GB123456789,https://www.linkedin.com/company/acme,12,1,Accounts::::Globex Retail,C-100231,Bob Ray
Globex Retail,ACC2,+1 312 555 0142,https://globex.example,Retail,,Bob Ray,2021-05-19 14:40:00,2024-04-11 09:30:00,Chicago,NA,2018-07-15,Silver,"50,000.00",Net 45,US987654321,https://www.linkedin.com/company/globex,3,0,,C-100232,Cara Diaz
Initech,ACC3,+1 512 555 0199,https://initech.example,Technology,Accounts::::Acme Industrial,Ann Lee,2020-11-02 08:05:00,2024-03-28 16:12:00,Austin,APAC,2012-11-20,Gold,"125,000.00",Net 30,DE811223344,https://www.linkedin.com/company/initech,1,0,Accounts::::Globex Retail,C-100233,Bob Ray
Umbrella Health,ACC4,+44 20 7946 0018,https://umbrella.example,Healthcare,,Cara Diaz,2022-01-17 11:00:00,2024-05-02 10:45:00,London,EMEA,2020-01-06,Bronze,"75,000.00",Net 60,GB556677889,https://www.linkedin.com/company/umbrella,40,1,Accounts::::Acme Industrial,C-100234,Ann Lee
Stark Logistics,ACC5,+1 206 555 0175,https://stark.example,Transportation,Accounts::::Initech,Bob Ray,2019-09-23 13:20:00,2024-01-15 12:00:00,Seattle,NA,2016-04-18,Gold,"500,000.00",Net 30,US123123123,https://www.linkedin.com/company/stark,7,1,,C-100235,Ann Lee
`,
    contacts: `First Name,Last Name,Contact Id,Office Phone,Organization Name,Primary Email,Assigned To,Created Time,Modified Time,Nickname,Gender,Preferred Language,Twitter,Spouse Name,Contact Role,Anniversary,Skype ID,Middle Name,Pager,Cell,Alt Email,Dept.,Mgr Name,DOB
Maria,Lopez,CON1,+1 415 555 0101,Accounts::::Acme Industrial,maria.lopez@acme.example,Ann Lee,2021-03-05 09:00:00,2024-02-01 10:00:00,Mari,Female,English,@marialopez,Carlos Lopez,Decision Maker,2010-06-12,maria.lopez.acme,Elena,555-0101,+1 415 555 0601,maria@lopez.example,Finance,Paul Green,1980-06-12
James,Chen,CON2,+1 312 555 0143,Accounts::::Globex Retail,james.chen@globex.example,Bob Ray,2021-05-20 10:30:00,2024-03-02 11:00:00,Jim,Male,English,@jchen,Linda Chen,Influencer,2012-09-01,jchen.globex,Wei,555-0143,+1 312 555 0643,james@chen.example,Purchasing,Ken Wu,1979-09-01
Anna,Schmidt,CON3,+49 30 555 0199,Accounts::::Initech,anna.schmidt@initech.example,Ann Lee,2020-11-03 08:00:00,2024-04-01 09:15:00,Anni,Female,German,@aschmidt,Tom Schmidt,Decision Maker,2008-05-20,anna.schmidt.it,Maria,555-0199,+49 171 555 0199,anna@schmidt.example,IT,Lea Kim,1982-05-20
Pierre,Martin,CON4,+33 1 55 55 01 99,Accounts::::Umbrella Health,pierre.martin@umbrella.example,Cara Diaz,2022-01-18 12:00:00,2024-05-03 14:00:00,Pete,Male,French,@pmartin,Claire Martin,Influencer,2015-07-04,pierre.martin.uh,Jean,555-0188,+33 6 55 55 01 88,pierre@martin.example,IT,Ana Cruz,1984-07-04
Tom,Baker,CON5,+1 206 555 0176,Accounts::::Stark Logistics,tom.baker@stark.example,Bob Ray,2019-09-24 15:00:00,2024-01-16 08:30:00,Tommy,Male,English,@tombaker,Sara Baker,Employee,2011-03-15,tom.baker.stark,Lee,555-0176,+1 206 555 0676,tom@baker.example,Operations,Amy Fox,1975-03-15
`,
    potentials: `Opportunity Name,Opportunity Number,Amount,Organization Name,Expected Close Date,Sales Stage,Assigned To,Probability,Created Time,Competitor,Lost Reason,Budget,Decision Date,Discount %,Partner,Contract Term (months),Demo Date
Acme - Line 4 retrofit,POT1,"180,000.00",Accounts::::Acme Industrial,2024-06-30,Negotiation/Review,Ann Lee,80,2024-01-10 09:00:00,Globex,,"200,000.00",2024-06-15,10,Accounts::::Initech,36,2024-02-01
Globex - POS rollout,POT2,"95,000.00",Accounts::::Globex Retail,2024-03-31,Closed Lost,Bob Ray,0,2023-11-02 10:00:00,Initech,Price too high,"100,000.00",2024-03-20,5,,12,2023-12-05
Initech - Support renewal,POT3,"40,000.00",Accounts::::Initech,2024-02-28,Closed Won,Ann Lee,100,2023-12-01 08:00:00,,,"40,000.00",2024-02-20,0,,24,2023-12-15
Umbrella - Patient portal,POT4,"220,000.00",Accounts::::Umbrella Health,2024-09-30,Proposal/Price Quote,Cara Diaz,65,2024-02-14 11:00:00,Stark Logistics,,"250,000.00",2024-09-01,15,Accounts::::Acme Industrial,36,2024-03-10
Stark - Fleet tracking,POT5,"60,000.00",Accounts::::Stark Logistics,2024-04-30,Closed Lost,Bob Ray,0,2023-10-20 13:00:00,Globex,Went with competitor,"70,000.00",2024-04-25,0,,12,2023-11-08
`,
    leads: `First Name,Last Name,Lead Number,Company,Primary Email,Lead Status,Assigned To,Created Time,Lead Score,Interest,Budget Amount,Purchase Timeframe,Middle Name,Job Level
Olivia,Brown,LEA1,Wayne Enterprises,olivia.brown@wayne.example,Hot,Ann Lee,2024-04-01 09:00:00,82,Fleet Tracking,"40,000.00",This Quarter,Grace,Director
Liam,Wilson,LEA2,Cyberdyne,liam.wilson@cyberdyne.example,Cold,Bob Ray,2024-04-03 10:00:00,45,POS,"15,000.00",Next Quarter,James,Manager
Emma,Taylor,LEA3,Soylent,emma.taylor@soylent.example,Warm,Cara Diaz,2024-04-05 11:00:00,67,Fleet Tracking,"25,000.00",This Quarter,Rose,Director
Noah,Davies,LEA4,Tyrell,noah.davies@tyrell.example,Cold,Ann Lee,2024-04-07 12:00:00,12,Support,"5,000.00",This Year,Paul,Staff
Ava,Evans,LEA5,Hooli,ava.evans@hooli.example,Warm,Bob Ray,2024-04-09 13:00:00,58,POS,"30,000.00",Next Quarter,Mae,Manager
`,
  },
  columns: {
    'accounts.Region': ['create', 'the tenant\'s region; no region attribute in Dynamics'],
    'accounts.Customer Since': ['create', 'a date with no standard attribute'],
    'accounts.Partner Level': ['create', 'a tenant picklist'],
    'accounts.Credit Limit': ['creditlimit', 'Dynamics has Credit Limit on the account'],
    'accounts.Payment Terms': ['paymenttermscode', 'Dynamics has Payment Terms on the account'],
    'accounts.VAT Number': ['create', 'a tax number with no standard attribute'],
    'accounts.LinkedIn Page': ['create', 'no social profile attribute'],
    'accounts.Number of Sites': ['create', 'no standard attribute'],
    'accounts.Key Account': ['create', 'a tenant flag'],
    'accounts.Preferred Reseller': ['create', 'organisation labels, but the account\'s only account lookup (Parent) is taken by Member Of'],
    'accounts.ERP Customer ID': ['create', 'the ERP number, kept for integrations; Organization Number is the key'],
    'accounts.Account Manager': ['create', 'user names, but the owner comes from Assigned To; kept as text'],
    'contacts.Nickname': ['nickname', 'the standard Nickname'],
    'contacts.Gender': ['gendercode', 'the standard Gender'],
    'contacts.Preferred Language': ['create', 'no standard language attribute'],
    'contacts.Twitter': ['create', 'no social attribute'],
    'contacts.Spouse Name': ['spousesname', 'the standard Spouse/Partner Name'],
    'contacts.Contact Role': ['accountrolecode', 'the contact\'s Role'],
    'contacts.Anniversary': ['anniversary', 'the standard Anniversary'],
    'contacts.Skype ID': ['create', 'no messaging attribute'],
    'contacts.Middle Name': ['middlename', 'the standard Middle Name'],
    'contacts.Pager': ['pager', 'the standard Pager'],
    'contacts.Cell': ['mobilephone', 'a mobile number; the export has no Mobile Phone column'],
    'contacts.Alt Email': ['emailaddress2', 'the second email slot'],
    'contacts.Dept.': ['department', 'the department, abbreviated'],
    'contacts.Mgr Name': ['managername', 'the standard Manager'],
    'contacts.DOB': ['birthdate', 'date of birth; the export has no Date of Birth column'],
    'potentials.Competitor': ['create', 'competitor names as text'],
    'potentials.Lost Reason': ['create', 'the vtiger pair keeps no close reason; a new field'],
    'potentials.Budget': ['budgetamount', 'the opportunity\'s Budget Amount'],
    'potentials.Decision Date': ['finaldecisiondate', 'the standard Final Decision Date'],
    'potentials.Discount %': ['discountpercentage', 'the standard Opportunity Discount (%)'],
    'potentials.Partner': ['create', 'organisation labels, but the opportunity\'s account lookups are taken by Organization Name'],
    'potentials.Contract Term (months)': ['create', 'no standard attribute'],
    'potentials.Demo Date': ['create', 'no standard attribute'],
    'leads.Lead Score': ['create', 'the tenant\'s own score'],
    'leads.Interest': ['create', 'a tenant picklist'],
    'leads.Budget Amount': ['budgetamount', 'the lead\'s Budget Amount'],
    'leads.Purchase Timeframe': ['purchasetimeframe', 'the lead\'s Purchase Timeframe'],
    'leads.Middle Name': ['middlename', 'the standard Middle Name'],
    'leads.Job Level': ['create', 'no standard attribute'],
  },
  stageLoad: 'opportunities',
  stageColumn: 'Sales Stage',
  stages: [
    { value: 'Prospecting', probability: 10, stage: 'Qualify', outcome: 'Open', why: 'the pair\'s row' },
    { value: 'Qualification', probability: 20, stage: 'Qualify', outcome: 'Open', why: 'the pair\'s row' },
    { value: 'Needs Analysis', probability: 25, stage: 'Develop', outcome: 'Open', why: 'the pair\'s row' },
    { value: 'Value Proposition', probability: 30, stage: 'Develop', outcome: 'Open', why: 'the pair\'s row' },
    { value: 'Id. Decision Makers', probability: 40, stage: 'Develop', outcome: 'Open', why: 'the pair\'s row' },
    { value: 'Perception Analysis', probability: 50, stage: 'Propose', outcome: 'Open', why: 'the pair\'s row' },
    { value: 'Proposal/Price Quote', probability: 65, stage: 'Propose', outcome: 'Open', why: 'the pair\'s row' },
    { value: 'Negotiation/Review', probability: 80, stage: 'Close', outcome: 'Open', why: 'the pair\'s row' },
    { value: 'Closed Won', probability: 100, stage: 'Close', outcome: 'Won', why: 'the pair\'s row' },
    { value: 'Closed Lost', probability: 0, stage: 'Close', outcome: 'Lost', why: 'the pair\'s row' },
    { value: 'Prospección', probability: 10, stage: 'Qualify', outcome: 'Open', why: 'Prospecting in the exporting user\'s Spanish' },
    { value: 'Propuesta/Presupuesto', probability: 65, stage: 'Propose', outcome: 'Open', why: 'Proposal/Price Quote in Spanish' },
    { value: 'Negociación/Revisión', probability: 80, stage: 'Close', outcome: 'Open', why: 'Negotiation/Review in Spanish' },
    { value: 'Cerrado Ganado', probability: 100, stage: 'Close', outcome: 'Won', why: 'Closed Won in Spanish' },
    { value: 'Cerrado Perdido', probability: 0, stage: 'Close', outcome: 'Lost', why: 'Closed Lost in Spanish' },
  ],
};
