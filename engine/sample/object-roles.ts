import type { Load, PairSpec } from '../spec/generated/pair-spec.js';
import type { PlatformObject } from '../spec/generated/platform-spec.js';
import { asList, loadsOf } from '../spec/pair-model.js';
import type { PlatformIndex } from '../spec/platform-index.js';
import { personPart } from './header-words.js';
import { SAMPLE_USERS } from './owners.js';
import type { ObjectRole } from './types.js';

/**
 * Which source objects the sample writes and what part each plays. Roles come from the shape of the pair, never
 * from object names: the contact is the person-like object other loads point at, the company is what the contact
 * points at, the deal is the object with a stage table. Problems are planted by role.
 */
export interface SelectedObject {
  name: string;
  object: PlatformObject;
  ordinal: number;
  role: ObjectRole;
  loads: Load[];
}

export interface Selection {
  objects: SelectedObject[];
  loadsById: Map<string, Load>;
  byRole: Partial<Record<ObjectRole, string>>;
}

/** Rows at scale 1 per role; `--scale` multiplies them. */
export const BASE_COUNTS: Record<ObjectRole, number> = {
  company: 45,
  contact: 100,
  deal: 50,
  activity: 150,
  note: 30,
  attachment: 12,
  other: 40,
  user: SAMPLE_USERS.length,
};

export function isPersonLike(object: PlatformObject): boolean {
  const parts = new Set((object.fields ?? []).map(personPart));
  return parts.has('first') && parts.has('last');
}

function targetObjects(load: Load, loadsById: Map<string, Load>): string[] {
  return (load.lookups ?? []).flatMap((l) => asList(l.load).map((id) => loadsById.get(id)?.from)).filter((o): o is string => o !== undefined);
}

function hasStage(load: Load): boolean {
  return load.fields.some((f) => asList(f.transform).some((s) => typeof s !== 'string' && s.name === 'stage'));
}

export function selectObjects(pair: PairSpec, source: PlatformIndex): Selection {
  const loads = loadsOf(pair).map((l) => l.load);
  const loadsById = new Map(loads.map((l) => [l.id, l]));
  const names: string[] = [];
  for (const load of loads) if (!names.includes(load.from) && source.object(load.from)) names.push(load.from);
  for (const load of loads) for (const target of targetObjects(load, loadsById)) if (!names.includes(target) && source.object(target)) names.push(target);
  const exportFormat = source.spec.export;
  const userObject = exportFormat?.owners === 'id' ? exportFormat.userObject : undefined;
  if (userObject !== undefined && source.object(userObject) && !names.includes(userObject)) names.push(userObject);

  const loadsOfObject = (name: string): Load[] => loads.filter((l) => l.from === name);
  const referencedBy = (name: string): number => loads.filter((l) => l.from !== name && targetObjects(l, loadsById).includes(name)).length;
  const candidates = names.filter((n) => n !== userObject);
  const people = candidates.filter((n) => isPersonLike(source.object(n) as PlatformObject));

  const byRole: Partial<Record<ObjectRole, string>> = {};
  if (userObject !== undefined) byRole.user = userObject;
  const contact = [...people].sort((a, b) => referencedBy(b) - referencedBy(a))[0];
  if (contact !== undefined) byRole.contact = contact;
  const companyTargets = contact === undefined ? [] : loadsOfObject(contact).flatMap((l) => targetObjects(l, loadsById));
  const company = companyTargets.find((t) => t !== contact && !people.includes(t)) ?? candidates.find((n) => !people.includes(n) && referencedBy(n) > 0);
  if (company !== undefined) byRole.company = company;
  const deal =
    candidates.find((n) => n !== company && n !== contact && loadsOfObject(n).some(hasStage)) ??
    candidates.find((n) => n !== company && n !== contact && company !== undefined && loadsOfObject(n).some((l) => targetObjects(l, loadsById).includes(company)) && loadsOfObject(n).every((l) => !l.where));
  if (deal !== undefined) byRole.deal = deal;

  const objects = names.map((name): SelectedObject => {
    const object = source.object(name) as PlatformObject;
    const mine = loadsOfObject(name);
    return { name, object, ordinal: source.objectIndex(name) ?? 0, role: roleOf(name, object, mine, byRole), loads: mine };
  });
  return { objects, loadsById, byRole };
}

function roleOf(name: string, object: PlatformObject, loads: Load[], byRole: Partial<Record<ObjectRole, string>>): ObjectRole {
  for (const role of ['user', 'contact', 'company', 'deal'] as const) if (byRole[role] === name) return role;
  const words = `${name} ${object.label}`.toLowerCase();
  if (/\bnotes?\b/.test(words)) return 'note';
  if (loads.some((l) => l.attachment !== undefined)) return 'attachment';
  if (object.activity === true || loads.some((l) => l.where !== undefined)) return 'activity';
  if (/attach|document|file|content/.test(words)) return 'attachment';
  return 'other';
}
