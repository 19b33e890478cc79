/**
 * A word list held as hashed membership only (no word text): an open-addressing table of 31-bit
 * FNV-1a hashes of each word's normalized code points and of its prefixes, so that a forward
 * maximum match over a window stops at the first prefix no word continues. Used for the MSR
 * segmentation vocabulary (SIGHAN 2005, research use: the model file may carry derived statistics,
 * never the list itself). MSR's standard keeps named entities whole (全国政协代表团, 龙江电影制片厂,
 * 李佑生), so a long match is a hint of an entity and of its extent.
 */
import { CharClass, charClass, normalizeCodePoint } from './text.js';

/** Longest word (code points) kept and matched. */
export const MAX_WORD_LEN = 12;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
// low bit of a stored key: 1 = a whole word ends here, 0 = only a prefix of longer words
const WORD = 1;

function fnvStep(h: number, cp: number): number {
  return Math.imul(h ^ cp, FNV_PRIME);
}

/** Stored key of a hash: the low bit is the word flag, 0 is the empty slot. */
function keyOf(h: number, flag: number): number {
  const k = (h & ~1) | flag;
  return k === 0 ? 2 : k;
}

/**
 * Words of 2..MAX_WORD_LEN code points made of Han characters other than numerals (and the · of
 * foreign names): MSR's numbers, dates and amounts (１９９３年, 七百余万元) are left out, and so are
 * words with a numeral character (三峡, 十五大): keeping those scored PD selection days −0.47 / −0.23
 * (seeds 1 / 2), CLUENER names −1.2 / +0.7, example.dev quarter +0.2 / +0.2.
 */
export function keepWord(word: string): boolean {
  const cps = [...word];
  if (cps.length < 2 || cps.length > MAX_WORD_LEN) return false;
  return cps.every((c) => c === '·' || charClass(c.codePointAt(0) ?? 0) === CharClass.Han);
}

export class WordHashes {
  private readonly table: Int32Array;
  private readonly mask: number;
  /**
   * One bit per 4096 hash values (128 KB) for the keys held: most positions of a text start no listed
   * word, and this filter, small enough to stay cached, turns them away before the table (1 MB) is read.
   */
  private readonly present = new Int32Array(1 << 15);
  /** sorted stored keys (serialized form) */
  readonly keys: Uint32Array;

  private constructor(keys: Uint32Array) {
    this.keys = keys;
    let cap = 1024;
    while (cap < keys.length * 2) cap *= 2;
    this.table = new Int32Array(cap);
    this.mask = cap - 1;
    for (const k of keys) this.insert(k | 0);
  }

  private insert(key: number): void {
    const base = key & ~1;
    const bit = base >>> 12;
    this.present[bit >>> 5] = (this.present[bit >>> 5] as number) | (1 << (bit & 31));
    let slot = Math.imul(base, 0x9e3779b1) >>> 0;
    for (;;) {
      slot &= this.mask;
      const cur = this.table[slot] as number;
      if (cur === 0) {
        this.table[slot] = key;
        return;
      }
      if ((cur & ~1) === base) {
        this.table[slot] = cur | (key & WORD);
        return;
      }
      slot++;
    }
  }

  /** 0 absent, 1 a prefix of a listed word only, 2 a listed word (FNV state `h` of its code points). */
  private lookup(h: number): number {
    const base = keyOf(h, 0) & ~1;
    const bit = base >>> 12;
    if (((this.present[bit >>> 5] as number) & (1 << (bit & 31))) === 0) return 0;
    let slot = Math.imul(base, 0x9e3779b1) >>> 0;
    for (;;) {
      slot &= this.mask;
      const cur = this.table[slot] as number;
      if (cur === 0) return 0;
      if ((cur & ~1) === base) return 1 + (cur & WORD);
      slot++;
    }
  }

  /** Hash the words (those `keepWord` accepts) and their prefixes of two or more code points. */
  static fromWords(words: Iterable<string>): WordHashes {
    const keys = new Map<number, number>();
    for (const word of words) {
      if (!keepWord(word)) continue;
      const cps = [...word].map((c) => normalizeCodePoint(c.codePointAt(0) ?? 0));
      let h = FNV_OFFSET;
      for (let i = 0; i < cps.length; i++) {
        h = fnvStep(h, cps[i] as number);
        if (i === 0) continue;
        const flag = i === cps.length - 1 ? WORD : 0;
        const k = keyOf(h, 0) & ~1;
        keys.set(k, (keys.get(k) ?? 0) | flag);
      }
    }
    const out = Uint32Array.from([...keys].map(([k, f]) => (k | f) >>> 0)).sort();
    return new WordHashes(out);
  }

  /** Serialized form: base64 of the varint deltas of the sorted keys. */
  serialize(): string {
    const bytes: number[] = [];
    let prev = 0;
    for (const k of this.keys) {
      let d = k - prev;
      prev = k;
      while (d >= 0x80) {
        bytes.push((d & 0x7f) | 0x80);
        d = Math.floor(d / 128);
      }
      bytes.push(d);
    }
    return Buffer.from(bytes).toString('base64');
  }

  static deserialize(data: string): WordHashes {
    const buf = Buffer.from(data, 'base64');
    const keys: number[] = [];
    let k = 0;
    let p = 0;
    while (p < buf.length) {
      let d = 0;
      let mul = 1;
      let b: number;
      do {
        b = buf[p++] as number;
        d += (b & 0x7f) * mul;
        mul *= 128;
      } while (b & 0x80);
      k += d;
      keys.push(k);
    }
    return new WordHashes(Uint32Array.from(keys));
  }

  /**
   * Forward maximum match over `cps[0, n)`: `wordEnd[i]` = end of the listed word (two or more code
   * points) that the match puts at i's start, for every position of that word `wordStart[i]` its
   * start; positions outside matched words get start = end = -1.
   */
  forwardMatch(cps: Int32Array, n: number, wordStart: Int32Array, wordEnd: Int32Array): void {
    let i = 0;
    while (i < n) {
      let h = fnvStep(FNV_OFFSET, cps[i] as number);
      let best = 0;
      for (let j = i + 1; j < n && j - i < MAX_WORD_LEN; j++) {
        h = fnvStep(h, cps[j] as number);
        const r = this.lookup(h);
        if (r === 0) break;
        if (r === 2) best = j + 1;
      }
      if (best === 0) {
        wordStart[i] = -1;
        wordEnd[i] = -1;
        i++;
        continue;
      }
      for (let k = i; k < best; k++) {
        wordStart[k] = i;
        wordEnd[k] = best;
      }
      i = best;
    }
  }
}
