import { generateKeyPairSync } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { bundledPairsDir, loadCatalog } from '../../../engine/spec/catalog.js';
import type { FaultRates } from '../../emulators/common/fault-injector.js';
import { startSalesforceEmulator, type SalesforceEmulator } from '../../emulators/salesforce/salesforce-emulator.js';
import { SalesforceOrg, type OrgOptions } from '../../emulators/salesforce/salesforce-org.js';
import { runCliAsync, type CliResult } from '../run-cli.js';

export const PAIR = 'smart-crm-online--salesforce-sales-cloud';

/** Known secret values: tests grep every output for them. */
export const CLIENT_SECRET = 'cs-7f3a9e1b4d2c8a6f0e5b';
export const keys = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });

export interface LiveEngagement {
  root: string;
  project: string;
  emulator: SalesforceEmulator;
  env: Record<string, string>;
  cli(args: readonly string[], extraEnv?: Record<string, string>): Promise<CliResult>;
}

export interface LiveOptions {
  faults?: FaultRates;
  auth?: 'client-credentials' | 'jwt-bearer';
  org?: Omit<OrgOptions, 'users'>;
  /** Leave out the pair's custom fields, as in an org where nobody created them yet. */
  skipCustomFields?: string[];
  env?: Record<string, string>;
  limits?: { requestsPerWindow: number; windowMs: number; maxConcurrent: number };
}

let made: Promise<string> | undefined;

/** A folder with the sample export (`export/`) and a fresh engagement on it (`engagement/`), made once. */
function template(): Promise<string> {
  made ??= (async () => {
    const root = mkdtempSync(join(tmpdir(), 'live-sf-template-'));
    const sample = await runCliAsync(['sample', '--pair', PAIR, '--out', join(root, 'export')]);
    if (sample.exitCode !== 0) throw new Error(sample.stderr);
    const init = await runCliAsync(['init', join(root, 'engagement'), '--pair', PAIR, '--source', join(root, 'export')]);
    if (init.exitCode !== 0) throw new Error(init.stderr);
    return root;
  })();
  return made;
}

/** A sample export, an engagement pointed at a fresh Salesforce emulator, and the CLI wired to it. */
export async function liveEngagement(options: LiveOptions = {}): Promise<LiveEngagement> {
  const root = mkdtempSync(join(tmpdir(), 'live-sf-'));
  const project = join(root, 'engagement');
  // The sample and the engagement are made once per test file and copied: each CLI start costs seconds.
  cpSync(await template(), root, { recursive: true });

  const catalog = await loadCatalog([bundledPairsDir()]);
  const platform = catalog.platforms.get('salesforce-sales-cloud')?.spec;
  const pair = catalog.pairs.get(PAIR)?.spec;
  if (platform === undefined || pair === undefined) throw new Error('The bundled Salesforce specs are missing.');
  const migration = readFileSync(join(project, 'migration.yaml'), 'utf8');
  const users = (parse(migration) as { users: { email: string; name: string; active: boolean }[] }).users;
  const customFields = (pair.customAttributes ?? [])
    .filter((c) => !(options.skipCustomFields ?? []).includes(`${c.object}.${c.name}`))
    .map((c) => ({ object: c.object, field: { name: c.name, label: c.label, type: c.type, ...(c.maxLength ? { maxLength: c.maxLength } : {}), ...(c.options ? { options: c.options.map((o) => ({ value: o, label: o })) } : {}) } }));
  const org = new SalesforceOrg(platform, platform.rules?.sourceKeyField ?? 'Legacy_Id__c', { ...options.org, customFields: [...customFields, ...(options.org?.customFields ?? [])], users });
  const auth = options.auth ?? 'client-credentials';
  const emulator = await startSalesforceEmulator({
    org,
    clientId: 'crm-migrate-app',
    clientSecret: CLIENT_SECRET,
    publicKey: keys.publicKey,
    username: 'integration@northwind.example',
    ...(options.faults ? { faults: options.faults } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
  });
  writeFileSync(join(project, 'migration.yaml'), migration.replace(/^target: .*$/m, `target: salesforce:${emulator.url}`));
  const keyPath = join(root, 'server.key');
  writeFileSync(keyPath, keys.privateKey);
  const env: Record<string, string> =
    auth === 'client-credentials'
      ? { SALESFORCE_CLIENT_ID: 'crm-migrate-app', SALESFORCE_CLIENT_SECRET: CLIENT_SECRET }
      : { SALESFORCE_CLIENT_ID: 'crm-migrate-app', SALESFORCE_USERNAME: 'integration@northwind.example', SALESFORCE_PRIVATE_KEY_PATH: keyPath, SALESFORCE_LOGIN_URL: emulator.url };
  // Short polls and a small governor backoff keep the suite fast; the behaviour is the same.
  // CRM_MIGRATE_TEST_EMULATOR lets the client send the emulator its bookkeeping header (loopback orgs only).
  Object.assign(env, { SALESFORCE_BULK_POLL_MS: '20', CRM_MIGRATE_TEST_EMULATOR: '1' }, options.env ?? {});
  return { root, project, emulator, env, cli: (args, extraEnv = {}) => runCliAsync(args, { env: { ...env, ...extraEnv } }) };
}
