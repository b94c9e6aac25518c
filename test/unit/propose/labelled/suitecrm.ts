import type { LabelledExport } from './labelled-export.js';

/** SuiteCRM writes CRLF line ends. */
const crlf = (text: string): string => text.replace(/\n/g, '\r\n');

/**
 * SuiteCRM 7 module exports (`export_utils`): every value double-quoted, CRLF, translated labels as headers, 36-character
 * UUID ids, references as display names, owners as user names, dates in the user's day-first format. Into Dynamics
 * 365 through the OpenCRM pair, whose template knows only a few of these headers.
 */
export const SUITECRM: LabelledExport = {
  shape: 'suitecrm',
  pair: 'opencrm--dynamics-365-sales',
  users: [
    { email: 'ann.lee@northwind.example', name: 'Ann Lee' },
    { email: 'bob.ray@northwind.example', name: 'Bob Ray' },
    { email: 'cara.diaz@northwind.example', name: 'Cara Diaz' },
  ],
  files: {
    organisation: crlf(`"ID","Name","Assigned User","Type","Industry","Annual Revenue","Employees","Office Phone","Fax","Website","Email Address","Billing Street","Billing City","Billing State","Billing Postal Code","Billing Country","SIC Code","Ticker Symbol","Ownership","Rating","Member of","Description","Date Created","Date Modified"
"6513270e-269e-4d37-b2a7-4de452e6b438","Acme Industrial","Ann Lee","Customer","Manufacturing","250000000","1200","+1 415 555 0100","+1 415 555 0109","https://acme.example","info@acme.example","1 Market St","San Francisco","CA","94105","United States","3569","ACME","Public","Hot","","Industrial automation","04/03/2021 10:12","01/05/2024 08:00"
"d23f0824-128b-4f33-8c5c-7fd0a6a3a450","Globex Retail","Bob Ray","Customer","Retail","42000000","300","+1 312 555 0142","+1 312 555 0149","https://globex.example","hello@globex.example","200 State St","Chicago","IL","60601","United States","5311","GLBX","Private","Warm","","Retail chain","19/05/2021 14:40","11/04/2024 09:30"
"9531985d-5d9d-49f8-9818-e811892f902b","Initech","Ann Lee","Partner","Technology","9000000","80","+1 512 555 0199","+1 512 555 0190","https://initech.example","contact@initech.example","5 Congress Ave","Austin","TX","73301","United States","7372","INIT","Private","Warm","Acme Industrial","Software partner","02/11/2020 08:05","28/03/2024 16:12"
"36f675cc-81e7-4ef5-a8e2-5d940ed90475","Umbrella Health","Cara Diaz","Prospect","Healthcare","510000000","2500","+44 20 7946 0018","+44 20 7946 0019","https://umbrella.example","office@umbrella.example","10 Fleet St","London","","EC4Y 1AA","United Kingdom","8062","UMBR","Public","Cold","","Hospital group","17/01/2022 11:00","02/05/2024 10:45"
"6b0d549b-6f03-475a-9600-a35a099950d8","Stark Logistics","Bob Ray","Reseller","Transportation","88000000","640","+1 206 555 0175","+1 206 555 0170","https://stark.example","ops@stark.example","9 Pike St","Seattle","WA","98101","United States","4213","STRK","Private","Hot","Initech","Freight and fleet","23/09/2019 13:20","15/01/2024 12:00"
`),
    contact: crlf(`"ID","First Name","Last Name","Title","Department","Account Name","Office Phone","Mobile","Home Phone","Other Phone","Fax","Email Address","Assigned User","Birthdate","Assistant","Assistant Phone","Lead Source","Do Not Call","Primary Address Street","Primary Address City","Primary Address Postalcode","Primary Address Country","Date Created","Date Modified","Description"
"8d116ece-1738-47d9-bd9c-172411e20b8f","Maria","Lopez","CFO","Finance","Acme Industrial","+1 415 555 0101","+1 415 555 0201","+1 415 555 0301","+1 415 555 0401","+1 415 555 0109","maria.lopez@acme.example","Ann Lee","12/06/1980","Jane Roe","+1 415 555 0501","Trade Show","0","1 Market St","San Francisco","94105","United States","05/03/2021 09:00","01/02/2024 10:00","Signs off budgets"
"90c192cf-d3ac-44af-8f21-ddb66cad4a26","James","Chen","Buyer","Purchasing","Globex Retail","+1 312 555 0143","+1 312 555 0243","+1 312 555 0343","+1 312 555 0443","+1 312 555 0149","james.chen@globex.example","Bob Ray","01/09/1979","Ken Wu","+1 312 555 0543","Web Site","1","200 State St","Chicago","60601","United States","20/05/2021 10:30","02/03/2024 11:00","Runs store purchasing"
"a170b338-3926-4059-b28c-105d1fb17c23","Anna","Schmidt","CTO","IT","Initech","+1 512 555 0198","+1 512 555 0298","+1 512 555 0398","+1 512 555 0498","+1 512 555 0190","anna.schmidt@initech.example","Ann Lee","20/05/1982","Lea Kim","+1 512 555 0598","Partner","0","5 Congress Ave","Austin","73301","United States","03/11/2020 08:00","01/04/2024 09:15","Technical sponsor"
"0fd630f1-f29d-4da9-953f-48f1a09f76b5","Pierre","Martin","Head of IT","IT","Umbrella Health","+44 20 7946 0020","+44 7700 900020","+44 20 7946 0021","+44 20 7946 0022","+44 20 7946 0019","pierre.martin@umbrella.example","Cara Diaz","04/07/1984","Ana Cruz","+44 20 7946 0023","Cold Call","0","10 Fleet St","London","EC4Y 1AA","United Kingdom","18/01/2022 12:00","03/05/2024 14:00","Evaluating portals"
"0cb1e29c-658c-4a14-95e6-0af593bd04cf","Tom","Baker","Operations Manager","Operations","Stark Logistics","+1 206 555 0176","+1 206 555 0276","+1 206 555 0376","+1 206 555 0476","+1 206 555 0170","tom.baker@stark.example","Bob Ray","15/03/1975","Amy Fox","+1 206 555 0576","Web Site","1","9 Pike St","Seattle","98101","United States","24/09/2019 15:00","16/01/2024 08:30","Fleet owner"
`),
    deal: crlf(`"ID","Opportunity Name","Account Name","Sales Stage","Amount","Expected Close Date","Probability (%)","Assigned User","Next Step","Lead Source","Type","Date Created","Date Modified","Description"
"8e81973e-0bec-47b0-b898-d190f9ebdacc","Acme - Line 4 retrofit","Acme Industrial","Negotiation/Review","180000.00","30/06/2024","80","Ann Lee","Send contract","Trade Show","Existing Business","10/01/2024 09:00","01/05/2024 08:00","Retrofit of line 4"
"6b4cb242-4a23-4596-a217-beaddbc496cb","Globex - POS rollout","Globex Retail","Closed Lost","95000.00","31/03/2024","0","Bob Ray","","Web Site","New Business","02/11/2023 10:00","01/04/2024 08:00","POS in 40 stores"
"92276658-1e27-41c0-8a6a-63ec24ede6a4","Initech - Support renewal","Initech","Closed Won","40000.00","28/02/2024","100","Ann Lee","","Partner","Existing Business","01/12/2023 08:00","01/03/2024 08:00","Support year 3"
"ae97ba94-d0ed-482f-8f6d-05584ef8aa38","Umbrella - Patient portal","Umbrella Health","Proposal/Price Quote","220000.00","30/09/2024","65","Cara Diaz","Pricing review","Web Site","New Business","14/02/2024 11:00","02/05/2024 10:45","Portal build"
"923a7369-94e3-4f91-9a61-dbe22e44158b","Stark - Fleet tracking","Stark Logistics","Qualification","60000.00","30/04/2024","20","Bob Ray","Discovery call","Cold Call","New Business","20/10/2023 13:00","15/01/2024 12:00","Fleet tracking pilot"
`),
  },
  columns: {
    'organisation.ID': ['key', 'SuiteCRM\'s UUID, unique on every row; the template\'s CRM ID is absent'],
    'organisation.Name': ['name', 'the account\'s name (the pair\'s Organisation Name)'],
    'organisation.Assigned User': ['owner', 'user names: the owner, with Assigned To absent'],
    'organisation.Type': ['customertypecode', 'Customer / Partner / Reseller is the Relationship Type'],
    'organisation.Annual Revenue': ['revenue', 'the standard Annual Revenue'],
    'organisation.Employees': ['numberofemployees', 'the standard Number of Employees'],
    'organisation.Office Phone': ['telephone1', 'the main phone (the pair\'s Phone)'],
    'organisation.Fax': ['fax', 'the standard Fax'],
    'organisation.Email Address': ['emailaddress1', 'the account\'s email'],
    'organisation.Billing Street': ['address1_line1', 'the first address block (the pair\'s Address Line 1)'],
    'organisation.Billing City': ['address1_city', 'the first address block'],
    'organisation.Billing State': ['address1_stateorprovince', 'the first address block'],
    'organisation.Billing Postal Code': ['address1_postalcode', 'the first address block'],
    'organisation.Billing Country': ['address1_country', 'the first address block'],
    'organisation.SIC Code': ['sic', 'the standard SIC Code'],
    'organisation.Ticker Symbol': ['tickersymbol', 'the standard Ticker Symbol'],
    'organisation.Ownership': ['ownershipcode', 'the standard Ownership'],
    'organisation.Rating': ['accountratingcode', 'the standard Account Rating'],
    'organisation.Member of': ['lookup:parentaccountid', 'names of other accounts: the parent account'],
    'organisation.Description': ['description', 'the standard Description'],
    'contact.ID': ['key', 'SuiteCRM\'s UUID, unique on every row; CRM ID is absent'],
    'contact.Title': ['jobtitle', 'the pair\'s Job Title'],
    'contact.Department': ['department', 'the standard Department'],
    'contact.Account Name': ['lookup:parentcustomerid', 'account names: the contact\'s company'],
    'contact.Office Phone': ['telephone1', 'the business phone (the pair\'s Business Phone)'],
    'contact.Home Phone': ['telephone2', 'the standard Home Phone'],
    'contact.Other Phone': ['telephone3', 'the third phone'],
    'contact.Fax': ['fax', 'the standard Fax'],
    'contact.Email Address': ['emailaddress1', 'the pair\'s Email'],
    'contact.Assigned User': ['owner', 'user names: the owner'],
    'contact.Birthdate': ['birthdate', 'the standard Birthday'],
    'contact.Assistant': ['assistantname', 'the standard Assistant'],
    'contact.Assistant Phone': ['assistantphone', 'the standard Assistant Phone'],
    'contact.Lead Source': ['leadsourcecode', 'the contact\'s Lead Source'],
    'contact.Do Not Call': ['donotphone', 'Do not allow Phone Calls'],
    'contact.Primary Address Street': ['address1_line1', 'the first address block'],
    'contact.Primary Address City': ['address1_city', 'the first address block'],
    'contact.Primary Address Postalcode': ['address1_postalcode', 'the first address block'],
    'contact.Primary Address Country': ['address1_country', 'the first address block'],
    'contact.Description': ['description', 'the standard Description'],
    'deal.ID': ['key', 'SuiteCRM\'s UUID; CRM ID is absent'],
    'deal.Opportunity Name': ['name', 'the pair\'s Deal Name'],
    'deal.Account Name': ['lookup:customerid|lookup:parentaccountid', 'account names: the pair\'s Organisation CRM ID links'],
    'deal.Sales Stage': ['salesstage', 'the pair\'s Stage under SuiteCRM\'s name'],
    'deal.Amount': ['estimatedvalue', 'the pair\'s Value: Est. Revenue'],
    'deal.Assigned User': ['owner', 'user names: the owner'],
    'deal.Next Step': ['create', 'a Dynamics opportunity has no next step attribute'],
    'deal.Lead Source': ['create', 'a Dynamics opportunity has no lead source attribute'],
    'deal.Type': ['create', 'New / Existing Business has no opportunity attribute'],
    'deal.Description': ['description', 'the standard Description'],
  },
  stageLoad: 'deals',
  stageColumn: 'Stage',
  stages: [
    { value: 'Prospecting', probability: 10, stage: 'Qualify', outcome: 'Open', why: 'the pair\'s Prospect' },
    { value: 'Qualification', probability: 20, stage: 'Qualify', outcome: 'Open', why: 'still qualifying: the destination\'s Qualify' },
    { value: 'Needs Analysis', probability: 25, stage: 'Develop', outcome: 'Open', why: 'developing the solution' },
    { value: 'Value Proposition', probability: 30, stage: 'Develop', outcome: 'Open', why: 'developing the solution' },
    { value: 'Id. Decision Makers', probability: 40, stage: 'Develop', outcome: 'Open', why: 'developing the solution' },
    { value: 'Perception Analysis', probability: 50, stage: 'Propose', outcome: 'Open', why: 'shaping the proposal' },
    { value: 'Proposal/Price Quote', probability: 65, stage: 'Propose', outcome: 'Open', why: 'the pair\'s Proposal' },
    { value: 'Negotiation/Review', probability: 80, stage: 'Close', outcome: 'Open', why: 'the pair\'s Negotiation' },
    { value: 'Closed Won', probability: 100, stage: 'Close', outcome: 'Won', why: 'won' },
    { value: 'Closed Lost', probability: 0, stage: 'Close', outcome: 'Lost', why: 'lost' },
  ],
};
