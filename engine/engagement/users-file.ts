import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { DestinationUser } from '../spec/generated/engagement-spec.js';
import { InputError } from '../util/input-error.js';

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', 'inactive', 'disabled']);

/**
 * The destination's users from a file the admin exported or wrote: CSV with `email`, `name` and an optional `active`
 * column (headers in any case; `Email Address` and `Full Name` work too), or JSON, either a list of
 * `{ email, name, active }` or `{ "users": [...] }`. A row without a valid email is an error naming its line, because an
 * owner matched against a half-read user list would silently land in the owner queue.
 */
export function readUsersFile(file: string): DestinationUser[] {
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const rows = extname(file).toLowerCase() === '.json' ? jsonRows(file, text) : csvRows(file, text);
  const users: DestinationUser[] = [];
  const seen = new Set<string>();
  for (const { line, row } of rows) {
    const email = pick(row, ['email', 'emailaddress', 'primaryemail', 'internalemailaddress'])?.trim() ?? '';
    if (!EMAIL.test(email)) {
      throw new InputError(`No valid email on this user ("${email}").`, { code: 'users/email', file, line, hint: 'Every user needs an email: owners are matched by it.' });
    }
    if (seen.has(email.toLowerCase())) continue;
    seen.add(email.toLowerCase());
    const name = pick(row, ['name', 'fullname', 'displayname'])?.trim() || joinNames(row) || email;
    const active = pick(row, ['active', 'isactive', 'enabled', 'status']);
    users.push({ email, name, ...(active !== undefined && FALSE_WORDS.has(String(active).trim().toLowerCase()) ? { active: false } : {}) });
  }
  return users;
}

type Row = Record<string, unknown>;

function csvRows(file: string, text: string): { line: number; row: Row }[] {
  try {
    const records = parse(text, { columns: true, skip_empty_lines: true, info: true, trim: true }) as { record: Row; info: { lines: number } }[];
    return records.map((r) => ({ line: r.info.lines, row: r.record }));
  } catch (error) {
    throw new InputError(`Not a readable CSV users file: ${(error as Error).message}`, { code: 'users/parse', file });
  }
}

function jsonRows(file: string, text: string): { line: number; row: Row }[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InputError(`Not valid JSON: ${(error as Error).message}`, { code: 'users/parse', file });
  }
  const list = Array.isArray(data) ? data : (data as { users?: unknown } | null)?.users;
  if (!Array.isArray(list)) throw new InputError('Expected a list of users, or an object with "users".', { code: 'users/parse', file });
  // JSON has no useful line per entry: the entry's position (1-based) stands in for it.
  return list.map((row, i) => ({ line: i + 1, row: (row ?? {}) as Row }));
}

/** The first of `names` (in that order of preference) the row has a value for, headers compared without case or spaces. */
function pick(row: Row, names: readonly string[]): string | undefined {
  const normal = new Map(Object.entries(row).map(([key, value]) => [key.toLowerCase().replace(/[^a-z]/g, ''), value]));
  for (const name of names) {
    const value = normal.get(name);
    if (value !== undefined && value !== null && String(value).trim() !== '') return String(value);
  }
  return undefined;
}

function joinNames(row: Row): string {
  return [pick(row, ['firstname', 'givenname']), pick(row, ['lastname', 'surname', 'familyname'])].filter(Boolean).join(' ');
}
