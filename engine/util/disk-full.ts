import { InputError } from './input-error.js';

/** Node's codes for a full disk or an exhausted quota, and SQLite's (better-sqlite3 puts it in `code`). */
const DISK_FULL_CODES = new Set(['ENOSPC', 'EDQUOT', 'SQLITE_FULL']);

/** True for an error that says the disk (or the user's quota) is full, whoever raised it. */
export function isDiskFull(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  return (typeof code === 'string' && DISK_FULL_CODES.has(code)) || /database or disk is full/i.test(error.message);
}

/**
 * A full disk as the person running crm-migrate must hear it: which file could not be written (the error's own path
 * when it has one, else `fallbackPath`) and that nothing is lost, because every run records each write before and
 * after making it and resumes where it stopped. Undefined when `error` is not a full disk.
 */
export function diskFullError(error: unknown, fallbackPath: string): InputError | undefined {
  if (!isDiskFull(error)) return undefined;
  const path = (error as { path?: unknown }).path;
  const file = typeof path === 'string' ? path : fallbackPath;
  return new InputError('The disk is full (or the quota is used up): crm-migrate could not write here.', {
    code: 'io/disk-full',
    kind: 'refused',
    file,
    hint: 'Free some space on that disk, then run the same command again: a run resumes where it stopped.',
  });
}

/** `work`, with a full disk turned into diskFullError; any other error passes through unchanged. */
export async function reportingDiskFull<T>(fallbackPath: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw diskFullError(error, fallbackPath) ?? error;
  }
}
