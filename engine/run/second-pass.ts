import type { RecordPatch } from '../destinations/destination.js';
import type { PlannedLoad } from '../plan/migration-plan.js';
import { openCsv } from './csv-rows.js';
import type { BatchOutcome } from './ledger.js';
import { exception, type LoadRunContext } from './load-runner.js';
import { RowMapper } from './row-mapper.js';

/**
 * Sets the lookups that had to wait until every record existed: a parent account that appears later in the file, or
 * one side of a cycle. Only rows the first pass loaded are patched; an unresolved reference here does not unload the
 * row, it is reported as incomplete.
 */
export async function runSecondPass(ctx: LoadRunContext, load: PlannedLoad): Promise<number> {
  if (!load.lookups.some((l) => l.deferred)) return 0;
  const csv = await openCsv(load.file, ctx.delimiter === undefined ? {} : { delimiter: ctx.delimiter });
  const mapper = new RowMapper({ ...ctx.mapper, load, headers: csv.headers }, 'second');
  if (mapper.missingColumns().length > 0) return 0;
  let patched = 0;
  let batch: { patch: RecordPatch; sourceKey: string }[] = [];
  let batchNo = 1_000_000;

  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const current = batch;
    batch = [];
    batchNo += 1;
    const ids = current.map((c) => c.patch.id);
    const attributes = [...new Set(current.flatMap((c) => Object.keys(c.patch.values)))];
    const existing = await ctx.destination.read(load.object, ids, attributes);
    ctx.ledger.writeIntent(ctx.runId, {
      load: load.id,
      object: load.object,
      batch: batchNo,
      before: Object.fromEntries(current.map((c) => [c.sourceKey, existing.get(c.patch.id) ?? null])),
    });
    const results = await ctx.destination.patch(load.object, current.map((c) => c.patch));
    const outcomes: BatchOutcome[] = [];
    results.forEach((result, i) => {
      const item = current[i];
      if (item === undefined || result.status !== 'updated') return;
      patched += 1;
      outcomes.push({ sourceKey: item.sourceKey, destId: item.patch.id, action: 'patched', previous: result.previous ?? existing.get(item.patch.id) ?? null });
    });
    ctx.ledger.commitBatch(ctx.runId, { load: load.id, object: load.object, batch: batchNo }, outcomes);
  };

  for await (const row of csv.rows) {
    const outcome = mapper.map(row.cells);
    if (outcome.kind === 'filtered') continue;
    const id = ctx.ledger.destinationId(load.id, outcome.sourceKey);
    if (id === undefined) continue;
    if (outcome.kind !== 'record') {
      ctx.exceptions.write(exception(load, row.line, outcome.sourceKey, 'incomplete', outcome.reason, outcome.column ?? '', outcome.value ?? ''));
      continue;
    }
    if (Object.keys(outcome.values).length === 0) continue;
    batch.push({ patch: { id, values: outcome.values }, sourceKey: outcome.sourceKey });
    if (batch.length >= ctx.batchSize) await flush();
  }
  await flush();
  return patched;
}
