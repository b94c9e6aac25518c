import { existsSync } from 'node:fs';
import type { ProcessCounts } from './run-report.js';
import type { DestinationRecord, RecordPatch } from '../destinations/destination.js';
import type { Engagement } from '../engagement/engagement.js';
import { csvOptions, loadCsvOptions } from '../plan/csv-options.js';
import type { MigrationPlan, PlannedLoad } from '../plan/migration-plan.js';
import { loadProcesses, processOf, type LoadProcesses, type PlannedProcess } from '../plan/planned-processes.js';
import { RowFilter } from '../plan/row-filter.js';
import { openCsv } from '../source/csv-file.js';
import type { ProcessPart } from '../spec/generated/platform-spec.js';
import type { BatchOutcome } from './ledger.js';
import { destinationKey, type LoadRunContext } from './load-runner.js';

const BATCH = 500;

/** The ledger's name for the process records a deal load created: rollback deletes them after it restores the deals. */
export function processLoadId(load: Pick<PlannedLoad, 'id'>): string {
  return `${load.id}.processes`;
}

interface Made {
  /** What the record names: the record type when the destination has them, else the process. */
  recordProcess: string;
  stages: Map<string, string>;
}

/**
 * Gives each source pipeline its process in the destination and sets it on every deal that loaded: the process
 * (Salesforce BusinessProcess, Dataverse business process flow) with its stages in order, a record type where the
 * destination has them, then each record's process (RecordTypeId, processid) and current stage (stageid). Runs after
 * every load. The records and the patches go through the ledger, so rollback puts every deal back and removes them.
 * A deal whose pipeline has no process (a blank cell and no default) is listed in lookups.csv and counted.
 */
export async function runProcesses(
  ctx: LoadRunContext,
  engagement: Engagement,
  plan: Pick<MigrationPlan, 'stageTables'>,
  load: PlannedLoad,
  seen: readonly string[],
): Promise<ProcessCounts> {
  const counts: ProcessCounts = { processes: 0, records: {}, set: 0, withoutProcess: 0 };
  const planned = loadProcesses(engagement, plan, load, seen);
  if (planned === undefined || load.process === undefined || !existsSync(load.file)) return counts;
  const made = new Map<string, Made>();
  const refused = new Map<string, string>();
  for (const process of planned.processes) {
    try {
      made.set(process.pipeline.toLowerCase(), await createProcess(ctx, load, planned, process, counts.records));
    } catch (error) {
      if (!(error instanceof SetupRefused)) throw error;
      refused.set(process.pipeline.toLowerCase(), error.message);
    }
  }
  counts.processes = made.size;

  const csv = await openCsv(load.file, loadCsvOptions(csvOptions(engagement), load));
  const filter = new RowFilter(load, csv.headers);
  const keyAt = load.keyColumns.map((c) => csv.headers.indexOf(c));
  const pipelineAt = csv.headers.indexOf(load.process.from);
  const stageAt = csv.headers.indexOf(load.process.stage);
  const { storage } = planned;
  let patches: { patch: RecordPatch; sourceKey: string }[] = [];
  let batchNo = 2_000_000;
  const flush = async (): Promise<void> => {
    if (patches.length === 0) return;
    const items = patches;
    patches = [];
    batchNo += 1;
    const attributes = [storage.recordProcess, ...(storage.recordStage === undefined ? [] : [storage.recordStage])];
    const existing = await ctx.destination.read(load.object, items.map((i) => i.patch.id), attributes);
    ctx.ledger.writeIntent(ctx.runId, { load: load.id, object: load.object, batch: batchNo, before: Object.fromEntries(items.map((i) => [i.sourceKey, existing.get(i.patch.id) ?? null])) });
    const results = await ctx.destination.patch(load.object, items.map((i) => i.patch));
    const outcomes: BatchOutcome[] = [];
    results.forEach((result, i) => {
      const item = items[i];
      if (item === undefined) return;
      if (result.status === 'failed') {
        counts.withoutProcess += 1;
        return;
      }
      counts.set += 1;
      if (result.status === 'updated') outcomes.push({ sourceKey: item.sourceKey, destId: item.patch.id, action: 'patched', previous: result.previous ?? existing.get(item.patch.id) ?? null });
    });
    ctx.ledger.commitBatch(ctx.runId, { load: load.id, object: load.object, batch: batchNo }, outcomes);
  };

  for await (const row of csv.rows) {
    if (!filter.belongsHere(row.cells)) continue;
    const key = keyAt.map((i) => (i < 0 ? '' : (row.cells[i] ?? '').trim())).join('|');
    const id = ctx.ledger.destinationId(load.id, key);
    // A deal that did not load is in the exceptions already.
    if (id === undefined) continue;
    const cell = pipelineAt < 0 ? '' : (row.cells[pipelineAt] ?? '');
    const process = processOf(planned, load, cell);
    const setUp = process === undefined ? undefined : made.get(process.pipeline.toLowerCase());
    if (process === undefined || setUp === undefined) {
      counts.withoutProcess += 1;
      const why = process === undefined ? undefined : refused.get(process.pipeline.toLowerCase());
      const problem = why ?? (cell.trim() === '' ? 'the deal names no pipeline and the pair gives no default' : `no process was set up for pipeline "${cell.trim()}"`);
      ctx.valueReports.lookups.write({ file: load.fileName, line: row.line, load: load.id, object: load.object, source_key: key, column: load.process.from, attribute: storage.recordProcess, value: cell.trim(), targets: storage.process.object, problem, outcome: 'not set', reason: problem });
      continue;
    }
    const values: DestinationRecord = { [storage.recordProcess]: setUp.recordProcess };
    if (storage.recordStage !== undefined) {
      const stage = stageOf(plan, process, stageAt < 0 ? '' : (row.cells[stageAt] ?? ''));
      const stageId = stage === undefined ? undefined : setUp.stages.get(stage.toLowerCase());
      if (stageId !== undefined) values[storage.recordStage] = stageId;
    }
    patches.push({ patch: { id, values }, sourceKey: key });
    if (patches.length >= BATCH) await flush();
  }
  await flush();
  return counts;
}

