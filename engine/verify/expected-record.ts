import type { DestinationRecord } from '../destinations/destination.js';
import type { PlannedLoad } from '../plan/migration-plan.js';
import type { MapperContext } from '../run/mapper-context.js';
import { RowMapper } from '../run/row-mapper.js';
import { afterClose } from '../run/close-split.js';

/** What the destination should hold for one source row: a record with these values, or nothing, and why. */
export type Expectation = { kind: 'record'; values: DestinationRecord } | { kind: 'absent'; reason: string };

/**
 * Maps source rows exactly as a run does, with the same row mapper: the first pass for the record, the second pass
 * for the lookups a run sets only after every load (parent accounts, cycles). Lookups resolve through the ledger's
 * key map, so an expected lookup is the destination id of the very record the reference names.
 */
export class ExpectedRecords {
  private readonly firstPass: RowMapper;
  private readonly secondPass: RowMapper;
  private readonly missingColumns: string[];

  constructor(context: MapperContext, private readonly load: PlannedLoad, headers: readonly string[]) {
    this.firstPass = new RowMapper({ ...context, load, headers });
    this.secondPass = new RowMapper({ ...context, load, headers }, 'second');
    this.missingColumns = this.firstPass.missingColumns();
  }

  of(cells: readonly string[]): Expectation {
    // A run skips every row of a file that lacks a column the load reads, without mapping any.
    if (this.missingColumns.length > 0) return { kind: 'absent', reason: `the file has no column ${this.missingColumns.map((c) => `"${c}"`).join(', ')}` };
    const first = this.firstPass.map(cells);
    if (first.kind === 'filtered') return { kind: 'absent', reason: 'the row belongs to another load' };
    if (first.kind !== 'record') return { kind: 'absent', reason: `${first.kind}: ${first.reason}` };
    const second = this.secondPass.map(cells);
    // A deferred lookup that cannot resolve leaves the loaded record incomplete, not unloaded: the run reports it as
    // such and writes nothing for it, so nothing is expected for it either.
    const deferred = second.kind === 'record' ? second.values : {};
    const values = { ...first.values, ...deferred };
    // Won and lost records were closed after the load; open ones never got what only a close writes.
    return { kind: 'record', values: this.load.close === undefined ? values : afterClose(this.load.close, values) };
  }
}
