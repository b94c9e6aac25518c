import type { Engagement } from '../engagement/engagement.js';
import type { MigrationPlan } from '../plan/migration-plan.js';
import type { FindingCollector } from './findings.js';
import type { OwnerAudit } from './owner-audit.js';
import type { ScratchStore } from './scratch-store.js';
import type { StageAudit } from './stage-audit.js';

/** What every file's scan shares: the engagement, the audits that gather across files, and the roles objects play. */
export interface ScanContext {
  engagement: Engagement;
  plan: MigrationPlan;
  store: ScratchStore;
  findings: FindingCollector;
  owners: OwnerAudit;
  stages: StageAudit;
  /** Loads some lookup points at: their records are indexed for the orphan check. */
  lookupTargets: ReadonlySet<string>;
  /** Which source object plays the company, for duplicate names and missing parents. */
  companyObject?: string;
  /** The object with the stage table: a deal without a company is worth a finding, like a contact without one. */
  dealObject?: string;
  /** Person-like objects: their emails should be unique. */
  peopleObjects: ReadonlySet<string>;
  nullCells: ReadonlySet<string>;
  onRows?: (object: string, rows: number) => void;
}
