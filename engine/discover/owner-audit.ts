import type { DestinationUser } from '../spec/generated/engagement-spec.js';
import type { OwnerMapping } from '../spec/generated/pair-spec.js';
import { OwnerResolver } from '../plan/owner-resolver.js';
import type { OwnerProfile } from './discovery.js';

export type OwnerMatch = OwnerProfile['match'];

/**
 * Every distinct owner in the export, matched against the destination's users exactly as the run will match them
 * (same resolver, same id-to-email table), but without the engagement's owner map: discovery shows the raw state the
 * owner map is then proposed from. Owners are users, so there are few of them and they are kept in memory.
 */
export class OwnerAudit {
  private readonly resolver: OwnerResolver;
  private readonly owners = new Map<string, OwnerProfile>();

  constructor(users: readonly DestinationUser[], sourceUsers?: ReadonlyMap<string, string>) {
    const refs = new Map(users.map((u) => [u.email.trim().toLowerCase(), { id: u.email, active: u.active !== false, name: u.name }]));
    this.resolver = new OwnerResolver(refs, sourceUsers === undefined ? {} : { sourceUsers });
  }

  /** Tallies one row's owner and says how it matched; undefined for a blank owner. */
  add(value: string, owner: OwnerMapping): OwnerMatch | undefined {
    const trimmed = value.trim();
    if (trimmed === '') return undefined;
    let profile = this.owners.get(trimmed);
    if (profile === undefined) {
      const user = this.resolver.match(trimmed, owner);
      profile = { value: trimmed, rows: 0, match: user === undefined ? 'none' : user.active ? 'active' : 'inactive', ...(user ? { user: user.id } : {}) };
      this.owners.set(trimmed, profile);
    }
    profile.rows += 1;
    return profile.match;
  }

  profiles(): OwnerProfile[] {
    return [...this.owners.values()].sort((a, b) => b.rows - a.rows || a.value.localeCompare(b.value));
  }
}
