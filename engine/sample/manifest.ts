import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DestinationUser } from '../spec/generated/engagement-spec.js';
import type { Outcome, ProblemKind } from './problems.js';
import type { CustomColumn } from './types.js';

/** The file `crm-migrate sample` writes beside the CSVs, describing what it generated and what it planted. */
export const MANIFEST_FILE = 'crm-migrate-sample.json';

export interface SampleFile {
  object: string;
  file: string;
  /** Data rows, the header not counted. */
  rows: number;
}

export interface SampleProblem {
  kind: ProblemKind;
  object: string;
  file: string;
  /** 1-based physical line where the record starts (the header is line 1). */
  line: number;
  /** The record's key, when the object has a key column. */
  key?: string;
  column?: string;
  value?: string;
  /** What the pair's lookups and owner rules should do with the row: load it, hold it, or skip it. */
  outcome: Outcome;
  detail: string;
}

export interface SampleManifest {
  pair: string;
  source: string;
  destination: string;
  seed: number;
  scale: number;
  files: SampleFile[];
  /** Attachment files written under `attachments/`. */
  attachments: number;
  destinationUsers: DestinationUser[];
  customColumns: CustomColumn[];
  problems: SampleProblem[];
  /** Where the specs left the generator guessing; worth a look when a sample does not load as predicted. */
  notes: string[];
}

export async function writeManifest(outDir: string, manifest: SampleManifest): Promise<void> {
  await writeFile(join(outDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
}
