/**
 * Entity gazetteer features: a trie of entity names (from the training data, or any list) matched
 * over the normalized code points of a window. Each position gets the labels of the known names
 * that start, end or continue there and of the longest name covering it.
 */
import { PairFilter } from '../tables/pair-table.js';
import { NER_LABELS, type NerLabel } from './labels.js';
import { normalizeCodePoint } from './text.js';

interface TrieNode {
  next: Map<number, TrieNode>;
  /** label bit mask of names ending here (bit k = NER_LABELS[k]) */
  mask: number;
}

const MAX_LEN = 16;

export type GazetteerEntries = Record<string, string[]>;

export class Gazetteer {
  private readonly root: TrieNode = { next: new Map(), mask: 0 };
  /**
   * The first two code points of every name: most positions of a text start no name, and one probe
   * of this small filter turns them away before the trie's maps are touched.
   */
  private readonly starts = new PairFilter();
  readonly size: number;

  /** `entries[label]` lists names (two or more characters) for that label. */
  constructor(entries: GazetteerEntries) {
    let size = 0;
    for (const [label, names] of Object.entries(entries)) {
      const bit = 1 << NER_LABELS.indexOf(label as NerLabel);
      if (bit <= 0) continue;
      for (const name of names) {
        const cps = [...name].map((c) => normalizeCodePoint(c.codePointAt(0) ?? 0));
        if (cps.length < 2 || cps.length > MAX_LEN) continue;
        this.starts.add(cps[0] as number, cps[1] as number);
        let node = this.root;
        for (const cp of cps) {
          let nx = node.next.get(cp);
          if (!nx) {
            nx = { next: new Map(), mask: 0 };
            node.next.set(cp, nx);
          }
          node = nx;
        }
        if (!node.mask) size++;
        node.mask |= bit;
      }
    }
    this.size = size;
  }

  /**
   * For each position i: `edge[i]` = start mask | end mask << 3 | inside mask << 6, and
   * `longest[i]` = label mask | part << 3 | min(length, 8) << 5 of the longest match covering i
   * (part 0 begin, 1 inside, 2 end), or 0.
   */
  match(
    cps: Int32Array,
    n: number,
    edge: Int32Array,
    longest: Int32Array,
    bestLen: Int32Array = new Int32Array(n),
  ): void {
    edge.fill(0, 0, n);
    longest.fill(0, 0, n);
    bestLen.fill(0, 0, n);
    const starts = this.starts;
    for (let i = 0; i + 1 < n; i++) {
      if (!starts.mayHave(cps[i] as number, cps[i + 1] as number)) continue;
      let node = this.root;
      for (let j = i; j < n && j - i < MAX_LEN; j++) {
        const nx = node.next.get(cps[j] as number);
        if (!nx) break;
        node = nx;
        if (!node.mask) continue;
        const m = node.mask;
        const len = j - i + 1;
        edge[i] = (edge[i] as number) | m;
        edge[j] = (edge[j] as number) | (m << 3);
        for (let k = i + 1; k < j; k++) edge[k] = (edge[k] as number) | (m << 6);
        for (let k = i; k <= j; k++) {
          if (len > (bestLen[k] as number)) {
            bestLen[k] = len;
            const part = k === i ? 0 : k === j ? 2 : 1;
            longest[k] = m | (part << 3) | (Math.min(len, 8) << 5);
          }
        }
      }
    }
  }

  /** Names seen at least `minCount` times per label in gold records. */
  static collect(
    records: Array<{ text: string; entities: Array<{ start: number; end: number; label: string }> }>,
    minCount: number,
  ): GazetteerEntries {
    const counts = new Map<string, number>();
    for (const r of records) {
      for (const e of r.entities) {
        if (e.end - e.start < 2) continue;
        const key = `${e.label}\t${r.text.slice(e.start, e.end)}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
    const out: GazetteerEntries = {};
    for (const [key, c] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
      if (c < minCount) continue;
      const [label, name] = key.split('\t') as [string, string];
      const list = out[label] ?? [];
      list.push(name);
      out[label] = list;
    }
    return out;
  }
}
