import { join } from 'node:path';
import type { Destination, RecordResult } from '../destinations/destination.js';
import type { Engagement } from '../engagement/engagement.js';
import { compilePlan } from '../plan/migration-plan.js';
import { destinationSetup } from '../plan/destination-setup.js';
import { LEDGER_FILE } from './apply-run.js';
import { acquireEngagementLock } from './engagement-lock.js';
import { Ledger, type LedgerEntry } from './ledger.js';

export interface RollbackReport {
  runId: number;
  deleted: number;
  restored: number;
  failed: { object: string; id: string; error: string }[];
  /** True when this finished a rollback that was interrupted. */
  resumed?: boolean;
  /** What a person should know about how the rollback ran (a lock taken over from a killed process). */
  notes?: string[];
  /** Why nothing was done, when nothing was. */
  refused?: string;
}

/** Undo requests per destination call when the engagement sets no batch size. */
const GROUP_SIZE = 500;

/**
 * Undoes a run from its ledger, newest entry first: records it created are deleted (dependents before the records
 * they point at, since they were created after them), values it overwrote are put back. Only the latest run that has
 * not been rolled back can be undone; undoing an older one would leave later runs' changes dangling.
 *
 * Resumable like apply: the run is marked `rolling-back` first; before each group of entries goes to the destination
 * its sequence numbers are written as an intent, and after it the outcome is recorded and the intent cleared in one
 * transaction. A rollback killed at any point is finished by running it again: undone entries are not sent twice,
 * and records of the group in flight that are already gone count as deleted.
 */
export async function rollbackRun(
  engagement: Engagement,
  destination: Destination,
  runId: number | undefined,
  now: () => Date = () => new Date(),
  onProgress?: (event: RollbackProgress) => void,
): Promise<RollbackReport> {
  const lock = acquireEngagementLock(engagement.dir, 'rollback', now());
  try {
    const report = await rollbackLocked(engagement, destination, runId, now, onProgress);
    if (lock.note !== undefined) report.notes = [lock.note, ...(report.notes ?? [])];
    return report;
  } finally {
    lock.release();
  }
}

/** Where a rollback is, for progress displays: records undone of those left to undo when it started. */
export interface RollbackProgress {
  step: string;
  done: number;
  total: number;
}

/** What rolling back would do, for the question asked before it starts; undefined when there is nothing to undo. */
export function rollbackPreview(engagement: Engagement, runId: number | undefined): { runId: number; deletes: number; restores: number } | undefined {
  const ledger = new Ledger(join(engagement.dir, LEDGER_FILE));
  try {
    const latest = ledger.runs().filter((r) => r.status !== 'rolled-back' && r.kind !== 'rollback').at(-1);
    const target = runId ?? latest?.id;
    if (target === undefined || target !== latest?.id) return undefined;
    const entries = ledger.undo.entriesToUndo(target);
    const deletes = entries.filter((e) => e.action === 'created').length;
    return { runId: target, deletes, restores: entries.length - deletes };
  } finally {
    ledger.close();
  }
}

