import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { stringify } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { loadCatalog, specLibrary } from '../spec/catalog.js';
import type { DestinationUser, EngagementSpec } from '../spec/generated/engagement-spec.js';
import { closestNames } from '../util/suggest.js';
import { packageRoot } from '../util/package-root.js';
import { ENGAGEMENT_FILE } from './engagement.js';
import { InputError } from '../util/input-error.js';

/** The file `crm-migrate sample` leaves beside its export: what it planted, and the destination's users. */
export const SAMPLE_MANIFEST = 'crm-migrate-sample.json';

export interface InitResult {
  file: string;
  spec?: EngagementSpec;
  /** Where the destination users came from: a users file, the live destination, the sample's manifest, or none. */
  usersFrom?: 'file' | 'destination' | 'sample' | 'none';
  diagnostics: Diagnostic[];
}

export interface InitOptions {
  pair: string;
  source: string;
  force?: boolean;
  /** `sqlite:…`, `dataverse:URL`, `salesforce:URL` or `package:DIR`; relative paths are kept relative to the folder. */
  target?: string;
  /** The destination's users, read by the caller from a users file or the live destination. */
  users?: { list: readonly DestinationUser[]; from: 'file' | 'destination' };
  /** The user's own spec folders, recorded (relative to the engagement) so every later command reads them too. */
  specs?: readonly string[];
}

const TARGET = /^(sqlite|dataverse|salesforce|package):.+$/;

/**
 * Starts an engagement folder: a `migration.yaml` naming the pair, the export, the target and the destination's users.
 * Without users given, a sample export's manifest supplies them so the sandbox can match owners at once.
 */
export async function initEngagement(dir: string, options: InitOptions): Promise<InitResult> {
  const folder = resolve(dir);
  const file = join(folder, ENGAGEMENT_FILE);
  const fail = (message: string, pointer?: string): InitResult => ({ file, diagnostics: [{ code: 'spec/invalid-value', severity: 'error', message, file, ...(pointer ? { pointer } : {}) }] });
  if (existsSync(file) && options.force !== true) return fail(`${ENGAGEMENT_FILE} already exists here; pass --force to start over.`);
  const sourceDir = resolve(options.source);
  if (!existsSync(sourceDir)) return fail(`The source export folder "${options.source}" does not exist.`);
  const target = options.target ?? 'sqlite:sandbox.db';
  if (!TARGET.test(target)) return fail(`Target "${target}" is not one of sqlite:PATH, dataverse:URL, salesforce:URL or package:DIR.`);

  const specDirs = (options.specs ?? []).map((d) => resolve(d));
  const catalog = await loadCatalog(specLibrary(specDirs));
  if (!catalog.pairs.has(options.pair)) {
    const hint = closestNames(options.pair, catalog.pairs.keys())[0];
    return fail(`Pair "${options.pair}" does not exist.${hint === undefined ? '' : ` Did you mean "${hint}"?`}`);
  }

  const sample = options.users === undefined ? sampleUsers(sourceDir) : undefined;
  const spec: EngagementSpec = {
    pair: options.pair,
    source: relative(folder, sourceDir) || '.',
    ...(specDirs.length > 0 ? { specs: specDirs.map((d) => relative(folder, d) || '.') } : {}),
    target,
    users: [...(options.users?.list ?? sample ?? [])],
    options: { failThreshold: 0.05 },
  };
  mkdirSync(folder, { recursive: true });
  writeFileSync(file, `${schemaComment()}\n${stringify(spec, { lineWidth: 0 })}`);
  const usersFrom = options.users?.from ?? (sample === undefined ? 'none' : 'sample');
  return { file, spec, usersFrom, diagnostics: [] };
}

/**
 * The editor's schema hint. It names the installed package's schema by absolute path, which does not depend on where
 * the engagement folder is, so moving or copying the folder keeps completion working; reinstalling crm-migrate
 * elsewhere needs the line rewritten (`crm-migrate init --force`, or by hand).
 */
function schemaComment(): string {
  return `# yaml-language-server: $schema=${join(packageRoot(), 'schemas', 'engagement.schema.json')}`;
}

function sampleUsers(sourceDir: string): DestinationUser[] | undefined {
  const manifest = join(sourceDir, SAMPLE_MANIFEST);
  if (!existsSync(manifest)) return undefined;
  let parsed: { destinationUsers?: unknown };
  try {
    parsed = JSON.parse(readFileSync(manifest, 'utf8')) as { destinationUsers?: unknown };
  } catch (error) {
    throw new InputError(`the sample manifest cannot be read: ${error instanceof Error ? error.message : String(error)}.`, { code: 'io/unreadable', file: manifest, hint: 'Delete it, or write the sample again with crm-migrate sample.' });
  }
  return Array.isArray(parsed.destinationUsers) ? (parsed.destinationUsers as DestinationUser[]) : undefined;
}
