import type { PlannedLookup } from '../plan/migration-plan.js';
import type { Ledger } from './ledger.js';
import type { Reference } from '../source/reference.js';
import type { NotLoadedRows } from './not-loaded-rows.js';

/** Why a reference matched no record: nothing has it, several have it, it names another kind, or its row did not load. */
export type LookupProblem = 'missing' | 'ambiguous' | 'wrong-type' | 'not-loaded';

export type Resolution = { id: string } | { problem: string; outcome: LookupProblem } | undefined;


/**
 * Resolves a reference to the destination id of a record created by an earlier load: by the source key, or by name
 * or email through the indexes those loads kept. Several target loads are tried in order (a "regarding" reference may
 * point at a deal, a contact or a company). A reference that names its kind (a Vtiger module prefix) is resolved only
 * within the loads of that kind: ids overlap between objects, so trying the others would link the wrong record.
 */
export class LookupResolver {
  constructor(
    private readonly ledger: Ledger,
    /** Load id to the module/object labels that name it in references (`Accounts`, `Organization`). */
    private readonly moduleNames: ReadonlyMap<string, readonly string[]>,
    /** Rows of earlier loads that did not load, with why: a reference to one says so rather than "missing". */
    private readonly notLoaded?: NotLoadedRows,
  ) {}

  resolve(lookup: PlannedLookup, reference: Reference): Resolution {
    if (reference.value === '') return undefined;
    if (reference.emptyParts !== undefined) {
      return { outcome: 'missing', problem: `the key "${reference.value}" is incomplete: ${reference.emptyParts.join(', ')} ${reference.emptyParts.length === 1 ? 'is' : 'are'} empty` };
    }
    let targets = lookup.targets;
    if (reference.kind !== undefined) {
      if (reference.load === undefined) {
        return { outcome: 'wrong-type', problem: `"${reference.value}" is a ${reference.kind} record (${lookup.typeColumn ?? 'type column'}), which this lookup does not map to a load` };
      }
      targets = [reference.load];
    } else if (reference.module !== undefined) {
      targets = this.targetsNamed(lookup.targets, reference.module);
      if (targets.length === 0) {
        return { outcome: 'wrong-type', problem: `"${reference.value}" is a ${reference.module} record, and this lookup takes ${lookup.targets.join(' or ')}` };
      }
    }
    let ambiguous: string | undefined;
    for (const target of targets) {
      const found = this.inLoad(target, lookup.by, reference.value);
      if ('id' in found) return found;
      ambiguous ??= found.ambiguous;
    }
    if (ambiguous !== undefined) return { outcome: 'ambiguous', problem: ambiguous };
    if (lookup.by === 'key') {
      for (const target of targets) {
        const why = this.notLoaded?.reason(target, reference.value);
        if (why !== undefined) return { outcome: 'not-loaded', problem: `the ${target} row with key "${reference.value}" did not load (${why})` };
      }
    }
    return { outcome: 'missing', problem: `no ${targets.join(' or ')} record has ${describe(lookup.by)} "${reference.value}"` };
  }

  private targetsNamed(targets: readonly string[], module: string): string[] {
    const wanted = module.toLowerCase();
    return targets.filter((t) => (this.moduleNames.get(t) ?? []).some((m) => m.toLowerCase() === wanted));
  }

  private inLoad(load: string, by: PlannedLookup['by'], value: string): { id: string } | { ambiguous?: string } {
    if (by === 'key') {
      const id = this.ledger.destinationId(load, value);
      return id === undefined ? {} : { id };
    }
    const keys = this.ledger.keysNamed(load, by, value.toLowerCase());
    if (keys.length > 1) return { ambiguous: `${describe(by)} "${value}" is ambiguous: ${keys.length} ${load} records have it` };
    const key = keys[0];
    const id = key === undefined ? undefined : this.ledger.destinationId(load, key);
    return id === undefined ? {} : { id };
  }
}

function describe(by: PlannedLookup['by']): string {
  return by === 'key' ? 'the key' : by === 'name' ? 'the name' : 'the email';
}
