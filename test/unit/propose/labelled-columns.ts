import type { InferredType } from '../../../engine/discover/discovery.js';

/**
 * A hand-labelled set of custom export columns and what a migration engineer would decide for each: the existing
 * destination attribute it belongs in, or `create` when none fits. Written before the matcher was tuned; do not edit
 * the expectations to suit the algorithm.
 */
export interface LabelledColumn {
  pair: string;
  /** Source object (platform spec name). */
  object: string;
  column: string;
  type: InferredType;
  samples: string[];
  options?: string[];
  /** Destination attribute name, or `create`. */
  expect: string;
}

const SMART_D365 = 'smart-crm-online--dynamics-365-sales';
const SMART_SF = 'smart-crm-online--salesforce-sales-cloud';
const LEADSMART = 'leadsmart-channel-cloud--dynamics-365-sales';
const OPENCRM = 'opencrm--dynamics-365-sales';
const VTIGER = 'vtiger--dynamics-365-sales';

const c = (pair: string, object: string, column: string, type: InferredType, samples: string[], expect: string): LabelledColumn =>
  type === 'picklist' ? { pair, object, column, type, samples, options: samples, expect } : { pair, object, column, type, samples, expect };

export const LABELLED_COLUMNS: LabelledColumn[] = [
  // Smart CRM Online -> Dynamics 365 Sales
  c(SMART_D365, 'company', 'Fax Number', 'phone', ['+44 20 7946 0018', '+44 161 496 0123'], 'fax'),
  c(SMART_D365, 'company', 'Credit Limit', 'money', ['5000.00', '12500.00', '250000.00'], 'creditlimit'),
  c(SMART_D365, 'company', 'Ticker', 'text', ['ACME', 'GLBX', 'INIT'], 'tickersymbol'),
  c(SMART_D365, 'company', 'Loyalty Points', 'integer', ['120', '3400', '0'], 'create'),
  c(SMART_D365, 'company', 'Account Tier', 'picklist', ['Gold', 'Silver', 'Bronze'], 'create'),
  c(SMART_D365, 'company', 'Payment Terms', 'picklist', ['Net 30', 'Net 60'], 'paymenttermscode'),
  c(SMART_D365, 'company', 'Company Email', 'email', ['info@acme.example', 'hello@globex.example'], 'emailaddress1'),
  c(SMART_D365, 'contact', 'Home Phone', 'phone', ['+44 1632 960123', '01632 960555'], 'telephone2'),
  c(SMART_D365, 'contact', 'Birthday', 'date', ['1984-03-12', '1979-11-30'], 'birthdate'),
  c(SMART_D365, 'contact', 'Department', 'text', ['Finance', 'IT', 'Procurement'], 'department'),
  c(SMART_D365, 'contact', 'LinkedIn Profile', 'url', ['https://www.linkedin.com/in/jdoe', 'https://linkedin.com/in/asmith'], 'create'),
  c(SMART_D365, 'contact', 'Preferred Language', 'picklist', ['English', 'German', 'French'], 'create'),
  c(SMART_D365, 'contact', 'Assistant', 'text', ['Mary Jones', 'Tom Baker'], 'assistantname'),
  c(SMART_D365, 'deal', 'Budget', 'money', ['20000', '150000'], 'budgetamount'),
  c(SMART_D365, 'deal', 'Competitor', 'text', ['Globex', 'Initech'], 'create'),
  c(SMART_D365, 'deal', 'Next Step', 'text', ['Send proposal', 'Book demo'], 'create'),
  c(SMART_D365, 'deal', 'Lost Reason', 'text', ['Price', 'Went with competitor'], 'create'),
  c(SMART_D365, 'deal', 'Decision Date', 'date', ['2024-06-30', '2024-09-15'], 'finaldecisiondate'),

  // Smart CRM Online -> Salesforce Sales Cloud
  c(SMART_SF, 'company', 'Fax', 'phone', ['+1 415 555 0100'], 'Fax'),
  c(SMART_SF, 'company', 'Ticker Symbol', 'text', ['ACME', 'GLBX'], 'TickerSymbol'),
  c(SMART_SF, 'company', 'Account Number', 'text', ['A-10023', 'A-10544'], 'AccountNumber'),
  c(SMART_SF, 'company', 'Ownership', 'picklist', ['Public', 'Private', 'Subsidiary'], 'Ownership'),
  c(SMART_SF, 'company', 'Year Founded', 'integer', ['1998', '2005', '1972'], 'YearStarted'),
  c(SMART_SF, 'company', 'Credit Limit', 'money', ['5000.00', '12500.00'], 'create'),
  c(SMART_SF, 'company', 'DUNS', 'text', ['150483782', '804735132'], 'DunsNumber'),
  c(SMART_SF, 'contact', 'Home Phone', 'phone', ['+1 415 555 0199'], 'HomePhone'),
  c(SMART_SF, 'contact', 'Date of Birth', 'date', ['1984-03-12', '1990-01-05'], 'Birthdate'),
  c(SMART_SF, 'contact', 'Assistant Name', 'text', ['Mary Jones'], 'AssistantName'),
  c(SMART_SF, 'contact', 'Assistant Phone', 'phone', ['+1 415 555 0142'], 'AssistantPhone'),
  c(SMART_SF, 'contact', 'Twitter Handle', 'text', ['@jdoe', '@asmith'], 'create'),
  c(SMART_SF, 'contact', 'Lead Source', 'picklist', ['Web', 'Referral', 'Trade Show'], 'LeadSource'),
  c(SMART_SF, 'deal', 'Next Step', 'text', ['Send proposal', 'Book demo'], 'NextStep'),
  c(SMART_SF, 'deal', 'Deal Type', 'picklist', ['New Business', 'Renewal', 'Upsell'], 'Type'),
  c(SMART_SF, 'deal', 'Lead Source', 'picklist', ['Web', 'Referral'], 'LeadSource'),
  c(SMART_SF, 'deal', 'Contract Length (months)', 'integer', ['12', '24', '36'], 'create'),

  // LeadSmart Channel Cloud (Salesforce-style API names) -> Dynamics 365 Sales
  c(LEADSMART, 'lead', 'Salutation', 'picklist', ['Mr.', 'Ms.', 'Dr.'], 'salutation'),
  c(LEADSMART, 'lead', 'Budget__c', 'money', ['25000', '80000'], 'budgetamount'),
  c(LEADSMART, 'lead', 'Purchase_Timeframe__c', 'picklist', ['This Quarter', 'Next Quarter', 'This Year'], 'purchasetimeframe'),
  c(LEADSMART, 'lead', 'Secondary_Email__c', 'email', ['j.doe@gmail.example'], 'emailaddress2'),
  c(LEADSMART, 'lead', 'Partner_Program__c', 'picklist', ['Gold Partner', 'Registered'], 'create'),
  c(LEADSMART, 'lead', 'MiddleName', 'text', ['James', 'Anne'], 'middlename'),
  c(LEADSMART, 'lead', 'HasOptedOutOfEmail', 'boolean', ['true', 'false'], 'donotemail'),
  c(LEADSMART, 'contact', 'Secondary_Email__c', 'email', ['a.smith@outlook.example'], 'emailaddress2'),
  c(LEADSMART, 'contact', 'Gender__c', 'picklist', ['Male', 'Female'], 'gendercode'),
  c(LEADSMART, 'contact', 'Anniversary__c', 'date', ['2015-06-20'], 'anniversary'),
  c(LEADSMART, 'contact', 'Reports_To_Name__c', 'text', ['Jane Smith', 'Raj Patel'], 'managername'),
  c(LEADSMART, 'contact', 'Certification_Level__c', 'picklist', ['Level 1', 'Level 2', 'Expert'], 'create'),
  c(LEADSMART, 'contact', 'Territory__c', 'picklist', ['North', 'South', 'West'], 'territorycode'),
  c(LEADSMART, 'account', 'Industry__c', 'picklist', ['Manufacturing', 'Retail', 'Consulting'], 'industrycode'),
  c(LEADSMART, 'account', 'Stock_Exchange__c', 'text', ['NYSE', 'LSE', 'NASDAQ'], 'stockexchange'),
  c(LEADSMART, 'account', 'Credit_Limit__c', 'money', ['10000', '50000'], 'creditlimit'),
  c(LEADSMART, 'account', 'Dealer_Region__c', 'picklist', ['EMEA North', 'EMEA South', 'APAC'], 'create'),
  c(LEADSMART, 'account', 'Email__c', 'email', ['sales@dealer.example'], 'emailaddress1'),
  c(LEADSMART, 'opportunity', 'NextStep', 'text', ['Call back Monday', 'Send contract'], 'create'),
  c(LEADSMART, 'opportunity', 'Discount__c', 'decimal', ['10', '15.5', '5'], 'discountpercentage'),
  c(LEADSMART, 'opportunity', 'Actual_Revenue__c', 'money', ['48000.00', '12000.00'], 'actualvalue'),
  c(LEADSMART, 'opportunity', 'Competitor__c', 'text', ['Globex', 'Initech'], 'create'),
  c(LEADSMART, 'opportunity', 'Customer_Need__c', 'longtext', ['Needs a dealer portal with ordering and returns built in for 40 sites'], 'customerneed'),
  c(LEADSMART, 'opportunity', 'Deal_Registration_Number__c', 'text', ['DR-2024-0012', 'DR-2024-0107'], 'create'),

  // OpenCRM -> Dynamics 365 Sales
  c(OPENCRM, 'organisation', 'Fax', 'phone', ['01632 960001'], 'fax'),
  c(OPENCRM, 'organisation', 'Annual Turnover', 'money', ['£1,200,000', '£450,000'], 'revenue'),
  c(OPENCRM, 'organisation', 'Employees', 'integer', ['12', '250', '40'], 'numberofemployees'),
  c(OPENCRM, 'organisation', 'Company Reg No', 'text', ['08123456', 'SC123456'], 'create'),
  c(OPENCRM, 'organisation', 'VAT Number', 'text', ['GB123456789'], 'create'),
  c(OPENCRM, 'contact', 'Department', 'text', ['Sales', 'Operations'], 'department'),
  c(OPENCRM, 'contact', 'Salutation', 'picklist', ['Mr', 'Mrs', 'Dr'], 'salutation'),
  c(OPENCRM, 'contact', 'Home Tel', 'phone', ['01632 960777'], 'telephone2'),
  c(OPENCRM, 'contact', 'Email 2', 'email', ['jo@home.example'], 'emailaddress2'),
  c(OPENCRM, 'contact', 'Date of Birth', 'date', ['12/03/1984', '30/11/1979'], 'birthdate'),
  c(OPENCRM, 'contact', 'Newsletter Opt Out', 'boolean', ['Yes', 'No'], 'donotbulkemail'),
  c(OPENCRM, 'deal', 'Lost Reason', 'text', ['Price', 'Timing'], 'create'),
  c(OPENCRM, 'deal', 'Deal Source', 'picklist', ['Web', 'Referral', 'Event'], 'create'),

  // Vtiger -> Dynamics 365 Sales (export labels, cf_ custom labels)
  c(VTIGER, 'leads', 'Home Phone', 'phone', ['+1 555 0100'], 'telephone2'),
  c(VTIGER, 'leads', 'cf_budget', 'money', ['15000', '40000'], 'budgetamount'),
  c(VTIGER, 'leads', 'Middle Name', 'text', ['Lee', 'Marie'], 'middlename'),
  c(VTIGER, 'leads', 'cf_preferred_language', 'picklist', ['English', 'Spanish'], 'create'),
  c(VTIGER, 'accounts', 'Credit Limit', 'money', ['20000.00', '75000.00'], 'creditlimit'),
  c(VTIGER, 'accounts', 'Payment Terms', 'picklist', ['Net 30', 'Net 45'], 'paymenttermscode'),
  c(VTIGER, 'accounts', 'cf_loyalty_points', 'integer', ['100', '2500'], 'create'),
  c(VTIGER, 'contacts', 'Gender', 'picklist', ['Male', 'Female'], 'gendercode'),
  c(VTIGER, 'contacts', 'Spouse Name', 'text', ['Alex Doe'], 'spousesname'),
  c(VTIGER, 'contacts', 'Anniversary', 'date', ['2012-05-19'], 'anniversary'),
  c(VTIGER, 'contacts', 'Manager Name', 'text', ['Priya Shah'], 'managername'),
  c(VTIGER, 'contacts', 'cf_hobbies', 'text', ['Golf', 'Sailing, cycling'], 'create'),
  c(VTIGER, 'potentials', 'Budget', 'money', ['30000', '90000'], 'budgetamount'),
  c(VTIGER, 'potentials', 'Competitor', 'text', ['Globex'], 'create'),
  c(VTIGER, 'potentials', 'Decision Date', 'date', ['2024-07-01'], 'finaldecisiondate'),
  c(VTIGER, 'potentials', 'Customer Pain Points', 'longtext', ['Manual quoting takes days; no visibility of stock across the three warehouses'], 'customerpainpoints'),
];
