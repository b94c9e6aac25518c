import type { FieldMapping, Load, PairSpec, TransformCall, TransformStep } from '../generated/pair-spec.js';
import type { PlatformField } from '../generated/platform-spec.js';
import type { PlatformIndex } from '../platform-index.js';
import { asList, destinationField, destinationFieldNames, type LocatedLoad } from '../pair-model.js';
import { TRANSFORMS, checkTransformCall } from '../../transforms/registry.js';
import type { Reporter } from './reporter.js';
import { checkCallFormats } from './check-formats.js';
import { checkOptionTargets } from './check-options.js';
import { ROW_KEY } from '../../model/row-key.js';

const LOOKUP_TYPES = new Set(['lookup', 'owner']);

export interface LoadCheckContext {
  pair: PairSpec;
  source: PlatformIndex | undefined;
  destination: PlatformIndex | undefined;
  /** Every load id of the pair, to its load. */
  loads: ReadonlyMap<string, Load>;
  reporter: Reporter;
}

/** Checks one load against the source and destination platforms: objects, columns, attributes, transforms, lookups. */
export function checkLoad(ctx: LoadCheckContext, located: LocatedLoad): void {
  const { load, pointer } = located;
  const { source, destination, reporter } = ctx;
  const sourceObject = typeof load.from === 'string' && source ? source.object(load.from) : undefined;
  if (source && typeof load.from === 'string' && !sourceObject) {
    reporter.unknown('spec/unknown-object', `${pointer}/from`, 'Source object', load.from, `the ${source.spec.name} platform spec`, source.objectNames());
  }
  const destObject = typeof load.to === 'string' && destination ? destination.object(load.to) : undefined;
  if (destination && typeof load.to === 'string' && !destObject) {
    reporter.unknown('spec/unknown-object', `${pointer}/to`, 'Destination object', load.to, `the ${destination.spec.name} platform spec`, destination.objectNames());
  }

  const column = (name: unknown, at: string): void => {
    if (!sourceObject || !source || typeof name !== 'string') return;
    if (!source.field(sourceObject.name, name)) {
      reporter.unknown('spec/unknown-column', at, 'Column', name, `the ${source.spec.name} export of "${sourceObject.name}"`, source.fieldNames(sourceObject.name));
    }
  };
  const attribute = (name: unknown, at: string): PlatformField | undefined => {
    if (!destObject || !destination || typeof name !== 'string') return undefined;
    const field = destinationField(destination, ctx.pair.customAttributes, destObject.name, name);
    if (!field) {
      reporter.unknown('spec/unknown-attribute', at, 'Attribute', name, `${destination.spec.name} "${destObject.name}"`, destinationFieldNames(destination, ctx.pair.customAttributes, destObject.name));
    } else if (field.writable === false && field.audit !== true) {
      reporter.report('spec/read-only-attribute', at, `Attribute "${name}" of "${destObject.name}" cannot be written through the ${destination.spec.name} API.`);
    }
    return field;
  };

  if (load.where) column(load.where.column, `${pointer}/where/column`);
  // `(row)` is no column of the file: it keys rows by their line.
  asList(load.key).forEach((k, i) => k !== ROW_KEY && column(k, Array.isArray(load.key) ? `${pointer}/key/${i}` : `${pointer}/key`));

  (load.fields ?? []).forEach((mapping, i) => checkFieldMapping(ctx, mapping, `${pointer}/fields/${i}`, column, attribute));

  (load.lookups ?? []).forEach((lookup, i) => {
    const at = `${pointer}/lookups/${i}`;
    if (Array.isArray(lookup.from)) lookup.from.forEach((c, j) => column(c, `${at}/from/${j}`));
    else column(lookup.from, `${at}/from`);
    const field = attribute(lookup.to, `${at}/to`);
    if (field && !LOOKUP_TYPES.has(field.type)) {
      reporter.report('spec/not-a-lookup', `${at}/to`, `Attribute "${lookup.to}" is a ${field.type} field, not a lookup.`);
    }
    const targets = asList(lookup.load);
    targets.forEach((targetId, t) => {
      const targetPointer = Array.isArray(lookup.load) ? `${at}/load/${t}` : `${at}/load`;
      const target = ctx.loads.get(targetId);
      if (!target) {
        reporter.unknown('spec/unknown-load', targetPointer, 'Lookup target', targetId, 'the loads of this pair (the object is not migrated)', ctx.loads.keys());
        return;
      }
      if (field?.targets && field.targets.length > 0 && typeof target.to === 'string' && !field.targets.includes(target.to)) {
        reporter.report('spec/lookup-target', targetPointer, `Lookup "${lookup.to}" cannot point at "${target.to}"; it accepts ${field.targets.map((t) => `"${t}"`).join(', ')}.`);
      }
      if (Array.isArray(lookup.from)) checkCompositeParts(ctx, lookup.from, lookup.by, target, targetId, `${at}/from`);
    });
    if (lookup.typeColumn !== undefined) column(lookup.typeColumn, `${at}/typeColumn`);
    for (const [kind, loadId] of Object.entries(lookup.types ?? {})) {
      if (loadId !== undefined && !targets.includes(loadId)) {
        reporter.unknown('spec/unknown-load', `${at}/types/${kind.replaceAll('~', '~0').replaceAll('/', '~1')}`, 'Type target', loadId, "this lookup's loads", targets);
      }
    }
  });

  if (load.owner) {
    column(load.owner.from, `${pointer}/owner/from`);
    const field = attribute(load.owner.to, `${pointer}/owner/to`);
    if (field && !LOOKUP_TYPES.has(field.type)) {
      reporter.report('spec/not-a-lookup', `${pointer}/owner/to`, `Attribute "${load.owner.to}" is a ${field.type} field, not an owner lookup.`);
    }
  }
  if (load.attachment) {
    column(load.attachment.from, `${pointer}/attachment/from`);
    for (const key of ['content', 'fileName', 'mimeType', 'size'] as const) {
      if (load.attachment[key] !== undefined) attribute(load.attachment[key], `${pointer}/attachment/${key}`);
    }
  }
  if (destObject && destination) checkRequiredAttributes(ctx, load, pointer);
}

