import type { ProgressListener } from '../util/progress-event.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Destination } from '../destinations/destination.js';
import type { Engagement } from '../engagement/engagement.js';
import { compilePlan } from '../plan/migration-plan.js';
import { destinationSetup } from '../plan/destination-setup.js';
import { LEDGER_FILE } from '../run/apply-run.js';
import { Ledger, type RunInfo } from '../run/ledger.js';
import { mapperContext } from '../run/mapper-context.js';
import { readQueues } from '../run/queue-resolutions.js';
import { checkLoadSample } from './load-check.js';
import { refusedRows, rowId } from './refused-rows.js';
import { sampleRows } from './row-sample.js';
import { writeVerification, type VerificationReport } from './verification-report.js';

export interface VerifyOptions {
  /** Check only rows this run created or updated; the destination's current state when omitted. */
  run?: number;
  /** Source rows to check in all, spread over the loads. */
  sample: number;
  seed: number;
  now?: () => Date;
  /** Reading the files for the sample (loads read of all), then checking records (rows checked of those sampled). */
  onProgress?: ProgressListener;
}

/**
 * Field-by-field verification of a sample: picks source rows at random, maps each again exactly as a run does
 * (lookups resolved through the ledger to destination ids), reads the records the ledger maps them to through the
 * destination interface, and lists every attribute that differs. Writes `verify/<run or time>/verification.json`
 * and `.md` into the engagement folder.
 */
export async function verifyRun(engagement: Engagement, destination: Destination, options: VerifyOptions): Promise<VerificationReport> {
  const checkedAt = (options.now ?? (() => new Date()))().toISOString();
  const report: VerificationReport = {
    pair: engagement.pair.id,
    target: destination.label,
    run: options.run ?? null,
    seed: options.seed,
    sampleSize: options.sample,
    checkedAt,
    loads: [],
    totals: { checked: 0, matching: 0, mismatching: 0, notLoaded: 0 },
    mismatches: [],
    files: { json: '', markdown: '' },
  };
  const ledgerPath = join(engagement.dir, LEDGER_FILE);
  if (!existsSync(ledgerPath)) return { ...report, refused: 'There is no run to verify: run crm-migrate apply first.' };

  const ledger = new Ledger(ledgerPath);
  try {
    const runs = ledger.runs();
    const live = runs.filter((r) => r.kind !== 'rollback' && r.status !== 'rolled-back');
    const refusal = refusalFor(live, runs, options.run);
    if (refusal !== undefined) return { ...report, refused: refusal };

    const plan = compilePlan(engagement);
    await destination.open(destinationSetup(engagement, plan));
    const users = await destination.users();
    const { resolutions } = readQueues(engagement.dir);
    const mapper = await mapperContext(engagement, plan, ledger, users, resolutions);
    const delimiter = engagement.source.spec.export?.delimiter;
    const run = options.run;
    options.onProgress?.({ step: 'sampling', done: 0, total: plan.loads.length });
    const samples = await sampleRows(plan.loads, mapper, {
      ...(options.onProgress === undefined ? {} : { onLoadRead: (done: number) => options.onProgress?.({ step: 'sampling', done, total: plan.loads.length }) }),
      size: options.sample,
      seed: options.seed,
      ...(delimiter === undefined ? {} : { delimiter }),
      ...(run === undefined ? {} : { qualifies: (load, sourceKey) => ledger.touchedBy(run, load.id, sourceKey) }),
    });
    const sampled = new Set(samples.flatMap((s) => s.rows.map((r) => rowId(s.load.id, r.sourceKey))));
    const refused = await refusedRows(engagement.dir, live, sampled);

    const toCheck = samples.reduce((n, s) => n + s.rows.length, 0);
    let checked = 0;
    for (const sample of samples) {
      options.onProgress?.({ step: `checking ${sample.load.id}`, done: checked, total: toCheck });
      const { verification, mismatches } = await checkLoadSample(sample, { mapper, ledger, destination, refused, source: engagement.source, sourceObjectOf: new Map(plan.loads.map((l) => [l.id, l.sourceObject])) });
      checked += sample.rows.length;
      report.loads.push(verification);
      report.mismatches.push(...mismatches);
      for (const total of ['checked', 'matching', 'mismatching', 'notLoaded'] as const) report.totals[total] += verification[total];
    }
  } finally {
    ledger.close();
  }
  writeVerification(engagement.dir, options.run === undefined ? checkedAt.replace(/[:.]/g, '-') : String(options.run), report);
  return report;
}

/** Why the rows asked for cannot be verified, if they cannot. */
function refusalFor(live: readonly RunInfo[], all: readonly RunInfo[], run: number | undefined): string | undefined {
  if (live.length === 0) return 'There is no run to verify: run crm-migrate apply first.';
  if (run === undefined || live.some((r) => r.id === run)) return undefined;
  const known = all.find((r) => r.id === run);
  if (known === undefined) return `There is no run ${run}; the runs that can be verified are ${live.map((r) => r.id).join(', ')}.`;
  return `Run ${run} was ${known.kind === 'rollback' ? 'a rollback' : 'rolled back'}: it left nothing to verify.`;
}
