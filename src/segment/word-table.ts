/**
 * A read-only hash index from a word to its entry number (callers keep their values in arrays by
 * entry). The words' code units live in one pool and the slots hold each word's hash beside its entry,
 * so a lookup hashes the code units, compares hashes in one array and touches the pool only for a
 * likely hit.
 *
 * Engines hand back a fresh string for every word: a `Map<string, …>` must hash each one and then
 * chase a pointer per probe, which cost about 240 ns a word here against about 60 ns for this table.
 * Built from ranges of one big text (a dictionary file as read), it also makes no string per word.
 */
export class WordTable {
  private readonly bits: number;
  /** Per slot: [hash, entry + 1]; 0 as the entry marks an empty slot. */
  private readonly slots: Int32Array;
  private readonly starts: Int32Array;
  private readonly lengths: Int32Array;
  private readonly pool: Uint16Array;
  /**
   * One bit per hash value (low bits), 1/8 the size of the slots: a word that is not in the table
   * (most keyphrase candidates, new words) is usually turned away here, in cache, before the slots.
   */
  private readonly present: Int32Array;
  /** Distinct words (a word listed twice counts once). */
  readonly size: number;

  /** Entry `i` is `text.slice(starts[i], ends[i])`. */
  static fromRanges(text: string, starts: ArrayLike<number>, ends: ArrayLike<number>): WordTable {
    return new WordTable(text, starts, ends);
  }

  /** Entry `i` is `words[i]`. */
  static of(words: readonly string[]): WordTable {
    const starts = new Int32Array(words.length);
    const ends = new Int32Array(words.length);
    let at = 0;
    for (const [i, word] of words.entries()) {
      starts[i] = at;
      at += word.length;
      ends[i] = at;
    }
    return new WordTable(words.join(''), starts, ends);
  }

  private constructor(text: string, starts: ArrayLike<number>, ends: ArrayLike<number>) {
    const count = starts.length;
    let units = 0;
    for (let i = 0; i < count; i++) units += (ends[i] as number) - (starts[i] as number);
    this.bits = Math.max(4, Math.ceil(Math.log2(count * 2 + 1)));
    this.slots = new Int32Array(2 << this.bits);
    this.present = new Int32Array(1 << Math.max(0, this.bits - 2));
    this.starts = new Int32Array(count);
    this.lengths = new Int32Array(count);
    this.pool = new Uint16Array(units);
    let at = 0;
    let distinct = 0;
    for (let entry = 0; entry < count; entry++) {
      const from = starts[entry] as number;
      const to = ends[entry] as number;
      this.starts[entry] = at;
      this.lengths[entry] = to - from;
      for (let i = from; i < to; i++) this.pool[at++] = text.charCodeAt(i);
      if (this.place(entry)) distinct++;
    }
    this.size = distinct;
  }

  /**
   * A smaller table of some of this table's entries (`picked`: positions in the `starts` / `ends` this
   * table was built from), for a cache-sized table of frequent words in front of this one. `entries[i]`
   * is this table's entry for the small table's entry `i` (a word listed twice maps to its last listing,
   * as lookups here do), so callers take the values from their own arrays.
   */
  subset(
    text: string,
    starts: ArrayLike<number>,
    ends: ArrayLike<number>,
    picked: readonly number[],
  ): { table: WordTable; entries: Int32Array } {
    const pickedStarts = picked.map((i) => starts[i] as number);
    const pickedEnds = picked.map((i) => ends[i] as number);
    const entries = Int32Array.from(picked, (_, i) =>
      this.indexOfUnits(text, pickedStarts[i] as number, pickedEnds[i] as number),
    );
    return { table: new WordTable(text, pickedStarts, pickedEnds), entries };
  }

  /** The entry of `word` (the last one, if listed twice), or -1. */
  indexOf(word: string): number {
    return this.indexOfUnits(word, 0, word.length);
  }

  /** The entry of the word `text.slice(from, to)`, without making that string; or -1. */
  indexOfUnits(text: string, from: number, to: number): number {
    return this.find(wordHash(text, from, to), text, from, to);
  }

  /** `indexOfUnits` with the word's `wordHash` already computed (one hash serves several tables). */
  find(hash: number, text: string, from: number, to: number): number {
    const bit = hash & ((this.present.length << 5) - 1);
    if (((this.present[bit >>> 5] as number) & (1 << (bit & 31))) === 0) return -1;
    const mask = (1 << this.bits) - 1;
    const { slots } = this;
    for (let slot = hash >>> (32 - this.bits); ; slot = (slot + 1) & mask) {
      const entry = slots[2 * slot + 1] as number;
      if (entry === 0) return -1;
      if (slots[2 * slot] === hash && this.spells(entry - 1, text, from, to)) return entry - 1;
    }
  }

  private spells(entry: number, text: string, from: number, to: number): boolean {
    if (this.lengths[entry] !== to - from) return false;
    const start = (this.starts[entry] as number) - from;
    for (let i = from; i < to; i++) if (this.pool[start + i] !== text.charCodeAt(i)) return false;
    return true;
  }

  /** True when two entries hold the same word. */
  private same(a: number, b: number): boolean {
    const length = this.lengths[a] as number;
    if (this.lengths[b] !== length) return false;
    const startA = this.starts[a] as number;
    const startB = this.starts[b] as number;
    for (let i = 0; i < length; i++) if (this.pool[startA + i] !== this.pool[startB + i]) return false;
    return true;
  }

  /**
   * Inserts `entry` (already in the pool); a word listed again takes the later entry, as a dictionary
   * file reads. True when the word is new.
   */
  private place(entry: number): boolean {
    const start = this.starts[entry] as number;
    const length = this.lengths[entry] as number;
    let hash = length;
    for (let i = 0; i < length; i++) hash = Math.imul(hash ^ (this.pool[start + i] as number), 0x9e3779b1);
    hash = Math.imul(hash ^ (hash >>> 15), 0x85ebca6b); // as in wordHash
    const bit = hash & ((this.present.length << 5) - 1);
    this.present[bit >>> 5] = (this.present[bit >>> 5] as number) | (1 << (bit & 31));
    const mask = (1 << this.bits) - 1;
    for (let slot = hash >>> (32 - this.bits); ; slot = (slot + 1) & mask) {
      const other = this.slots[2 * slot + 1] as number;
      const fresh = other === 0;
      if (fresh || (this.slots[2 * slot] === hash && this.same(other - 1, entry))) {
        this.slots[2 * slot] = hash;
        this.slots[2 * slot + 1] = entry + 1;
        return fresh;
      }
    }
  }
}

/** The positions `0 .. count - 1` that come first by `compare`, at most `limit` of them. */
export function firstPositions(
  count: number,
  limit: number,
  compare: (a: number, b: number) => number,
): number[] {
  return Array.from({ length: count }, (_, i) => i)
    .sort(compare)
    .slice(0, limit);
}

/** The hash `WordTable` files a word under: multiplicative over the code units, then mixed. */
export function wordHash(text: string, from: number, to: number): number {
  let hash = to - from;
  for (let i = from; i < to; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x9e3779b1);
  return Math.imul(hash ^ (hash >>> 15), 0x85ebca6b);
}
