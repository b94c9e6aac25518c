import type { Engagement } from '../engagement/engagement.js';
import { openDestination } from '../destinations/open-destination.js';
import { destinationSetup } from './destination-setup.js';
import type { MigrationPlan } from './migration-plan.js';

/** What a live target's own check found: problems stop the plan; notes do not stop a load and are shown as warnings. */
export interface PreflightResult {
  problems: string[];
  notes: string[];
}

/** A live target checks its metadata now, so that a missing field stops the plan rather than half a load. */
export async function destinationProblems(engagement: Engagement, plan: MigrationPlan): Promise<PreflightResult> {
  if (engagement.target.kind === 'sqlite') return { problems: [], notes: [] };
  const destination = openDestination(engagement);
  try {
    // Closed even when the target has nothing to check: opening it may have started a client.
    if (destination.preflight === undefined) return { problems: [], notes: [] };
    const problems = await destination.preflight(destinationSetup(engagement, plan));
    return {
      problems: problems.map((p) => `${destination.label}: ${[p.object, p.attribute].filter(Boolean).join('.')}${p.object === undefined ? '' : ': '}${p.message}`),
      // What the target said that does not stop a load (an org that will not take original creation dates).
      notes: (destination.notes ?? []).map((n) => `${destination.label}: ${n}`),
    };
  } finally {
    await destination.close();
  }
}
