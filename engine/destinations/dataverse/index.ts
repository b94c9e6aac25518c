import type { Destination } from '../destination.js';
import { DataverseDestination } from './dataverse-destination.js';

/** A Dataverse environment (`dataverse:https://ORG.crm.dynamics.com`), signed in with credentials from `env`. */
export function createDataverse(location: string, env: NodeJS.ProcessEnv): Destination {
  return new DataverseDestination(location, env);
}

export { DataverseSetupError } from './dataverse-settings.js';
