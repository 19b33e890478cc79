/**
 * A two-way set-associative cache from words of three or four UTF-16 units to a small value (0–254),
 * exact: it never answers for a word it was not given.
 *
 * The segmentation engine runs between lookups and evicts much of the CPU cache, so what counts is
 * how many cache lines a lookup touches. Here it is one: a set is two slots of two 32-bit words (16
 * bytes, aligned). The four units (64 bits) go through a two-round Feistel mix, a bijection, so the
 * mixed key determines the word: its high bits pick the set and the rest is stored (32 + 32 − `bits`
 * bits), beside the length and the value. A new word takes the first slot and moves the set's other
 * word to the second (the one used longest ago leaves). A hash table over the words' units
 * (`WordTable`) costs several lines a lookup instead: slots, lengths, offsets, the pool of units.
 */
import { zhtagError } from '../errors.js';

export class ShortWordCache {
  /**
   * Per set, two slots of [mixed high word, meta]; meta = mixed low bits | (length is 4) << lowBits |
   * (value + 1) << (lowBits + 1), 0 = empty.
   */
  private readonly slots: Int32Array;
  /** log2 of the number of sets. */
  private readonly bits: number;
  private readonly lowMask: number;

  /** A cache of 2^bits sets (2^(bits + 1) words, 2^(bits + 4) bytes). */
  constructor(bits: number) {
    if (bits < 9 || bits > 20)
      throw zhtagError('E_INTERNAL', `ShortWordCache bits must be 9..20, got ${bits}`);
    this.bits = bits;
    this.slots = new Int32Array(4 << bits);
    this.lowMask = 2 ** (32 - bits) - 1;
  }

  /** The value cached for a three- or four-unit word, or -1. */
  get(word: string): number {
    const high = mixHigh(word, 0);
    const low = mixLow(word, 0, word.length, high);
    const set = (low >>> (32 - this.bits)) << 2;
    const mixed = high ^ mixRound(low);
    const check = this.check(word, low);
    const mask = this.lowMask * 2 + 1;
    const slots = this.slots;
    const first = slots[set + 1] as number;
    if (first !== 0 && slots[set] === mixed && (first & mask) === check)
      return (first >>> (33 - this.bits)) - 1;
    const second = slots[set + 3] as number;
    if (second !== 0 && slots[set + 2] === mixed && (second & mask) === check)
      return (second >>> (33 - this.bits)) - 1;
    return -1;
  }

  /** Caches a word's value in its set's first slot; the word there moves to the second. */
  set(word: string, value: number): void {
    this.store(word, value, true);
  }

  /** Caches a word's value in an empty slot of its set, if there is one (most frequent words first). */
  fill(word: string, value: number): void {
    this.store(word, value, false);
  }

  private store(word: string, value: number, replace: boolean): void {
    if (value < 0 || value > 254)
      throw zhtagError('E_INTERNAL', `ShortWordCache values are 0..254, got ${value}`);
    if (word.length !== 3 && word.length !== 4) {
      throw zhtagError('E_INTERNAL', `ShortWordCache words are 3 or 4 units, got ${word.length}`);
    }
    const high = mixHigh(word, 0);
    const low = mixLow(word, 0, word.length, high);
    const set = (low >>> (32 - this.bits)) << 2;
    const slots = this.slots;
    let at = set;
    if (replace) {
      slots[set + 2] = slots[set] as number;
      slots[set + 3] = slots[set + 1] as number;
    } else if ((slots[set + 1] as number) !== 0) {
      if ((slots[set + 3] as number) !== 0) return;
      at = set + 2;
    }
    slots[at] = high ^ mixRound(low);
    slots[at + 1] = this.check(word, low) | ((value + 1) << (33 - this.bits));
  }

  /** The stored part of the mixed low word, with the length bit above it. */
  private check(word: string, low: number): number {
    return (low & this.lowMask) | ((word.length === 4 ? 1 : 0) * (this.lowMask + 1));
  }
}

/** Units 0–1 of the word at `text[at]`. */
function mixHigh(text: string, at: number): number {
  return (text.charCodeAt(at) << 16) | text.charCodeAt(at + 1);
}

/** Units 2–3 (2 and 0 for a three-unit word), mixed with units 0–1: round one of the Feistel mix. */
function mixLow(text: string, at: number, length: number, high: number): number {
  const low = (text.charCodeAt(at + 2) << 16) | (length === 4 ? text.charCodeAt(at + 3) : 0);
  return low ^ mixRound(high);
}

/** The round function (any function keeps the mix a bijection): one multiply, high bits folded down. */
function mixRound(x: number): number {
  const y = Math.imul(x ^ (x >>> 16), 0x45d9f3b);
  return y ^ (y >>> 16);
}

/**
 * Every word of three or four units of a list, with its value (0–254): an exact open-addressing table
 * on the same mixed key as `ShortWordCache`. A lookup reads one slot of three 32-bit words (and the
 * next ones while probing), where `WordTable` reads its slots, lengths, offsets and pool of units.
 */
export class ShortWordTable {
  /** Per slot: [mixed high word, mixed low word, (value + 1) << 1 | (length is 4)]; 0 = empty. */
  private readonly slots: Int32Array;
  private readonly bits: number;
  private count = 0;

  /** A table sized for up to `capacity` words (at most half full). */
  constructor(capacity: number) {
    this.bits = Math.max(4, Math.ceil(Math.log2(Math.max(1, capacity) * 2)));
    this.slots = new Int32Array(3 << this.bits);
  }

  get size(): number {
    return this.count;
  }

  /** Sets the value of the word `text[at, at + length)` (a word set twice keeps the later value). */
  set(text: string, at: number, length: number, value: number): void {
    if (value < 0 || value > 254)
      throw zhtagError('E_INTERNAL', `ShortWordTable values are 0..254, got ${value}`);
    if (length !== 3 && length !== 4)
      throw zhtagError('E_INTERNAL', `ShortWordTable words are 3 or 4 units, got ${length}`);
    if (2 * (this.count + 1) > 1 << this.bits) throw zhtagError('E_INTERNAL', 'ShortWordTable is full');
    const slot = this.find(text, at, length);
    if ((this.slots[slot + 2] as number) === 0) this.count++;
    const high = mixHigh(text, at);
    const low = mixLow(text, at, length, high);
    this.slots[slot] = high ^ mixRound(low);
    this.slots[slot + 1] = low;
    this.slots[slot + 2] = ((value + 1) << 1) | (length === 4 ? 1 : 0);
  }

  /** The value of a three- or four-unit word, or -1. */
  get(word: string): number {
    const meta = this.slots[this.find(word, 0, word.length) + 2] as number;
    return meta === 0 ? -1 : (meta >>> 1) - 1;
  }

  /** The slot holding the word, or the empty slot where it would go. */
  private find(text: string, at: number, length: number): number {
    const high = mixHigh(text, at);
    const low = mixLow(text, at, length, high);
    const mixed = high ^ mixRound(low);
    const four = length === 4 ? 1 : 0;
    const mask = (1 << this.bits) - 1;
    const slots = this.slots;
    for (let slot = low >>> (32 - this.bits); ; slot = (slot + 1) & mask) {
      const base = slot * 3;
      const meta = slots[base + 2] as number;
      if (meta === 0 || (slots[base] === mixed && slots[base + 1] === low && (meta & 1) === four)) {
        return base;
      }
    }
  }
}
