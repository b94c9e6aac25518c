import type { PlannedLoad } from '../plan/migration-plan.js';
import { readReference } from '../source/reference.js';
import { destinationField } from '../spec/pair-model.js';
import type { FindingExample } from './discovery.js';
import type { ScanContext } from './scan-context.js';
import { probabilityColumn, stageFields } from './stage-audit.js';

type Cell = (cells: readonly string[], column: string | undefined) => string;
type Where = { object: string; file: string; line: number; key: string };

export interface LoadChecks {
  row(cells: readonly string[], where: Where, at: Cell): void;
}

/**
 * The checks that depend on what a load does with a row: its references (to the scratch store, for the orphan
 * query), references left blank where a parent is expected, owners, stages, and values the destination requires.
 * Everything that can be decided from the spec is decided once here, not per row.
 */
export function loadChecks(load: PlannedLoad, ctx: ScanContext, headers: readonly string[]): LoadChecks {
  const { engagement, plan } = ctx;
  const format = engagement.source.spec.export;
  const companyLoads = new Set(plan.loads.filter((l) => l.sourceObject === ctx.companyObject).map((l) => l.id));
  // A contact or deal is expected to have a company: a blank one is worth a finding (and a queue row later).
  const expectsParent = load.sourceObject !== ctx.companyObject && ctx.companyObject !== undefined && isPersonOrDeal(load, ctx);
  const parentGroups = expectsParent ? groupColumns(load.lookups.filter((l) => l.targets.some((t) => companyLoads.has(t)))) : [];
  const required = load.fields.filter((f) => {
    // A constant, or a `default` step, fills the attribute whatever the column holds.
    if (f.value !== undefined || f.columns.length === 0) return false;
    if (f.steps.some((step) => (typeof step === 'string' ? step : step.name) === 'default')) return false;
    const field = destinationField(engagement.destination, plan.customAttributes, load.object, f.to);
    return field?.required === true && field.defaulted !== true;
  });
  // A stage built from several columns (status plus stage) is audited as the transform sees it: joined.
  const stageColumns = stageFields(load, plan.stageTables);
  // Exports with several pipelines say which one a deal is on in a column of that name.
  const pipelineColumn = headers.find((h) => /\bpipeline\b/i.test(h));
  const stageProbability = probabilityColumn(headers);
  const missingKey = load.keyColumns.join(' + ');

  return {
    row(cells, where, at) {
      const example = (value?: string): FindingExample => ({ line: where.line, key: where.key, ...(value === undefined ? {} : { value }) });
      if (load.keyColumns.every((c) => at(cells, c).trim() === '')) ctx.findings.add('missing-required', { ...where, column: missingKey }, example());
      for (const f of required) {
        if (f.columns.every((c) => at(cells, c).trim() === '')) ctx.findings.add('missing-required', { ...where, column: f.columns.join(' + ') }, example());
      }
      for (const lookup of load.lookups) {
        const ref = readReference(lookup.columns, (c) => at(cells, c), format);
        if (ref.value === '') continue;
        const value = lookup.by === 'key' ? ref.value : ref.value.toLowerCase();
        ctx.store.reference({ ...where, column: lookup.column, value, by: lookup.by, targets: lookup.targets });
      }
      for (const columns of parentGroups) {
        if (columns.every((c) => at(cells, c).trim() === '')) ctx.findings.add('missing-reference', { ...where, column: columns.join(' + ') }, example());
      }
      if (load.owner) {
        const value = at(cells, load.owner.from);
        const match = ctx.owners.add(value, load.owner);
        if (match === 'none' || match === 'inactive') {
          ctx.findings.add(match === 'none' ? 'unknown-owner' : 'inactive-owner', { ...where, column: load.owner.from }, example(value.trim()));
        }
      }
      for (const { columns, table } of stageColumns) {
        const pipeline = pipelineColumn === undefined ? undefined : at(cells, pipelineColumn).trim() || undefined;
        const probability = stageProbability === undefined ? undefined : at(cells, stageProbability);
        ctx.stages.add({ load: load.id, columns, table, ...(pipeline === undefined ? {} : { pipeline }), ...(probability === undefined ? {} : { probability }) }, columns.map((c) => at(cells, c)));
      }
    },
  };
}

/** Lookups writing the same attribute are one reference with fallbacks: blank only when all of them are. */
function groupColumns(lookups: PlannedLoad['lookups']): string[][] {
  const groups = new Map<string, string[]>();
  for (const l of lookups) groups.set(l.to, [...(groups.get(l.to) ?? []), ...l.columns]);
  return [...groups.values()];
}

function isPersonOrDeal(load: PlannedLoad, ctx: ScanContext): boolean {
  return ctx.peopleObjects.has(load.sourceObject) || ctx.dealObject === load.sourceObject;
}
