import type { PlannedLoad } from '../plan/migration-plan.js';
import { rowGotchas } from '../plan/gotcha-rules.js';
import type { LoadChecks } from './load-checks.js';
import type { ScanContext } from './scan-context.js';

/**
 * The product pages' gotchas as discovery findings: text longer than the destination holds, tags the multi-select
 * does not offer, attachment files the run cannot send. The rules are plan's (engine/plan/gotcha-rules.ts), so
 * `discover` and `plan` find the same rows; here each hit becomes a finding with its line and source key.
 */
export function gotchaChecks(load: PlannedLoad, ctx: ScanContext): LoadChecks {
  const rules = rowGotchas(load, ctx.engagement, ctx.plan);
  return {
    row(cells, where, at) {
      if (!rules.active) return;
      for (const hit of rules.check(cells, (c, column) => at(c, column))) {
        ctx.findings.add(hit.code, { ...where, column: hit.column }, { line: where.line, key: where.key, value: hit.value });
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
