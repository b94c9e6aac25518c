import type { PlannedLoad } from '../plan/migration-plan.js';
import { openCsv } from '../source/csv-file.js';
import { RowFilter } from '../plan/row-filter.js';
import type { PlatformObject } from '../spec/generated/platform-spec.js';
import { ColumnProfiler } from './column-profiler.js';
import type { ColumnProfile, ObjectProfile } from './discovery.js';
import { loadChecks } from './load-checks.js';
import type { ScanContext } from './scan-context.js';
import { withGotchaChecks } from './gotcha-checks.js';
import { isCheckedType, valueChecker } from './value-checks.js';
import { engagementTransformSettings } from '../transforms/format-scope.js';


export interface ObjectScan {
  profile: ObjectProfile;
  columns: ColumnProfile[];
}

/**
 * One pass over one export file: the header compared with the platform's template, custom columns profiled, every
 * row's values checked, and keys, names, emails and references handed to the scratch store for the cross-file checks.
 */
export async function scanObject(name: string, object: PlatformObject, path: string, ctx: ScanContext): Promise<ObjectScan> {
  const { engagement } = ctx;
  const format = engagement.source.spec.export;
  const file = object.file ?? `${name}.csv`;
  const standard = object.fields.map((f) => f.name);
  // A Salesforce-shaped file's relationship columns are read as the fields they stand for, as the run reads them.
  const relationships = format?.shape === 'salesforce-data-export' ? { known: standard, relationshipColumns: object.key === undefined ? {} : { key: object.key } } : {};
  const csv = await openCsv(path, { ...(format?.delimiter === undefined ? {} : { delimiter: format.delimiter }), ...relationships });
  const headers = csv.headers;
  const customColumns = headers.filter((h) => h !== '' && !standard.includes(h));
  const index = new Map(headers.map((h, i) => [h, i]));
  const at = (cells: readonly string[], column: string | undefined): string => {
    const raw = column === undefined ? '' : (cells[index.get(column) ?? -1] ?? '');
    return ctx.nullCells.has(raw.trim()) ? '' : raw;
  };

  const profilers = customColumns.map((column) => ({ column, profiler: format === undefined ? undefined : new ColumnProfiler(format) }));
  const check = format === undefined ? undefined : valueChecker(format, engagementTransformSettings(engagement.source.spec, engagement.spec));
  const checkedColumns = object.fields.filter((f) => isCheckedType(f.type) && index.has(f.name));
  const emailColumn = ctx.peopleObjects.has(name) ? object.fields.find((f) => f.type === 'email' && index.has(f.name))?.name : undefined;
  const nameColumns = ctx.companyObject === name ? (object.nameColumns ?? (object.primaryName === undefined ? [] : [object.primaryName])) : [];
  const loads = ctx.plan.loads
    .filter((l) => l.sourceObject === name)
    .map((load) => ({ load, filter: new RowFilter(load, headers), checks: withGotchaChecks(loadChecks(load, ctx, headers), load, ctx) }));

  let rows = 0;
  for await (const row of csv.rows) {
    rows += 1;
    const { cells, line } = row;
    const key = at(cells, object.key).trim();
    const where = { object: name, file, line, key };
    for (const { column, profiler } of profilers) profiler?.add(at(cells, column), line);
    for (const field of checkedColumns) {
      const value = at(cells, field.name);
      const kind = check?.(field.type, value, { object: name, columns: [field.name] });
      if (kind !== undefined) ctx.findings.add(kind, { object: name, file, column: field.name }, { line, key, value: value.trim() });
    }
    const email = at(cells, emailColumn).trim().toLowerCase();
    if (emailColumn !== undefined && email !== '') ctx.store.unique('duplicate-email', { ...where, column: emailColumn }, email);
    const company = nameColumns.map((c) => at(cells, c).trim()).filter((v) => v !== '').join(' ').toLowerCase();
    if (company !== '') ctx.store.unique('duplicate-company', { ...where, column: nameColumns.join(' + ') }, company);
    for (const { load, filter, checks } of loads) {
      if (!filter.belongsHere(cells)) continue;
      indexRecord(load, cells, at, ctx);
      checks.row(cells, where, at);
    }
    if (rows % 5_000 === 0) ctx.onRows?.(name, rows);
  }
  ctx.onRows?.(name, rows);

  const columns = profilers.map(({ column, profiler }): ColumnProfile => {
    const result = profiler?.result() ?? { type: 'text' as const, maxLength: 0, filled: 0, rows, samples: [], strays: [], strayCount: 0 };
    // Strays in a custom column of a checked type are bad values, as they would be in a standard column.
    const kind = check?.(result.type, result.strays[0]?.value ?? '');
    if (kind !== undefined) ctx.findings.addGrouped(kind, [{ object: name, file, column, count: result.strayCount, examples: result.strays }]);
    const { strays: _strays, strayCount: _count, ...profile } = result;
    return { object: name, file, column, custom: true, ...profile };
  });
  return { profile: { object: name, file, rows, headers, missingStandard: standard.filter((s) => !index.has(s)), customColumns }, columns };
}

/** Keys, names and emails of a record that lookups may point at, indexed the way the run's lookups compare them. */
function indexRecord(load: PlannedLoad, cells: readonly string[], at: (cells: readonly string[], column: string | undefined) => string, ctx: ScanContext): void {
  if (!ctx.lookupTargets.has(load.id)) return;
  const key = load.keyColumns.map((c) => at(cells, c).trim()).join('|');
  if (key.replaceAll('|', '') !== '') ctx.store.record(load.id, 'key', key);
  if (load.indexBy.includes('name')) {
    const name = load.nameColumns.map((c) => at(cells, c).trim()).filter((v) => v !== '').join(' ').toLowerCase();
    if (name !== '') ctx.store.record(load.id, 'name', name);
  }
  const email = at(cells, load.emailColumn).trim().toLowerCase();
  if (load.indexBy.includes('email') && email !== '') ctx.store.record(load.id, 'email', email);
}
