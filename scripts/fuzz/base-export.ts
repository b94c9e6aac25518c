/**
 * A small Vtiger export for the pair vtiger--dynamics-365-sales, written by hand the way Vtiger's ExportData writes it
 * (translated labels, `Module::::label` references, PHP fputcsv quoting, LF line ends). Every fuzz case starts from a
 * copy of it and damages one file. Rows fill the columns that carry meaning; the others stay empty, as they often do.
 */

export const FUZZ_PAIR = 'vtiger--dynamics-365-sales';

type Row = Record<string, string>;

const ORGANIZATIONS = 'Organization Name,Organization Number,Primary Phone,Website,Fax,Ticker Symbol,Secondary Phone,Member Of,Primary Email,Employees,Secondary Email,Ownership,Rating,Industry,SIC Code,Type,Annual Revenue,Email Opt Out,Notify Owner,Assigned To,Created Time,Modified Time,Last Modified By,Billing Address,Shipping Address,Billing City,Shipping City,Billing State,Shipping State,Billing Postal Code,Shipping Code,Billing Country,Shipping Country,Billing PO Box,Shipping PO Box,Description,Created By,Source,Is Converted From Lead';
const CONTACTS = 'Salutation,First Name,Contact Id,Office Phone,Last Name,Mobile Phone,Organization Name,Home Phone,Lead Source,Secondary Phone,Title,Fax,Department,Date of Birth,Primary Email,Reports To,Assistant,Secondary Email,Assistant Phone,Do Not Call,Email Opt Out,Assigned To,Reference,Notify Owner,Created Time,Modified Time,Last Modified By,Portal User,Support Start Date,Support End Date,Mailing Street,Other Street,Mailing City,Other City,Mailing State,Other State,Mailing Zip,Other Zip,Mailing Country,Other Country,Mailing P.O. Box,Other P.O. Box,Contact Image,Description,Created By,Source,Is Converted From Lead';
const LEADS = 'Salutation,First Name,Lead Number,Primary Phone,Last Name,Mobile Phone,Company,Fax,Designation,Primary Email,Lead Source,Website,Industry,Lead Status,Annual Revenue,Rating,Number of Employees,Assigned To,Secondary Email,Created Time,Modified Time,Last Modified By,Street,Postal Code,City,Country,State,PO Box,Description,Created By,Source,Email Opt Out';
const OPPORTUNITIES = 'Opportunity Name,Opportunity Number,Amount,Organization Name,Expected Close Date,Type,Next Step,Lead Source,Sales Stage,Assigned To,Probability,Campaign Source,Created Time,Modified Time,Last Modified By,Description,Created By,Source,Weighted Revenue,Contact Name,Is Converted From Lead';
const PRODUCTS = 'Product Name,Product Number,Part Number,Product Active,Manufacturer,Product Category,Sales Start Date,Sales End Date,Support Start Date,Support Expiry Date,Website,Vendor Name,Mfr PartNo,Vendor PartNo,Serial No,Product Sheet,GL Account,Created Time,Modified Time,Last Modified By,Unit Price,Commission Rate,Tax Class,Usage Unit,Qty/Unit,Qty. in Stock,Reorder Level,Handler,Qty. in Demand,Product Image,Description,Created By,Source';
const PROJECTS = 'Project Name,Start Date,Target End Date,Actual End Date,Status,Type,Related To,Assigned To,Project Number,Target Budget,Project Url,Priority,Progress,Created Time,Modified Time,Last Modified By,description,Created By,Source,Is Converted From Opportunity';
const ORDER_TOTALS = 'Sales Tax,Adjustment,Total,Tax Type,Discount Percent,Discount Amount,S&H Amount,Organization Name,Assigned To,Created Time,Modified Time,Last Modified By,Currency,Conversion Rate,Billing Address,Shipping Address,Billing City,Shipping City,Billing State,Shipping State,Billing Postal Code,Shipping Code,Billing Country,Shipping Country,Billing PO Box,Shipping PO Box,Description,Terms & Conditions,Created By,Source,Item Name,Quantity,Selling Price,Item Comment,Item Discount Amount,Item Discount Percent,Tax1,Tax2,Tax3';
const QUOTES = `Quote Number,Subject,Opportunity Name,Quote Stage,Valid Until,Contact Name,Carrier,Sub Total,Shipping,Inventory Manager,${ORDER_TOTALS}`;
const SALES_ORDERS = `Sales Order Number,Subject,Opportunity Name,Customer No,Quote Name,Purchase Order,Contact Name,Due Date,Carrier,Pending,Status,Excise Duty,Sales Commission,Sub Total,${ORDER_TOTALS}`;
const TICKETS = 'Ticket Number,Assigned To,Organization Name,Priority,Product Name,Severity,Status,Category,Update History,Hours,Days,Created Time,Modified Time,From Portal,Last Modified By,Title,Description,Solution,Add Comment,Created By,Source,Contact Name';
const CALENDAR = 'Subject,Assigned To,Start Date & Time,Due Date,Related To,Contact Name,Status,Priority,Send Notification,Activity Type,Description,Created Time,Modified Time,Last Modified By';
const EVENTS = 'Subject,Assigned To,Start Date & Time,End Date & Time,Activity Type,Status,Duration,Duration Minutes,Related To,Contact Name,Location,Send Notification,Recurrence,Send Email Reminder Before,Description,Created Time,Modified Time,Last Modified By';
const EMAILS = 'Subject,Assigned To,Date & Time Sent,From,To,CC,BCC,Related To,Description,Created Time,Modified Time';
const PROJECT_MILESTONES = 'Project Milestone Name,Milestone Date,Related To,Type,Assigned To,Project Milestone Number,Created Time,Modified Time,Last Modified By,description,Created By,Source';
const PROJECT_TASKS = 'Project Task Name,Type,Priority,Related To,Assigned To,Project Task Number,Project Task No,Progress,Worked Hours,Start Date,End Date,Created Time,Modified Time,Last Modified By,Description,Created By,Source,Status';
const ATTACHMENTS = 'Document No,Title,Parent Number,Parent Module,File Path,File Name,MIME Type,File Size,Note,Assigned To,Created Time,Modified Time';

