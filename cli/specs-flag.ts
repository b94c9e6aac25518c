import { existsSync } from 'node:fs';
import { delimiter, resolve } from 'node:path';
import { Flags } from '@oclif/core';
import { specLibrary } from '../engine/spec/catalog.js';
import { InputError } from '../engine/util/input-error.js';

/**
 * `--specs DIR`: a folder of the user's own pair and platform specs (pairs at its top, platforms in `platforms/`),
 * read over the bundled library by every command that reads specs. `CRM_MIGRATE_SPECS` sets it for a shell or CI job;
 * several folders are separated by the path delimiter (`:`), like PATH.
 */
export const specsFlag = Flags.string({
  description: 'A folder of your own pair and platform specs, layered over the bundled ones (or set CRM_MIGRATE_SPECS).',
  env: 'CRM_MIGRATE_SPECS',
  helpGroup: 'GLOBAL',
});

/** The user's own spec folders the flag (or `CRM_MIGRATE_SPECS`) names, absolute; one that does not exist is an error. */
export function userSpecDirs(value: string | undefined): string[] {
  const own = (value ?? '').split(delimiter).filter((d) => d.trim() !== '');
  const missing = own.find((d) => !existsSync(d));
  if (missing !== undefined) {
    throw new InputError('The specs folder does not exist.', { code: 'io/not-found', file: missing, hint: 'Check --specs or CRM_MIGRATE_SPECS.' });
  }
  return own.map((d) => resolve(d));
}

/** Every folder to read specs from, given the flag's value: the user's, then the bundled library. */
export function specDirs(value: string | undefined): string[] {
  return specLibrary(userSpecDirs(value));
}
