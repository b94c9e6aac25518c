import { join } from 'node:path';
import type { Destination, RecordResult } from '../destinations/destination.js';
import type { Engagement } from '../engagement/engagement.js';
import { compilePlan } from '../plan/migration-plan.js';
import { destinationSetup } from '../plan/destination-setup.js';
import { LEDGER_FILE } from './apply-run.js';
import { Ledger, type LedgerEntry } from './ledger.js';

export interface RollbackReport {
  runId: number;
  deleted: number;
  restored: number;
  failed: { object: string; id: string; error: string }[];
  /** Why nothing was done, when nothing was. */
  refused?: string;
}

/**
 * Undoes a run from its ledger, newest entry first: records it created are deleted (dependents before the records
 * they point at, since they were created after them), values it overwrote are put back. Only the latest run that has
 * not been rolled back can be undone; undoing an older one would leave later runs' changes dangling.
 */
export async function rollbackRun(engagement: Engagement, destination: Destination, runId: number | undefined, now: () => Date = () => new Date()): Promise<RollbackReport> {
  const ledger = new Ledger(join(engagement.dir, LEDGER_FILE));
  try {
    const live = ledger.runs().filter((r) => r.status !== 'rolled-back' && r.kind !== 'rollback');
    const latest = live.at(-1);
    const target = runId ?? latest?.id;
    if (target === undefined || latest === undefined) return { runId: 0, deleted: 0, restored: 0, failed: [], refused: 'There is no run to roll back.' };
    if (target !== latest.id) {
      return { runId: target, deleted: 0, restored: 0, failed: [], refused: `Run ${target} is not the latest run; roll back run ${latest.id} first.` };
    }
    const plan = compilePlan(engagement);
    await destination.open(destinationSetup(engagement, plan));

    const report: RollbackReport = { runId: target, deleted: 0, restored: 0, failed: [] };
    const entries = ledger.entriesNewestFirst(target);
    for (const group of consecutiveGroups(entries)) {
      const first = group[0] as LedgerEntry;
      const results: RecordResult[] =
        first.action === 'created'
          ? await destination.remove(first.object, group.map((e) => e.destId))
          : await destination.restore(first.object, group.map((e) => ({ id: e.destId, values: e.previous ?? {} })));
      results.forEach((result, i) => {
        const entry = group[i] as LedgerEntry;
        if (result.status === 'failed') {
          report.failed.push({ object: entry.object, id: entry.destId, error: result.error ?? 'refused by the destination' });
          return;
        }
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
    }
    if (report.failed.length === 0) ledger.finishRun(target, 'rolled-back', now());
    return report;
  } finally {
    ledger.close();
  }
}

/** Runs of entries with the same object and the same kind of undo, at most 500 at a time, in ledger order. */
function* consecutiveGroups(entries: readonly LedgerEntry[]): Generator<LedgerEntry[]> {
  let group: LedgerEntry[] = [];
  const kind = (e: LedgerEntry): string => `${e.object}|${e.action === 'created' ? 'delete' : 'restore'}`;
  for (const entry of entries) {
    if (group.length > 0 && (kind(group[0] as LedgerEntry) !== kind(entry) || group.length >= 500)) {
      yield group;
      group = [];
    }
    group.push(entry);
  }
  if (group.length > 0) yield group;
}
