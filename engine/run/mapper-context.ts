import type { Engagement } from '../engagement/engagement.js';
import type { MigrationPlan } from '../plan/migration-plan.js';
import type { Ledger } from './ledger.js';
import { LookupResolver } from './lookup-resolver.js';
import { OwnerResolver, type DestinationUserRef } from './owner-resolver.js';
import { nullCells } from './reference.js';
import type { RowMapperContext } from './row-mapper.js';
import { readSourceUsers } from './source-users.js';
import { engagementTransformSettings } from '../transforms/format-scope.js';

export type MapperContext = Omit<RowMapperContext, 'load' | 'headers'>;

/** Everything row mapping reads, built the same way on the main thread and in the mapping worker. */
export async function mapperContext(
  engagement: Engagement,
  plan: MigrationPlan,
  ledger: Ledger,
  users: ReadonlyMap<string, DestinationUserRef>,
  resolutions: ReadonlyMap<string, string>,
): Promise<MapperContext> {
  const format = engagement.source.spec.export;
  // A Vtiger reference names its module (`Accounts::::Acme`); a load answers to its object's id and label.
  const moduleNames = new Map(
    plan.loads.map((l) => {
      const object = engagement.source.object(l.sourceObject);
      return [l.id, [l.sourceObject, object?.label ?? ''].filter((n) => n !== '')];
    }),
  );
  const ownerMap = new Map(
    (engagement.spec.ownerMap ?? []).filter((o) => o.user !== undefined && o.user !== '').map((o) => [o.source.trim().toLowerCase(), o.user as string]),
  );
  const sourceUsers = await readSourceUsers(engagement);
  const fallbackOwner = engagement.spec.options?.fallbackOwner;
  return {
    format,
    transforms: {
      format: format ?? { method: 'CSV export', dateFormat: 'YYYY-MM-DD', dateTimeFormat: 'YYYY-MM-DDTHH:mm:ss', references: 'id', owners: 'email' },
      stageTables: plan.stageTables,
      ...engagementTransformSettings(engagement.source.spec, engagement.spec),
    },
    lookups: new LookupResolver(ledger, moduleNames),
    owners: new OwnerResolver(users, {
      ownerMap,
      ...(sourceUsers === undefined ? {} : { sourceUsers }),
      ...(fallbackOwner === undefined ? {} : { fallbackOwner }),
    }),
    exportDir: engagement.exportDir,
    ...(engagement.destination.spec.rules?.maxFileBytes === undefined ? {} : { maxFileBytes: engagement.destination.spec.rules.maxFileBytes }),
    nullCells: nullCells(format),
    resolutions,
  };
}
