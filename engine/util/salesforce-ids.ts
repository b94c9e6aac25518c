/**
 * Salesforce record ids: 15 or 18 characters whose first three (the key prefix) name the object. One table for every
 * part of crm-migrate that writes or reads them: the sample's exports, the sandbox's and packages' record ids, the
 * run's reference routing, verify and the Salesforce emulator.
 */

/** Standard Salesforce key prefixes, by API object name lower-cased without punctuation. */
export const SALESFORCE_PREFIXES: Readonly<Record<string, string>> = {
  account: '001', note: '002', contact: '003', user: '005', opportunity: '006', activity: '007', case: '500',
  contract: '800', order: '801', campaign: '701', campaignmember: '00v', lead: '00Q', task: '00T', event: '00U',
  attachment: '00P', contentversion: '068', contentdocument: '069', accountcontactrelation: '07k', product2: '01t',
  pricebook2: '01s', pricebookentry: '01u', opportunitylineitem: '00k', quote: '0Q0', recordtype: '012',
  profile: '00e', userrole: '00E', group: '00G', queue: '00G', individual: '0PK', asset: '02i', emailmessage: '02s',
  opportunitycontactrole: '00K', contentdocumentlink: '06A', orderitem: '802', quotelineitem: '0QL',
};

const ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

/** The key prefix of a value shaped like a Salesforce id, else undefined. */
export function salesforceKeyPrefix(value: string): string | undefined {
  return ID.test(value) ? value.slice(0, 3) : undefined;
}

/** The standard prefix of an object named by its API name, file base name or platform name. */
export function standardSalesforcePrefix(name: string): string | undefined {
  return SALESFORCE_PREFIXES[name.replace(/\.[^.]+$/, '').replace(/[^A-Za-z0-9]/g, '').toLowerCase()];
}

const CHECKSUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/**
 * The 3 characters Salesforce appends to a 15-character id to make it unique without regard to case: one per block
 * of five characters, a bit set for each capital letter.
 */
export function salesforceSuffix(id15: string): string {
  let suffix = '';
  for (let block = 0; block < 3; block += 1) {
    let bits = 0;
    for (let i = 0; i < 5; i += 1) {
      const c = id15.charCodeAt(block * 5 + i);
      if (c >= 65 && c <= 90) bits |= 1 << i;
    }
    suffix += CHECKSUM.charAt(bits);
  }
  return suffix;
}
