import type { Engagement } from '../engagement/engagement.js';
import type { TransformContext } from '../transforms/transform.js';
import { engagementTransformSettings } from '../transforms/format-scope.js';
import type { MigrationPlan } from './migration-plan.js';

/** What transforms read besides their input, the same for the run's mapper and for checks made before it. */
export function transformContext(engagement: Engagement, plan: Pick<MigrationPlan, 'stageTables'>): TransformContext {
  const format = engagement.source.spec.export;
  return {
    format: format ?? { method: 'CSV export', dateFormat: 'YYYY-MM-DD', dateTimeFormat: 'YYYY-MM-DDTHH:mm:ss', references: 'id', owners: 'email' },
    stageTables: plan.stageTables,
    ...engagementTransformSettings(engagement.source.spec, engagement.spec),
  };
}