/** The destination stage a source stage takes in this pipeline's table. */
function stageOf(plan: Pick<MigrationPlan, 'stageTables'>, process: PlannedProcess, cell: string): string | undefined {
  const wanted = cell.trim().toLowerCase();
  return (plan.stageTables.get(process.table) ?? []).find((r) => r.source.trim().toLowerCase() === wanted)?.stage;
}

/** Writes one pipeline's process, its stages in order and its record type, each under a key naming the pipeline. */
async function createProcess(ctx: LoadRunContext, load: PlannedLoad, planned: LoadProcesses, process: PlannedProcess, written: Record<string, number>): Promise<Made> {
  const { storage } = planned;
  const writeOne = async (part: ProcessPart, sourceKey: string, values: DestinationRecord): Promise<string> => {
    const id = await writeSetupRecord(ctx, load, part, sourceKey, values);
    written[part.object] = (written[part.object] ?? 0) + 1;
    return id;
  };
  const key = `pipeline:${process.pipeline.toLowerCase()}`;
  const processId = await writeOne(storage.process, key, { [storage.process.name]: process.pipeline });
  const stages = new Map<string, string>();
  for (const [index, stage] of process.stages.entries()) {
    const values: DestinationRecord = { [storage.stage.name]: stage };
    if (storage.stage.process !== undefined) values[storage.stage.process] = processId;
    if (storage.stage.order !== undefined) values[storage.stage.order] = index + 1;
    stages.set(stage.toLowerCase(), await writeOne(storage.stage, `${key}|stage:${index + 1}`, values));
  }
  const recordType = storage.recordType;
  if (recordType === undefined) return { recordProcess: processId, stages };
  const values: DestinationRecord = { [recordType.name]: process.pipeline };
  if (recordType.process !== undefined) values[recordType.process] = processId;
  return { recordProcess: await writeOne(recordType, `${key}|record-type`, values), stages };
}

let writes = 3_000_000;

/** The destination would not take a process record (a live org where the admin creates them in Setup). */
class SetupRefused extends Error {}

/** Upserts one setup record through the ledger, so a rerun finds it and rollback removes it. */
async function writeSetupRecord(ctx: LoadRunContext, load: PlannedLoad, part: ProcessPart, sourceKey: string, values: DestinationRecord): Promise<string> {
  for (const [name, value] of Object.entries(part.values ?? {})) if (value !== undefined) values[name] = value;
  const ledgerLoad = processLoadId(load);
  const batch = ++writes;
  ctx.ledger.writeIntent(ctx.runId, { load: ledgerLoad, object: part.object, batch, before: { [sourceKey]: null } });
  const [result] = await ctx.destination.upsert(part.object, [{ sourceKey: destinationKey(ledgerLoad, sourceKey), values }]);
  if (result === undefined || result.status === 'failed' || result.id === undefined) {
    ctx.ledger.commitBatch(ctx.runId, { load: ledgerLoad, object: part.object, batch }, []);
    throw new SetupRefused(`${part.object} refused the record for ${sourceKey}: ${result?.error ?? 'no answer'}`);
  }
  const action = result.status === 'created' || result.status === 'updated' ? result.status : 'unchanged';
  ctx.ledger.commitBatch(ctx.runId, { load: ledgerLoad, object: part.object, batch }, [{ sourceKey, destId: result.id, action, ...(result.previous ? { previous: result.previous } : {}) }]);
  return result.id;
}
