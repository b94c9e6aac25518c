import type { DestinationRecord } from '../destinations/destination.js';
import type { PlannedLoad } from '../plan/migration-plan.js';
import { openCsv } from './csv-rows.js';
import { rowFingerprint, type DeltaFilter } from './delta-filter.js';
import { RowMapper, type QueueName, type RowMapperContext } from './row-mapper.js';

export interface MappedRecord {
  sourceKey: string;
  values: DestinationRecord;
  line: number;
  names: { kind: 'name' | 'email'; value: string }[];
  /** The source row's fingerprint and modified value, which the ledger keeps for delta runs. */
  fingerprint: string;
  modified: string | null;
}

/** A row that does not become a record, with what the reports need to name it. */
export interface RowProblem {
  line: number;
  sourceKey: string;
  status: 'skipped' | 'held' | 'incomplete';
  reason: string;
  queue?: QueueName;
  column: string;
  value: string;
}

/** A slice of a load's file, mapped: the records to send, the rows that will not be, and how many rows it covered. */
export interface MappedBatch {
  records: MappedRecord[];
  problems: RowProblem[];
  sourceRows: number;
  /** Rows of the file read so far, this load's or not: how far through the file the load is, for progress bars. */
  fileRowsRead: number;
  lookupsBlanked: number;
  /** Delta runs: rows left alone because they did not change since the engine last wrote them. */
  unchangedKeys: string[];
}

export type Pass = 'first' | 'second';

/**
 * Reads a load's file and maps it in batches. This is the CPU-heavy half of a run (parsing, transforms, lookups) and
 * touches nothing but the file and the ledger's indexes, so it can run in a worker thread while the main thread
 * writes the previous batch. In the second pass, records carry only the deferred lookups.
 */
export async function* mapLoadRows(
  context: Omit<RowMapperContext, 'load' | 'headers'>,
  load: PlannedLoad,
  pass: Pass,
  batchSize: number,
  options: { delimiter?: string; delta?: DeltaFilter } = {},
): AsyncGenerator<MappedBatch> {
  const csv = await openCsv(load.file, options.delimiter === undefined ? {} : { delimiter: options.delimiter });
  const mapper = new RowMapper({ ...context, load, headers: csv.headers }, pass);
  const missing = mapper.missingColumns();
  if (pass === 'second' && missing.length > 0) return;
  const modifiedIndex = load.modifiedColumn === undefined ? -1 : csv.headers.indexOf(load.modifiedColumn);
  let fileRowsRead = 0;
  const empty = (): MappedBatch => ({ records: [], problems: [], sourceRows: 0, fileRowsRead, lookupsBlanked: 0, unchangedKeys: [] });
  let batch = empty();
  for await (const row of csv.rows) {
    batch.fileRowsRead = ++fileRowsRead;
    const fingerprint = rowFingerprint(row.cells);
    const modified = modifiedIndex < 0 ? null : (row.cells[modifiedIndex]?.trim() ?? null);
    if (options.delta !== undefined && mapper.belongsHere(row.cells)) {
      const key = mapper.sourceKey(row.cells);
      if (options.delta.unchanged(load.id, key, fingerprint, modified)) {
        batch.sourceRows += 1;
        batch.unchangedKeys.push(key);
        if (batch.unchangedKeys.length >= batchSize) {
          yield batch;
          batch = empty();
        }
        continue;
      }
    }
    if (missing.length > 0) {
      if (!mapper.belongsHere(row.cells)) continue;
      batch.sourceRows += 1;
      const reason = `the file has no column ${missing.map((m) => `"${m}"`).join(', ')}`;
      batch.problems.push({ line: row.line, sourceKey: mapper.sourceKey(row.cells), status: 'skipped', reason, column: missing.join(', '), value: '' });
    } else {
      const outcome = mapper.map(row.cells);
      if (outcome.kind === 'filtered') continue;
      batch.sourceRows += 1;
      if (outcome.kind === 'record') {
        batch.lookupsBlanked += outcome.blanked.length;
        batch.records.push({ sourceKey: outcome.sourceKey, values: outcome.values, line: row.line, names: pass === 'first' ? mapper.indexValues(row.cells) : [], fingerprint, modified });
      } else {
        batch.problems.push({
          line: row.line,
          sourceKey: outcome.sourceKey,
          status: pass === 'second' ? 'incomplete' : outcome.kind,
          reason: outcome.reason,
          ...(outcome.queue === undefined || pass === 'second' ? {} : { queue: outcome.queue }),
          column: outcome.column ?? '',
          value: outcome.value ?? '',
        });
      }
    }
    if (batch.records.length >= batchSize || batch.problems.length >= batchSize) {
      yield batch;
      batch = empty();
    }
  }
  if (batch.sourceRows > 0) yield batch;
}
