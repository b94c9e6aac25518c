import { PlatformIndex } from '../spec/platform-index.js';
import type { PlatformSpec } from '../spec/generated/platform-spec.js';
import type { Engagement } from './engagement.js';

/** An engagement as plain data, which can be copied to a worker thread: the platform indexes travel as their specs. */
export interface EngagementData extends Omit<Engagement, 'source' | 'destination'> {
  source: PlatformSpec;
  destination: PlatformSpec;
}

export function engagementData(engagement: Engagement): EngagementData {
  return { ...engagement, source: engagement.source.spec, destination: engagement.destination.spec };
}

/**
 * The engagement again, its indexes rebuilt from the specs. Far cheaper than reading migration.yaml and the spec
 * library once more (about 0.7 s and a second copy of every platform's spec), and it is the engagement the plan was
 * compiled from, even if a file changed since.
 */
export function engagementFromData(data: EngagementData): Engagement {
  return { ...data, source: new PlatformIndex(data.source), destination: new PlatformIndex(data.destination) };
}
