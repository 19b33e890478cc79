/**
 * A one-probe filter over pairs of code units (any, not only CJK): `mayHave` is false when no pair
 * added matches, and true for every pair added (and, rarely, for others: callers then check exactly).
 * The bit array grows with the pairs it holds (about 32 bits a pair, from 2 KB up to 128 KB): a filter
 * of a few thousand pairs stays in the core's first-level cache even while the segmentation engine
 * runs between probes, where a fixed 128 KB array was evicted and cost a cache miss a probe.
 */
export class PairFilter {
  private bits = new Int32Array(MIN_WORDS);
  private shift = 32 - Math.log2(MIN_WORDS * 32);
  private readonly keys = new Set<number>();

  add(first: number, second: number): void {
    this.addKey((first << 16) | second);
  }

  mayHave(first: number, second: number): boolean {
    return this.mayHaveKey((first << 16) | second);
  }

  /** Adds any 32-bit key (`tripleKey` for three units). */
  addKey(key: number): void {
    const held = key | 0;
    if (this.keys.has(held)) return;
    this.keys.add(held);
    if (this.keys.size * BITS_PER_PAIR > this.bits.length * 32 && this.bits.length < MAX_WORDS) {
      this.bits = new Int32Array(this.bits.length * 2);
      this.shift--;
      for (const each of this.keys) this.set(each);
    } else {
      this.set(held);
    }
  }

  mayHaveKey(key: number): boolean {
    const bit = Math.imul(key, 0x9e3779b1) >>> this.shift;
    return ((this.bits[bit >>> 5] as number) & (1 << (bit & 31))) !== 0;
  }

  private set(key: number): void {
    const bit = Math.imul(key, 0x9e3779b1) >>> this.shift;
    this.bits[bit >>> 5] = (this.bits[bit >>> 5] as number) | (1 << (bit & 31));
  }
}

/** A 32-bit key for three code units (a filter key: distinct triples may share one). */
export function tripleKey(first: number, second: number, third: number): number {
  return Math.imul((first << 16) | second, 0x85ebca6b) ^ third;
}

const BITS_PER_PAIR = 32;
/** 2^14 bits (2 KB) to 2^20 bits (128 KB). */
const MIN_WORDS = 1 << 9;
const MAX_WORDS = 1 << 15;

/**
 * Two-unit words indexed by their units, for the most common token length: the words starting with
 * a unit are one sorted run of second units, found from a table by the first unit. A lookup reads one
 * slot and binary-searches a run of a few dozen units, all within a cache line or two, where a hash
 * table over 150k words costs a cache and TLB miss per token.
 */
export class PairIndex {
  /** Run of words starting with unit `c`: `seconds[runStart[c] .. runStart[c + 1])`. */
  private readonly runStart = new Int32Array(0x10001);
  private readonly seconds: Uint16Array;
  /** The value of each word, by its position in `seconds`. */
  readonly values: Uint16Array;

  /** `pairs[i]` = [first unit, second unit, value]; a pair listed again keeps its later value. */
  constructor(pairs: ReadonlyArray<readonly [number, number, number]>) {
    const order = pairs.map((_, i) => i);
    // By pair, the later listing first, so the first of each run of equal pairs is the one kept.
    order.sort((a, b) => {
      const [fa, sa] = pairs[a] as readonly [number, number, number];
      const [fb, sb] = pairs[b] as readonly [number, number, number];
      return fa - fb || sa - sb || b - a;
    });
    const kept = order.filter((index, k) => {
      if (k === 0) return true;
      const [f, s] = pairs[index] as readonly [number, number, number];
      const [pf, ps] = pairs[order[k - 1] as number] as readonly [number, number, number];
      return f !== pf || s !== ps;
    });
    this.seconds = new Uint16Array(kept.length);
    this.values = new Uint16Array(kept.length);
    for (const [k, index] of kept.entries()) {
      const [first, second, value] = pairs[index] as readonly [number, number, number];
      this.seconds[k] = second;
      this.values[k] = value;
      this.runStart[first + 1] = k + 1;
    }
    // Units that start no word get an empty run at the end of the previous one.
    for (let c = 1; c <= 0x10000; c++) {
      if ((this.runStart[c] as number) < (this.runStart[c - 1] as number))
        this.runStart[c] = this.runStart[c - 1] as number;
    }
  }

  /** Position of the word `first second`, or -1. */
  indexOf(first: number, second: number): number {
    let low = this.runStart[first] as number;
    let high = (this.runStart[first + 1] as number) - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const unit = this.seconds[middle] as number;
      if (unit === second) return middle;
      if (unit < second) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  }
}
