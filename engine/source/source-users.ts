import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Engagement } from '../engagement/engagement.js';
import { openCsv } from './csv-file.js';

/**
 * When an export writes owners as user ids (Salesforce-shaped exports), its user table turns each id into the email
 * that destination users are matched by. The table is small (one row per user), so it is read into memory once.
 */
export async function readSourceUsers(engagement: Engagement): Promise<Map<string, string> | undefined> {
  const format = engagement.source.spec.export;
  if (format?.owners !== 'id' || format.userObject === undefined) return undefined;
  const object = engagement.source.object(format.userObject);
  if (!object?.file) return undefined;
  const path = join(engagement.exportDir, object.file);
  if (!existsSync(path)) return undefined;
  const emailColumn = object.fields.find((f) => f.type === 'email')?.name;
  const key = object.key ?? 'Id';
  // A Data Loader user file may be keyed by its external id, which the owners' relationship column holds.
  const csv = await openCsv(path, format.shape === 'salesforce-data-export' ? { known: object.fields.map((f) => f.name), relationshipColumns: { key } } : {});
  const keyIndex = csv.headers.indexOf(key);
  const emailIndex = emailColumn === undefined ? -1 : csv.headers.indexOf(emailColumn);
  // Data Loader files may name owners by `Owner.Username` (read as OwnerId): a username finds its user too.
  const usernameIndex = format.shape === 'salesforce-data-export' ? csv.headers.indexOf('Username') : -1;
  const users = new Map<string, string>();
  if (keyIndex < 0 || emailIndex < 0) return users;
  for await (const row of csv.rows) {
    const id = row.cells[keyIndex]?.trim() ?? '';
    const email = row.cells[emailIndex]?.trim() ?? '';
    if (id !== '' && email !== '') users.set(id, email);
    const username = usernameIndex < 0 ? '' : (row.cells[usernameIndex]?.trim() ?? '');
    if (username !== '' && email !== '' && !users.has(username)) users.set(username, email);
  }
  return users;
}
