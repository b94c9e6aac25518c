import type { DestinationUser } from '../spec/generated/engagement-spec.js';
import type { ExportFormat } from '../spec/generated/platform-spec.js';
import { asciiSlug } from './vocabulary-people.js';

/**
 * The people who own sample records. Six are active users of the destination, one is a destination user who has
 * been deactivated (records owned by them are the `inactive-owner` problem) and one left before the migration and
 * has no destination account at all (`unknown-owner`). All of them appear in the source's user table.
 */
export interface SampleUser {
  first: string;
  last: string;
  name: string;
  email: string;
  active: boolean;
  inDestination: boolean;
}

const DOMAIN = 'northwind-sales.example';

function user(first: string, last: string, active: boolean, inDestination: boolean): SampleUser {
  return { first, last, name: `${first} ${last}`, email: `${asciiSlug(first)}.${asciiSlug(last)}@${DOMAIN}`, active, inDestination };
}

export const SAMPLE_USERS: readonly SampleUser[] = [
  user('Sarah', 'Jones', true, true),
  user('José', 'Martínez', true, true),
  user('Zoë', 'Lindqvist', true, true),
  user('Łukasz', 'Wójcik', true, true),
  user('Søren', 'Østergaard', true, true),
  user('Aiko', 'Tanaka', true, true),
  user('Priya', 'Raman', false, true),
  user('Tom', 'Whitaker', false, false),
];

export const ACTIVE_USERS = SAMPLE_USERS.filter((u) => u.active && u.inDestination).map((u) => SAMPLE_USERS.indexOf(u));
export const INACTIVE_USER = SAMPLE_USERS.findIndex((u) => !u.active && u.inDestination);
export const UNKNOWN_USER = SAMPLE_USERS.findIndex((u) => !u.inDestination);

/** The destination's user table: every sample user except the one who left. */
export function destinationUsers(): DestinationUser[] {
  return SAMPLE_USERS.filter((u) => u.inDestination).map((u) => ({ email: u.email, name: u.name, active: u.active }));
}

/** An owner cell in the platform's style: the user's email, display name, or user-table key. */
export function ownerValue(format: ExportFormat, userIndex: number, userKey: (index: number) => string): string {
  const u = SAMPLE_USERS[userIndex];
  if (u === undefined) return '';
  if (format.owners === 'email') return u.email;
  if (format.owners === 'user-name') return u.name;
  return userKey(userIndex);
}
