import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** One file of a package, written into the package folder as is. */
export interface PackageFile {
  name: string;
  content: string | Uint8Array;
}

/** One import step: a file the admin imports, the object it fills and how many rows it carries. */
export interface PackageStep {
  step: number;
  file: string;
  object: string;
  rows: number;
  /** Set for a step that only sets lookups on records an earlier step created. */
  links?: string[];
}

/** The files a package writer owns; anything else in the folder (the package.db behind it) is left alone. */
const OWNED = /^(README\.md|manifest\.json|import-order\.json|data\.zip|data\.xml|data_schema\.xml|\d{2}-.+\.csv)$/;

/**
 * Replaces the previous package with this one: files of the earlier package that this one no longer has (a CSV of
 * an object a rollback emptied) are removed, so the folder never mixes two runs.
 */
export function writePackageFiles(dir: string, files: readonly PackageFile[]): void {
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(dir)) if (OWNED.test(name)) rmSync(join(dir, name), { force: true });
  for (const file of files) writeFileSync(join(dir, file.name), file.content);
}
