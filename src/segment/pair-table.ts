/**
 * An open-addressing hash table from a non-negative int key to a small id, in typed arrays: a
 * lookup is a multiply and one or two probes, several times cheaper than a Map on this hot path.
 */
export class PairTable {
  private bits = 16;
  private keys = new Int32Array(1 << 16).fill(-1);
  private values = new Uint8Array(1 << 16);
  private count = 0;

  get(key: number): number | undefined {
    const mask = this.keys.length - 1;
    for (let slot = Math.imul(key, 0x9e3779b1) >>> (32 - this.bits); ; slot = (slot + 1) & mask) {
      const found = this.keys[slot];
      if (found === key) return this.values[slot];
      if (found === -1 || found === undefined) return undefined;
    }
  }

  set(key: number, value: number): void {
    if ((this.count + 1) * 2 > this.keys.length) this.grow();
    const mask = this.keys.length - 1;
    for (let slot = Math.imul(key, 0x9e3779b1) >>> (32 - this.bits); ; slot = (slot + 1) & mask) {
      const found = this.keys[slot];
      if (found === -1) this.count++;
      if (found === -1 || found === key) {
        this.keys[slot] = key;
        this.values[slot] = value;
        return;
      }
    }
  }

  private grow(): void {
    const { keys, values } = this;
    this.bits++;
    this.keys = new Int32Array(1 << this.bits).fill(-1);
    this.values = new Uint8Array(1 << this.bits);
    this.count = 0;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] ?? -1;
      if (key !== -1) this.set(key, values[i] ?? 0);
    }
  }
}

const PAIR_BASE = 0x3000;

/** A small-integer key for a two-unit word whose first unit is in U+3000..U+9FFF, else -1. */
export function pairKey(word: string): number {
  return pairKeyOf(word.charCodeAt(0), word.charCodeAt(1));
}

/** `pairKey` of two code units. */
export function pairKeyOf(first: number, second: number): number {
  const offset = first - PAIR_BASE;
  return offset >= 0 && offset <= 0x6fff && second >= 0 ? offset * 0x10000 + second : -1;
}

/**
 * A one-probe filter over pairs of code units (any, not only CJK): `mayHave` is false when no pair
 * added matches, and true for every pair added (and, rarely, for others: callers then check exactly).
 * A 2^20-bit array, 128 KB, so a probe is a multiply and one load that mostly stays in cache.
 */
export class PairFilter {
  private readonly bits = new Int32Array(1 << 15);

  add(first: number, second: number): void {
    const bit = pairBit(first, second);
    this.bits[bit >>> 5] = (this.bits[bit >>> 5] as number) | (1 << (bit & 31));
  }

  mayHave(first: number, second: number): boolean {
    const bit = pairBit(first, second);
    return ((this.bits[bit >>> 5] as number) & (1 << (bit & 31))) !== 0;
  }
}

function pairBit(first: number, second: number): number {
  return Math.imul((first << 16) ^ second, 0x9e3779b1) >>> 12;
}
