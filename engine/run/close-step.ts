import type { CloseRequest, DestinationRecord } from '../destinations/destination.js';
import type { PlannedLoad } from '../plan/migration-plan.js';
import { closeOutcome } from '../spec/close-rule.js';
import { closeWatched } from '../destinations/close-values.js';
import type { LoadReconciliation } from './run-report.js';
import type { CloseEntry, PendingClose } from './close-ledger.js';
import { exception, type LoadRunContext } from './load-runner.js';

/** Closes per destination call: small, since each close is a call of its own on a live target. */
const CLOSE_GROUP = 200;

/** The close step's own load name: its intents and close records are kept apart from the load's. */
export function closeLoadId(loadId: string): string {
  return `${loadId}:close`;
}

/**
 * The close phase of a load: its won and lost records, loaded open, are closed the destination's way with their
 * actual close date and revenue. Like a load, each group writes an intent (what the records held) before the
 * destination is touched and records the outcome after it, atomically; a run killed in between finds the records
 * still pending when it resumes, and the destination answers `unchanged` for those it had already closed, which the
 * intent shows this run did. A rerun finds them closed and changes nothing, so no close record is made twice.
 */
export async function runCloseStep(ctx: LoadRunContext, load: PlannedLoad, counts: LoadReconciliation): Promise<void> {
  const rule = load.close;
  if (rule === undefined) return;
  const closeLoad = closeLoadId(load.id);
  const tally = { won: 0, lost: 0, alreadyClosed: 0, failed: 0 };
  const watched = closeWatched(rule);
  // Batch numbers apart from the load's passes, as the second pass does, so their intents never collide.
  let batchNo = 2_000_000;
  for (let page = ctx.ledger.closes.pending(load.id, CLOSE_GROUP); page.length > 0; page = ctx.ledger.closes.pending(load.id, CLOSE_GROUP)) {
    batchNo += 1;
    const fresh = await ctx.destination.read(load.object, page.map((p) => p.destId), watched);
    const before: Record<string, DestinationRecord | null> = {};
    for (const p of page) before[p.sourceKey] = ctx.interrupted.get(`${closeLoad}\u0000${p.sourceKey}`) ?? fresh.get(p.destId) ?? null;
    ctx.ledger.writeIntent(ctx.runId, { load: closeLoad, object: load.object, batch: batchNo, before });
    const results =
      ctx.destination.closeRecords === undefined
        ? page.map(() => ({ status: 'failed' as const, error: `the target ${ctx.destination.label} cannot close records` }))
        : await ctx.destination.closeRecords(load.object, page.map((p) => closeRequest(closeLoad, p)));
    testHookKillInClose();
    const entries: CloseEntry[] = [];
    results.forEach((result, i) => {
      const pending = page[i] as PendingClose;
      if (result.status === 'failed') {
        tally.failed += 1;
        const reason = `loaded open but not closed as ${pending.outcome}: ${result.error ?? 'refused by the destination'}`;
        ctx.exceptions.write(exception(load, pending.line, pending.sourceKey, 'not closed', reason, rule.state, pending.outcome));
        return;
      }
      const prior = before[pending.sourceKey] ?? null;
      // `unchanged` after an attempt that was killed: the intent shows the record was open, so this run closed it.
      const closedByThisRun = result.status === 'closed' || (ctx.interrupted.has(`${closeLoad}\u0000${pending.sourceKey}`) && prior !== null && closeOutcome(rule, prior[rule.state]) === undefined);
      if (!closedByThisRun) {
        tally.alreadyClosed += 1;
        return;
      }
      tally[pending.outcome] += 1;
      entries.push({ sourceKey: pending.sourceKey, destId: pending.destId, previous: result.status === 'closed' ? (result.previous ?? prior) : prior, ...(result.closeRecord === undefined ? {} : { closeRecord: result.closeRecord }) });
    });
    ctx.ledger.closes.commit(ctx.runId, { load: closeLoad, object: load.object, batch: batchNo }, load.id, page.map((p) => p.sourceKey), entries);
  }
  if (tally.won + tally.lost + tally.alreadyClosed + tally.failed > 0) counts.closed = tally;
}

function closeRequest(closeLoad: string, pending: PendingClose): CloseRequest {
  const label = pending.outcome === 'won' ? 'Won' : 'Lost';
  return {
    id: pending.destId,
    outcome: pending.outcome,
    date: pending.date,
    revenue: pending.revenue,
    status: pending.status,
    subject: `${label}: ${pending.name ?? pending.sourceKey}`,
    sourceKey: `${closeLoad}:${pending.sourceKey}`,
  };
}

/**
 * Test hook, read only by test/e2e/migrate/close-phase: with CRM_MIGRATE_TEST_KILL_IN_CLOSE=1 the process kills itself
 * (as `kill -9` would) after the destination closed the first group and before the ledger recorded it.
 */
function testHookKillInClose(): void {
  if (process.env['CRM_MIGRATE_TEST_KILL_IN_CLOSE'] === '1') process.kill(process.pid, 'SIGKILL');
}
