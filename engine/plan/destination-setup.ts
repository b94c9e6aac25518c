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
    users: spec.users ?? [],
    ...(spec.edition === undefined ? {} : { edition: spec.edition }),
  };
}
