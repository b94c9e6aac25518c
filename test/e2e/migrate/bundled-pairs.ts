/** The five pairs that ship with crm-migrate, one per product page. */
export const BUNDLED_PAIRS = [
  'smart-crm-online--dynamics-365-sales',
  'smart-crm-online--salesforce-sales-cloud',
  'leadsmart-channel-cloud--dynamics-365-sales',
  'opencrm--dynamics-365-sales',
  'vtiger--dynamics-365-sales',
] as const;
