import type { Engagement } from '../engagement/engagement.js';
import type { Destination } from './destination.js';
import { createSandbox } from './sandbox/index.js';

/** The destination an engagement's `target` names. Live targets come with their own modules as they are built. */
export function openDestination(engagement: Engagement): Destination {
  const { kind, location } = engagement.target;
  if (kind === 'sqlite') return createSandbox(location);
  throw new Error(`The ${kind} target is not available yet; use sqlite:PATH (the sandbox).`);
}