const FILES: Record<string, { header: string; rows: Row[] }> = {
  'Organizations.csv': {
    header: ORGANIZATIONS,
    rows: [
      { 'Organization Name': 'Kite Energy Inc.', 'Organization Number': 'ACC1', 'Primary Phone': '+1 514 424 9264', Website: 'https://kite.example/', Employees: '62', Industry: 'Biotechnology', 'Annual Revenue': '45,154,670.00', 'Assigned To': 'Aiko Tanaka', 'Created Time': '2022-09-07 14:13:58', 'Billing City': 'Montréal', 'Billing Country': 'Canada', Description: 'Long-standing customer.\nRenewal talks in Q3.' },
      { 'Organization Name': 'Riverbend, Foods & Co.', 'Organization Number': 'ACC2', 'Primary Phone': '+44 161 746 3602', Website: 'www.riverbend.example', Industry: 'Retail', 'Assigned To': 'José Martínez', 'Created Time': '2021-01-02 10:00:00', 'Modified Time': '2021-03-04 11:12:13', 'Billing City': 'Manchester' },
      { 'Organization Name': 'Fjordline Builders S.r.l.', 'Organization Number': 'ACC3', 'Member Of': 'Accounts::::Kite Energy Inc.', 'Assigned To': 'Aiko Tanaka', 'Created Time': '2020-05-06 08:09:10', Description: 'Says "call after 4pm".' },
    ],
  },
  'Contacts.csv': {
    header: CONTACTS,
    rows: [
      { Salutation: 'Dr.', 'First Name': 'Mei', 'Contact Id': 'CON1', 'Last Name': 'Walsh', 'Organization Name': 'Accounts::::Kite Energy Inc.', 'Primary Email': 'mei.walsh@kite.example', 'Assigned To': 'Aiko Tanaka', 'Created Time': '2018-10-29 10:51:18', 'Mailing City': 'Osaka', 'Do Not Call': 'true', 'Email Opt Out': 'false' },
      { Salutation: 'Ms.', 'First Name': 'Helena', 'Contact Id': 'CON2', 'Last Name': 'Novák', 'Organization Name': 'Accounts::::Riverbend, Foods & Co.', 'Primary Email': 'helena.novak@riverbend.example', 'Reports To': 'Contacts::::Mei Walsh', 'Assigned To': 'José Martínez', 'Created Time': '2018-02-20 07:37:54', 'Modified Time': '2018-11-01 08:05:54' },
      { 'First Name': 'Søren', 'Contact Id': 'CON3', 'Last Name': 'Østergaard', 'Organization Name': 'Accounts::::Fjordline Builders S.r.l.', 'Assigned To': 'Aiko Tanaka', 'Created Time': '2019-04-05 06:07:08', Description: 'Prefers email.' },
    ],
  },
  'Leads.csv': {
    header: LEADS,
    rows: [
      { Salutation: 'Prof.', 'First Name': 'Omar', 'Lead Number': 'LEA1', 'Last Name': 'Schmidt', Company: 'Aurora Pharma Pty Ltd', 'Primary Email': 'omar.schmidt@aurora.example', 'Lead Status': 'Contacted', 'Lead Source': 'Cold Call', 'Annual Revenue': '29,407,840.00', 'Assigned To': 'Aiko Tanaka', 'Created Time': '2019-07-28 09:45:36' },
      { 'First Name': 'Zoë', 'Lead Number': 'LEA2', 'Last Name': 'Lindqvist', Company: 'Caledonia South', 'Lead Status': 'Hot', 'Assigned To': 'José Martínez', 'Created Time': '2020-01-01 00:00:00', City: 'Zürich' },
    ],
  },
  'Opportunities.csv': {
    header: OPPORTUNITIES,
    rows: [
      { 'Opportunity Name': 'Fleet telematics upgrade', 'Opportunity Number': 'POT1', Amount: '215,730.00', 'Organization Name': 'Accounts::::Kite Energy Inc.', 'Expected Close Date': '2023-12-11', 'Sales Stage': 'Negotiation/Review', Probability: '80', 'Assigned To': 'Aiko Tanaka', 'Created Time': '2023-06-24 05:36:22', 'Contact Name': 'Contacts::::Mei Walsh' },
      { 'Opportunity Name': 'Cold-chain sensors licence', 'Opportunity Number': 'POT2', Amount: '111,360.34', 'Organization Name': 'Accounts::::Riverbend, Foods & Co.', 'Expected Close Date': '2024-01-27', 'Sales Stage': 'Closed Won', Probability: '100', 'Assigned To': 'José Martínez', 'Created Time': '2023-08-21 18:01:31' },
    ],
  },
  'Products.csv': {
    header: PRODUCTS,
    rows: [
      { 'Product Name': 'Sensor kit', 'Product Number': 'PRO1', 'Part Number': 'KY-601703', 'Product Active': '1', Manufacturer: 'MetBeat Corp', 'Unit Price': '630.91', 'Usage Unit': 'Pieces', 'Created Time': '2023-08-16 17:58:34' },
      { 'Product Name': 'Support licence', 'Product Number': 'PRO2', 'Product Active': '0', 'Unit Price': '1,060.32', 'Created Time': '2024-01-09 12:51:13' },
    ],
  },
  'Tickets.csv': {
    header: TICKETS,
    rows: [
      { 'Ticket Number': 'HEL1', 'Assigned To': 'José Martínez', 'Organization Name': 'Accounts::::Kite Energy Inc.', Priority: 'Low', 'Product Name': 'Products::::Sensor kit', Severity: 'Critical', Status: 'Closed', Title: 'Sensor offline', 'Created Time': '2019-09-21 12:13:14', 'Contact Name': 'Contacts::::Mei Walsh' },
      { 'Ticket Number': 'HEL2', 'Assigned To': 'Aiko Tanaka', 'Organization Name': 'Accounts::::Riverbend, Foods & Co.', Priority: 'High', Status: 'Open', Title: 'Invoice question', Description: 'Shipment arrived damaged;\nreplacement agreed.', 'Created Time': '2018-11-12 01:01:34' },
    ],
  },
  'Quotes.csv': {
    header: QUOTES,
    rows: [
      { 'Quote Number': 'QUO1', Subject: 'Telematics proposal', 'Opportunity Name': 'Potentials::::Fleet telematics upgrade', 'Quote Stage': 'Reviewed', 'Valid Until': '2024-05-05', 'Organization Name': 'Accounts::::Kite Energy Inc.', 'Assigned To': 'Aiko Tanaka', 'Created Time': '2023-07-01 09:00:00', 'Item Name': 'Sensor kit', Quantity: '10', 'Selling Price': '630.91', Total: '6,309.10', Currency: 'USD' },
      { 'Quote Number': 'QUO2', Subject: 'Licence renewal', 'Opportunity Name': 'Potentials::::Cold-chain sensors licence', 'Quote Stage': 'Accepted', 'Valid Until': '2024-03-21', 'Organization Name': 'Accounts::::Riverbend, Foods & Co.', 'Assigned To': 'José Martínez', 'Created Time': '2023-09-01 09:00:00', 'Item Name': 'Support licence', Quantity: '1', 'Selling Price': '1,060.32', Total: '1,060.32', Currency: 'EUR' },
    ],
  },
  'Sales_Orders.csv': {
    header: SALES_ORDERS,
    rows: [
      { 'Sales Order Number': 'SAL1', Subject: 'Sensor order', 'Opportunity Name': 'Potentials::::Fleet telematics upgrade', 'Quote Name': 'Quotes::::Telematics proposal', Status: 'Created', 'Due Date': '2024-06-29', 'Organization Name': 'Accounts::::Kite Energy Inc.', 'Assigned To': 'Aiko Tanaka', 'Created Time': '2024-02-01 10:00:00', 'Item Name': 'Sensor kit', Quantity: '10', 'Selling Price': '630.91', Total: '6,309.10' },
    ],
  },
  'Projects.csv': {
    header: PROJECTS,
    rows: [
      { 'Project Name': 'Zürich rollout', 'Start Date': '2023-04-22', 'Target End Date': '2023-09-30', Status: 'delivered', Type: 'other', 'Related To': 'Accounts::::Kite Energy Inc.', 'Assigned To': 'Aiko Tanaka', 'Project Number': 'PROJ1', Progress: '70%', 'Created Time': '2023-04-16 11:15:29' },
    ],
  },
  'ProjectMilestone.csv': {
    header: PROJECT_MILESTONES,
    rows: [
      { 'Project Milestone Name': 'Go-live', 'Milestone Date': '2023-09-30', 'Related To': 'Project::::Zürich rollout', Type: 'operative', 'Assigned To': 'Aiko Tanaka', 'Project Milestone Number': 'PROJEC1', 'Created Time': '2023-04-20 10:00:00' },
    ],
  },
  'ProjectTask.csv': {
    header: PROJECT_TASKS,
    rows: [
      { 'Project Task Name': 'Install sensors', Type: 'operative', Priority: 'high', 'Related To': 'Project::::Zürich rollout', 'Assigned To': 'Aiko Tanaka', 'Project Task Number': '1', 'Project Task No': 'PROJE1', Progress: '50%', 'Worked Hours': '12.5', 'Start Date': '2023-05-01', 'End Date': '2023-05-15', 'Created Time': '2023-04-21 09:00:00', Status: 'In Progress' },
      { 'Project Task Name': 'Train staff', Type: 'other', Priority: 'normal', 'Related To': 'Project::::Zürich rollout', 'Assigned To': 'José Martínez', 'Project Task Number': '2', 'Project Task No': 'PROJE2', Progress: '10%', 'Start Date': '2023-06-01', 'End Date': '2023-06-02', 'Created Time': '2023-04-21 09:05:00' },
    ],
  },
  'Calendar.csv': {
    header: CALENDAR,
    rows: [
      { Subject: 'Send revised quote', 'Assigned To': 'Aiko Tanaka', 'Start Date & Time': '2023-08-30 11:00:00', 'Due Date': '2023-09-06', 'Related To': 'Accounts::::Kite Energy Inc.', 'Contact Name': 'Contacts::::Mei Walsh', Status: 'In Progress', Priority: 'High', 'Activity Type': 'Task', 'Created Time': '2023-08-11 16:19:30' },
      { Subject: 'Check pilot results', 'Assigned To': 'José Martínez', 'Start Date & Time': '2023-10-02 09:00:00', 'Due Date': '2023-10-09', Status: 'Completed', Priority: 'Low', 'Activity Type': 'Task', 'Created Time': '2023-09-20 08:00:00' },
    ],
  },
  'Events.csv': {
    header: EVENTS,
    rows: [
      { Subject: 'Discovery call', 'Assigned To': 'Aiko Tanaka', 'Start Date & Time': '2024-01-18 13:15:00', 'End Date & Time': '2024-01-18 13:45:00', 'Activity Type': 'Call', Status: 'Held', Duration: '30', 'Duration Minutes': '30', 'Related To': 'Accounts::::Kite Energy Inc.', 'Contact Name': 'Contacts::::Mei Walsh', 'Created Time': '2024-01-10 10:00:00' },
      { Subject: 'On-site demo', 'Assigned To': 'José Martínez', 'Start Date & Time': '2024-02-05 10:00:00', 'End Date & Time': '2024-02-05 12:00:00', 'Activity Type': 'Meeting', Status: 'Planned', Location: 'Manchester', 'Related To': 'Accounts::::Riverbend, Foods & Co.', Description: 'Bring the sensor kit.\nParking at the back.', 'Created Time': '2024-01-15 09:30:00' },
    ],
  },
  'Emails.csv': {
    header: EMAILS,
    rows: [
      { Subject: 'Your quote', 'Assigned To': 'Aiko Tanaka', 'Date & Time Sent': '2023-07-02 11:00:00', From: 'aiko.tanaka@northwind.example', To: 'mei.walsh@kite.example', 'Related To': 'Contacts::::Mei Walsh', Description: 'Please find the quote attached.', 'Created Time': '2023-07-02 11:00:00' },
    ],
  },
  'Attachments.csv': {
    header: ATTACHMENTS,
    rows: [
      { 'Document No': 'ATT1', Title: 'notes.txt', 'Parent Number': 'ACC1', 'Parent Module': 'Accounts', 'File Path': 'attachments/ATT1/notes.txt', 'File Name': 'notes.txt', 'MIME Type': 'text/plain', 'File Size': '12', Note: 'Call notes', 'Assigned To': 'Aiko Tanaka', 'Created Time': '2022-09-08 09:00:00' },
      { 'Document No': 'ATT2', Title: 'quote.pdf', 'Parent Number': 'CON2', 'Parent Module': 'Contacts', 'File Path': 'attachments/ATT2/quote.pdf', 'File Name': 'quote.pdf', 'MIME Type': 'application/pdf', 'File Size': '9', 'Assigned To': 'José Martínez', 'Created Time': '2022-10-01 12:00:00' },
    ],
  },
};

/** The files besides the CSVs: attachment bodies, by path inside the export. */
export const BASE_ATTACHMENTS: Record<string, string> = {
  'attachments/ATT1/notes.txt': 'hello world\n',
  'attachments/ATT2/quote.pdf': '%PDF-1.4\n',
};

/** The export's CSV files as text, by file name. */
export function baseExport(): Map<string, string> {
  return new Map(Object.entries(FILES).map(([name, { header, rows }]) => [name, toCsv(header.split(','), rows)]));
}

/** The data rows of each file, for checking that a run counted every one. */
export function baseRowCounts(): Map<string, number> {
  return new Map(Object.entries(FILES).map(([name, { rows }]) => [name, rows.length]));
}

/** fputcsv: quotes only where needed, doubled quotes inside, LF line ends. */
function toCsv(columns: readonly string[], rows: readonly Row[]): string {
  const cell = (value: string): string => (/[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
  return [columns.map(cell).join(','), ...rows.map((row) => columns.map((c) => cell(row[c] ?? '')).join(','))].join('\n') + '\n';
}