async function rollbackLocked(
  engagement: Engagement,
  destination: Destination,
  runId: number | undefined,
  now: () => Date,
  onProgress: ((event: RollbackProgress) => void) | undefined,
): Promise<RollbackReport> {
  const ledger = new Ledger(join(engagement.dir, LEDGER_FILE));
  try {
    const live = ledger.runs().filter((r) => r.status !== 'rolled-back' && r.kind !== 'rollback');
    const latest = live.at(-1);
    const target = runId ?? latest?.id;
    if (target === undefined || latest === undefined) return { runId: 0, deleted: 0, restored: 0, failed: [], refused: 'There is no run to roll back.' };
    const asked = ledger.runs().find((r) => r.id === target);
    if (asked === undefined) {
      return { runId: target, deleted: 0, restored: 0, failed: [], refused: `There is no run ${target}; the run that can be rolled back is run ${latest.id}.` };
    }
    if (asked.status === 'rolled-back' || asked.kind === 'rollback') {
      return { runId: target, deleted: 0, restored: 0, failed: [], refused: `Run ${target} was ${asked.kind === 'rollback' ? 'a rollback' : 'already rolled back'}; the run that can be rolled back is run ${latest.id}.` };
    }
    if (target !== latest.id) {
      return { runId: target, deleted: 0, restored: 0, failed: [], refused: `Run ${target} is not the latest run; roll back run ${latest.id} first.` };
    }
    const plan = compilePlan(engagement);
    await destination.open(destinationSetup(engagement, plan));

    const report: RollbackReport = { runId: target, deleted: 0, restored: 0, failed: [], resumed: latest.status === 'rolling-back' };
    ledger.undo.start(target);
    const inFlight = ledger.undo.openIntent(target);
    const groupSize = Math.min(engagement.spec.options?.batchSize ?? GROUP_SIZE, GROUP_SIZE);
    const entries = ledger.undo.entriesToUndo(target);
    let progressed = 0;
    for (const group of consecutiveGroups(entries, groupSize)) {
      const first = group[0] as LedgerEntry;
      onProgress?.({ step: `rollback: ${first.action === 'created' ? 'deleting' : 'restoring'} ${first.object}`, done: progressed, total: entries.length });
      progressed += group.length;
      const gone = first.action === 'created' ? await alreadyDeleted(destination, group, inFlight) : new Set<number>();
      const send = group.filter((e) => !gone.has(e.seq));
      ledger.undo.writeIntent(target, group.map((e) => e.seq));
      const results: RecordResult[] =
        send.length === 0
          ? []
          : first.action === 'created'
            ? await destination.remove(first.object, send.map((e) => e.destId))
            : await destination.restore(first.object, send.map((e) => ({ id: e.destId, values: e.previous ?? {} })));
      testHookKillAfter(report.deleted + report.restored + results.length);
      const done: number[] = [];
      ledger.undo.commit(target, done, () => {
        for (const entry of group) {
          if (!gone.has(entry.seq)) continue;
          report.deleted += 1;
          ledger.forgetKey(entry.load, entry.sourceKey);
          done.push(entry.seq);
        }
        results.forEach((result, i) => {
          const entry = send[i] as LedgerEntry;
          if (result.status === 'failed') {
            report.failed.push({ object: entry.object, id: entry.destId, error: result.error ?? 'refused by the destination' });
            return;
          }
          done.push(entry.seq);
          if (entry.action === 'created') {
            report.deleted += 1;
            ledger.forgetKey(entry.load, entry.sourceKey);
          } else {
            report.restored += 1;
            // The row is as the ledger knew it before the run, at the version the restore itself left, so the next
            // delta moves the change again and does not mistake the restore for someone else's edit.
            ledger.rows.restore(entry.load, entry.sourceKey, entry.previousState, result.version);
          }
        });
      });
    }
    onProgress?.({ step: 'rollback: done', done: entries.length, total: entries.length });
    if (report.failed.length === 0) ledger.finishRun(target, 'rolled-back', now());
    return report;
  } finally {
    ledger.close();
  }
}

/**
 * Of a group of deletes, the entries a killed attempt already sent whose records no longer exist: the delete went
 * through but the ledger never heard. Only entries of the intent are asked about, so a record a person deleted by
 * hand is still reported as not undone rather than silently counted.
 */
async function alreadyDeleted(destination: Destination, group: readonly LedgerEntry[], inFlight: ReadonlySet<number>): Promise<Set<number>> {
  const sent = group.filter((e) => inFlight.has(e.seq));
  if (sent.length === 0) return new Set();
  const existing = await destination.versions((group[0] as LedgerEntry).object, sent.map((e) => e.destId));
  return new Set(sent.filter((e) => !existing.has(e.destId)).map((e) => e.seq));
}

/**
 * Test hook, read only by test/e2e/safety: with CRM_MIGRATE_TEST_KILL_AFTER=N the process kills itself (as `kill -9`
 * would) once N records were undone at the destination and before the ledger records them, the worst moment to die.
 */
function testHookKillAfter(undone: number): void {
  const after = process.env['CRM_MIGRATE_TEST_KILL_AFTER'];
  if (after !== undefined && after !== '' && undone >= Number(after)) process.kill(process.pid, 'SIGKILL');
}

/** Runs of entries with the same object and the same kind of undo, at most `size` at a time, in ledger order. */
function* consecutiveGroups(entries: readonly LedgerEntry[], size: number): Generator<LedgerEntry[]> {
  let group: LedgerEntry[] = [];
  const kind = (e: LedgerEntry): string => `${e.object}|${e.action === 'created' ? 'delete' : 'restore'}`;
  for (const entry of entries) {
    if (group.length > 0 && (kind(group[0] as LedgerEntry) !== kind(entry) || group.length >= size)) {
      yield group;
      group = [];
    }
    group.push(entry);
  }
  if (group.length > 0) yield group;
}
