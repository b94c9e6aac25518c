import type { Engagement } from '../engagement/engagement.js';
import type { MigrationPlan } from '../plan/migration-plan.js';
import type { Ledger } from './ledger.js';
import { LookupResolver } from './lookup-resolver.js';
import type { NotLoadedRows } from './not-loaded-rows.js';
import { csvOptions } from '../plan/csv-options.js';
import { ReferencedObjects } from '../source/referenced-object.js';
import type { DuplicateRow } from '../plan/shape-findings.js';
import type { CsvOptions } from '../source/csv-file.js';
import { attributeRules } from '../plan/attribute-rules.js';
import { transformContext } from '../plan/transform-context.js';
import { OwnerResolver, type DestinationUserRef } from '../plan/owner-resolver.js';
import { nullCells } from '../source/reference.js';
import type { RowMapperContext } from './row-mapper.js';
import { readSourceUsers } from '../source/source-users.js';

export type MapperContext = Omit<RowMapperContext, 'load' | 'headers'> & {
  /** How the export's files are read (delimiter, encoding). */
  csv: CsvOptions;
  /** Rows of each load that repeat a source key and do not load as themselves, by load and line (see plan/duplicate-keys). */
  duplicates: ReadonlyMap<string, ReadonlyMap<number, DuplicateRow>>;
  /** Rows earlier loads could not load, filled as the run maps them, so references to them say why. */
  notLoaded: NotLoadedRows;
};

/** Everything row mapping reads, built the same way on the main thread and in the mapping worker. */
export async function mapperContext(
  engagement: Engagement,
  plan: MigrationPlan,
  ledger: Ledger,
  users: ReadonlyMap<string, DestinationUserRef>,
  resolutions: ReadonlyMap<string, string>,
  duplicates: ReadonlyMap<string, readonly DuplicateRow[]> = new Map(),
): Promise<MapperContext> {
  const notLoaded = ledger.notLoadedRows();
  const attributeRule = attributeRules(engagement);
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
    transforms: transformContext(engagement, plan),
    lookups: new LookupResolver(ledger, moduleNames, notLoaded),
    notLoaded,
    attributeRule,
    referencedObjects: new ReferencedObjects(engagement.source),
    csv: csvOptions(engagement),
    duplicates: new Map([...duplicates].map(([load, rows]) => [load, new Map(rows.map((r) => [r.line, r]))])),
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
