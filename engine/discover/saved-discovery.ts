import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Engagement } from '../engagement/engagement.js';
import { DISCOVERY_DIR } from './discovery-report.js';
import type { Discovery } from './discovery.js';

/**
 * The discovery `crm-migrate discover` saved for this engagement, or undefined when it has not run. Documents read
 * it instead of scanning the export again: its counts are the ones the customer already saw in the discovery report.
 */
export function savedDiscovery(engagement: Engagement): Discovery | undefined {
  const file = join(engagement.dir, DISCOVERY_DIR, 'discovery.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Discovery) : undefined;
}
