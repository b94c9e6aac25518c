import { existsSync } from 'node:fs';
import type { DestinationRecord } from '../destinations/destination.js';
import type { PlannedLoad } from '../plan/migration-plan.js';
import { openCsv } from '../source/csv-file.js';
import { RowShape } from '../plan/row-shape.js';
import type { MapperContext } from './mapper-context.js';
import type { LocatedValueIssue, ValueIssue } from './value-issue.js';
import type { Ledger } from './ledger.js';
import { rowFingerprint, sameSourceRow, type DeltaFilter } from './delta-filter.js';
import { RowMapper } from './row-mapper.js';
import type { QueueName } from './queue-resolutions.js';
import { loadCsvOptions } from '../plan/csv-options.js';
import { splitClose, type RecordClose } from './close-split.js';

export interface MappedRecord {
  sourceKey: string;
  values: DestinationRecord;
  line: number;
  names: { kind: 'name' | 'email'; value: string }[];
  /** The source row's fingerprint and modified value, which the ledger keeps for delta runs. */
  fingerprint: string;
  modified: string | null;
  /** A won or lost row: loaded open, then closed by the close step with these values. */
  close?: RecordClose;
}

/** How a row that does not become a record is counted: `duplicate` rows repeat a key another row loads under. */
export type ProblemStatus = 'skipped' | 'held' | 'duplicate' | 'incomplete';

/** A row that does not become a record, with what the reports need to name it. */
export interface RowProblem {
  line: number;
  sourceKey: string;
  status: ProblemStatus;
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
  /** Values that did not arrive as written (blanked fields, lookups that were not clean matches), with their rows. */
  issues: LocatedValueIssue[];
  /** Delta runs: rows left alone because they did not change since the engine last wrote them. */
  unchangedKeys: string[];
  /** Resumed runs: rows the killed attempt already wrote and that have not changed since, not mapped or sent again. */
  written: WrittenRecord[];
}

/** A row a killed attempt of this run wrote: where it went, for the success file and the figures. */
export interface WrittenRecord {
  sourceKey: string;
  line: number;
  destId: string;
}

export interface MapOptions {
  delimiter?: string;
  delta?: DeltaFilter;
  /** Set when the run resumes a killed attempt: rows that attempt wrote are recognised in the ledger and passed over. */
  resumed?: { ledger: Ledger; runId: number };
}

export type Pass = 'first' | 'second';

/**
 * Reads a load's file and maps it in batches. This is the CPU-heavy half of a run (parsing, transforms, lookups) and
 * touches nothing but the file and the ledger's indexes, so it can run in a worker thread while the main thread
 * writes the previous batch. In the second pass, records carry only the deferred lookups.
 */
