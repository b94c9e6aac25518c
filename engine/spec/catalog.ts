import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { EngagementSpec } from './generated/engagement-spec.js';
import type { EstimatorRules } from './generated/estimator-rules.js';
import type { PairSpec } from './generated/pair-spec.js';
import type { PlatformSpec } from './generated/platform-spec.js';
import { PlatformIndex } from './platform-index.js';
import { checkSchema, type SpecKind } from './schema-check.js';
import { readSpec, type SpecDocument } from './spec-document.js';
import { closestNames } from '../util/suggest.js';
import { checkPair } from './semantic/check-pair.js';
import { checkPlatform } from './semantic/check-platform.js';
import { checkEstimator } from './semantic/check-estimator.js';
import { packageRoot } from '../util/package-root.js';
import { extendPlatform } from './platform-extension.js';
import { sourceView } from './source-view.js';

export interface LoadedSpec<T> {
  kind: SpecKind;
  document: SpecDocument;
  /** The data, typed by its layer. Only trustworthy when `diagnostics` has no error. */
  spec: T;
  diagnostics: Diagnostic[];
}

/**
 * A platform as the catalog resolved it: `spec` is the effective spec (a platform that `extends` another is merged with
 * it), `index` its destination model and `sourceIndex` what a pair reads when the platform is its source.
 */
export type CatalogPlatform = LoadedSpec<PlatformSpec> & { index: PlatformIndex; sourceIndex: PlatformIndex };

