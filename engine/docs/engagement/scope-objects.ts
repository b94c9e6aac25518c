import type { Discovery } from '../../discover/discovery.js';
import type { Engagement } from '../../engagement/engagement.js';
import type { Load, ObjectRow, RowFilter } from '../../spec/generated/pair-spec.js';
import type { MigrationPlan } from '../../plan/migration-plan.js';
import type { PlanPhase } from '../../plan/plan-summary.js';

/** One row of the pair's object table as the scope document shows it, counts included. */
export interface ScopeObject {
  id: string;
  source: string;
  destination: string;
  mapping: ObjectRow['mapping'];
  lossy: boolean;
  compatibility: string;
  /** How much of it there is, in words: rows in the export, stages in the table, columns decided, owners mapped. */
  amount: string;
  /** Where it comes from: export files (with their row filter), the stage table, or migration.yaml. */
  from: string;
  /** Rows the loads of this row read from the export; null when it has no loads or none of its files is there. */
  rows: number | null;
}

const COMPATIBILITY_WORDS: Record<ObjectRow['compatibility'], string> = {
  'fully-supported': 'fully supported',
  'mapping-required': 'mapping required',
};

const count = (n: number, one: string, many: string): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

const orList = (values: readonly string[]): string =>
  values.length <= 1 ? (values[0] ?? '') : `${values.slice(0, -1).join(', ')} or ${values[values.length - 1] ?? ''}`;

/**
 * The files a row's loads read, each once: `activities.csv where Type is Call, Meeting or Task` when several loads
 * split one file by the same column, the plain file name when any load takes all of it.
 */
function sourceFiles(engagement: Engagement, loads: readonly Load[]): string {
  const byFile = new Map<string, Load[]>();
  for (const load of loads) {
    const file = engagement.source.object(load.from)?.file ?? `${load.from}.csv`;
    byFile.set(file, [...(byFile.get(file) ?? []), load]);
  }
  return [...byFile]
    .map(([file, fileLoads]) => {
      const filters = fileLoads.map((l) => l.where);
      if (filters.some((f) => f === undefined)) return file;
      const columns = new Set(filters.map((f) => f?.column));
      const values = (f: RowFilter | undefined): string[] => (f?.in ?? []).map((v) => (v === '' ? '(blank)' : v));
      if (columns.size === 1) return `${file} where ${filters[0]?.column ?? ''} is ${orList([...new Set(filters.flatMap(values))])}`;
      return filters.map((f) => `${file} where ${f?.column ?? ''} is ${orList(values(f))}`).join('; ');
    })
    .join('; ');
}

/**
 * The pair's object rows with what this engagement has of each. Record rows count the rows their loads take from the
 * export (after each load's row filter, so calls, meetings and tasks sharing one file are told apart); the other
 * kinds count the decisions behind them. The view is preformatted so both templates only lay it out.
 */
export function scopeObjects(engagement: Engagement, plan: MigrationPlan, phases: readonly PlanPhase[], discovery: Discovery | undefined): ScopeObject[] {
  const rowsOf = new Map(phases.map((p) => [p.load, p.sourceRows]));
  const { spec } = engagement;
  return engagement.pair.objects.map((row) => {
    const loads = row.loads ?? [];
    const known = loads.map((l) => rowsOf.get(l.id)).filter((n): n is number => n !== undefined);
    const rows = known.length === 0 ? null : known.reduce((a, b) => a + b, 0);
    const base = { id: row.id, source: row.source, destination: row.destination, mapping: row.mapping, lossy: row.mapping === 'lossy', compatibility: COMPATIBILITY_WORDS[row.compatibility], rows };
    if (loads.length > 0) {
      return { ...base, amount: rows === null ? 'file missing' : count(rows, 'row', 'rows'), from: sourceFiles(engagement, loads) };
    }
    // The plan's stage table: the pair's default rows with the engagement's own rows laid over them.
    const stages = { ...base, amount: count(plan.stageTables.get(row.stageTable ?? '')?.length ?? 0, 'stage', 'stages'), from: `stage table ${row.stageTable ?? ''}` };
    switch (row.kind) {
      case 'stages':
        return stages;
      case 'pipeline': {
        if (row.stageTable !== undefined) return stages;
        // Pipelines are rows of no file: only discovery, which reads the deals' pipeline column, knows how many there are.
        if (discovery === undefined) return { ...base, amount: '', from: '' };
        const pipelines = new Set(discovery.stages.flatMap((s) => (s.pipeline === undefined ? [] : [s.pipeline])));
        return { ...base, amount: count(pipelines.size, 'pipeline', 'pipelines'), from: 'found by discovery' };
      }
      case 'custom-fields':
        return { ...base, amount: count((spec.customFields ?? []).length, 'column decided', 'columns decided'), from: 'customFields in migration.yaml' };
      case 'owners':
        return { ...base, amount: count((spec.ownerMap ?? []).length, 'owner', 'owners'), from: 'ownerMap in migration.yaml' };
      case 'field':
        return { ...base, amount: 'one field', from: row.field === undefined ? '' : `load ${row.field.load}, field ${row.field.to}` };
      default:
        return { ...base, amount: '', from: '' };
    }
  });
}