/**
 * A lookup reading several columns matches them, in order, against the parts of the target load's composite key: as
 * many columns as the key has, and only by key (names and emails are one value).
 */
function checkCompositeParts(ctx: LoadCheckContext, columns: readonly string[], by: string, target: Load, targetId: string, at: string): void {
  if (by !== 'key') {
    ctx.reporter.report('spec/transform-argument', at, `A lookup reading ${columns.length} columns matches the parts of a composite key, so it needs "by: key", not "by: ${by}".`);
    return;
  }
  const keyColumns = asList(target.key ?? (typeof target.from === 'string' ? ctx.source?.object(target.from)?.key : undefined) ?? []);
  if (keyColumns.length !== columns.length) {
    ctx.reporter.report(
      'spec/lookup-target',
      at,
      `This lookup reads ${columns.length} columns (${columns.join(', ')}) but load "${targetId}" is keyed by ${keyColumns.length} (${keyColumns.join(', ') || 'none'}): give one column per part of its key, in its order.`,
    );
  }
}

function checkFieldMapping(
  ctx: LoadCheckContext,
  mapping: FieldMapping,
  at: string,
  column: (name: unknown, at: string) => void,
  attribute: (name: unknown, at: string) => PlatformField | undefined,
): void {
  if (Array.isArray(mapping.from)) mapping.from.forEach((c, j) => column(c, `${at}/from/${j}`));
  else column(mapping.from, `${at}/from`);
  if (mapping.from === undefined && mapping.value === undefined) {
    ctx.reporter.report('spec/row-shape', at, 'A field mapping needs "from" (source columns) or "value" (a constant).');
  }
  const field = attribute(mapping.to, `${at}/to`);
  const steps: TransformStep[] = mapping.transform === undefined ? [] : Array.isArray(mapping.transform) ? mapping.transform : [mapping.transform];
  steps.forEach((step, s) => {
    const stepPointer = Array.isArray(mapping.transform) ? `${at}/transform/${s}` : `${at}/transform`;
    const call: TransformCall | undefined = typeof step === 'string' ? { name: step } : step !== null && typeof step === 'object' ? step : undefined;
    if (!call || typeof call.name !== 'string') return;
    const namePointer = typeof step === 'string' ? stepPointer : `${stepPointer}/name`;
    if (!TRANSFORMS.has(call.name)) {
      ctx.reporter.unknown('spec/unknown-transform', namePointer, 'Transform', call.name, 'the transform library', TRANSFORMS.keys());
      return;
    }
    const problem = checkTransformCall(call);
    if (problem !== undefined) ctx.reporter.report('spec/transform-argument', stepPointer, problem);
    // Only a stage lookup that is the last step writes its output to the attribute; a later step (a map) rewrites it.
    if (call.name === 'stage' && s === steps.length - 1) checkStageCall(ctx, call, stepPointer, field);
    if (call.name === 'date' || call.name === 'datetime') checkCallFormats(ctx.reporter, call, stepPointer);
  });
  checkOptionTargets(ctx.reporter, field, mapping, steps, at);
}

