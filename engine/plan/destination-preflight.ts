import type { Engagement } from '../engagement/engagement.js';
import { openDestination } from '../destinations/open-destination.js';
import { destinationSetup } from './destination-setup.js';
import type { MigrationPlan } from './migration-plan.js';

/** A live target checks its metadata now, so that a missing field stops the plan rather than half a load. */
export async function destinationProblems(engagement: Engagement, plan: MigrationPlan): Promise<string[]> {
  if (engagement.target.kind === 'sqlite') return [];
  const destination = openDestination(engagement);
  try {
    // Closed even when the target has nothing to check: opening it may have started a client.
    if (destination.preflight === undefined) return [];
    const problems = await destination.preflight(destinationSetup(engagement, plan));
    return problems.map((p) => `${destination.label}: ${[p.object, p.attribute].filter(Boolean).join('.')}${p.object === undefined ? '' : ': '}${p.message}`);
  } finally {
    await destination.close();
  }
}
