import type { DestinationSetup } from '../destinations/destination.js';
import type { Engagement } from '../engagement/engagement.js';
import type { MigrationPlan } from './migration-plan.js';

/** What a destination needs to prepare for an engagement's plan; apply, rollback and verify open it the same way. */
export function destinationSetup(engagement: Engagement, plan: MigrationPlan): DestinationSetup {
  const spec = engagement.spec;
  return {
    destination: engagement.destination.spec,
    objects: plan.objects,
    customAttributes: plan.customAttributes,
    writes: writtenAttributes(plan),
    users: spec.users ?? [],
    ...(spec.edition === undefined ? {} : { edition: spec.edition }),
    currencies: engagementCurrencies(engagement),
    auditFields: spec.options?.auditFields !== false,
  };
}

/** The engagement's own currency at rate 1, then every currency it has a rate for. */
function engagementCurrencies(engagement: Engagement): { code: string; rate: number }[] {
  const options = engagement.spec.options;
  const base = options?.currency ?? 'USD';
  return [{ code: base, rate: 1 }, ...(options?.rates ?? []).filter((r) => r.code !== base).map((r) => ({ code: r.code, rate: r.rate }))];
}

/** The attributes each load writes (fields, lookups, owner, attachment parts), gathered per destination object. */
function writtenAttributes(plan: MigrationPlan): Record<string, string[]> {
  const writes = new Map<string, Set<string>>();
  for (const load of plan.loads) {
    const names = writes.get(load.object) ?? new Set<string>();
    for (const field of load.fields) names.add(field.to);
    for (const lookup of load.lookups) names.add(lookup.to);
    if (load.owner !== undefined) names.add(load.owner.to);
    const a = load.attachment;
    if (a !== undefined) for (const name of [a.content, a.fileName, a.mimeType, a.size]) if (name !== undefined) names.add(name);
    writes.set(load.object, names);
    const attendees = load.attendees?.storage;
    if (attendees !== undefined) {
      const parties = writes.get(attendees.object) ?? new Set<string>();
      for (const name of [attendees.activity, attendees.party, attendees.address, ...Object.values(attendees.roles).flatMap((v) => Object.keys(v ?? {}))]) if (name !== undefined) parties.add(name);
      writes.set(attendees.object, parties);
    }
  }
  return Object.fromEntries([...writes].map(([object, names]) => [object, [...names].sort()]));
}
