import type { AttendeeMapping, Load } from '../spec/generated/pair-spec.js';
import type { AttendeeStorage } from '../spec/generated/platform-spec.js';

export type AttendeeRole = AttendeeMapping['role'];

/** A meeting load's invitee columns, resolved against how the destination stores attendees. */
export interface PlannedAttendees {
  storage: AttendeeStorage;
  /** `column` is absent for the meeting's owner. */
  columns: { column?: string; role: AttendeeRole; by: 'email' | 'name' | 'key'; separator?: string }[];
  /** Loads of the pair whose records invitees resolve to, in the storage's target order (contacts before leads). */
  targetLoads: string[];
  /** True when users are among the targets: an invitee email may name a destination user. */
  users: boolean;
  /** Roles the pair asks for that this destination does not store as attendees (Salesforce: the organizer is the owner). */
  unstored: { column?: string; role: AttendeeRole }[];
}

/**
 * Compiles a load's `attendees` against the destination's `rules.attendees`. Which loads an email can name is read
 * from the pair (every load writing a target object), so a new pair needs only YAML. Undefined when the load has no
 * attendees or the destination does not say how it stores them.
 */
export function planAttendees(
  load: Load,
  storage: AttendeeStorage | undefined,
  loads: readonly { id: string; to: string }[],
  userObject: string | undefined,
): PlannedAttendees | undefined {
  if (load.attendees === undefined || storage === undefined) return undefined;
  const lower = (s: string): string => s.toLowerCase();
  const targets = storage.targets.map(lower);
  const targetLoads = targets.flatMap((t) => loads.filter((l) => lower(l.to) === t).map((l) => l.id));
  const stored = (role: AttendeeRole): boolean => storage.roles[role] !== undefined;
  return {
    storage,
    columns: load.attendees
      .filter((a) => stored(a.role) && (a.owner === true || a.from !== undefined))
      .map((a) => ({ ...(a.owner === true || a.from === undefined ? {} : { column: a.from }), role: a.role, by: a.by ?? 'email', ...(a.separator === undefined ? {} : { separator: a.separator }) })),
    targetLoads,
    users: userObject !== undefined && targets.includes(lower(userObject)),
    unstored: load.attendees.filter((a) => !stored(a.role)).map((a) => ({ ...(a.from === undefined ? {} : { column: a.from }), role: a.role })),
  };
}
