import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parse } from 'csv-parse/sync';
import { bundledPairsDir, loadCatalog } from '../../../engine/spec/catalog.js';
import type { PairSpec } from '../../../engine/spec/generated/pair-spec.js';
import type { PlatformIndex } from '../../../engine/spec/platform-index.js';
import { generateSample, type SampleManifest } from '../../../engine/sample/index.js';

export interface BundledPair {
  id: string;
  pair: PairSpec;
  source: PlatformIndex;
  destination: PlatformIndex;
}

/** The bundled pairs whose pair and platform specs validate without errors (specs may be mid-edit). */
export async function validPairs(): Promise<BundledPair[]> {
  const catalog = await loadCatalog([bundledPairsDir()]);
  const clean = (diagnostics: { severity: string }[]): boolean => !diagnostics.some((d) => d.severity === 'error');
  const out: BundledPair[] = [];
  for (const [id, loaded] of catalog.pairs) {
    const source = catalog.platforms.get(loaded.spec.source);
    const destination = catalog.platforms.get(loaded.spec.destination);
    if (!source || !destination || !clean(loaded.diagnostics) || !clean(source.diagnostics) || !clean(destination.diagnostics)) continue;
    out.push({ id, pair: loaded.spec, source: source.sourceIndex, destination: destination.index });
  }
  return out.sort((a, b) => a.id.localeCompare(b.id));
}

const created: string[] = [];

/** Removes every folder `generate` made; call from `afterAll`. */
export async function removeGenerated(): Promise<void> {
  await Promise.all(created.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

export async function generate(pair: BundledPair, options: { seed?: number; scale?: number } = {}): Promise<{ dir: string; manifest: SampleManifest }> {
  const dir = await mkdtemp(join(tmpdir(), `sample-${pair.id}-`));
  created.push(dir);
  const manifest = await generateSample({ pair: pair.pair, source: pair.source, destination: pair.destination, outDir: dir, ...options });
  return { dir, manifest };
}

/** Every file under `dir` with its bytes, by relative path. */
export function snapshot(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (at: string): void => {
    for (const name of readdirSync(at).sort()) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.set(relative(dir, path), readFileSync(path));
    }
  };
  walk(dir);
  return out;
}

export interface ParsedRecord {
  /** 1-based physical line where the record starts. */
  line: number;
  cells: Record<string, string>;
}

/** Parses a sample CSV with csv-parse, keeping the line each record starts on. */
export function readCsv(path: string): { header: string[]; records: ParsedRecord[] } {
  const rows = parse(readFileSync(path), { info: true, relax_column_count: false }) as { record: string[]; info: { lines: number } }[];
  const header = rows[0]?.record ?? [];
  const records: ParsedRecord[] = [];
  for (let i = 1; i < rows.length; i += 1) {
    const row = rows[i] as { record: string[]; info: { lines: number } };
    const start = (rows[i - 1]?.info.lines ?? 0) + 1;
    records.push({ line: start, cells: Object.fromEntries(header.map((h, k) => [h, row.record[k] ?? ''])) });
  }
  return { header, records };
}
