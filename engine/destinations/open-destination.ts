import type { Engagement } from '../engagement/engagement.js';
import type { Destination } from './destination.js';
import { createSandbox } from './sandbox/index.js';

/**
 * The destination an engagement's `target` names. Live targets take their credentials from `env` (the process
 * environment unless a caller passes another), never from files.
 */
export function openDestination(engagement: Engagement, env: NodeJS.ProcessEnv = process.env): Destination {
  const { kind, location } = engagement.target;
  if (kind === 'sqlite') return createSandbox(location);
  throw new Error(`The ${kind} target is not available yet; use sqlite:PATH (the sandbox).`);
}
