import type { Engagement } from '../engagement/engagement.js';
import { checkExportFile, DEFAULT_MAX_FILE_BYTES } from '../source/export-file.js';
import { destinationField } from '../spec/pair-model.js';
import type { PlatformField } from '../spec/generated/platform-spec.js';
import { splitMultiValue } from '../transforms/choices.js';
import type { MigrationPlan, PlannedLoad } from './migration-plan.js';

/** Steps that leave text as it is apart from case, spaces and a default for blanks: only such text is measured. */
const PASS_THROUGH = new Set(['trim', 'lower', 'upper', 'title-case', 'email', 'url', 'strip-html', 'default']);

/** The product pages' gotchas that a row can show before anything moves. */
export type GotchaCode = 'text-too-long' | 'unknown-choice-value' | 'unusable-file';

export interface GotchaHit {
  code: GotchaCode;
  column: string;
  /** What a person needs to recognise the row: `41 characters, FirstName holds 40`, the tag, the file's path. */
  value: string;
  /** For files: why the run cannot use it (too large, missing, outside the export). */
  reason?: string;
}

export interface RowGotchas {
  /** True when the load has anything to check, so callers can skip the per-row work. */
  readonly active: boolean;
  check(cells: readonly string[], at: (cells: readonly string[], column: string) => string): GotchaHit[];
}

/**
 * The destination's limits that the product pages list as gotchas and that would otherwise surface only at apply:
 * text longer than the destination attribute holds (a 200-character name), multi-select values the destination's
 * picklist does not offer (tags), and attachment files the run cannot send (over the destination's size limit,
 * missing, outside the export). Decided once per load from the spec; each row then costs a few length and set
 * lookups. `plan` (export-check) and `discover` (gotcha-checks) both ask this one place.
 */
export function rowGotchas(load: PlannedLoad, engagement: Engagement, plan: Pick<MigrationPlan, 'customAttributes'>): RowGotchas {
  const fieldOf = (attribute: string): PlatformField | undefined => destinationField(engagement.destination, plan.customAttributes, load.object, attribute);
  const single = load.fields.filter((f) => f.value === undefined && f.columns.length === 1);
  const stepName = (s: PlannedLoad['fields'][number]['steps'][number]): string => (typeof s === 'string' ? s : s.name);
  // Value tables and stage tables write their own values, so only text that passes through (trimmed or cased) is measured.
  const lengthLimited = single
    .filter((f) => f.steps.every((s) => PASS_THROUGH.has(stepName(s))))
    .map((f) => ({ column: f.columns[0] as string, to: f.to, max: fieldOf(f.to)?.maxLength }))
    .filter((f): f is { column: string; to: string; max: number } => f.max !== undefined);
  const separator = engagement.source.spec.export?.multiValueSeparator;
  const multiSelects = single
    .filter((f) => f.steps.some((s) => stepName(s) === 'tags'))
    .map((f) => {
      const field = fieldOf(f.to);
      const options = new Set((field?.options ?? []).flatMap((o) => [String(o.label ?? '').toLowerCase(), String(o.value).toLowerCase()]));
      return { column: f.columns[0] as string, options };
    })
    // A picklist whose values the specs do not list is created from the export's values (the schema checklist names them).
    .filter((f) => f.options.size > 0);
  const attachment = load.attachment?.from;
  const maxFileBytes = engagement.destination.spec.rules?.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;

  return {
    active: lengthLimited.length > 0 || multiSelects.length > 0 || attachment !== undefined,
    check(cells, at) {
      const hits: GotchaHit[] = [];
      for (const f of lengthLimited) {
        const value = at(cells, f.column).trim();
        if (value.length > f.max) hits.push({ code: 'text-too-long', column: f.column, value: `${value.length} characters, ${f.to} holds ${f.max}` });
      }
      for (const f of multiSelects) {
        // Split exactly as the tags transform splits, so the check and the load agree on what the values are.
        for (const tag of splitMultiValue(at(cells, f.column), separator)) {
          if (!f.options.has(tag.toLowerCase())) hits.push({ code: 'unknown-choice-value', column: f.column, value: tag });
        }
      }
      if (attachment !== undefined) {
        // The same check the run makes before reading a file (engine/source/export-file.ts), without reading it.
        const path = at(cells, attachment).trim();
        const file = path === '' ? undefined : checkExportFile(engagement.exportDir, path, maxFileBytes);
        if (file !== undefined && !file.ok) hits.push({ code: 'unusable-file', column: attachment, value: path, reason: file.reason ?? 'the file cannot be read' });
      }
      return hits;
    },
  };
}
