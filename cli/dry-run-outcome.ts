import type { Outcome } from './base-command.js';
import { EXIT } from './exit-codes.js';
import type { Progress } from './progress.js';
import { table } from './printers/table.js';
import type { Engagement } from '../engine/engagement/engagement.js';
import { dryRun, type DryRunSummary } from '../engine/run/dry-run.js';

/**
 * `plan --dry-run` and `apply --dry-run`, which are the same thing: what the next apply would do, per load, from the
 * same code path as apply run on copies (see engine/run/dry-run.ts). Exits as apply would refuse (3) when nothing
 * could move; rows past failThreshold are a warning, since nothing was written.
 */
export async function dryRunOutcome(engagement: Engagement, flags: { delta: boolean; force: boolean }, progress: Progress): Promise<Outcome<DryRunSummary>> {
  progress.begin('dry run: starting');
  let summary: DryRunSummary;
  try {
    summary = await dryRun(engagement, {
      delta: flags.delta,
      force: flags.force,
      onCheck: (file, rows) => progress.update(`dry run: reading the export (${file})`, rows),
      onProgress: (e) => progress.update(`dry run [${e.loadIndex + 1}/${e.loads}] ${e.phase === 'linking' ? 'linking ' : ''}${e.load}`, e.done, e.total),
    });
  } finally {
    progress.stop();
  }
  if (summary.unconfirmed.length > 0) {
    const message = 'An apply would move nothing: these proposals need a person to confirm them (crm-migrate confirm):';
    const text = [message, ...summary.unconfirmed.map((u) => `  ${u.item} (${u.reason})`)].join('\n');
    return { data: summary, text, exitCode: EXIT.refused, failure: { code: 'engagement/unconfirmed', message, hint: 'Review migration.yaml, then run crm-migrate confirm.' } };
  }
  if (summary.blockers.length > 0) {
    const message = `An apply would load nothing: ${summary.blockers.join(' ')}`;
    return { data: summary, text: ['An apply would load nothing:', ...summary.blockers.map((b) => `  ${b}`)].join('\n'), exitCode: EXIT.refused, failure: { code: 'run/blocked', message } };
  }
  if (summary.imbalances.length > 0) {
    const message = `The dry run's figures do not add up, which is a bug in crm-migrate: ${summary.imbalances.join('; ')}`;
    return { data: summary, text: message, exitCode: EXIT.internal, failure: { code: 'run/imbalance', message } };
  }
  const t = summary.totals;
  const delta = summary.kind === 'delta';
  const warnings: string[] = [];
  if (summary.failureRate > summary.threshold) {
    const pct = (n: number): string => `${(n * 100).toFixed(n < 0.01 ? 2 : 1)}%`;
    warnings.push(`The apply would exit 1: ${t.skip + t.refused} of ${t.sourceRows} rows would be skipped or refused (${pct(summary.failureRate)}), more than failThreshold ${pct(summary.threshold)} in migration.yaml.`);
  }
  const text = [
    `Dry run of ${delta ? 'apply --delta' : 'apply'} into ${summary.target}: nothing was written.${summary.resumes ? ' The apply would resume an interrupted run; its figures include what that run already did.' : ''}`,
    `${t.sourceRows} source rows: ${t.create} to create, ${t.update} to update, ${t.unchanged} unchanged, ${t.skip} to skip, ${t.hold} to hold, ${t.refused} the destination would refuse, ${t.duplicates} duplicates; ${t.unresolvedLookups} unresolved lookups.`,
    '',
    table(
      ['load', 'object', 'rows', 'create', 'update', 'unchanged', 'skip', 'hold', 'refused', 'duplicates', 'unresolved lookups', ...(delta ? ['conflicts'] : [])],
      summary.loads.map((l) => [l.load, l.object, l.sourceRows, l.create, l.update, l.unchanged, l.skip, l.hold, l.refused, l.duplicates, l.unresolvedLookups, ...(delta ? [l.conflicts ?? 0] : [])].map(String)),
    ),
    ...reasonLines(summary),
    ...warnings.map((w) => `Warning: ${w}`),
  ].join('\n');
  return { data: summary, text, warnings };
}

/** The reasons rows would not load, per load, most frequent first: what to fix before the real run. */
function reasonLines(summary: DryRunSummary): string[] {
  const lines = summary.loads.flatMap((l) => l.reasons.map((r) => `  ${l.load}: ${r.count} × ${r.reason}`));
  return lines.length === 0 ? [] : ['', 'Why rows would not load:', ...lines];
}
