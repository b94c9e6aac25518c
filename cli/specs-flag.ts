import { existsSync } from 'node:fs';
import { delimiter, resolve } from 'node:path';
import { Flags } from '@oclif/core';
import { specLibrary } from '../engine/spec/catalog.js';
import { projectSpecDirs } from '../engine/spec/project-file.js';
import { InputError } from '../engine/util/input-error.js';

/**
 * `--specs DIR`: a folder of the user's own pair and platform specs (pairs at its top, platforms in `platforms/`),
 * read over the bundled library by every command that reads specs. `CRM_MIGRATE_SPECS` sets it for a shell or CI job;
 * several folders are separated by the path delimiter (`:`), like PATH. Without either, a `crm-migrate.json` in the
 * current folder or one above it (`{ "specs": ["specs"] }`) names them, so commands run inside a company's spec
 * repository read its specs.
 */
export const specsFlag = Flags.string({
  description: 'A folder of your own pair and platform specs, layered over the bundled ones (or set CRM_MIGRATE_SPECS).',
  env: 'CRM_MIGRATE_SPECS',
  helpGroup: 'GLOBAL',
});

/**
 * The user's own spec folders, absolute: those the flag (or `CRM_MIGRATE_SPECS`) names, else those of the nearest
 * `crm-migrate.json`. One that does not exist is an error naming where it was named.
 */
export function userSpecDirs(value: string | undefined): string[] {
  const named = (value ?? '').split(delimiter).filter((d) => d.trim() !== '');
  const project = named.length === 0 ? projectSpecDirs(process.cwd()) : undefined;
  const own = project?.dirs ?? named.map((d) => resolve(d));
  const missing = own.find((d) => !existsSync(d));
  if (missing !== undefined) {
    const hint = project === undefined ? 'Check --specs or CRM_MIGRATE_SPECS.' : `${project.file} names it.`;
    throw new InputError('The specs folder does not exist.', { code: 'io/not-found', file: missing, hint });
  }
  return own;
}

/** Every folder to read specs from, given the flag's value: the user's, then the bundled library. */
export function specDirs(value: string | undefined): string[] {
  return specLibrary(userSpecDirs(value));
}
