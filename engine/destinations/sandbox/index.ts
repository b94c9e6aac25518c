import type { Destination } from '../destination.js';
import { Sandbox } from './sandbox.js';

/** The embedded default target: a SQLite file at `path` that enforces the destination's rules. */
export function createSandbox(path: string): Destination {
  return new Sandbox(path);
}

export { Sandbox } from './sandbox.js';
export { idStyle, type IdStyle } from '../model/record-ids.js';
