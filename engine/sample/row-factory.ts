import type { ExportFormat } from '../spec/generated/platform-spec.js';
import { fileContent, fileTypeOf } from './attachments.js';
import { currencyCode } from './formats.js';
import type { Identities } from './identity.js';
import { ownerValue, ACTIVE_USERS, INACTIVE_USER, SAMPLE_USERS, UNKNOWN_USER } from './owners.js';
import { plantValue } from './plant-values.js';
import type { Plant } from './problems.js';
import { hashString, mix, Rng } from '../util/rng.js';
import { rowContext, type RowContext } from './row-context.js';
import type { ColumnRole, ObjectPlan, RefTarget, RowGroup } from './types.js';
import { valueOf } from './values.js';
import { FILE_STEMS, MISSING_COMPANY_NAME } from './vocabulary-business.js';

/** One generated row: its cells, the files it references, and the problems planted in it. */
export interface GeneratedRow {
  cells: string[];
  files: { path: string; bytes: Buffer }[];
  planted: { plant: Plant; value: string }[];
}

const ROW = hashString('row');
/** Columns describing the row's attachment are never left blank when there is one. */
const FILE_FACTS = new Set(['file-name', 'mime', 'extension', 'file-size']);

interface Layout {
  roles: (ColumnRole | undefined)[];
  references: number[];
  hasAttachment: boolean;
}

interface Pick {
  target: RefTarget;
  index?: number;
}

/** Produces row `index` of one object from the seed alone; nothing about earlier rows is kept. */
export class RowFactory {
  private readonly hash: number;
  private readonly currency: string;
  private current = 0;

  constructor(
    private readonly plan: ObjectPlan,
    private readonly seed: number,
    private readonly format: ExportFormat,
    private readonly identities: Identities,
    private readonly plants: { at(object: string, index: number): Plant[] | undefined },
  ) {
    this.hash = hashString(plan.name);
    this.currency = currencyCode(format);
  }

  row(index: number): GeneratedRow {
    const plan = this.plan;
    this.current = index;
    const rng = new Rng(mix(this.seed, this.hash, ROW, index));
    const group = plan.groups[index % plan.groups.length] as RowGroup;
    const identity = this.identities.of(plan.name, index);
    const owner = ownerValue(this.format, rng.pick(ACTIVE_USERS), (u) => this.userKey(u));
    const ctx = rowContext(rng, this.format, identity, this.currency, owner);
    const plants = this.plants.at(plan.name, index) ?? [];
    if (group.whereValue !== undefined) ctx.kind = group.whereValue;
    if (group.stageTables.length > 0) ctx.pipeline = rng.pick(group.stageTables).pipeline ?? 'Sales Pipeline';
    const layout = this.layout(group);
    const files: GeneratedRow['files'] = [];
    if (layout.hasAttachment && (plan.role === 'attachment' || rng.chance(0.35))) {
      const name = plan.nameKind === 'file' ? identity.name : `${rng.pick(FILE_STEMS)}-${index + 1}.${rng.pick(['pdf', 'txt', 'csv', 'png'])}`;
      const type = fileTypeOf(name);
      const bytes = fileContent(type, name, index);
      const path = `attachments/${identity.key.replace(/[^A-Za-z0-9_-]/g, '_') || index}/${name}`;
      ctx.attachment = { path, name, type, size: bytes.length };
      files.push({ path, bytes });
    }

    const chosen = new Set(group.chains.map((chain) => rng.pick(chain)));
    const picks = new Map<string, Pick>();
    // References first: a display column such as `Company` can come before the `Company ID` it repeats.
    const refs = new Map<string, string>();
    for (const at of layout.references) {
      const header = plan.headers[at] as string;
      refs.set(header, this.reference(header, layout.roles[at] as Extract<ColumnRole, { kind: 'reference' }>, rng, chosen, picks));
    }
    const cells = new Array<string>(plan.headers.length);
    for (let at = 0; at < cells.length; at += 1) cells[at] = this.cell(plan.headers[at] as string, layout.roles[at], ctx, refs, picks, owner);

    if (group.stageLink) {
      const { stage, table, probability } = group.stageLink;
      const value = cells[plan.headers.indexOf(stage)]?.toLowerCase();
      const row = table.rows.find((r) => r.source.toLowerCase() === value);
      if (row) cells[plan.headers.indexOf(probability)] = String(row.probability);
    }
    const planted: GeneratedRow['planted'] = [];
    for (const plant of plants) {
      const at = plan.headers.indexOf(plant.column);
      if (at < 0) continue;
      const value = this.plantedValue(plant, cells[at] ?? '', group, ctx);
      cells[at] = value;
      const companion = [...group.roles].find(([, r]) => r.kind === 'companion' && r.column === plant.column)?.[0];
      if (companion !== undefined && plant.kind === 'missing-company') cells[plan.headers.indexOf(companion)] = '';
      if (companion !== undefined && plant.kind === 'unknown-company') cells[plan.headers.indexOf(companion)] = MISSING_COMPANY_NAME;
      planted.push({ plant, value });
    }
    return { cells, files, planted };
  }

