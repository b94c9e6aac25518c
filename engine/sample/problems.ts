import type { PairSpec } from '../spec/generated/pair-spec.js';
import { asList, destinationField } from '../spec/pair-model.js';
import type { PlatformIndex } from '../spec/platform-index.js';
import { hashString, mix, Rng } from '../util/rng.js';
import type { ObjectPlan, RowGroup } from './types.js';
import { INACTIVE_USER, UNKNOWN_USER } from './owners.js';
import { findColumn, type TextKind } from './problem-columns.js';

/**
 * Where the sample plants its problems. Positions are drawn once per object from the seed, so the row generator
 * asks "is row i planted?" in O(1) and the plan stays a few dozen entries whatever the scale. Planted rows are
 * never the target of another row's reference: a reference to a held or skipped record would make a second,
 * unpredicted problem.
 */
export type ProblemKind =
  | 'duplicate-company' | 'duplicate-email' | 'missing-company' | 'unknown-company' | 'unknown-owner'
  | 'inactive-owner' | 'malformed-date' | TextKind;

/** What the engine should do with the row: load it anyway, hold it in a queue, or skip it. */
export type Outcome = 'loaded' | 'held' | 'skipped';

export interface Plant {
  kind: ProblemKind;
  index: number;
  column: string;
  outcome: Outcome;
  detail: string;
  /** Duplicates: the earlier row whose name or email this row repeats. */
  original?: number;
  /** Malformed dates: an impossible day in the platform's format, or text that is no date at all. */
  malformed?: 'impossible' | 'garbage';
}

export class PlantBook {
  private readonly rows = new Map<string, Map<number, Plant[]>>();
  private readonly excluded = new Map<string, Set<number>>();

  add(object: string, plant: Plant): void {
    const rows = this.rows.get(object) ?? new Map<number, Plant[]>();
    rows.set(plant.index, [...(rows.get(plant.index) ?? []), plant]);
    this.rows.set(object, rows);
    this.exclude(object, plant.index);
    if (plant.original !== undefined) this.exclude(object, plant.original);
  }

  exclude(object: string, index: number): void {
    const set = this.excluded.get(object) ?? new Set<number>();
    set.add(index);
    this.excluded.set(object, set);
  }

  at(object: string, index: number): Plant[] | undefined {
    return this.rows.get(object)?.get(index);
  }

  isExcluded(object: string, index: number): boolean {
    return this.excluded.get(object)?.has(index) ?? false;
  }

  duplicateOf(object: string, index: number, part: 'name' | 'email'): number | undefined {
    const kind = part === 'name' ? 'duplicate-company' : 'duplicate-email';
    return this.at(object, index)?.find((p) => p.kind === kind)?.original;
  }
}

interface Wish {
  kind: ProblemKind;
  malformed?: Plant['malformed'];
}

const WISHES: Partial<Record<ObjectPlan['role'], Wish[]>> = {
  company: [{ kind: 'duplicate-company' }, { kind: 'inactive-owner' }],
  contact: [
    { kind: 'duplicate-email' }, { kind: 'missing-company' }, { kind: 'unknown-company' }, { kind: 'unknown-owner' },
    { kind: 'inactive-owner' }, { kind: 'inactive-owner' }, { kind: 'malformed-date', malformed: 'garbage' },
  ],
  deal: [{ kind: 'unknown-company' }, { kind: 'unknown-owner' }, { kind: 'inactive-owner' }, { kind: 'malformed-date', malformed: 'impossible' }],
};
const TEXT_WISHES: TextKind[] = ['non-ascii', 'embedded-quote', 'embedded-comma', 'embedded-newline'];

export interface PlantContext {
  seed: number;
  pair: PairSpec;
  destination: PlatformIndex;
  company?: string;
  notes: string[];
}

