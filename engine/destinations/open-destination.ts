import type { Engagement } from '../engagement/engagement.js';
import { createDataverse } from './dataverse/index.js';
import type { Destination } from './destination.js';
import { createPackageDestination } from './package/index.js';
import { createSalesforce } from './salesforce/index.js';
import { createSandbox } from './sandbox/index.js';

/**
 * The destination an engagement's `target` names. Live targets take their credentials from `env` (the process
 * environment unless a caller passes another), never from files.
 */
export function openDestination(engagement: Engagement, env: NodeJS.ProcessEnv = process.env): Destination {
  const { kind, location } = engagement.target;
  if (kind === 'sqlite') return createSandbox(location);
  if (kind === 'package') return createPackageDestination(location, `${engagement.source.spec.name} to ${engagement.destination.spec.name}`);
  if (kind === 'salesforce') return createSalesforce(location, env);
  if (kind === 'dataverse') return createDataverse(location, env);
  // The engagement schema allows only the kinds above; this is for callers that build an Engagement by hand.
  throw new Error(`Unknown target kind ${String(kind)}: use sqlite:, dataverse:, salesforce: or package:.`);
}
