import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { parse } from 'yaml';
import { initEngagement } from '../../../engine/engagement/init-engagement.js';
import { generateSample } from '../../../engine/sample/index.js';
import { bundledPairsDir, loadCatalog, type Catalog } from '../../../engine/spec/catalog.js';
import type { FaultRates } from '../../emulators/common/fault-injector.js';
import type { LimitSettings } from '../../emulators/common/service-limits.js';
import { startDataverseEmulator, type DataverseEmulator } from '../../emulators/dataverse/dataverse-emulator.js';
import type { Row } from '../../emulators/dataverse/entity-store.js';
import { runCliAsync, type CliResult } from '../run-cli.js';

/** Known credentials: the secret tests grep every output for. */
export const TENANT_ID = 'northwind-tenant';
export const CLIENT_ID = 'crm-migrate-loader';
export const CLIENT_SECRET = 'dv-secret-5c1e8b7a2f9d4e60';

export const PAIRS = [
  'smart-crm-online--dynamics-365-sales',
  'leadsmart-channel-cloud--dynamics-365-sales',
  'opencrm--dynamics-365-sales',
  'vtiger--dynamics-365-sales',
] as const;

export interface LiveEngagement {
  root: string;
  project: string;
  emulator: DataverseEmulator;
  env: Record<string, string>;
  cli(args: readonly string[], extraEnv?: Record<string, string>): Promise<CliResult>;
  /** The ledger's key map: load, source key, object and destination id of every record it knows. */
  keymap(): { load: string; source_key: string; object: string; dest_id: string }[];
}

export interface LiveOptions {
  pair?: string;
  faults?: FaultRates;
  seed?: number;
  limits?: Partial<LimitSettings>;
  /** `object.name` of custom columns to leave out of the org, as if nobody created them yet. */
  skipCustomAttributes?: string[];
  /** Standard columns (`object.attribute`) the emulated org lacks. */
  hiddenAttributes?: string[];
  /** Records per batch (`options.batchSize`), to make more requests of a small export. */
  batchSize?: number;
  /** Tables whose source-key column (and its alternate key) nobody created. */
  withoutSourceKey?: string[];
  /** Tables that do not support the bulk operation messages (UpsertMultiple and its kin). */
  withoutBulkMessages?: string[];
  /** A plug-in in the org that refuses some records with its message. */
  rejectRecord?: (object: string, values: Row) => string | undefined;
}

const samples = new Map<string, Promise<string>>();
let catalog: Promise<Catalog> | undefined;

/**
 * One sample export per pair for the whole file, made in this process: `sample` and `init` have their own CLI tests,
 * and spawning them for every engagement would double the time of these tests.
 */
function sampleExport(pair: string): Promise<string> {
  let cached = samples.get(pair);
  if (cached === undefined) {
    cached = (async () => {
      const loaded = await (catalog ??= loadCatalog([bundledPairsDir()]));
      const spec = loaded.pairs.get(pair)?.spec;
      const source = spec === undefined ? undefined : loaded.platforms.get(spec.source)?.index;
      const destination = spec === undefined ? undefined : loaded.platforms.get(spec.destination)?.index;
      if (spec === undefined || source === undefined || destination === undefined) throw new Error(`No bundled pair ${pair}.`);
      const outDir = join(mkdtempSync(join(tmpdir(), 'live-dv-sample-')), 'export');
      await generateSample({ pair: spec, source, destination, outDir, seed: 1, scale: 1 });
      return outDir;
    })();
    samples.set(pair, cached);
  }
  return cached;
}

/** A sample export, an engagement pointed at a fresh Dataverse emulator seeded with its users, and the CLI wired to it. */
export async function liveEngagement(options: LiveOptions = {}): Promise<LiveEngagement> {
  const pairId = options.pair ?? 'vtiger--dynamics-365-sales';
  const root = mkdtempSync(join(tmpdir(), 'live-dv-'));
  const project = join(root, 'engagement');
  const source = join(root, 'export');
  cpSync(await sampleExport(pairId), source, { recursive: true });
  const init = await initEngagement(project, { pair: pairId, source });
  if (init.diagnostics.some((d) => d.severity === 'error')) throw new Error(JSON.stringify(init.diagnostics));

  const loaded = await (catalog ??= loadCatalog([bundledPairsDir()]));
  const spec = loaded.platforms.get('dynamics-365-sales')?.spec;
  const pair = loaded.pairs.get(pairId)?.spec;
  if (spec === undefined || pair === undefined) throw new Error('The bundled Dynamics 365 specs are missing.');
  const migration = readFileSync(join(project, 'migration.yaml'), 'utf8');
  const users = (parse(migration) as { users: { email: string; name: string; active: boolean }[] }).users;
  const skip = options.skipCustomAttributes ?? [];
  const emulator = await startDataverseEmulator({
    spec,
    customAttributes: (pair.customAttributes ?? []).filter((c) => !skip.includes(`${c.object}.${c.name}`)),
    hiddenAttributes: options.hiddenAttributes ?? [],
    users,
    sourceKeyObjects: spec.objects.map((o) => o.name).filter((o) => o !== spec.rules?.userObject && !(options.withoutSourceKey ?? []).includes(o)),
    clients: [{ tenantId: TENANT_ID, clientId: CLIENT_ID, secret: CLIENT_SECRET }],
    ...(options.faults === undefined ? {} : { faults: options.faults }),
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(options.limits === undefined ? {} : { limits: options.limits }),
    ...(options.withoutBulkMessages === undefined ? {} : { withoutBulkMessages: options.withoutBulkMessages }),
    ...(options.rejectRecord === undefined ? {} : { rejectRecord: options.rejectRecord }),
    latencyMs: 2,
  });
  let edited = migration.replace(/^target: .*$/m, `target: dataverse:${emulator.url}`);
  if (options.batchSize !== undefined) edited = edited.replace(/^options:\n/m, `options:\n  batchSize: ${options.batchSize}\n`);
  writeFileSync(join(project, 'migration.yaml'), edited);
  const env = {
    DATAVERSE_TENANT_ID: TENANT_ID,
    DATAVERSE_CLIENT_ID: CLIENT_ID,
    DATAVERSE_CLIENT_SECRET: CLIENT_SECRET,
    DATAVERSE_AUTHORITY_HOST: emulator.url,
    // The emulator then tells a request already on the wire from one sent inside a Retry-After.
    CRM_MIGRATE_TEST_EMULATOR: '1',
  };
  return {
    root,
    project,
    emulator,
    env,
    cli: (args, extraEnv = {}) => runCliAsync(args, { env: { ...env, ...extraEnv } }),
    keymap: () => {
      const db = new Database(join(project, 'ledger.db'), { readonly: true });
      try {
        return db.prepare('SELECT load, source_key, object, dest_id FROM keymap ORDER BY load, source_key').all() as ReturnType<
          LiveEngagement['keymap']
        >;
      } finally {
        db.close();
      }
    },
  };
}
