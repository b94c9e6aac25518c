import type { PlannedLoad } from '../plan/migration-plan.js';
import { destinationField } from '../spec/pair-model.js';
import type { PlatformField } from '../spec/generated/platform-spec.js';
import type { LoadChecks } from './load-checks.js';
import type { ScanContext } from './object-scan.js';

/** Vtiger joins multi-select values with ` |##| `; most exports with `;` or `,`. Tried together when the platform does not say. */
const FALLBACK_SEPARATORS = /\s*\|##\|\s*|[;,]/;

/**
 * Checks for the destination's limits that the product pages list as gotchas and that would otherwise surface only
 * at apply: text longer than the destination attribute holds (a 200-character name) and multi-select values the
 * destination's picklist does not offer (tags). Decided once per load from the spec; each row then costs a few
 * length and set lookups.
 */
export function gotchaChecks(load: PlannedLoad, ctx: ScanContext): LoadChecks {
  const { engagement, plan } = ctx;
  const fieldOf = (attribute: string): PlatformField | undefined => destinationField(engagement.destination, plan.customAttributes, load.object, attribute);
  const single = load.fields.filter((f) => f.value === undefined && f.columns.length === 1);
  // Value tables and stage tables write their own values, so only text that passes through (trimmed or cased) is measured.
  const passesThrough = (steps: PlannedLoad['fields'][number]['steps']): boolean =>
    steps.every((s) => ['trim', 'lower', 'upper', 'title-case', 'email', 'url', 'strip-html'].includes(typeof s === 'string' ? s : s.name));
  const lengthLimited = single
    .map((f) => ({ column: f.columns[0] as string, to: f.to, max: fieldOf(f.to)?.maxLength }))
    .filter((f): f is { column: string; to: string; max: number } => f.max !== undefined && passesThrough(single.find((s) => s.to === f.to)?.steps ?? []));
  const separator = engagement.source.spec.export?.multiValueSeparator?.trim() || undefined;
  const multiSelects = single
    .filter((f) => f.steps.some((s) => (typeof s === 'string' ? s : s.name) === 'tags'))
    .map((f) => {
      const field = fieldOf(f.to);
      const options = new Set((field?.options ?? []).flatMap((o) => [String(o.label ?? '').toLowerCase(), String(o.value).toLowerCase()]));
      return { column: f.columns[0] as string, to: f.to, options };
    })
    // A picklist whose values the specs do not list is created from the export's values (the schema checklist names them).
    .filter((f) => f.options.size > 0);

  return {
    row(cells, where, at) {
      for (const f of lengthLimited) {
        const value = at(cells, f.column).trim();
        if (value.length > f.max) {
          ctx.findings.add('text-too-long', { ...where, column: f.column }, { line: where.line, key: where.key, value: `${value.length} characters, ${f.to} holds ${f.max}` });
        }
      }
      for (const f of multiSelects) {
        const cell = at(cells, f.column).trim();
        if (cell === '') continue;
        for (const tag of cell.split(separator ?? FALLBACK_SEPARATORS).map((t) => t.trim()).filter((t) => t !== '')) {
          if (!f.options.has(tag.toLowerCase())) ctx.findings.add('unknown-choice-value', { ...where, column: f.column }, { line: where.line, key: where.key, value: tag });
        }
      }
    },
  };
}

/** The run's own load checks followed by these: what object-scan calls per row. */
export function withGotchaChecks(checks: LoadChecks, load: PlannedLoad, ctx: ScanContext): LoadChecks {
  const gotchas = gotchaChecks(load, ctx);
  return {
    row(cells, where, at) {
      checks.row(cells, where, at);
      gotchas.row(cells, where, at);
    },
  };
}
