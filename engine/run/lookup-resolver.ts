import type { PlannedLookup } from '../plan/migration-plan.js';
import type { Ledger } from './ledger.js';
import type { Reference } from '../source/reference.js';

export type Resolution = { id: string } | { problem: string } | undefined;

/**
 * Resolves a reference to the destination id of a record created by an earlier load: by the source key, or by name
 * or email through the indexes those loads kept. Several target loads are tried in order (a "regarding" reference may
 * point at a deal, a contact or a company); a Vtiger module prefix picks the load whose object it names.
 */
export class LookupResolver {
  constructor(
    private readonly ledger: Ledger,
    /** Load id to the module/object labels that name it in references (`Accounts`, `Organization`). */
    private readonly moduleNames: ReadonlyMap<string, readonly string[]>,
  ) {}

  resolve(lookup: PlannedLookup, reference: Reference): Resolution {
    if (reference.value === '') return undefined;
    const targets = reference.module === undefined ? lookup.targets : this.targetsNamed(lookup.targets, reference.module);
    const problems: string[] = [];
    for (const target of targets) {
      const found = this.inLoad(target, lookup.by, reference.value);
      if ('id' in found) return found;
      if (found.problem !== '') problems.push(found.problem);
    }
    if (problems.length > 0) return { problem: problems[0] as string };
    return { problem: `no ${targets.join(' or ')} record has ${describe(lookup.by)} "${reference.value}"` };
  }

  private targetsNamed(targets: readonly string[], module: string): string[] {
    const wanted = module.toLowerCase();
    const matching = targets.filter((t) => (this.moduleNames.get(t) ?? []).some((m) => m.toLowerCase() === wanted));
    return matching.length > 0 ? matching : [...targets];
  }

  private inLoad(load: string, by: PlannedLookup['by'], value: string): { id: string } | { problem: string } {
    if (by === 'key') {
      const id = this.ledger.destinationId(load, value);
      return id === undefined ? { problem: '' } : { id };
    }
    const keys = this.ledger.keysNamed(load, by, value.toLowerCase());
    if (keys.length > 1) return { problem: `${describe(by)} "${value}" is ambiguous: several ${load} records have it` };
    const key = keys[0];
    const id = key === undefined ? undefined : this.ledger.destinationId(load, key);
    return id === undefined ? { problem: '' } : { id };
  }
}

function describe(by: PlannedLookup['by']): string {
  return by === 'key' ? 'the key' : by === 'name' ? 'the name' : 'the email';
}
