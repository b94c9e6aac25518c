import type { OwnerProfile } from '../discover/discovery.js';
import type { DestinationUser, OwnerDecision } from '../spec/generated/engagement-spec.js';

/**
 * Each source owner to a destination user: an active user with the same email (or the discovery's match) with
 * confidence 1; a unique active user with the same name with 0.8; everyone else to the fallback user, with low
 * confidence, or to the owner queue when there is no fallback.
 */
export function proposeOwnerMap(owners: OwnerProfile[], users: DestinationUser[], fallback?: string): OwnerDecision[] {
  const active = users.filter((u) => u.active !== false);
  const byEmail = new Map(users.map((u) => [u.email.trim().toLowerCase(), u]));
  // Without a configured fallback, the busiest matched owner is the natural one to suggest for the queue.
  const busiest = [...owners]
    .sort((a, b) => b.rows - a.rows)
    .map((o) => byEmail.get((o.user ?? o.value).trim().toLowerCase()))
    .find((u) => u !== undefined && u.active !== false);
  return owners.map((owner): OwnerDecision => {
    const source = owner.value;
    const key = (owner.user ?? source).trim().toLowerCase();
    const user = byEmail.get(key);
    if (user && user.active !== false) {
      return { source, user: user.email, confidence: 1, reason: `same email as destination user ${user.name}`, status: 'proposed' };
    }
    const named = active.filter((u) => u.name.trim().toLowerCase() === source.trim().toLowerCase());
    if (!user && named.length === 1) {
      return { source, user: named[0]!.email, confidence: 0.8, reason: `same name as destination user ${named[0]!.email}`, status: 'proposed' };
    }
    const why = user ? `destination user ${user.email} is inactive` : `no destination user has this email or name`;
    if (fallback) return { source, user: fallback, confidence: 0.3, reason: `${why}; the fallback user owns the records (${owner.rows} rows)`, status: 'proposed' };
    const suggestion = busiest ? `; suggested fallback: ${busiest.email}` : '';
    return { source, confidence: 0.3, reason: `${why}; records held in the owner queue (${owner.rows} rows)${suggestion}`, status: 'proposed' };
  });
}
