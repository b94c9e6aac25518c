import { isAbsolute, relative } from 'node:path';

/** A path as short as it can be said: relative to the current folder when inside it, absolute otherwise. */
export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? file : rel;
}
