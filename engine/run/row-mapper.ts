import { basename, extname } from 'node:path';
import { DEFAULT_MAX_FILE_BYTES, readExportFile } from '../source/export-file.js';
import type { DestinationRecord } from '../destinations/destination.js';
import type { PlannedLoad, PlannedLookup } from '../plan/migration-plan.js';
import type { ExportFormat } from '../spec/generated/platform-spec.js';
import { applyTransforms } from '../transforms/registry.js';
import { TransformError, type TransformContext, type Value } from '../transforms/transform.js';
import type { LookupResolver } from './lookup-resolver.js';
import { parseReference } from './reference.js';
import type { OwnerResolver } from './owner-resolver.js';
import { RowFilter } from './row-filter.js';
import { ownerResolutionKey, resolutionKey } from './queue-resolutions.js';

export type QueueName = 'orphans' | 'owners';

export type RowOutcome =
  | { kind: 'filtered' }
  | { kind: 'record'; sourceKey: string; values: DestinationRecord; blanked: string[] }
  | { kind: 'skipped' | 'held'; sourceKey: string; reason: string; queue?: QueueName; column?: string; value?: string };

export interface RowMapperContext {
  load: PlannedLoad;
  headers: readonly string[];
  format: ExportFormat | undefined;
  transforms: TransformContext;
  lookups: LookupResolver;
  owners: OwnerResolver;
  exportDir: string;
  /** The destination's attachment size limit (its spec's `rules.maxFileBytes`). */
  maxFileBytes?: number;
  nullCells: ReadonlySet<string>;
  /** The admin's answers from the queue files, by resolutionKey(load, sourceKey, column). */
  resolutions: ReadonlyMap<string, string>;
}

/** A key whose columns are all empty names no row, so the row cannot be upserted. */
export function isBlankKey(sourceKey: string): boolean {
  return sourceKey.replaceAll('|', '') === '';
}

const MIME: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.txt': 'text/plain',
  '.csv': 'text/csv',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * Turns one source row into the destination record it becomes, or into the reason it cannot. It never throws for a
 * bad row: every problem becomes an outcome that names the column and value, so the run can report it and go on.
 * Headers are resolved to cell positions once per file, not once per row.
 */
export class RowMapper {
  private readonly column: (name: string) => number;
  private readonly keyIndexes: number[];
  private readonly filter: RowFilter;
  private readonly lookupGroups: { to: string; lookups: (PlannedLookup & { index: number })[] }[];

  /**
   * The first pass fills everything but deferred lookups; the second pass, after every load has run, fills only the
   * deferred ones (parent accounts and other references that may point at rows loaded later).
   */
  constructor(
    private readonly ctx: RowMapperContext,
    private readonly pass: 'first' | 'second' = 'first',
  ) {
    const positions = new Map(ctx.headers.map((h, i) => [h, i]));
    this.column = (name) => positions.get(name) ?? -1;
    this.keyIndexes = ctx.load.keyColumns.map(this.column);
    this.filter = new RowFilter(ctx.load, ctx.headers);
    const groups = new Map<string, (PlannedLookup & { index: number })[]>();
    for (const lookup of ctx.load.lookups) {
      if (lookup.deferred !== (pass === 'second')) continue;
      const list = groups.get(lookup.to) ?? [];
      list.push({ ...lookup, index: this.column(lookup.column) });
      groups.set(lookup.to, list);
    }
    this.lookupGroups = [...groups].map(([to, lookups]) => ({ to, lookups }));
  }

  /** The name and email later loads may look this row up by, lower-cased as lookups compare them. */
  indexValues(cells: readonly string[]): { kind: 'name' | 'email'; value: string }[] {
    const { load } = this.ctx;
    const out: { kind: 'name' | 'email'; value: string }[] = [];
    for (const kind of load.indexBy) {
      const columns = kind === 'name' ? load.nameColumns : load.emailColumn === undefined ? [] : [load.emailColumn];
      const value = columns
        .map((c) => this.cell(cells, this.column(c)).trim())
        .filter((v) => v !== '')
        .join(' ')
        .toLowerCase();
      if (value !== '') out.push({ kind, value });
    }
    return out;
  }

  /** Columns the load reads that the file does not have: the whole load is blocked on them. */
  missingColumns(): string[] {
    const { load } = this.ctx;
    const wanted = [
      ...load.keyColumns,
      ...(load.filter ? [load.filter.column] : []),
      ...load.fields.flatMap((f) => f.columns),
      ...load.lookups.map((l) => l.column),
      ...(load.owner ? [load.owner.from] : []),
      ...(load.attachment ? [load.attachment.from] : []),
    ];
    return [...new Set(wanted)].filter((c) => this.column(c) < 0);
  }

  cell(cells: readonly string[], index: number): string {
    const raw = index < 0 ? '' : (cells[index] ?? '');
    return this.ctx.nullCells.has(raw.trim()) ? '' : raw;
  }

  sourceKey(cells: readonly string[]): string {
    return this.keyIndexes.map((i) => this.cell(cells, i).trim()).join('|');
  }

  belongsHere(cells: readonly string[]): boolean {
    return this.filter.belongsHere(cells);
  }

