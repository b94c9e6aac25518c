import { FILE_TYPES } from './attachments.js';
import type { PlantBook } from './problems.js';
import { hashString, mix, Rng } from '../util/rng.js';
import { SAMPLE_USERS } from './owners.js';
import { companyName, dealName, personName } from './unique-names.js';
import { COMPANY_STEMS, FILE_STEMS, MISSING_COMPANY_NAME, SENTENCES, SUBJECT_FORMS, SUBJECT_TOPICS, SUBJECTS_BY_KIND, WORDS } from './vocabulary-business.js';
import { asciiSlug } from './vocabulary-people.js';
import type { ObjectPlan, RefTarget } from './types.js';

/**
 * Who row `index` of an object is: its key, name and email, computed from the seed, the object and the index alone.
 * A row writes its own identity columns from here, and any other row that references it recomputes the same values,
 * so references are right without the referenced file ever being held in memory.
 */
export interface Identity {
  key: string;
  name: string;
  email: string;
  first: string;
  last: string;
}

const IDENTITY = hashString('identity');

export class Identities {
  private readonly hashes = new Map<string, number>();

  constructor(
    private readonly seed: number,
    private readonly plans: Map<string, ObjectPlan>,
    private readonly plants: PlantBook,
  ) {}

  plan(object: string): ObjectPlan | undefined {
    return this.plans.get(object);
  }

  of(object: string, index: number): Identity {
    const plan = this.plans.get(object);
    if (plan === undefined) return { key: '', name: '', email: '', first: '', last: '' };
    const identity = this.natural(plan, index);
    const sameName = this.plants.duplicateOf(object, index, 'name');
    if (sameName !== undefined) identity.name = this.natural(plan, sameName).name;
    const sameEmail = this.plants.duplicateOf(object, index, 'email');
    if (sameEmail !== undefined) identity.email = this.natural(plan, sameEmail).email;
    return identity;
  }

  private natural(plan: ObjectPlan, index: number): Identity {
    const key = plan.keys.key(index);
    if (plan.role === 'user') {
      const user = SAMPLE_USERS[index % SAMPLE_USERS.length];
      if (user) return { key, name: user.name, email: user.email, first: user.first, last: user.last };
    }
    let hash = this.hashes.get(plan.name);
    if (hash === undefined) {
      hash = hashString(plan.name);
      this.hashes.set(plan.name, hash);
    }
    const rng = new Rng(mix(this.seed, hash, IDENTITY, index));
    const offset = mix(this.seed, hash);
    const unique = plan.referencedByName ? ` (${index + 1})` : '';
    const person = personName(index, offset);
    const domain = `${asciiSlug(rng.pick(COMPANY_STEMS), '-')}.example`;
    const email = `${asciiSlug(person.first)}.${asciiSlug(person.last)}${index + 1}@${domain}`;
    let name: string;
    switch (plan.nameKind) {
      case 'person':
        name = `${person.first} ${person.last}`;
        break;
      case 'email':
        name = email;
        break;
      case 'company':
        name = companyName(index, offset);
        break;
      case 'deal':
        name = dealName(index, offset);
        break;
      case 'file': {
        const type = FILE_TYPES[index % FILE_TYPES.length];
        name = `${rng.pick(FILE_STEMS)}-${index + 1}.${type?.ext ?? 'txt'}`;
        break;
      }
      case 'subject': {
        const where = plan.groups[index % plan.groups.length]?.whereValue?.toLowerCase() ?? '';
        const kind = /call|email|meeting|event|task/.exec(where)?.[0];
        const forms = (kind === undefined ? undefined : SUBJECTS_BY_KIND[kind]) ?? SUBJECT_FORMS;
        name = `${rng.pick(forms).replace('{t}', rng.pick(SUBJECT_TOPICS))}${unique}`;
        break;
      }
      case 'paragraph':
        name = `${rng.pick(SENTENCES)} ${rng.pick(SENTENCES)}${unique}`;
        break;
      default:
        name = `${rng.pick(WORDS)} ${rng.pick(SUBJECT_TOPICS)} ${2019 + (index % 7)}${unique}`;
    }
    return { key, name, email, first: person.first, last: person.last };
  }

  /** A reference cell pointing at row `index` of the target, in the form the lookup matches on. */
  reference(target: RefTarget, index: number): string {
    const identity = this.of(target.object, index);
    const value = target.by === 'key' ? identity.key : target.by === 'email' ? identity.email : identity.name;
    return target.wrap ? `${this.plans.get(target.object)?.moduleName ?? target.object}::::${value}` : value;
  }

  /** A well-formed reference to a record that does not exist. */
  missingReference(target: RefTarget): string {
    const plan = this.plans.get(target.object);
    const value =
      target.by === 'key'
        ? (plan?.keys.key((plan?.count ?? 0) + 900_000) ?? '999999')
        : target.by === 'email'
          ? 'nobody@vanished-ventures.example'
          : MISSING_COMPANY_NAME;
    return target.wrap ? `${plan?.moduleName ?? target.object}::::${value}` : value;
  }

  /**
   * A random row of the target that loads cleanly and is safe to point at, or undefined when there is none. Rows
   * of a filtered target must be ones its loads read; a reference within one object points at an earlier row only,
   * so parent chains (`Member Of`, `ReportsToId`) never loop.
   */
  pick(target: RefTarget, rng: Rng, from?: { object: string; index: number }): number | undefined {
    const plan = this.plans.get(target.object);
    const limit = from?.object === target.object ? Math.min(from.index, plan?.count ?? 0) : (plan?.count ?? 0);
    if (plan === undefined || limit <= 0) return undefined;
    const allowed = target.where === undefined ? undefined : this.allowedGroups(plan, target.where);
    const start = rng.int(0, limit - 1);
    for (let tries = 0; tries < limit; tries += 1) {
      const index = (start + tries) % limit;
      if (allowed !== undefined && !allowed.has(index % plan.groups.length)) continue;
      if (!this.plants.isExcluded(target.object, index)) return index;
    }
    return undefined;
  }

  private readonly allowed = new Map<string, Set<number>>();

  private allowedGroups(plan: ObjectPlan, where: string[]): Set<number> {
    const cacheKey = `${plan.name}\u0000${where.join('\u0000')}`;
    let set = this.allowed.get(cacheKey);
    if (set === undefined) {
      const wanted = new Set(where.map((w) => w.toLowerCase()));
      set = new Set(plan.groups.map((g, i) => (g.whereValue === undefined || wanted.has(g.whereValue.toLowerCase()) ? i : -1)).filter((i) => i >= 0));
      this.allowed.set(cacheKey, set);
    }
    return set;
  }
}
