import type { Rng } from '../util/rng.js';

/**
 * A uniform random sample of at most `capacity` items from a stream of unknown length, held in constant memory
 * (Vitter's algorithm R). An item may carry a key: a later item with the key of one already held takes its place
 * instead of competing for a slot, because when rows share a source key the destination holds the last of them.
 */
export class Reservoir<T> {
  private readonly items: T[] = [];
  private readonly keys: (string | undefined)[] = [];
  private readonly slotOfKey = new Map<string, number>();
  private competitors = 0;

  constructor(
    private readonly capacity: number,
    private readonly rng: Rng,
  ) {}

  offer(item: T, key?: string): void {
    const held = key === undefined ? undefined : this.slotOfKey.get(key);
    if (held !== undefined) {
      this.items[held] = item;
      return;
    }
    this.competitors += 1;
    if (this.items.length < this.capacity) {
      this.place(this.items.length, item, key);
      return;
    }
    const slot = this.rng.int(0, this.competitors - 1);
    if (slot < this.capacity) this.place(slot, item, key);
  }

  /** How many items competed for a place: every item offered but those that replaced a held item of the same key. */
  get offered(): number {
    return this.competitors;
  }

  sample(): T[] {
    return [...this.items];
  }

  private place(slot: number, item: T, key: string | undefined): void {
    const evicted = this.keys[slot];
    if (evicted !== undefined) this.slotOfKey.delete(evicted);
    this.items[slot] = item;
    this.keys[slot] = key;
    if (key !== undefined) this.slotOfKey.set(key, slot);
  }
}
