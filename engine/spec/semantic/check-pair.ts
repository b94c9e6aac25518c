import { basename } from 'node:path';
import type { Load, PairSpec } from '../generated/pair-spec.js';
import type { PlatformIndex } from '../platform-index.js';
import { loadsOf, pairDependencies } from '../pair-model.js';
import { importOrder } from '../import-order.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { checkLoad } from './check-loads.js';
import { Reporter } from './reporter.js';

const ROWS_WITH_LOADS = new Set(['records']);
const ROWS_WITH_FIELD = new Set(['field', 'tags']);
const ROWS_WITH_TABLE = new Set(['stages']);

/** What the JSON Schema cannot say about a pair: that every name it uses exists, and that an import order exists. */
export function checkPair(file: string, pair: PairSpec, platforms: ReadonlyMap<string, PlatformIndex>): Diagnostic[] {
  const reporter = new Reporter(file);
  const source = platformFor(reporter, pair.source, '/source', 'source', platforms);
  const destination = platformFor(reporter, pair.destination, '/destination', 'destination', platforms);

  if (typeof pair.id === 'string' && typeof pair.source === 'string' && typeof pair.destination === 'string') {
    const expected = `${pair.source}--${pair.destination}`;
    if (pair.id !== expected) reporter.report('spec/file-name', '/id', `Pair id "${pair.id}" should be "${expected}", its source and destination.`);
    else if (basename(file) !== `${expected}.yaml`) reporter.report('spec/file-name', '/id', `A pair with id "${expected}" belongs in a file named "${expected}.yaml".`, 'warning');
  }

  const rowIds = new Set<string>();
  (pair.objects ?? []).forEach((row, i) => {
    if (typeof row?.id === 'string') {
      if (rowIds.has(row.id)) reporter.report('spec/duplicate-id', `/objects/${i}/id`, `Object row id "${row.id}" is used twice.`);
      rowIds.add(row.id);
    }
  });

  const loads = new Map<string, Load>();
  const located = loadsOf(pair);
  for (const l of located) {
    if (typeof l.load.id !== 'string') continue;
    if (loads.has(l.load.id)) reporter.report('spec/duplicate-id', `${l.pointer}/id`, `Load id "${l.load.id}" is used twice.`);
    else loads.set(l.load.id, l.load);
  }
  for (const l of located) checkLoad({ pair, source, destination, loads, reporter }, l);

  checkRowShapes(reporter, pair, loads);
  checkCustomAttributes(reporter, pair, destination);
  checkOrdering(reporter, pair, loads, destination);
  return reporter.diagnostics;
}

function platformFor(
  reporter: Reporter,
  id: unknown,
  pointer: string,
  role: 'source' | 'destination',
  platforms: ReadonlyMap<string, PlatformIndex>,
): PlatformIndex | undefined {
  if (typeof id !== 'string') return undefined;
  const platform = platforms.get(id);
  if (!platform) {
    reporter.unknown('spec/unknown-platform', pointer, 'Platform', id, 'the platform specs', platforms.keys());
    return undefined;
  }
  if (!platform.spec.roles?.includes(role)) {
    reporter.report('spec/wrong-role', pointer, `Platform "${id}" is not declared as a ${role}.`);
  }
  return platform;
}

function checkRowShapes(reporter: Reporter, pair: PairSpec, loads: ReadonlyMap<string, Load>): void {
  const tableIds = (pair.stageTables ?? []).map((t) => t?.id);
  (pair.objects ?? []).forEach((row, i) => {
    if (row === null || typeof row !== 'object') return;
    const kind = row.kind ?? 'records';
    const at = `/objects/${i}`;
    if (ROWS_WITH_LOADS.has(kind) && (!Array.isArray(row.loads) || row.loads.length === 0)) {
      reporter.report('spec/row-shape', at, `Object row "${row.id}" moves records, so it needs "loads".`);
    }
    if (ROWS_WITH_TABLE.has(kind) && row.stageTable === undefined) {
      reporter.report('spec/row-shape', at, `Object row "${row.id}" maps stages, so it needs "stageTable".`);
    }
    if (typeof row.stageTable === 'string' && !tableIds.includes(row.stageTable)) {
      reporter.unknown('spec/unknown-stage-table', `${at}/stageTable`, 'Stage table', row.stageTable, 'this pair', tableIds.filter((t): t is string => typeof t === 'string'));
    }
    if (ROWS_WITH_FIELD.has(kind) && row.field === undefined && row.loads === undefined) {
      reporter.report('spec/row-shape', at, `Object row "${row.id}" describes a field, so it needs "field" (or its own "loads").`);
    }
    if (row.field && typeof row.field.load === 'string') {
      const load = loads.get(row.field.load);
      if (!load) {
        reporter.unknown('spec/unknown-load', `${at}/field/load`, 'Load', row.field.load, 'this pair', loads.keys());
      } else if (!(load.fields ?? []).some((f) => f.to === row.field?.to)) {
        reporter.report('spec/unknown-attribute', `${at}/field/to`, `Load "${load.id}" has no field mapping to "${row.field.to}".`);
      }
    }
    if (row.mapping === 'lossy' && (row.losses ?? []).length === 0) {
      reporter.report('spec/row-shape', at, `Object row "${row.id}" is lossy, so it should say what is lost in "losses".`, 'warning');
    }
  });
}

function checkCustomAttributes(reporter: Reporter, pair: PairSpec, destination: PlatformIndex | undefined): void {
  if (!destination) return;
  const pattern = destination.spec.rules?.customFieldPattern;
  const shape = pattern === undefined ? undefined : new RegExp('^' + pattern.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace('\\{name\\}', '.+').replace('{name}', '.+') + '$');
  (pair.customAttributes ?? []).forEach((attr, i) => {
    if (typeof attr?.object !== 'string') return;
    if (!destination.object(attr.object)) {
      reporter.unknown('spec/unknown-object', `/customAttributes/${i}/object`, 'Destination object', attr.object, `the ${destination.spec.name} platform spec`, destination.objectNames());
    } else if (destination.field(attr.object, attr.name)) {
      reporter.report('spec/duplicate-id', `/customAttributes/${i}/name`, `"${attr.object}" already has an attribute "${attr.name}".`);
    }
    if (shape && typeof attr.name === 'string' && !shape.test(attr.name)) {
      reporter.report('spec/invalid-value', `/customAttributes/${i}/name`, `Custom attribute "${attr.name}" does not follow the ${destination.spec.name} convention "${pattern}".`, 'warning');
    }
  });
}

function checkOrdering(reporter: Reporter, pair: PairSpec, loads: ReadonlyMap<string, Load>, destination: PlatformIndex | undefined): void {
  (pair.ordering ?? []).forEach((c, i) => {
    for (const side of ['before', 'after'] as const) {
      if (typeof c?.[side] === 'string' && !loads.has(c[side])) {
        reporter.unknown('spec/unknown-load', `/ordering/${i}/${side}`, 'Load', c[side], 'this pair', loads.keys());
      }
    }
  });
  if (!destination) return;
  const { cycles } = importOrder([...loads.keys()], pairDependencies(pair, destination));
  for (const cycle of cycles) {
    const first = loadsOf(pair).find((l) => l.load.id === cycle[0]);
    reporter.report('spec/ordering-cycle', first ? `${first.pointer}/id` : '/objects', `Loads ${cycle.map((c) => `"${c}"`).join(', ')} depend on each other through required lookups or ordering constraints, so no import order exists.`);
  }
}