export function planPlants(plans: ObjectPlan[], ctx: PlantContext): PlantBook {
  const book = new PlantBook();
  for (const plan of plans) {
    if (plan.role === 'user') {
      book.exclude(plan.name, INACTIVE_USER);
      book.exclude(plan.name, UNKNOWN_USER);
      continue;
    }
    const rng = new Rng(mix(ctx.seed, hashString(plan.name), hashString('plants')));
    const used = new Set<number>();
    const wishes: Wish[] = plan.count >= 10 ? [...(WISHES[plan.role] ?? [])] : [];
    if (plan.count >= 5 && plan.written) wishes.push(...TEXT_WISHES.map((kind) => ({ kind })));
    for (const wish of wishes) {
      const plant = place(plan, wish, rng, used, ctx);
      if (plant) {
        book.add(plan.name, plant);
        used.add(plant.index);
        if (plant.original !== undefined) used.add(plant.original);
      } else if (wish.kind !== 'embedded-newline' && wish.kind !== 'non-ascii') {
        ctx.notes.push(`${plan.name}: no column fits a planted \`${wish.kind}\` problem, so none was planted.`);
      }
    }
  }
  return book;
}

function place(plan: ObjectPlan, wish: Wish, rng: Rng, used: Set<number>, ctx: PlantContext): Plant | undefined {
  for (let tries = 0; tries < 40; tries += 1) {
    const index = rng.int(1, plan.count - 1);
    if (used.has(index)) continue;
    const group = plan.groups[index % plan.groups.length] as RowGroup;
    const found = findColumn(plan, group, wish.kind, ctx.company);
    if (found === undefined) continue;
    const plant: Plant = { kind: wish.kind, index, column: found, outcome: outcomeOf(wish.kind, found, group, ctx), detail: '' };
    if (wish.malformed) plant.malformed = wish.malformed;
    if (wish.kind === 'duplicate-company' || wish.kind === 'duplicate-email') {
      const original = rng.int(0, index - 1);
      if (used.has(original)) continue;
      plant.original = original;
    }
    plant.detail = detailOf(plant, plan);
    return plant;
  }
  return undefined;
}

function outcomeOf(kind: ProblemKind, column: string, group: RowGroup, ctx: PlantContext): Outcome {
  if (kind === 'malformed-date') return 'skipped';
  if (kind === 'unknown-owner' || kind === 'inactive-owner') {
    const loads = group.loads.filter((l) => l.owner?.from === column);
    return loads.every((l) => l.owner?.onMissing === 'fallback') ? 'loaded' : 'held';
  }
  if (kind === 'unknown-company' || kind === 'missing-company') {
    const lookups = group.loads.flatMap((l) => (l.lookups ?? []).filter((k) => asList(k.from).includes(column)).map((k) => ({ load: l, lookup: k })));
    // A blank reference is no reference: the lookup stays empty, which only fails where the attribute is required.
    const required = lookups.some(({ load, lookup }) => {
      const field = destinationField(ctx.destination, ctx.pair.customAttributes, load.to, lookup.to);
      return field?.required === true && field.defaulted !== true;
    });
    if (kind === 'missing-company') return required ? 'skipped' : 'loaded';
    const modes = lookups.map(({ lookup }) => lookup.onMissing ?? 'blank');
    return modes.includes('skip') ? 'skipped' : modes.includes('hold') ? 'held' : required ? 'skipped' : 'loaded';
  }
  return 'loaded';
}

function detailOf(plant: Plant, plan: ObjectPlan): string {
  const original = plant.original === undefined ? '' : plan.keys.key(plant.original);
  switch (plant.kind) {
    case 'duplicate-company':
      return `\`${plant.column}\` repeats the name of record ${original}; a lookup by name to either is ambiguous.`;
    case 'duplicate-email':
      return `\`${plant.column}\` repeats the email of record ${original}; a lookup by email to either is ambiguous.`;
    case 'missing-company':
      return `\`${plant.column}\` is blank: the record has no company and loads without one.`;
    case 'unknown-company':
      return `\`${plant.column}\` points at a company that is not in the export.`;
    case 'unknown-owner':
      return `The owner in \`${plant.column}\` has no user in the destination.`;
    case 'inactive-owner':
      return `The owner in \`${plant.column}\` is a deactivated destination user.`;
    case 'malformed-date':
      return plant.malformed === 'garbage' ? `\`${plant.column}\` holds text that is not a date.` : `\`${plant.column}\` names a day that does not exist (31 February).`;
    default:
      return `\`${plant.column}\` carries ${plant.kind.replace('embedded-', 'an embedded ').replace('non-ascii', 'non-ASCII text')}; it must survive quoting and encoding unchanged.`;
  }
}
