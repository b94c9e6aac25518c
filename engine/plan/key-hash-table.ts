/**
 * A set of text keys, each stored as a 64-bit hash with two numbers (the first row's line and a row hash) in typed
 * arrays: open addressing with linear probing, grown by doubling at 3/4 full. About 16 bytes a key where a
 * Map<string, object> takes near 100, which is what keeps a check of millions of rows within a flat memory budget.
 */
export class KeyHashTable {
  private capacity = 1 << 16;
  private size = 0;
  /** Per slot: the two hash halves (0,0 is an empty slot), the line and the row hash. */
  private slots = new Uint32Array(this.capacity * 4);

  /** Adds the key with its line and row hash; when the key is there already, returns what it was added with. */
  addOrGet(key: string, line: number, rowHash: number): { line: number; hash: number } | undefined {
    let [a, b] = hash64(key);
    if (a === 0 && b === 0) b = 1;
    const mask = this.capacity - 1;
    for (let slot = a & mask; ; slot = (slot + 1) & mask) {
      const at = slot * 4;
      const sa = this.slots[at] as number;
      const sb = this.slots[at + 1] as number;
      if (sa === 0 && sb === 0) {
        this.slots[at] = a;
        this.slots[at + 1] = b;
        this.slots[at + 2] = line;
        this.slots[at + 3] = rowHash;
        this.size += 1;
        if (this.size * 4 > this.capacity * 3) this.grow();
        return undefined;
      }
      if (sa === a && sb === b) return { line: this.slots[at + 2] as number, hash: this.slots[at + 3] as number };
    }
  }

  private grow(): void {
    const old = this.slots;
    this.capacity *= 2;
    this.slots = new Uint32Array(this.capacity * 4);
    const mask = this.capacity - 1;
    for (let at = 0; at < old.length; at += 4) {
      const a = old[at] as number;
      const b = old[at + 1] as number;
      if (a === 0 && b === 0) continue;
      let slot = a & mask;
      while (this.slots[slot * 4] !== 0 || this.slots[slot * 4 + 1] !== 0) slot = (slot + 1) & mask;
      this.slots.set(old.subarray(at, at + 4), slot * 4);
    }
  }
}

/** Two independent 32-bit hashes of the text (FNV-1a and a multiplicative hash with another seed), finalised. */
function hash64(text: string): [number, number] {
  let h1 = 0x811c9dc5;
  let h2 = 0x9747b28c;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  return [fmix(h1 ^ text.length), fmix(h2)];
}

/** Murmur3's finaliser: spreads every input bit over the whole word, so the low bits index slots well. */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
