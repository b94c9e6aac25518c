import type { OwnerMapping } from '../spec/generated/pair-spec.js';

export interface DestinationUserRef {
  id: string;
  active: boolean;
  name: string;
}

/**
 * Finds the destination user who takes over a source owner: by email or by display name, after the engagement's
 * owner map and, for exports that write owners as user ids, the export's own user table. An inactive user is as good
 * as none: the destination refuses (or quietly orphans) records owned by a disabled user.
 */
export class OwnerResolver {
  private readonly byName = new Map<string, DestinationUserRef>();

  constructor(
    /** Destination users by lower-case email. */
    private readonly users: ReadonlyMap<string, DestinationUserRef>,
    private readonly options: {
      /** Source owner (as exported, lower-case) to destination user email, from the engagement's owner map. */
      ownerMap?: ReadonlyMap<string, string>;
      /** Source user id to email, when the export writes owners as ids. */
      sourceUsers?: ReadonlyMap<string, string>;
      /** Email of the user who takes records whose owner cannot be matched, when the pair allows it. */
      fallbackOwner?: string;
    } = {},
  ) {
    for (const user of users.values()) this.byName.set(user.name.trim().toLowerCase(), user);
  }

  resolve(value: string, owner: OwnerMapping): { id: string } | { problem: string } {
    const found = this.match(value, owner);
    if (found !== undefined && found.active) return { id: found.id };
    if (owner.onMissing === 'fallback' && this.options.fallbackOwner !== undefined) {
      const fallback = this.users.get(this.options.fallbackOwner.toLowerCase());
      if (fallback?.active === true) return { id: fallback.id };
    }
    if (value === '') return { problem: 'the row has no owner' };
    if (found !== undefined) return { problem: `owner "${value}" is an inactive user in the destination` };
    return { problem: `owner "${value}" has no user in the destination` };
  }

  /** The destination user a source owner stands for, active or not; undefined when nobody matches. */
  match(value: string, owner: OwnerMapping): DestinationUserRef | undefined {
    const key = value.trim().toLowerCase();
    if (key === '') return undefined;
    const mapped = this.options.ownerMap?.get(key);
    if (mapped !== undefined) return this.users.get(mapped.toLowerCase());
    const viaSource = this.options.sourceUsers?.get(value.trim());
    if (viaSource !== undefined) return this.users.get(viaSource.toLowerCase());
    return owner.by === 'email' ? this.users.get(key) : (this.byName.get(key) ?? this.users.get(key));
  }
}