/** A stage lookup needs an existing table, and a table producing stage names must produce values the attribute allows. */
function checkStageCall(ctx: LoadCheckContext, call: TransformCall, at: string, field: PlatformField | undefined): void {
  if (typeof call.table !== 'string') return;
  const tableIndex = (ctx.pair.stageTables ?? []).findIndex((t) => t?.id === call.table);
  if (tableIndex < 0) {
    ctx.reporter.unknown('spec/unknown-stage-table', `${at}/table`, 'Stage table', call.table, 'this pair', (ctx.pair.stageTables ?? []).map((t) => t.id));
    return;
  }
  const output = call.output ?? 'stage';
  if (!field?.options || field.options.length === 0 || output === 'probability') return;
  const allowed = new Set(field.options.flatMap((o) => [String(o.value).toLowerCase(), o.label.toLowerCase()]));
  const table = ctx.pair.stageTables?.[tableIndex];
  (table?.rows ?? []).forEach((row, r) => {
    const produced = output === 'stage' ? row.stage : row.outcome;
    if (typeof produced === 'string' && !allowed.has(produced.toLowerCase())) {
      const labels = field.options?.map((o) => o.label) ?? [];
      ctx.reporter.unknown(
        'spec/stage-value',
        `/stageTables/${tableIndex}/rows/${r}/${output === 'stage' ? 'stage' : 'outcome'}`,
        'Stage value',
        produced,
        `the allowed values of "${field.name}" (${labels.join(', ')})`,
        labels,
      );
    }
  });
}

/** A create without a required attribute is rejected by the destination, so a load should always fill it. */
function checkRequiredAttributes(ctx: LoadCheckContext, load: Load, pointer: string): void {
  const destination = ctx.destination as PlatformIndex;
  const object = destination.object(load.to);
  if (!object) return;
  const filled = new Set<string>([
    ...(load.fields ?? []).map((f) => f.to),
    ...(load.lookups ?? []).map((l) => l.to),
    ...(load.owner ? [load.owner.to] : []),
    ...Object.values(load.attachment ?? {}),
  ]);
  for (const field of object.fields ?? []) {
    if (field.required === true && field.defaulted !== true && field.writable !== false && field.name !== object.key && !filled.has(field.name)) {
      ctx.reporter.report('spec/required-unmapped', `${pointer}/fields`, `Required attribute "${field.name}" of "${object.name}" is not filled by this load.`, 'warning');
    }
  }
}
