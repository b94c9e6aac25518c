import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { stringify } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { bundledPairsDir, loadCatalog } from '../spec/catalog.js';
import type { EngagementSpec } from '../spec/generated/engagement-spec.js';
import { closestNames } from '../util/suggest.js';
import { packageRoot } from '../util/package-root.js';
import { ENGAGEMENT_FILE } from './engagement.js';

/** The file `crm-migrate sample` leaves beside its export: what it planted, and the destination's users. */
export const SAMPLE_MANIFEST = 'crm-migrate-sample.json';

export interface InitResult {
  file: string;
  spec?: EngagementSpec;
  diagnostics: Diagnostic[];
}

/**
 * Starts an engagement folder: a `migration.yaml` naming the pair, the export and the sandbox target. When the export
 * is a sample, its destination users come along so the sandbox can match owners at once.
 */
export async function initEngagement(dir: string, options: { pair: string; source: string; force?: boolean }): Promise<InitResult> {
  const folder = resolve(dir);
  const file = join(folder, ENGAGEMENT_FILE);
  const fail = (message: string): InitResult => ({ file, diagnostics: [{ code: 'spec/invalid-value', severity: 'error', message, file }] });
  if (existsSync(file) && options.force !== true) return fail(`${ENGAGEMENT_FILE} already exists here; pass --force to start over.`);
  const sourceDir = resolve(options.source);
  if (!existsSync(sourceDir)) return fail(`The source export folder "${options.source}" does not exist.`);

  const catalog = await loadCatalog([bundledPairsDir()]);
  if (!catalog.pairs.has(options.pair)) {
    const hint = closestNames(options.pair, catalog.pairs.keys())[0];
    return fail(`Pair "${options.pair}" does not exist.${hint === undefined ? '' : ` Did you mean "${hint}"?`}`);
  }

  const spec: EngagementSpec = {
    pair: options.pair,
    source: relative(folder, sourceDir) || '.',
    target: 'sqlite:sandbox.db',
    users: sampleUsers(sourceDir),
    options: { failThreshold: 0.05 },
  };
  mkdirSync(folder, { recursive: true });
  const schema = relative(folder, join(packageRoot(), 'schemas', 'engagement.schema.json'));
  writeFileSync(file, `# yaml-language-server: $schema=${schema}\n${stringify(spec, { lineWidth: 0 })}`);
  return { file, spec, diagnostics: [] };
}

function sampleUsers(sourceDir: string): EngagementSpec['users'] {
  const manifest = join(sourceDir, SAMPLE_MANIFEST);
  if (!existsSync(manifest)) return [];
  const parsed = JSON.parse(readFileSync(manifest, 'utf8')) as { destinationUsers?: EngagementSpec['users'] };
  return parsed.destinationUsers ?? [];
}
