import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { ValidateFunction } from 'ajv';
import { packageRoot } from '../util/package-root.js';
import { sha1 } from '../util/sha1.js';

/**
 * Start-up work done once by `npm run build` (scripts/prebuilt-specs) instead of at every command: the bundled specs
 * as plain data, and the schemas compiled to validators. Every command reads the whole spec library, and parsing
 * 730 KB of YAML and compiling four schemas took about 0.7 s of each start. Entries are found by the SHA-1 of the
 * text they were made from, so an edited spec or schema simply misses and is parsed or compiled as before: a stale
 * entry can never be read.
 */
export function prebuiltDir(): string {
  return join(packageRoot(), 'dist', 'prebuilt-specs');
}

/** The file holding a spec's parsed data, named by its text. */
export function specDataFile(text: string): string {
  return join(prebuiltDir(), 'data', `${sha1(text, 'hex')}.json`);
}

/** The file holding a schema's compiled validator, named by the schema's text. */
export function validatorFile(schemaText: string): string {
  return join(prebuiltDir(), 'validators', `${sha1(schemaText, 'hex')}.cjs`);
}

/** A spec's data as the build parsed it from this same text, if the build saw this text and it parsed cleanly. */
export function prebuiltSpecData(text: string): unknown {
  const file = specDataFile(text);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as unknown) : undefined;
}

const load = createRequire(import.meta.url);

/** The validator the build compiled from this same schema text, with the options it would be compiled with here. */
export function prebuiltValidator(schemaText: string): ValidateFunction | undefined {
  const file = validatorFile(schemaText);
  return existsSync(file) ? (load(file) as ValidateFunction) : undefined;
}
