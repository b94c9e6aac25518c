import { basename, extname } from 'node:path';
import { DEFAULT_MAX_FILE_BYTES, readExportFile } from '../source/export-file.js';
import type { DestinationRecord } from '../destinations/destination.js';
import type { PlannedField, PlannedLoad, PlannedLookup } from '../plan/migration-plan.js';
import { Rejection, type Coerce } from '../destinations/model/coerce.js';
import { resolveLookupGroup, type LookupGroup } from './lookup-group.js';
import type { ValueIssue } from './value-issue.js';
import type { ExportFormat } from '../spec/generated/platform-spec.js';
import { compileTransforms, type TransformChain } from '../transforms/registry.js';
import { TransformError, type TransformContext, type Value } from '../transforms/transform.js';
import type { LookupResolver } from './lookup-resolver.js';
import { KEY_PART_SEPARATOR, parseReference, readReference, type Reference } from '../source/reference.js';
import type { ReferencedObjects } from '../source/referenced-object.js';
import type { OwnerResolver } from '../plan/owner-resolver.js';
import { RowFilter } from '../plan/row-filter.js';
import { requiredColumns } from '../plan/load-columns.js';
import { ownerResolutionKey, resolutionKey, type QueueName } from './queue-resolutions.js';

export type RowOutcome =
  | { kind: 'filtered' }
  | { kind: 'record'; sourceKey: string; values: DestinationRecord; blanked: string[]; issues: ValueIssue[] }
  | { kind: 'skipped' | 'held'; sourceKey: string; reason: string; queue?: QueueName; column?: string; value?: string; issues?: ValueIssue[] };

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
  /** The destination's value rules for an attribute, to catch a bad optional value before it costs its record. */
  attributeRule?: (object: string, attribute: string) => Coerce | undefined;
  /** What the export says about the kind of record a reference names (Salesforce key prefixes). */
  referencedObjects?: ReferencedObjects;
}

/** A key whose columns are all empty names no row, so the row cannot be upserted. */
export function isBlankKey(sourceKey: string): boolean {
  return sourceKey.replaceAll('|', '') === '';
}

