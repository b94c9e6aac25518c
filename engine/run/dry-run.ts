import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Engagement } from '../engagement/engagement.js';
import { openDestination } from '../destinations/open-destination.js';
import type { ReasonCount, RunReport } from './run-report.js';
import { InputError } from '../util/input-error.js';
import { applyRun, LEDGER_FILE, type ApplyOptions } from './apply-run.js';
import { acquireEngagementLock } from './engagement-lock.js';
import { QUEUES, queuePath } from './queue-resolutions.js';

/** SQLite keeps a database's latest commits in these files beside it until they are folded back in. */
const SQLITE_COMPANIONS = ['', '-wal', '-shm', '-journal'];

/**
 * What `apply` would do, without writing anything: the very same `applyRun` runs against copies of the target, the
 * ledger and the queues in a scratch folder, which is deleted afterwards. Its figures are therefore the figures the
 * next apply would report (the same mapping, lookups, duplicate policy, destination rules and resume of an
 * interrupted run), and the engagement's own files stay byte-identical. The engagement is locked while the copies are
 * taken, so a run writing at the same time cannot leave a half-written copy.
 *
 * Only file targets (the SQLite sandbox, a package folder) can be copied; a live org cannot, and a dry run there is
 * refused rather than guessed at.
 */
export async function dryRun(engagement: Engagement, options: Pick<ApplyOptions, 'delta' | 'force' | 'now' | 'onProgress' | 'onCheck'> = {}): Promise<DryRunSummary> {
  const report = await applyOnCopies(engagement, options);
  return summarizeDryRun(report, engagement.spec.target);
}

/** One load of a dry run: what the next apply would do to each of its rows. */
export interface DryRunLoad {
  load: string;
  object: string;
  file: string;
  sourceRows: number;
  create: number;
  update: number;
  unchanged: number;
  skip: number;
  hold: number;
  /** Records the destination would refuse (the sandbox enforces the destination's rules). */
  refused: number;
  /** Rows repeating a key another row of the file loads under. */
  duplicates: number;
  /** Lookups that would not be a clean match (blanked, held or skipped for it), as lookups.csv would list them. */
  unresolvedLookups: number;
  /** Delta dry runs: records edited in the destination since the engine wrote them. */
  conflicts?: number;
  reasons: ReasonCount[];
}

export interface DryRunSummary {
  dryRun: true;
  kind: 'full' | 'delta';
  pair: string;
  target: string;
  /** True when the next apply would resume an interrupted run (the figures then include what that run already did). */
  resumes: boolean;
  loads: DryRunLoad[];
  totals: { sourceRows: number; create: number; update: number; unchanged: number; skip: number; hold: number; refused: number; duplicates: number; unresolvedLookups: number };
  /** What would stop the apply before any row moves (setup problems, an unreadable export); nothing was counted then. */
  blockers: string[];
  unconfirmed: RunReport['unconfirmed'];
  /** Skipped and refused rows as a share of source rows; past the threshold, the apply would exit 1. */
  failureRate: number;
  threshold: number;
  imbalances: string[];
}

function summarizeDryRun(report: RunReport, target: string): DryRunSummary {
  const loads = report.loads.map((l): DryRunLoad => ({
    load: l.load,
    object: l.object,
    file: l.file,
    sourceRows: l.sourceRows,
    create: l.created,
    update: l.updated,
    unchanged: l.unchanged,
    skip: l.skipped,
    hold: l.held,
    refused: l.failed,
    duplicates: l.duplicates,
    unresolvedLookups: l.lookupIssues ?? 0,
    ...(report.kind === 'delta' ? { conflicts: l.conflicts ?? 0 } : {}),
    reasons: l.reasons,
  }));
  const sum = (k: keyof DryRunSummary['totals']): number => loads.reduce((n, l) => n + l[k], 0);
  const totals = { sourceRows: sum('sourceRows'), create: sum('create'), update: sum('update'), unchanged: sum('unchanged'), skip: sum('skip'), hold: sum('hold'), refused: sum('refused'), duplicates: sum('duplicates'), unresolvedLookups: sum('unresolvedLookups') };
  return {
    dryRun: true,
    kind: report.kind,
    pair: report.pair,
    target,
    resumes: report.resumed,
    loads,
    totals,
    blockers: report.blockers,
    unconfirmed: report.unconfirmed,
    failureRate: report.failureRate,
    threshold: report.threshold,
    imbalances: report.imbalances ?? [],
  };
}

async function applyOnCopies(engagement: Engagement, options: Pick<ApplyOptions, 'delta' | 'force' | 'now' | 'onProgress' | 'onCheck'>): Promise<RunReport> {
  const { kind, location } = engagement.target;
  if (kind !== 'sqlite' && kind !== 'package') {
    throw new InputError(
      `A dry run works on a copy of the target, and a ${kind} org cannot be copied: run the dry run against a sandbox (target: sqlite:sandbox.db) with the same export, or run \`crm-migrate apply\` on a test org.`,
      { code: 'run/dry-run-live-target', kind: 'refused' },
    );
  }
  const scratch = mkdtempSync(join(tmpdir(), 'crm-migrate-dry-run-'));
  // Ctrl-C ends the process without running `finally`: the copies go then too.
  const removeScratch = (): void => rmSync(scratch, { recursive: true, force: true });
  process.once('exit', removeScratch);
  try {
    const target = join(scratch, kind === 'sqlite' ? 'sandbox.db' : 'package');
    const lock = acquireEngagementLock(engagement.dir, 'apply --dry-run', (options.now ?? (() => new Date()))());
    try {
      if (kind === 'sqlite') copySqlite(location, target);
      else if (existsSync(location)) cpSync(location, target, { recursive: true });
      copySqlite(join(engagement.dir, LEDGER_FILE), join(scratch, LEDGER_FILE));
      for (const queue of QUEUES) {
        const from = queuePath(engagement.dir, queue);
        if (!existsSync(from)) continue;
        mkdirSync(join(scratch, 'queues'), { recursive: true });
        copyFileSync(from, queuePath(scratch, queue));
      }
    } finally {
      lock.release();
    }
    // The engagement as the run sees it: the same specs and export, with its working files in the scratch folder.
    const copy: Engagement = { ...engagement, dir: scratch, target: { kind, location: target } };
    const destination = openDestination(copy);
    try {
      return await applyRun(copy, destination, options);
    } finally {
      await destination.close();
    }
  } finally {
    process.removeListener('exit', removeScratch);
    removeScratch();
  }
}

/** Copies a SQLite database with the files holding its uncommitted-to-main-file pages, without opening it. */
function copySqlite(from: string, to: string): void {
  for (const suffix of SQLITE_COMPANIONS) {
    if (existsSync(from + suffix)) copyFileSync(from + suffix, to + suffix);
  }
}
