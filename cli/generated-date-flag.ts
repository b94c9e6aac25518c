import { Flags } from '@oclif/core';
import { UserError } from './base-command.js';
import { EXIT } from './exit-codes.js';

/**
 * `--date` of the document commands: the only time-dependent thing in a generated document is its "generated" date,
 * so pinning it makes the same engagement give byte-identical files (for reviews, diffs and golden tests).
 */
export const generatedDateFlag = Flags.string({
  description: 'The date printed as "generated", as YYYY-MM-DD (default: today). Pin it to get identical files from identical inputs.',
});

/** The flag's date, checked, or today's local date. */
export function generatedDate(flag: string | undefined, now: Date = new Date()): string {
  if (flag === undefined) {
    const pad = (n: number): string => String(n).padStart(2, '0');
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  }
  const day = new Date(`${flag}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(flag) || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== flag) {
    throw new UserError(`--date must be a calendar date as YYYY-MM-DD, not "${flag}".`, EXIT.invalid);
  }
  return flag;
}