  private readonly layouts = new Map<RowGroup, Layout>();

  /** A group's roles in header order, worked out once rather than per row. */
  private layout(group: RowGroup): Layout {
    let layout = this.layouts.get(group);
    if (layout === undefined) {
      const roles = this.plan.headers.map((h) => group.roles.get(h));
      layout = {
        roles,
        references: roles.flatMap((r, i) => (r?.kind === 'reference' ? [i] : [])),
        hasAttachment: roles.some((r) => r?.kind === 'attachment'),
      };
      this.layouts.set(group, layout);
    }
    return layout;
  }

  private userActive(email: string): boolean {
    return SAMPLE_USERS.find((u) => u.email === email)?.active ?? true;
  }

  private userKey(user: number): string {
    const users = this.identities.plan(this.format.userObject ?? '');
    return users ? users.keys.key(user) : String(user + 1);
  }

  private cell(header: string, role: ColumnRole | undefined, ctx: RowContext, refs: Map<string, string>, picks: Map<string, Pick>, owner: string): string {
    const { rng, identity } = ctx;
    if (role === undefined) return '';
    switch (role.kind) {
      case 'key':
        return identity.key;
      case 'identity':
        return role.part === 'email' ? identity.email : role.part === 'first' ? identity.first : role.part === 'last' ? identity.last : role.part === 'full' ? `${identity.first} ${identity.last}` : identity.name;
      case 'where':
        return rng.pick(role.values);
      case 'owner':
        return role.loadOwner ? owner : ownerValue(this.format, rng.pick(ACTIVE_USERS), (u) => this.userKey(u));
      case 'attachment':
        return ctx.attachment?.path ?? '';
      case 'reference':
        return refs.get(header) ?? '';
      case 'companion': {
        const pick = picks.get(role.column);
        return pick?.index === undefined ? '' : this.identities.of(pick.target.object, pick.index).name;
      }
      case 'type-of': {
        const pick = picks.get(role.column);
        return pick?.index === undefined ? '' : (role.values[pick.target.object] ?? '');
      }
      case 'choice':
        if (this.plan.role === 'user' && role.values.some((v) => /^inactive$/i.test(v))) return this.userActive(identity.email) ? (role.values.find((v) => /^active$/i.test(v)) ?? '') : (role.values.find((v) => /^inactive$/i.test(v)) ?? '');
        if (role.blankable && rng.chance(0.2)) return '';
        if (role.separator !== undefined) return rng.some(role.values, rng.int(1, Math.min(3, role.values.length))).join(role.separator);
        return rng.pick(role.values);
      case 'value':
        if (role.shape.semantic === 'active' && this.plan.role === 'user') return this.userActive(identity.email) ? 'true' : 'false';
        if (role.blankable > 0 && !(ctx.attachment !== undefined && FILE_FACTS.has(role.shape.semantic)) && rng.chance(role.blankable)) return '';
        return valueOf(role.shape, header, ctx);
      default:
        return '';
    }
  }

  private reference(header: string, role: Extract<ColumnRole, { kind: 'reference' }>, rng: Rng, chosen: Set<string>, picks: Map<string, Pick>): string {
    const active = role.always || chosen.has(header) || (role.optional && rng.chance(0.6));
    if (!active || role.targets.length === 0) return '';
    const target = rng.pick(role.targets);
    const index = this.identities.pick(target, rng, { object: this.plan.name, index: this.current });
    picks.set(header, index === undefined ? { target } : { target, index });
    return index === undefined ? '' : this.identities.reference(target, index);
  }

  private plantedValue(plant: Plant, natural: string, group: RowGroup, ctx: RowContext): string {
    switch (plant.kind) {
      case 'missing-company':
        return '';
      case 'unknown-company': {
        const role = group.roles.get(plant.column);
        const targets = role?.kind === 'reference' ? role.targets : [];
        const target = targets.find((t) => this.identities.plan(t.object)?.role === 'company') ?? targets[0];
        return target ? this.identities.missingReference(target) : MISSING_COMPANY_NAME;
      }
      case 'unknown-owner':
        return ownerValue(this.format, UNKNOWN_USER, (u) => this.userKey(u));
      case 'inactive-owner':
        return ownerValue(this.format, INACTIVE_USER, (u) => this.userKey(u));
      case 'duplicate-company':
      case 'duplicate-email':
        return natural;
      default:
        return plantValue(plant, natural, group.roles.get(plant.column), this.plan, ctx);
    }
  }
}
