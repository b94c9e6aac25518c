import { DestinationSetupError } from '../setup-error.js';
/**
 * Everything the Salesforce target reads from the environment, checked once. Credentials never leave this object
 * except towards the token endpoint, and `secrets` lists them so that error text can be scrubbed of them.
 */
export type SalesforceAuth =
  | { kind: 'jwt-bearer'; clientId: string; username: string; privateKey: string; loginUrl: string }
  | { kind: 'client-credentials'; clientId: string; clientSecret: string; tokenUrl: string };

export interface SalesforceSettings {
  /** The org's own domain, e.g. `https://acme.my.salesforce.com`, without a trailing slash. */
  instanceUrl: string;
  apiVersion: string;
  auth: SalesforceAuth;
  /**
   * Above this many records in one upsert call, an object goes through a Bulk API 2.0 ingest job; below, through
   * sObject Collections of 200. Salesforce: "Any data operation that includes more than 2,000 records is a good
   * candidate for Bulk API 2.0 ... Jobs with fewer than 2,000 records should involve bulkified synchronous calls"
   * (https://developer.salesforce.com/docs/platform/salesforce-app-limits-cheatsheet/guide/salesforce-app-limits-platform-bulkapi.html).
   * A job costs about a dozen calls (create, upload, close, status polls, three result files) and a daily batch per
   * 10,000 records, where Collections cost three calls per 200 (read, write, row versions).
   */
  bulkThreshold: number;
  /** Requests in flight at once; Salesforce allows 25 long-running requests per org, so stay well below. */
  maxInFlight: number;
  /** Ceilings the run may not cross, when the environment sets them (otherwise what `/limits` reports). */
  maxApiRequests?: number;
  maxBulkJobs?: number;
  /** Milliseconds between Bulk job status polls. */
  pollMs: number;
  /** How long a Bulk ingest job may take before it is aborted and the run stops (SALESFORCE_BULK_TIMEOUT_MS). */
  bulkTimeoutMs: number;
  /** Wait after a throttle that names no Retry-After (a 403 REQUEST_LIMIT_EXCEEDED never does). */
  throttleWaitMs: number;
  /**
   * Test emulators only: send the bookkeeping header they use to tell a request already on the wire from one that
   * ignored a pause. On only with CRM_MIGRATE_TEST_EMULATOR=1 and an org on the loopback interface, which no real
   * org is, so nothing of it ever reaches Salesforce.
   */
  emulatorHeaders: boolean;
  /** Values that must never appear in a message. */
  secrets: string[];
}

/**
 * A setup problem the user fixes in their environment; the message names the variable, never its value.
 */
export class SalesforceSetupError extends DestinationSetupError {
  override readonly name: string = 'SalesforceSetupError';
}

export async function readSettings(location: string, env: NodeJS.ProcessEnv, readKey: (path: string) => Promise<string>): Promise<SalesforceSettings> {
  const instanceUrl = location.replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]+$/.test(instanceUrl)) {
    throw new SalesforceSetupError(`The salesforce target must name the org's domain, e.g. salesforce:https://MYDOMAIN.my.salesforce.com (got ${location}).`);
  }
  const need = (name: string): string => {
    const value = env[name];
    if (value === undefined || value.trim() === '') throw new SalesforceSetupError(`Set ${name} in the environment: the Salesforce target needs it to sign in.`);
    return value.trim();
  };
  const clientId = need('SALESFORCE_CLIENT_ID');
  let auth: SalesforceAuth;
  if (env.SALESFORCE_PRIVATE_KEY_PATH !== undefined && env.SALESFORCE_PRIVATE_KEY_PATH !== '') {
    const keyPath = need('SALESFORCE_PRIVATE_KEY_PATH');
    let privateKey: string;
    try {
      privateKey = await readKey(keyPath);
    } catch {
      throw new SalesforceSetupError('SALESFORCE_PRIVATE_KEY_PATH names a file that cannot be read.');
    }
    auth = { kind: 'jwt-bearer', clientId, username: need('SALESFORCE_USERNAME'), privateKey, loginUrl: (env.SALESFORCE_LOGIN_URL ?? 'https://login.salesforce.com').replace(/\/+$/, '') };
  } else if (env.SALESFORCE_CLIENT_SECRET !== undefined && env.SALESFORCE_CLIENT_SECRET !== '') {
    // Client credentials are issued by the org's own domain, never by login.salesforce.com.
    auth = { kind: 'client-credentials', clientId, clientSecret: need('SALESFORCE_CLIENT_SECRET'), tokenUrl: instanceUrl };
  } else {
    throw new SalesforceSetupError('Set SALESFORCE_PRIVATE_KEY_PATH (with SALESFORCE_USERNAME) for the JWT bearer flow, or SALESFORCE_CLIENT_SECRET for client credentials.');
  }
  const secrets = auth.kind === 'jwt-bearer' ? [auth.privateKey, ...keyLines(auth.privateKey)] : [auth.clientSecret];
  const settings: SalesforceSettings = {
    instanceUrl,
    apiVersion: env.SALESFORCE_API_VERSION ?? '62.0',
    auth,
    bulkThreshold: whole(env, 'SALESFORCE_BULK_THRESHOLD') ?? 2000,
    maxInFlight: whole(env, 'SALESFORCE_MAX_IN_FLIGHT') ?? 10,
    pollMs: whole(env, 'SALESFORCE_BULK_POLL_MS') ?? 1000,
    bulkTimeoutMs: whole(env, 'SALESFORCE_BULK_TIMEOUT_MS') ?? 30 * 60_000,
    throttleWaitMs: whole(env, 'SALESFORCE_THROTTLE_WAIT_MS') ?? 5_000,
    emulatorHeaders: env.CRM_MIGRATE_TEST_EMULATOR === '1' && isLoopbackUrl(instanceUrl),
    secrets,
  };
  const maxApi = whole(env, 'SALESFORCE_MAX_API_REQUESTS');
  if (maxApi !== undefined) settings.maxApiRequests = maxApi;
  const maxBulk = whole(env, 'SALESFORCE_MAX_BULK_JOBS');
  if (maxBulk !== undefined) settings.maxBulkJobs = maxBulk;
  return settings;
}

function isLoopbackUrl(url: string): boolean {
  const host = new URL(url).hostname;
  return host === '127.0.0.1' || host === 'localhost' || host === '[::1]' || host === '::1';
}

function whole(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new SalesforceSetupError(`${name} must be a whole number.`);
  return n;
}

/** The key's body lines too: a message quoting one line of a PEM file must be caught as well as the whole file. */
function keyLines(key: string): string[] {
  return key.split(/\r?\n/).filter((line) => line.length >= 16 && !line.startsWith('-----'));
}