export interface Catalog {
  platforms: Map<string, CatalogPlatform>;
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

/**
 * Where specs are read from: the user's own folders (a `--specs` flag, the `CRM_MIGRATE_SPECS` variable), each holding
 * pairs and a `platforms/` folder, layered over the bundled library. Ids must be unique across all of them.
 */
export function specLibrary(userDirs: readonly string[] = []): string[] {
  return [...new Set([...userDirs.map((d) => resolve(d)), bundledPairsDir()])];
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
  const seen = new Set<string>();
  return files.filter((f) => {
    const key = resolve(f);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
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

  const readPaths = new Set(files.map((f) => resolve(f)));
  const platformDirs = [...new Set(read.filter((r) => r.kind === 'pair').map((r) => join(dirname(r.document.file), 'platforms'))), join(bundledPairsDir(), 'platforms')];
  const extra = await Promise.all(
    (await specFiles(platformDirs.filter((d) => d !== ''))).filter((f) => !readPaths.has(resolve(f))).map((f) => readWithSchema(f)),
  );
  registerPlatforms(catalog, bundledFirst([...read, ...extra].filter((l) => l.kind === 'platform' && l.document.data !== undefined)));

  for (const loaded of bundledFirst(read)) {
    if (loaded.document.data === undefined) continue;
    if (loaded.kind === 'pair') {
      const spec = loaded.spec as PairSpec;
      const indexes = pairIndexes(catalog, spec);
      loaded.diagnostics.push(...guarded(loaded, () => checkPair(loaded.document.file, spec, indexes)));
      if (typeof spec.id !== 'string') continue;
      const first = catalog.pairs.get(spec.id);
      if (first) loaded.diagnostics.push(duplicateId('Pair', spec.id, loaded.document.file, first.document.file));
      else catalog.pairs.set(spec.id, loaded as LoadedSpec<PairSpec>);
    } else if (loaded.kind === 'engagement') {
      catalog.engagements.push(loaded as LoadedSpec<EngagementSpec>);
    } else if (loaded.kind === 'estimator') {
      loaded.diagnostics.push(...guarded(loaded, () => checkEstimator(loaded.document.file, loaded.spec as EstimatorRules)));
    }
  }
  return catalog;
}

/**
 * Bundled specs are taken first, so that when a user's file repeats a bundled id, the error lands in the user's file
 * (the one to rename) and the bundled spec keeps working for every other pair.
 */
function bundledFirst<T extends LoadedSpec<unknown>>(loaded: readonly T[]): T[] {
  const bundled = resolve(bundledPairsDir());
  const isBundled = (l: T): boolean => resolve(l.document.file).startsWith(bundled + '/');
  return [...loaded.filter(isBundled), ...loaded.filter((l) => !isBundled(l))];
}

function duplicateId(what: string, id: string, file: string, firstFile: string): Diagnostic {
  return {
    code: 'spec/duplicate-id',
    severity: 'error',
    message: `${what} id "${id}" is already declared in ${firstFile}; this file (${file}) declares it again. Give one of them another id.`,
    file,
    pointer: '/id',
  };
}

/** Registers each platform once by id (a second file with the same id is an error naming both), then resolves `extends`. */
function registerPlatforms(catalog: Catalog, platforms: readonly LoadedSpec<unknown>[]): void {
  const raw = new Map<string, LoadedSpec<PlatformSpec>>();
  for (const loaded of platforms) {
    const spec = loaded.spec as PlatformSpec;
    if (typeof spec.id !== 'string') continue;
    const first = raw.get(spec.id);
    if (first) loaded.diagnostics.push(duplicateId('Platform', spec.id, loaded.document.file, first.document.file));
    else raw.set(spec.id, loaded as LoadedSpec<PlatformSpec>);
  }
  const effective = new Map<string, PlatformSpec | undefined>();
  const resolveSpec = (id: string, trail: readonly string[]): PlatformSpec | undefined => {
    if (effective.has(id)) return effective.get(id);
    const loaded = raw.get(id);
    if (!loaded) return undefined;
    const own = loaded.spec;
    let spec: PlatformSpec | undefined = own;
    if (typeof own.extends === 'string') {
      if (trail.includes(own.extends) || own.extends === id) {
        loaded.diagnostics.push({ code: 'spec/invalid-value', severity: 'error', message: `Platform "${id}" extends itself through ${[...trail, id, own.extends].join(' → ')}.`, file: loaded.document.file, pointer: '/extends' });
        spec = undefined;
      } else {
        const base = raw.has(own.extends) ? resolveSpec(own.extends, [...trail, id]) : undefined;
        if (!raw.has(own.extends)) {
          const candidates = [...raw.keys()].filter((k) => k !== id);
          const known = closestNames(own.extends, candidates);
          loaded.diagnostics.push({
            code: 'spec/unknown-platform',
            severity: 'error',
            message: `Platform "${own.extends}" does not exist in the platform specs.${known[0] === undefined ? '' : ` Did you mean "${known[0]}"?`}`,
            file: loaded.document.file,
            pointer: '/extends',
            suggestions: known,
          });
        }
        spec = base === undefined ? undefined : extendPlatform(base, own);
      }
    }
    effective.set(id, spec);
    return spec;
  };
  for (const [id, loaded] of raw) {
    const spec = resolveSpec(id, []);
    loaded.diagnostics.push(...guarded(loaded, () => checkPlatform(loaded.document.file, spec === undefined ? loaded.spec : asWritten(loaded.spec, spec))));
    if (spec === undefined) continue;
    const index = new PlatformIndex(spec);
    const source = sourceView(spec);
    catalog.platforms.set(id, { ...loaded, spec, index, sourceIndex: source === spec ? index : new PlatformIndex(source) });
  }
}

/**
 * What the platform checks see of an extending platform: its own objects (so positions point into its own file), with
 * what it inherits (the export block, an object's file) taken from the merged spec.
 */
function asWritten(own: PlatformSpec, merged: PlatformSpec): PlatformSpec {
  if (own.extends === undefined) return own;
  const files = new Map(merged.objects.map((o) => [o.name, o.file]));
  const objects = own.objects.map((o) => ({ ...o, ...(o.file === undefined && files.get(o.name) !== undefined ? { file: files.get(o.name) } : {}) }));
  // An inherited export's user object is one of the base's objects, checked with the base.
  const inherited = own.export === undefined && merged.export !== undefined ? (({ userObject: _base, ...rest }) => rest)(merged.export) : undefined;
  return { ...own, ...(inherited === undefined ? {} : { export: inherited }), objects: objects as PlatformSpec['objects'] };
}

/** The platforms a pair is checked against: its source as the source reads it, every other one as a destination. */
function pairIndexes(catalog: Catalog, pair: PairSpec): Map<string, PlatformIndex> {
  const indexes = new Map([...catalog.platforms].map(([id, p]) => [id, p.index]));
  const source = typeof pair.source === 'string' ? catalog.platforms.get(pair.source) : undefined;
  if (source && pair.source !== pair.destination) indexes.set(pair.source, source.sourceIndex);
  return indexes;
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
