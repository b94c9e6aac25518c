import type { Engagement } from '../engagement/engagement.js';
import { createDataverse } from './dataverse/index.js';
import type { Destination } from './destination.js';
import { createPackageDestination } from './package/index.js';
import { createSalesforce } from './salesforce/index.js';
import { createSandbox } from './sandbox/index.js';
import { checkTargetPath } from './target-path.js';
import { diskFullError } from '../util/disk-full.js';

/**
 * The destination an engagement's `target` names. Live targets take their credentials from `env` (the process
 * environment unless a caller passes another), never from files. A file target that cannot be a plain file in a
 * writable folder is refused here (InputError, exit 3), before any command writes anything.
 */
export function openDestination(engagement: Engagement, env: NodeJS.ProcessEnv = process.env): Destination {
  const { kind, location } = engagement.target;
  const shown = engagement.spec.target;
  if (kind === 'sqlite') checkTargetPath(location, 'file', shown);
  if (kind === 'package') checkTargetPath(location, 'folder', shown);
  if (kind === 'sqlite') return reportingDiskFullIn(createSandbox(location), location);
  if (kind === 'package') return reportingDiskFullIn(createPackageDestination(location, `${engagement.source.spec.name} to ${engagement.destination.spec.name}`), location);
  if (kind === 'salesforce') return createSalesforce(location, env);
  if (kind === 'dataverse') return createDataverse(location, env);
  // The engagement schema allows only the kinds above; this is for callers that build an Engagement by hand.
  throw new Error(`Unknown target kind ${String(kind)}: use sqlite:, dataverse:, salesforce: or package:.`);
}

/**
 * Every call into a file target, with a full disk (SQLITE_FULL, ENOSPC, EDQUOT) turned into an InputError naming the
 * target and saying the run can be resumed: the one place all sandbox and package writes pass through.
 */
function reportingDiskFullIn(destination: Destination, path: string): Destination {
  const convert = (error: unknown): never => {
    throw diskFullError(error, path) ?? error;
  };
  return new Proxy(destination, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]): unknown => {
        try {
          const result: unknown = value.apply(target, args);
          return result instanceof Promise ? result.catch(convert) : result;
        } catch (error) {
          return convert(error);
        }
      };
    },
  });
}
