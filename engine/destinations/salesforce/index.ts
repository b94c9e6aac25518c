import type { Destination } from '../destination.js';
import { SalesforceDestination } from './salesforce-destination.js';

/** A Salesforce org at `location` (`https://MYDOMAIN.my.salesforce.com`), signed in with credentials from `env`. */
export function createSalesforce(location: string, env: NodeJS.ProcessEnv): Destination {
  return new SalesforceDestination(location, env);
}

export { SalesforceDestination } from './salesforce-destination.js';
