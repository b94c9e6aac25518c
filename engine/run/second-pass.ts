import type { RecordPatch } from '../destinations/destination.js';
import type { PlannedLoad } from '../plan/migration-plan.js';
import type { BatchOutcome } from './ledger.js';
import { report, type LoadRunContext } from './load-runner.js';
import { reportValueIssues } from './value-reports.js';

/**
 * Sets the lookups that had to wait until every record existed: a parent account that appears later in the file, or
 * one side of a cycle. Only rows the first pass loaded are patched; an unresolved reference here does not unload the
 * row, it is reported as incomplete.
 */
export async function runSecondPass(ctx: LoadRunContext, load: PlannedLoad): Promise<number> {
  if (!load.lookups.some((l) => l.deferred)) return 0;
  let patched = 0;
  // Batch numbers of the second pass live apart from the first pass's, so their intents never collide.
  let batchNo = 1_000_000;
  for await (const batch of ctx.source.batches(load, 'second')) {
    ctx.onRows?.(load.id, batch.sourceRows, batch.fileRowsRead);
    for (const problem of batch.problems) {
      if (ctx.ledger.destinationId(load.id, problem.sourceKey) !== undefined) report(ctx, load, problem);
    }
    reportValueIssues(ctx, load, batch.issues.filter((i) => ctx.ledger.destinationId(load.id, i.sourceKey) !== undefined));
    const items: { patch: RecordPatch; sourceKey: string }[] = [];
    for (const record of batch.records) {
      const id = ctx.ledger.destinationId(load.id, record.sourceKey);
      if (id !== undefined && Object.keys(record.values).length > 0) items.push({ patch: { id, values: record.values }, sourceKey: record.sourceKey });
    }
    if (items.length === 0) continue;
    batchNo += 1;
    const attributes = [...new Set(items.flatMap((c) => Object.keys(c.patch.values)))];
    const existing = await ctx.destination.read(load.object, items.map((c) => c.patch.id), attributes);
    ctx.ledger.writeIntent(ctx.runId, {
      load: load.id,
      object: load.object,
      batch: batchNo,
      before: Object.fromEntries(items.map((c) => [c.sourceKey, existing.get(c.patch.id) ?? null])),
    });
    const results = await ctx.destination.patch(load.object, items.map((c) => c.patch));
    const outcomes: BatchOutcome[] = [];
    results.forEach((result, i) => {
      const item = items[i];
      if (item === undefined || result.status !== 'updated') return;
      patched += 1;
      outcomes.push({ sourceKey: item.sourceKey, destId: item.patch.id, action: 'patched', previous: result.previous ?? existing.get(item.patch.id) ?? null });
    });
    ctx.ledger.commitBatch(ctx.runId, { load: load.id, object: load.object, batch: batchNo }, outcomes);
  }
  return patched;
}