  map(cells: readonly string[]): RowOutcome {
    if (!this.belongsHere(cells)) return { kind: 'filtered' };
    const sourceKey = this.sourceKey(cells);
    if (this.keyIndexes.length === 0 || isBlankKey(sourceKey)) {
      return { kind: 'skipped', sourceKey, reason: `the row has no source key (${this.ctx.load.keyColumns.join(', ') || 'no key column'})` };
    }
    const values: DestinationRecord = {};
    const blanked: string[] = [];
    if (this.pass === 'second') {
      for (const group of this.lookupGroups) {
        const outcome = this.resolveGroup(cells, group, values, sourceKey, blanked);
        if (outcome) return outcome;
      }
      return { kind: 'record', sourceKey, values, blanked };
    }
    for (const field of this.ctx.load.fields) {
      if (field.value !== undefined && field.columns.length === 0) {
        values[field.to] = field.value;
        continue;
      }
      const inputs: Value[] = field.columns.map((c) => this.cleanCell(cells, c));
      try {
        const input = inputs.length === 1 ? (inputs[0] as Value) : inputs;
        const out = applyTransforms(input, field.steps, this.ctx.transforms, { object: this.ctx.load.sourceObject, columns: field.columns });
        values[field.to] = out === null && field.value !== undefined ? field.value : out;
      } catch (error) {
        if (!(error instanceof TransformError)) throw error;
        const column = field.columns.join(' + ');
        return { kind: 'skipped', sourceKey, reason: `${column}: ${error.message}`, column, value: inputs.map(String).join(' ') };
      }
    }
    for (const group of this.lookupGroups) {
      const outcome = this.resolveGroup(cells, group, values, sourceKey, blanked);
      if (outcome) return outcome;
    }
    const owner = this.ctx.load.owner;
    if (owner) {
      const value = this.cell(cells, this.column(owner.from)).trim();
      // The owner queue is answered once per owner; older per-record answers still count.
      const answer = this.ctx.resolutions.get(ownerResolutionKey(value)) ?? this.ctx.resolutions.get(resolutionKey(this.ctx.load.id, sourceKey, owner.from));
      // The admin names the destination user by email, whatever the pair matches owners by.
      const resolved = answer === undefined ? this.ctx.owners.resolve(value, owner) : this.ctx.owners.resolve(answer, { ...owner, by: 'email' });
      if ('id' in resolved) values[owner.to] = resolved.id;
      else return { kind: 'held', sourceKey, reason: resolved.problem, queue: 'owners', column: owner.from, value };
    }
    const attachment = this.ctx.load.attachment;
    if (attachment) {
      const path = this.cell(cells, this.column(attachment.from)).trim();
      if (path !== '') {
        const file = readExportFile(this.ctx.exportDir, path, this.ctx.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES);
        if (!file.ok) return { kind: 'skipped', sourceKey, reason: `${attachment.from}: ${file.reason}`, column: attachment.from, value: path };
        const content = file.bytes;
        values[attachment.content] = content.toString('base64');
        if (attachment.fileName !== undefined) values[attachment.fileName] = basename(path);
        if (attachment.mimeType !== undefined) values[attachment.mimeType] = MIME[extname(path).toLowerCase()] ?? 'application/octet-stream';
        if (attachment.size !== undefined) values[attachment.size] = content.length;
      }
    }
    return { kind: 'record', sourceKey, values, blanked };
  }

  private cleanCell(cells: readonly string[], column: string): string {
    const raw = this.cell(cells, this.column(column));
    // A plain field mapping reading a Vtiger reference column wants the record's name, not `Products::::Widget`.
    return this.ctx.format?.references === 'module-label' ? parseReference(raw, this.ctx.format).value : raw;
  }

  /**
   * Lookups writing the same attribute are fallbacks, tried in order (deal, then contact, then company): the first
   * that resolves wins. Only when none does is the first non-empty reference's `onMissing` applied.
   */
  private resolveGroup(
    cells: readonly string[],
    group: { to: string; lookups: (PlannedLookup & { index: number })[] },
    values: DestinationRecord,
    sourceKey: string,
    blanked: string[],
  ): RowOutcome | undefined {
    let failure: { lookup: PlannedLookup; value: string; problem: string } | undefined;
    for (const lookup of group.lookups) {
      const raw = this.ctx.resolutions.get(resolutionKey(this.ctx.load.id, sourceKey, lookup.column)) ?? this.cell(cells, lookup.index);
      const resolution = this.ctx.lookups.resolve(lookup, parseReference(raw, this.ctx.format));
      if (resolution === undefined) continue;
      if ('id' in resolution) {
        values[group.to] = resolution.id;
        return undefined;
      }
      failure ??= { lookup, value: raw.trim(), problem: resolution.problem };
    }
    if (failure === undefined) return undefined;
    const reason = `${failure.lookup.column}: ${failure.problem}`;
    switch (failure.lookup.onMissing) {
      case 'hold':
        return { kind: 'held', sourceKey, reason, queue: 'orphans', column: failure.lookup.column, value: failure.value };
      case 'skip':
        return { kind: 'skipped', sourceKey, reason, column: failure.lookup.column, value: failure.value };
      default:
        values[group.to] = null;
        blanked.push(reason);
        return undefined;
    }
  }
}
