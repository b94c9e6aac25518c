import type { PlatformField } from './generated/platform-spec.js';
import type { CustomAttribute, Load, ObjectRow, PairSpec } from './generated/pair-spec.js';
import type { PlatformIndex } from './platform-index.js';
import type { Dependency } from './import-order.js';

/** A load together with where it sits in the pair document. */
export interface LocatedLoad {
  load: Load;
  rowIndex: number;
  loadIndex: number;
  pointer: string;
}

export function loadsOf(pair: PairSpec): LocatedLoad[] {
  const out: LocatedLoad[] = [];
  (pair.objects ?? []).forEach((row, rowIndex) => {
    (Array.isArray(row?.loads) ? row.loads : []).forEach((load, loadIndex) => {
      if (load !== null && typeof load === 'object') out.push({ load, rowIndex, loadIndex, pointer: `/objects/${rowIndex}/loads/${loadIndex}` });
    });
  });
  return out;
}

/** Rows of the pair page's object table, which the compatibility figures count (see `listed` in the pair schema). */
export function listedRows(pair: PairSpec): ObjectRow[] {
  return pair.objects.filter((row) => row.listed !== false);
}

export function asList<T>(value: T | readonly T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? [...(value as readonly T[])] : [value as T];
}

/** A destination attribute, whether the platform ships it or the pair adds it as a custom attribute. */
export function destinationField(
  destination: PlatformIndex,
  customAttributes: readonly CustomAttribute[] | undefined,
  objectName: string,
  attribute: string,
): PlatformField | undefined {
  const shipped = destination.field(objectName, attribute);
  if (shipped) return shipped;
  const custom = (customAttributes ?? []).find((c) => c.object === objectName && c.name === attribute);
  if (!custom) return undefined;
  return {
    name: custom.name,
    label: custom.label,
    type: custom.type,
    ...(custom.maxLength === undefined ? {} : { maxLength: custom.maxLength }),
    ...(custom.options === undefined ? {} : { options: custom.options.map((o) => ({ value: o, label: o })) }),
  };
}

export function destinationFieldNames(destination: PlatformIndex, customAttributes: readonly CustomAttribute[] | undefined, objectName: string): string[] {
  return [...destination.fieldNames(objectName), ...(customAttributes ?? []).filter((c) => c.object === objectName).map((c) => c.name)];
}

/**
 * The dependencies between loads that the pair implies: each lookup needs its target load first, and each ordering
 * constraint is a hard edge. A lookup to an optional attribute is deferrable: rows can land first and have the
 * reference set in a second pass.
 */
export function pairDependencies(pair: PairSpec, destination: PlatformIndex): Dependency[] {
  const deps: Dependency[] = [];
  for (const { load } of loadsOf(pair)) {
    for (const lookup of load.lookups ?? []) {
      const field = destinationField(destination, pair.customAttributes, load.to, lookup.to);
      const hard = field?.required === true && field.defaulted !== true;
      for (const target of asList(lookup.load)) {
        deps.push({ from: target, to: load.id, deferrable: !hard, via: `${load.id}.${lookup.to}` });
      }
    }
  }
  for (const c of pair.ordering ?? []) deps.push({ from: c.before, to: c.after, deferrable: false, via: `ordering: ${c.reason}` });
  return deps;
}