export async function* mapLoadRows(
  context: MapperContext,
  load: PlannedLoad,
  pass: Pass,
  batchSize: number,
  options: MapOptions = {},
): AsyncGenerator<MappedBatch> {
  // The export check reported a missing file before the run; there is nothing to map.
  if (!existsSync(load.file)) return;
  const csv = await openCsv(load.file, loadCsvOptions({ ...context.csv, ...(options.delimiter === undefined ? {} : { delimiter: options.delimiter }) }, load));
  const mapper = new RowMapper({ ...context, load, headers: csv.headers }, pass);
  const missing = mapper.missingColumns();
  const shape = new RowShape(load, csv.headers);
  if (pass === 'second' && missing.length > 0) return;
  const duplicates = pass === 'first' ? context.duplicates.get(load.id) : undefined;
  const modifiedIndex = load.modifiedColumn === undefined ? -1 : csv.headers.indexOf(load.modifiedColumn);
  let fileRowsRead = 0;
  const empty = (): MappedBatch => ({ records: [], problems: [], sourceRows: 0, fileRowsRead, lookupsBlanked: 0, issues: [], unchangedKeys: [], written: [] });
  const resumed = pass === 'first' ? options.resumed : undefined;
  // The rows the killed attempt wrote are in the file's first batches: once all are found, the rest of the file (the
  // part still to do) is mapped without asking the ledger about each row.
  let unfound = resumed === undefined ? 0 : resumed.ledger.rows.writtenCount(resumed.runId, load.id);
  const problem = (line: number, sourceKey: string, status: RowProblem['status'], reason: string, column = '', value = ''): void => {
    batch.problems.push({ line, sourceKey, status: pass === 'second' ? 'incomplete' : status, reason, column, value });
    if (pass === 'first' && sourceKey !== '') context.notLoaded.note(load.id, sourceKey, `${load.fileName}:${line} was ${status}: ${reason}`);
  };
  let batch = empty();
  for await (const rows of csv.chunks) {
    for (const row of rows) {
      batch.fileRowsRead = ++fileRowsRead;
      if (!mapper.belongsHere(row.cells)) continue;
      batch.sourceRows += 1;
      const repeat = duplicates?.get(row.line);
      const misshapen = pass === 'first' ? shape.problem(row) : undefined;
      if (repeat !== undefined) {
        // Checked before the delta filter: an identical repeat would otherwise pass as "unchanged".
        const reason = `${repeat.action === 'held' ? 'shares' : 'repeats'} the source key of line ${repeat.of} (${repeat.exact ? 'an identical row' : 'the rows differ'})${repeat.action === 'held' ? '; the duplicates policy holds every row of the key for a person to choose' : ''}`;
        batch.problems.push({ line: row.line, sourceKey: mapper.sourceKey(row.cells), status: repeat.action === 'held' ? 'held' : 'duplicate', reason, column: load.keyColumns.join(' + '), value: mapper.sourceKey(row.cells) });
      } else if (misshapen !== undefined) {
        problem(row.line, mapper.sourceKey(row.cells), 'skipped', misshapen.reason, misshapen.column);
      } else if (missing.length > 0) {
        problem(row.line, mapper.sourceKey(row.cells), 'skipped', `the file has no column ${missing.map((m) => `"${m}"`).join(', ')}`, missing.join(', '));
      } else {
        const modified = modifiedIndex < 0 ? null : (row.cells[modifiedIndex]?.trim() ?? null);
        const key = mapper.sourceKey(row.cells);
        let hashed: string | undefined;
        const fingerprint = (): string => (hashed ??= rowFingerprint(row.cells));
        const written = unfound > 0 ? resumed?.ledger.rows.writtenBy(resumed.runId, load.id, key) : undefined;
        if (written !== undefined) unfound -= 1;
        if (written !== undefined && sameSourceRow(written, fingerprint, modified)) {
          // What the killed attempt reported about the row's values is reported again, as if the row were mapped anew.
          const issues = written.issues === null ? [] : (JSON.parse(written.issues) as ValueIssue[]);
          for (const issue of issues) batch.issues.push({ ...issue, line: row.line, sourceKey: key });
          batch.lookupsBlanked += issues.filter((i) => i.kind === 'lookup' && i.outcome === 'blanked').length;
          batch.written.push({ sourceKey: key, line: row.line, destId: written.destId });
        } else if (options.delta?.unchanged(load.id, key, fingerprint, modified) === true) {
          batch.unchangedKeys.push(key);
        } else {
          const outcome = mapper.map(row.cells, key);
          if (outcome.kind === 'filtered') throw new Error(`mapper filtered a row the load takes (${load.fileName}:${row.line})`);
          for (const issue of outcome.issues ?? []) batch.issues.push({ ...issue, line: row.line, sourceKey: outcome.sourceKey });
          if (outcome.kind === 'record') {
            batch.lookupsBlanked += outcome.blanked.length;
            const split = pass === 'first' && load.close !== undefined ? splitClose(load.close, outcome.values) : { values: outcome.values };
            batch.records.push({ sourceKey: outcome.sourceKey, values: split.values, line: row.line, names: pass === 'first' ? mapper.indexValues(row.cells) : [], fingerprint: fingerprint(), modified, ...(split.close === undefined ? {} : { close: split.close }) });
          } else {
            problem(row.line, outcome.sourceKey, outcome.kind, outcome.reason, outcome.column ?? '', outcome.value ?? '');
            if (outcome.queue !== undefined && pass === 'first') (batch.problems.at(-1) as RowProblem).queue = outcome.queue;
          }
        }
      }
      if (batch.records.length >= batchSize || batch.problems.length >= batchSize || batch.unchangedKeys.length >= batchSize || batch.written.length >= batchSize) {
        yield batch;
        batch = empty();
      }
    }
  }
  if (batch.sourceRows > 0) yield batch;
}
