import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { PairSpec } from '../spec/generated/pair-spec.js';
import type { ExportFormat } from '../spec/generated/platform-spec.js';
import type { PlatformIndex } from '../spec/platform-index.js';
import { writeAttachment } from './attachments.js';
import { linesOf, writeCsv } from './csv-file.js';
import { Identities } from './identity.js';
import { writeManifest, type SampleManifest, type SampleProblem } from './manifest.js';
import { buildPlans } from './object-plans.js';
import { selectObjects } from './object-roles.js';
import { destinationUsers } from './owners.js';
import { planPlants } from './problems.js';
import { RowFactory } from './row-factory.js';
import type { ObjectPlan } from './types.js';

export type { SampleManifest, SampleProblem, SampleFile } from './manifest.js';
export { MANIFEST_FILE } from './manifest.js';
export type { ProblemKind, Outcome } from './problems.js';
export type { CustomColumn } from './types.js';

export interface SampleInput {
  pair: PairSpec;
  source: PlatformIndex;
  destination: PlatformIndex;
  outDir: string;
  seed?: number;
  /** Multiplies the base row counts (about 45 companies, 100 contacts, 50 deals, 150 activities at 1). */
  scale?: number;
  /** Exact row counts by source object name; they win over `scale`. */
  counts?: Record<string, number>;
  /** Only these source objects are written (references to the others are still computed). */
  objects?: string[];
}

const DEFAULT_FORMAT: ExportFormat = { method: 'CSV export', dateFormat: 'YYYY-MM-DD', dateTimeFormat: 'YYYY-MM-DD HH:mm:ss', references: 'id', owners: 'email' };

/**
 * Writes a synthetic export of the pair's source platform into `outDir`: one CSV per source object the pair's loads
 * read (plus the user table when owners are exported as ids), attachment files, and `crm-migrate-sample.json`
 * describing the files, the destination users, the custom columns and every planted problem. Everything is derived
 * from the pair and platform specs; the same inputs and seed give byte-identical files.
 */
export async function generateSample(input: SampleInput): Promise<SampleManifest> {
  const seed = (input.seed ?? 1) >>> 0;
  const scale = input.scale ?? 1;
  const format = input.source.spec.export ?? DEFAULT_FORMAT;
  const notes: string[] = [];
  if (input.source.spec.export === undefined) notes.push(`${input.source.id} has no export block; ISO dates, id references and email owners were assumed.`);

  const selection = selectObjects(input.pair, input.source);
  const plans = buildPlans({ ...input, format, scale }, selection, notes);
  const book = planPlants(plans, { seed, pair: input.pair, destination: input.destination, ...(selection.byRole.company ? { company: selection.byRole.company } : {}), notes });
  const identities = new Identities(seed, new Map(plans.map((p) => [p.name, p])), book);

  await mkdir(input.outDir, { recursive: true });
  const manifest: SampleManifest = {
    pair: input.pair.id,
    source: input.source.id,
    destination: input.destination.id,
    seed,
    scale,
    files: [],
    attachments: 0,
    destinationUsers: destinationUsers(),
    customColumns: plans.filter((p) => p.written).flatMap((p) => p.custom),
    problems: [],
    notes,
  };
  for (const plan of plans.filter((p) => p.written)) {
    const factory = new RowFactory(plan, seed, format, identities, book);
    const written = await writeObject(plan, factory, format, input.outDir, manifest.problems);
    manifest.files.push({ object: plan.name, file: plan.file, rows: plan.count });
    manifest.attachments += written.attachments;
  }
  await writeManifest(input.outDir, manifest);
  return manifest;
}

async function writeObject(plan: ObjectPlan, factory: RowFactory, format: ExportFormat, outDir: string, problems: SampleProblem[]): Promise<{ attachments: number }> {
  let attachments = 0;
  const hasFiles = plan.groups.some((g) => [...g.roles.values()].some((r) => r.kind === 'attachment'));
  const keyAt = plan.keyColumns[0] === undefined ? -1 : plan.headers.indexOf(plan.keyColumns[0]);

  function record(line: number, cells: string[], planted: ReturnType<RowFactory['row']>['planted']): void {
    for (const { plant, value } of planted) {
      const key = keyAt >= 0 ? cells[keyAt] : undefined;
      problems.push({ kind: plant.kind, object: plan.name, file: plan.file, line, ...(key ? { key } : {}), column: plant.column, value, outcome: plant.outcome, detail: plant.detail });
    }
  }

  function* rows(): Generator<string[]> {
    yield plan.headers;
    let line = 2;
    for (let index = 0; index < plan.count; index += 1) {
      const row = factory.row(index);
      if (row.planted.length > 0) record(line, row.cells, row.planted);
      line += linesOf(row.cells);
      yield row.cells;
    }
  }

  async function* rowsWithFiles(): AsyncGenerator<string[]> {
    yield plan.headers;
    let line = 2;
    for (let index = 0; index < plan.count; index += 1) {
      const row = factory.row(index);
      for (const file of row.files) {
        await writeAttachment(outDir, file.path, file.bytes);
        attachments += 1;
      }
      if (row.planted.length > 0) record(line, row.cells, row.planted);
      line += linesOf(row.cells);
      yield row.cells;
    }
  }

  await writeCsv(join(outDir, plan.file), format.delimiter ?? ',', hasFiles ? rowsWithFiles() : rows());
  return { attachments };
}
