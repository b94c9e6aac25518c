import type { Destination, DestinationRecord } from '../destinations/destination.js';
import type { Ledger } from '../run/ledger.js';
import type { MapperContext } from '../run/mapper-context.js';
import { ExpectedRecords } from './expected-record.js';
import { rowId } from './refused-rows.js';
import type { LoadSample, SampledRow } from './row-sample.js';
import { differences } from '../destinations/model/value-diff.js';
import { linkDifferences, type LinkContext } from './link-check.js';
import { ReferencedObjects } from '../source/referenced-object.js';
import type { PlatformIndex } from '../spec/platform-index.js';
import type { LoadVerification, Mismatch } from './verification-report.js';

export interface CheckContext {
  mapper: MapperContext;
  ledger: Ledger;
  destination: Destination;
  /** The source platform, for what its export says about the records references name. */
  source: PlatformIndex;
  /** Load id to the source object it reads. */
  sourceObjectOf: ReadonlyMap<string, string>;
  /** Sampled rows the destination refused in a run, by `rowId`. */
  refused: ReadonlySet<string>;
}

/** A sampled row that should be in the destination, with the values it should hold in the destination's terms. */
interface ExpectedInDestination {
  row: SampledRow;
  id: string;
  values: DestinationRecord;
}

/**
 * Checks one load's sampled rows against the destination: each row's expected record (or its rightful absence)
 * against what the key map and the destination hold. Records are read in the destination's preferred batches.
 */
export async function checkLoadSample(sample: LoadSample, ctx: CheckContext): Promise<{ verification: LoadVerification; mismatches: Mismatch[] }> {
  const { load } = sample;
  const verification: LoadVerification = {
    load: load.id,
    object: load.object,
    file: load.fileName,
    rows: sample.candidates,
    sampled: sample.rows.length,
    checked: 0,
    matching: 0,
    mismatching: 0,
    notLoaded: 0,
  };
  const mismatches: Mismatch[] = [];
  const located = (row: SampledRow, id: string | null): Pick<Mismatch, 'load' | 'object' | 'file' | 'line' | 'sourceKey' | 'id'> => ({
    load: load.id,
    object: load.object,
    file: load.fileName,
    line: row.line,
    sourceKey: row.sourceKey,
    id,
  });
  const recordMismatch = (row: SampledRow, id: string | null, reason: string): void => {
    verification.checked += 1;
    verification.mismatching += 1;
    mismatches.push({ ...located(row, id), field: '', expected: null, actual: null, reason });
  };

  const expectations = new ExpectedRecords(ctx.mapper, load, sample.headers);
  const column = new Map(sample.headers.map((h, i) => [h, i]));
  const toCompare: ExpectedInDestination[] = [];
  for (const row of sample.rows) {
    // A row the run skipped for its shape wrote nothing; a record under its key, if any, is another row's.
    if (row.misshapen === true) {
      verification.notLoaded += 1;
      continue;
    }
    const expected = row.repeatsKey === true ? { kind: 'absent' as const, reason: 'its source key repeats in the file and the pair holds repeated keys' } : expectations.of(row.cells);
    const id = ctx.ledger.destinationId(load.id, row.sourceKey);
    if (expected.kind === 'absent') {
      if (id === undefined) verification.notLoaded += 1;
      else recordMismatch(row, id, `loaded but should not have been: ${expected.reason}`);
    } else if (id !== undefined) {
      toCompare.push({ row, id, values: ctx.destination.normalize(load.object, expected.values) });
    } else if (ctx.refused.has(rowId(load.id, row.sourceKey))) {
      verification.notLoaded += 1;
    } else {
      recordMismatch(row, null, 'missing in destination: the ledger maps the row to no record');
    }
  }

  for (let start = 0; start < toCompare.length; start += ctx.destination.preferredBatchSize) {
    const batch = toCompare.slice(start, start + ctx.destination.preferredBatchSize);
    const attributes = [...new Set(batch.flatMap((p) => Object.keys(p.values)))];
    const keyAttributes = [...new Set(load.lookups.filter((l) => l.by === 'key').map((l) => l.to))];
    const actual = await ctx.destination.read(load.object, batch.map((p) => p.id), [...new Set([...attributes, ...keyAttributes])]);
    const linkedIds = [...actual.values()].flatMap((r) => keyAttributes.map((a) => r[a]).filter((v): v is string | number => v !== null && v !== undefined && v !== ''));
    const links: LinkContext = {
      format: ctx.mapper.format,
      objects: ctx.mapper.referencedObjects ?? new ReferencedObjects(ctx.source),
      sourceObjectOf: ctx.sourceObjectOf,
      sources: ctx.ledger.sourcesOf(linkedIds.map(String)),
    };
    for (const { row, id, values } of batch) {
      const record = actual.get(id);
      if (record === undefined) {
        recordMismatch(row, id, `missing in destination: no ${load.object} record has id ${id}`);
        continue;
      }
      const cell = (name: string): string => row.cells[column.get(name) ?? -1] ?? '';
      const valueDiffs = differences(values, record);
      // A link the re-mapping already finds wrong is reported once, with its values.
      const linkDiffs = linkDifferences(load, cell, record, links).filter((l) => !valueDiffs.some((v) => v.field === l.field));
      const wrong = [...valueDiffs, ...linkDiffs];
      verification.checked += 1;
      if (wrong.length === 0) verification.matching += 1;
      else verification.mismatching += 1;
      for (const difference of wrong) mismatches.push({ ...located(row, id), ...difference });
    }
  }
  // Stable: a row's mismatches keep the mapping's attribute order.
  mismatches.sort((a, b) => a.line - b.line);
  return { verification, mismatches };
}
