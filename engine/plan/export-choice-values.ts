import { existsSync, readFileSync, statSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Engagement } from '../engagement/engagement.js';
import type { CustomAttribute } from '../spec/generated/pair-spec.js';
import type { MigrationPlan } from './migration-plan.js';

/** Files larger than this are not read here; the checklist then asks for the values instead of listing them. */
const MAX_BYTES = 64 * 1024 * 1024;

/**
 * The values a new choice column must offer, read from the export: every distinct value (each tag of a multi-value
 * cell) of the columns the plan writes into it, in first-seen order. A multi-select picklist only accepts values an
 * admin defined beforehand, so a checklist that said "add the values the data uses" without naming them left the
 * admin to find them by hand (Smart CRM tags into `Tags__c`).
 */
export function exportedChoiceValues(engagement: Engagement, plan: MigrationPlan, attribute: CustomAttribute): string[] {
  if (attribute.type !== 'picklist' && attribute.type !== 'multipicklist') return [];
  const format = engagement.source.spec.export;
  const nulls = new Set((format?.nullValues ?? []).map((v) => v.toLowerCase()));
  const separator = format?.multiValueSeparator?.trim() || undefined;
  const seen = new Map<string, string>();
  for (const load of plan.loads.filter((l) => l.object === attribute.object)) {
    const columns = load.fields.filter((f) => f.to === attribute.name && f.columns.length === 1).map((f) => f.columns[0] as string);
    if (columns.length === 0 || !existsSync(load.file) || statSync(load.file).size > MAX_BYTES) continue;
    const rows = parse(readFileSync(load.file), {
      columns: true,
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      ...(format?.delimiter === undefined ? {} : { delimiter: format.delimiter }),
    }) as Record<string, string | undefined>[];
    for (const row of rows) {
      if (load.filter && !load.filter.values.has((row[load.filter.column] ?? '').trim().toLowerCase())) continue;
      for (const column of columns) {
        const cell = (row[column] ?? '').trim();
        if (cell === '' || nulls.has(cell.toLowerCase())) continue;
        const parts = attribute.type === 'multipicklist' ? cell.split(separator ?? /[;,]/) : [cell];
        for (const part of parts.map((p) => p.trim()).filter((p) => p !== '')) {
          // Picklist values match case-insensitively, so Vip and VIP are one value: the first spelling is kept.
          if (!seen.has(part.toLowerCase())) seen.set(part.toLowerCase(), part);
        }
      }
    }
  }
  return [...seen.values()];
}
