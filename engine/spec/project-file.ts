import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { InputError } from '../util/input-error.js';

/** The file at the root of a company's repository that says where its specs are, e.g. `{ "specs": ["specs"] }`. */
export const PROJECT_FILE = 'crm-migrate.json';

/**
 * The spec folders a `crm-migrate.json` names, found in `from` or the nearest folder above it, resolved against the
 * file's own folder, so that any command run anywhere inside the repository reads the repository's specs. JSON rather
 * than YAML keeps it from being read as a spec when it sits in a spec folder.
 */
export function projectSpecDirs(from: string): { file: string; dirs: string[] } | undefined {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    const file = join(dir, PROJECT_FILE);
    if (existsSync(file)) return { file, dirs: read(file) };
    if (dirname(dir) === dir) return undefined;
  }
}

function read(file: string): string[] {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new InputError(`Not valid JSON: ${(error as Error).message}`, { code: 'project/parse', file });
  }
  const specs = (data as { specs?: unknown } | null)?.specs;
  const list = typeof specs === 'string' ? [specs] : specs;
  if (!Array.isArray(list) || !list.every((d): d is string => typeof d === 'string')) {
    throw new InputError('Expected "specs": a folder or a list of folders, relative to this file.', { code: 'project/specs', file });
  }
  return list.map((d) => resolve(dirname(file), d));
}
