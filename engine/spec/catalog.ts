import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { EngagementSpec } from './generated/engagement-spec.js';
import type { EstimatorRules } from './generated/estimator-rules.js';
import type { PairSpec } from './generated/pair-spec.js';
import type { PlatformSpec } from './generated/platform-spec.js';
import { PlatformIndex } from './platform-index.js';
import { checkSchema, type SpecKind } from './schema-check.js';
import { readSpec, type SpecDocument } from './spec-document.js';
import { checkPair } from './semantic/check-pair.js';
import { checkPlatform } from './semantic/check-platform.js';
import { checkEstimator } from './semantic/check-estimator.js';
import { packageRoot } from '../util/package-root.js';

export interface LoadedSpec<T> {
  kind: SpecKind;
  document: SpecDocument;
  /** The data, typed by its layer. Only trustworthy when `diagnostics` has no error. */
  spec: T;
  diagnostics: Diagnostic[];
}

export interface Catalog {
  platforms: Map<string, LoadedSpec<PlatformSpec> & { index: PlatformIndex }>;
  pairs: Map<string, LoadedSpec<PairSpec>>;
  engagements: LoadedSpec<EngagementSpec>[];
  /** Every file read, in the order read, with its problems. */
  files: LoadedSpec<unknown>[];
  /** Paths asked for that do not exist. */
  missing: string[];
}

/** The specs that ship with crm-migrate. */
export function bundledPairsDir(): string {
  return join(packageRoot(), 'pairs');
}

/** Spec files named by `paths`: a folder means its `*.yaml` and its `platforms/*.yaml`. */
export async function specFiles(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    if (!existsSync(path)) continue;
    if ((await stat(path)).isDirectory()) {
      files.push(...(await yamlIn(path)), ...(await yamlIn(join(path, 'platforms'))));
    } else {
      files.push(path);
    }
  }
  return [...new Set(files)];
}

async function yamlIn(dir: string): Promise<string[]> {
  try {
    const names = await readdir(dir);
    return names.filter((n) => n.endsWith('.yaml') || n.endsWith('.yml')).sort().map((n) => join(dir, n));
  } catch {
    return [];
  }
}

/**
 * Reads specs with their schema and semantic checks. Pairs are checked against the platforms among the files, then
 * a `platforms/` folder beside the pair, then the bundled platforms, so a new pair needs nothing but its own file.
 */
export async function loadCatalog(paths: readonly string[]): Promise<Catalog> {
  const catalog: Catalog = { platforms: new Map(), pairs: new Map(), engagements: [], files: [], missing: paths.filter((p) => !existsSync(p)) };
  const files = await specFiles(paths);
  const read = await Promise.all(files.map((f) => readWithSchema(f)));
  catalog.files.push(...read);

  const platformDirs = [...new Set(read.filter((r) => r.kind === 'pair').map((r) => join(dirname(r.document.file), 'platforms'))), join(bundledPairsDir(), 'platforms')];
  const extra = await Promise.all(
    (await specFiles(platformDirs.filter((d) => d !== ''))).filter((f) => !files.includes(f)).map((f) => readWithSchema(f)),
  );
  for (const loaded of [...read, ...extra]) {
    if (loaded.kind !== 'platform' || loaded.document.data === undefined) continue;
    const spec = loaded.spec as PlatformSpec;
    if (typeof spec.id !== 'string' || catalog.platforms.has(spec.id)) continue;
    loaded.diagnostics.push(...guarded(loaded, () => checkPlatform(loaded.document.file, spec)));
    catalog.platforms.set(spec.id, { ...(loaded as LoadedSpec<PlatformSpec>), index: new PlatformIndex(spec) });
  }

  const indexes = new Map([...catalog.platforms].map(([id, p]) => [id, p.index]));
  for (const loaded of read) {
    if (loaded.document.data === undefined) continue;
    if (loaded.kind === 'pair') {
      const spec = loaded.spec as PairSpec;
      loaded.diagnostics.push(...guarded(loaded, () => checkPair(loaded.document.file, spec, indexes)));
      if (typeof spec.id === 'string') catalog.pairs.set(spec.id, loaded as LoadedSpec<PairSpec>);
    } else if (loaded.kind === 'engagement') {
      catalog.engagements.push(loaded as LoadedSpec<EngagementSpec>);
    } else if (loaded.kind === 'estimator') {
      loaded.diagnostics.push(...guarded(loaded, () => checkEstimator(loaded.document.file, loaded.spec as EstimatorRules)));
    }
  }
  return catalog;
}

/**
 * Semantic checks walk data the schema may have rejected. Where the shape is too broken for them, the schema's own
 * diagnostics already say what is wrong, so a check that trips over it adds nothing rather than crashing the run.
 */
function guarded(loaded: LoadedSpec<unknown>, check: () => Diagnostic[]): Diagnostic[] {
  try {
    return check();
  } catch (error) {
    if (loaded.diagnostics.some((d) => d.severity === 'error')) return [];
    throw error;
  }
}

async function readWithSchema(file: string): Promise<LoadedSpec<unknown>> {
  const { document, diagnostics } = await readSpec(file);
  const kind = kindOf(document.data);
  if (document.data !== undefined) diagnostics.push(...checkSchema(kind, file, document.data));
  return { kind, document, spec: document.data, diagnostics };
}

/**
 * A platform declares `roles`, an engagement names its `pair`, the estimator rules list `grades`; anything else is
 * read as a pair spec.
 */
function kindOf(data: unknown): SpecKind {
  if (data !== null && typeof data === 'object') {
    if ('roles' in data) return 'platform';
    if ('pair' in data) return 'engagement';
    if ('grades' in data) return 'estimator';
  }
  return 'pair';
}

export function catalogDiagnostics(catalog: Catalog): Diagnostic[] {
  const missing: Diagnostic[] = catalog.missing.map((file) => ({ code: 'io/not-found', severity: 'error', message: 'No such file or folder.', file }));
  return [...missing, ...catalog.files.flatMap((f) => f.diagnostics)];
}
