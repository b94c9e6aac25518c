import type { DuplicatePolicy } from './migration-plan.js';
import type { DuplicateRow } from './shape-findings.js';
import { KeyHashTable } from './key-hash-table.js';

/**
 * Finds rows that repeat a source key within one load. Two rows with one key would become one record, the second
 * silently counted as "unchanged"; instead the policy picks which row loads (`first`, `last`) or holds them all
 * (`hold`), and every other row is reported with the line it repeats.
 *
 * Every key is remembered by a 64-bit hash in typed arrays (16 bytes a key, see KeyHashTable) rather than as a string
 * in a Map (near 100 bytes): at millions of rows the check would otherwise be the largest part of a run's memory. Two
 * different keys share a 64-bit hash with odds near n²/2⁶⁵ (one in ten million at 2,000,000 keys). Only keys seen
 * twice keep their lines, so memory grows with the keys, not with the rows of each key.
 */
export class DuplicateKeys {
  private readonly first = new KeyHashTable();
  /** By the line of the key's first row: every row of the key, that one included. */
  private readonly repeated = new Map<number, { line: number; hash: number }[]>();

  constructor(private readonly policy: DuplicatePolicy) {}

  add(key: string, line: number, cells: readonly string[]): void {
    const hash = rowHash(cells);
    const seen = this.first.addOrGet(key, line, hash);
    if (seen === undefined) return;
    const group = this.repeated.get(seen.line) ?? [seen];
    group.push({ line, hash });
    this.repeated.set(seen.line, group);
  }

  /** The rows that will not load as themselves, in line order. */
  rows(): DuplicateRow[] {
    const out: DuplicateRow[] = [];
    for (const group of this.repeated.values()) {
      const kept = this.policy === 'last' ? (group.at(-1) as { line: number; hash: number }) : (group[0] as { line: number; hash: number });
      for (const row of group) {
        if (this.policy !== 'hold' && row === kept) continue;
        out.push({ line: row.line, of: kept.line === row.line ? (group[1]?.line ?? row.line) : kept.line, exact: row.hash === kept.hash, action: this.policy === 'hold' ? 'held' : 'duplicate' });
      }
    }
    return out.sort((a, b) => a.line - b.line);
  }
}

/** FNV-1a over the cells: tells identical repeats from conflicting ones without keeping the rows. */
function rowHash(cells: readonly string[]): number {
  let h = 0x811c9dc5;
  for (const cell of cells) {
    for (let i = 0; i < cell.length; i += 1) h = Math.imul(h ^ cell.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 0x1f, 0x01000193);
  }
  return h >>> 0;
}