/** A field mapping as a row mapper runs it: its cells' positions in the file and its transform chain, found once. */
interface MappedField {
  field: PlannedField;
  positions: number[];
  transforms: TransformChain;
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
  private readonly lookupGroups: LookupGroup[];
  private readonly rules: Map<string, Coerce | undefined>;
  private readonly fields: MappedField[];

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
      list.push({ ...lookup, index: this.column(lookup.columns[0] as string) });
      groups.set(lookup.to, list);
    }
    this.lookupGroups = [...groups].map(([to, lookups]) => ({ to, lookups }));
    // Required fields are left to the destination, which refuses the record; the others are checked here.
    this.rules = new Map(ctx.load.fields.filter((f) => f.onError !== 'skip').map((f) => [f.to, ctx.attributeRule?.(ctx.load.object, f.to)]));
    this.fields = ctx.load.fields.map((field) => ({
      field,
      positions: field.columns.map(this.column),
      transforms: compileTransforms(field.steps, ctx.transforms, { object: ctx.load.sourceObject, columns: field.columns }),
    }));
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

  /** Columns the load cannot do without that the file does not have: the whole load is blocked on them. */
  missingColumns(): string[] {
    return requiredColumns(this.ctx.load).filter((c) => this.column(c) < 0);
  }

  cell(cells: readonly string[], index: number): string {
    const raw = index < 0 ? '' : (cells[index] ?? '');
    // Most platforms write no null markers: then a cell needs no trimmed copy to look up.
    return this.ctx.nullCells.size > 0 && this.ctx.nullCells.has(raw.trim()) ? '' : raw;
  }

  sourceKey(cells: readonly string[]): string {
    return this.keyIndexes.map((i) => this.cell(cells, i).trim()).join(KEY_PART_SEPARATOR);
  }

  belongsHere(cells: readonly string[]): boolean {
    return this.filter.belongsHere(cells);
  }

  /** `sourceKey` is the row's key where the caller has already read it (see `sourceKey`). */
  map(cells: readonly string[], sourceKey = this.sourceKey(cells)): RowOutcome {
    if (!this.belongsHere(cells)) return { kind: 'filtered' };
    if (this.keyIndexes.length === 0 || isBlankKey(sourceKey)) {
      return { kind: 'skipped', sourceKey, reason: `the row has no source key (${this.ctx.load.keyColumns.join(', ') || 'no key column'})` };
    }
    const values: DestinationRecord = {};
    const blanked: string[] = [];
    const issues: ValueIssue[] = [];
    if (this.pass === 'second') {
      const outcome = this.resolveLookups(cells, values, sourceKey, issues);
      return outcome ?? { kind: 'record', sourceKey, values, blanked, issues };
    }
    for (const field of this.fields) {
      const outcome = this.mapField(field, cells, values, sourceKey, issues);
      if (outcome) return outcome;
    }
    const unresolved = this.resolveLookups(cells, values, sourceKey, issues);
    if (unresolved) return unresolved;
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
    for (const issue of issues) if (issue.kind === 'lookup' && issue.outcome === 'blanked') blanked.push(`${issue.column}: ${issue.reason}`);
    return { kind: 'record', sourceKey, values, blanked, issues };
  }

  /**
   * One field through its transforms and the destination's rules. A value either refuses costs the row only when the
   * field says so (required fields skip by default); otherwise the field is left blank and the value reported.
   */
  private mapField(mapped: MappedField, cells: readonly string[], values: DestinationRecord, sourceKey: string, issues: ValueIssue[]): RowOutcome | undefined {
    const { field, positions } = mapped;
    if (field.value !== undefined && field.columns.length === 0) {
      values[field.to] = field.value;
      return undefined;
    }
    const inputs: Value[] = positions.length === 1 ? [this.cleanCell(cells, positions[0] as number)] : positions.map((position) => this.cleanCell(cells, position));
    let problem: string;
    try {
      const input = inputs.length === 1 ? (inputs[0] as Value) : inputs;
      const out = mapped.transforms(input);
      const value = out === null && field.value !== undefined ? field.value : out;
      const checked = this.rules.get(field.to)?.(value);
      if (!(checked instanceof Rejection)) {
        values[field.to] = value;
        return undefined;
      }
      problem = checked.message;
    } catch (error) {
      if (!(error instanceof TransformError)) throw error;
      problem = error.message;
    }
    const column = field.columns.join(' + ');
    const value = inputs.map(String).join(' ');
    if (field.onError === 'blank') {
      values[field.to] = null;
      issues.push({ kind: 'field', column, attribute: field.to, value, reason: problem, outcome: 'blanked' });
      return undefined;
    }
    return { kind: field.onError === 'hold' ? 'held' : 'skipped', sourceKey, reason: `${column}: ${problem}`, column, value };
  }

  private resolveLookups(cells: readonly string[], values: DestinationRecord, sourceKey: string, issues: ValueIssue[]): RowOutcome | undefined {
    const answer = (lookup: PlannedLookup & { index: number }): { raw: string; reference: Reference } => {
      const given = this.ctx.resolutions.get(resolutionKey(this.ctx.load.id, sourceKey, lookup.column));
      if (given !== undefined) return { raw: given, reference: parseReference(given, this.ctx.format) };
      if (lookup.columns.length > 1) {
        const reference = readReference(lookup.columns, (c) => this.cell(cells, this.column(c)), this.ctx.format);
        return { raw: reference.value, reference };
      }
      const raw = this.cell(cells, lookup.index);
      return { raw, reference: this.reference(cells, lookup, raw) };
    };
    for (const group of this.lookupGroups) {
      const outcome = resolveLookupGroup(group, answer, this.ctx.lookups, values, issues);
      if (outcome.kind === 'resolved') continue;
      const queue = outcome.kind === 'held' ? { queue: 'orphans' as const } : {};
      return { kind: outcome.kind, sourceKey, reason: outcome.reason, ...queue, column: outcome.column, value: outcome.value, issues };
    }
    return undefined;
  }

  /**
   * A reference with what the export says about its kind: the pair's type column chooses the load; otherwise a module
   * prefix or a Salesforce key prefix names the source object, and only loads of that object are tried.
   */
  private reference(cells: readonly string[], lookup: PlannedLookup, raw: string): Reference {
    const parsed = parseReference(raw, this.ctx.format);
    if (parsed.value === '') return parsed;
    if (lookup.typeColumn !== undefined) {
      const kind = this.cell(cells, this.column(lookup.typeColumn)).trim();
      if (kind === '') return parsed;
      const load = lookup.types?.[kind.toLowerCase()];
      return { ...parsed, kind, ...(load === undefined ? {} : { load }) };
    }
    if (parsed.module !== undefined) return parsed;
    const named = this.ctx.referencedObjects?.fromReference(parsed);
    return named === undefined ? parsed : { ...parsed, module: named };
  }

  private cleanCell(cells: readonly string[], position: number): string {
    const raw = this.cell(cells, position);
    // A plain field mapping reading a Vtiger reference column wants the record's name, not `Products::::Widget`.
    return this.ctx.format?.references === 'module-label' ? parseReference(raw, this.ctx.format).value : raw;
  }
}
