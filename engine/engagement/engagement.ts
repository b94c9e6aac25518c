import { existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { loadCatalog, specLibrary } from '../spec/catalog.js';
import { readSpec } from '../spec/spec-document.js';
import type { EngagementSpec } from '../spec/generated/engagement-spec.js';
import type { PairSpec } from '../spec/generated/pair-spec.js';
import type { PlatformIndex } from '../spec/platform-index.js';
import type { SpecDocument } from '../spec/spec-document.js';
import { closestNames } from '../util/suggest.js';
import { engagementFormatDiagnostics } from '../spec/semantic/check-formats.js';

export const ENGAGEMENT_FILE = 'migration.yaml';

/** An engagement with everything it refers to resolved: its pair, both platforms and absolute paths. */
export interface Engagement {
  file: string;
  dir: string;
  spec: EngagementSpec;
  pair: PairSpec;
  source: PlatformIndex;
  destination: PlatformIndex;
  /** Absolute path of the source export folder. */
  exportDir: string;
  /** The user's spec folders this engagement was read with (absolute), before the bundled library. */
  specDirs: string[];
  target: { kind: 'sqlite' | 'dataverse' | 'salesforce' | 'package'; location: string };
}

export interface EngagementLoad {
  engagement?: Engagement;
  diagnostics: Diagnostic[];
  documents: Map<string, SpecDocument>;
}

/** The engagement file in `dir`, or `dir` itself when it names a file. */
export function engagementFile(pathOrDir: string): string {
  return pathOrDir.endsWith('.yaml') || pathOrDir.endsWith('.yml') ? resolve(pathOrDir) : resolve(pathOrDir, ENGAGEMENT_FILE);
}

/**
 * Reads `migration.yaml` with the bundled specs, checks it, and resolves what it names. Problems come back as
 * diagnostics with pointers, like any spec's.
 */
export async function loadEngagement(pathOrDir: string, options: { specs?: readonly string[] } = {}): Promise<EngagementLoad> {
  const file = engagementFile(pathOrDir);
  if (!existsSync(file)) {
    return { diagnostics: [{ code: 'spec/missing-property', severity: 'error', message: `No ${ENGAGEMENT_FILE} here; run \`crm-migrate init\` first.`, file }], documents: new Map() };
  }
  if (!statSync(file).isFile()) {
    return { diagnostics: [{ code: 'io/not-found', severity: 'error', message: `This is not a file (a folder or a device); ${ENGAGEMENT_FILE} must be a plain YAML file.`, file }], documents: new Map() };
  }
  const specDirs = [...new Set([...(options.specs ?? []).map((d) => resolve(d)), ...(await recordedSpecDirs(file))])];
  const catalog = await loadCatalog([file, ...specLibrary(specDirs)]);
  const documents = new Map(catalog.files.map((f) => [f.document.file, f.document]));
  const own = catalog.files.find((f) => f.document.file === file);
  const diagnostics = [...(own?.diagnostics ?? [])];
  for (const dir of specDirs.filter((d) => !existsSync(d))) {
    diagnostics.push({ code: 'spec/invalid-value', severity: 'error', message: `The specs folder "${dir}" does not exist.`, file, pointer: '/specs' });
  }
  if (!own || own.kind !== 'engagement' || hasErrors(diagnostics)) return { diagnostics, documents };

  const spec = own.spec as EngagementSpec;
  const pair = catalog.pairs.get(spec.pair);
  if (!pair) {
    const hint = closestNames(spec.pair, catalog.pairs.keys())[0];
    diagnostics.push({ code: 'spec/invalid-value', severity: 'error', message: `Pair "${spec.pair}" does not exist.${hint === undefined ? '' : ` Did you mean "${hint}"?`}`, file, pointer: '/pair' });
    return { diagnostics, documents };
  }
  if (hasErrors(pair.diagnostics)) {
    diagnostics.push(...pair.diagnostics);
    return { diagnostics, documents };
  }
  const source = catalog.platforms.get(pair.spec.source)?.sourceIndex;
  const destination = catalog.platforms.get(pair.spec.destination)?.index;
  if (!source || !destination) return { diagnostics, documents };

  const dir = dirname(file);
  const [kind, ...rest] = spec.target.split(':');
  const location = rest.join(':');
  const exportDir = isAbsolute(spec.source) ? spec.source : join(dir, spec.source);
  if (!existsSync(exportDir)) {
    diagnostics.push({ code: 'spec/invalid-value', severity: 'error', message: `The source export folder "${spec.source}" does not exist.`, file, pointer: '/source' });
  } else if (!statSync(exportDir).isDirectory()) {
    diagnostics.push({ code: 'spec/invalid-value', severity: 'error', message: `The source export "${spec.source}" is not a folder; name the folder that holds the export's CSV files.`, file, pointer: '/source' });
  }
  diagnostics.push(...engagementFormatDiagnostics(file, spec, source.spec));
  const target = {
    kind: kind as Engagement['target']['kind'],
    location: kind === 'sqlite' || kind === 'package' ? (isAbsolute(location) ? location : join(dir, location)) : location,
  };
  return { engagement: { file, dir, spec, pair: pair.spec, source, destination, exportDir, specDirs, target }, diagnostics, documents };
}

/** The spec folders `migration.yaml` records (`specs:`), absolute; the schema check reports a malformed value. */
async function recordedSpecDirs(file: string): Promise<string[]> {
  const data = (await readSpec(file)).document.data as { specs?: unknown } | undefined;
  const specs = Array.isArray(data?.specs) ? data.specs.filter((d): d is string => typeof d === 'string') : [];
  return specs.map((d) => resolve(dirname(file), d));
}
