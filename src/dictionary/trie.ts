import { PairFilter, tripleKey } from '../tables/pair-table.js';

/** A character trie over UTF-16 code units, for finding every dictionary form in a text. */
interface TrieNode {
  next: Map<number, TrieNode>;
  /** Set when a form ends here. */
  form?: string;
}

/** One occurrence of a form: `[start, end)` in the searched text. */
export interface FormMatch {
  start: number;
  end: number;
  form: string;
}

export class Trie {
  private readonly root: TrieNode = { next: new Map() };
  /**
   * Code units that start some form: a bitmap over the BMP (8 KB, small enough to stay cached while
   * the engine runs), so most positions of a text are skipped at once.
   */
  private readonly starts = new Int32Array(0x10000 >>> 5);
  /** First two code units of every longer form: most positions and word sequences fail this probe. */
  private readonly pairStarts = new PairFilter();
  /** Forms of exactly two code units. */
  private readonly pairForms = new PairFilter();
  /**
   * First three code units of every form of three or more: common words begin many terms (中国 in
   * 中国式现代化), so two units still let through a position in six of a text; three let through few.
   */
  private readonly tripleStarts = new PairFilter();
  /**
   * Every two adjacent code units inside some form: a form can run on from one word into the next only
   * if the last unit of the one and the first of the other are such a pair.
   */
  private readonly innerPairs = new PairFilter();
  /** Code units that are a whole form by themselves (rare: the pair probe would skip them). */
  private readonly singles = new Int32Array(0x10000 >>> 5);
  private count = 0;
  /** One-unit forms inserted (the scan probes for them only when there are some). */
  private singleCount = 0;

  get size(): number {
    return this.count;
  }

  insert(form: string): void {
    if (form.length === 0) return;
    setBit(this.starts, form.charCodeAt(0));
    if (form.length === 1) {
      setBit(this.singles, form.charCodeAt(0));
      this.singleCount++;
    }
    if (form.length > 1) this.pairStarts.add(form.charCodeAt(0), form.charCodeAt(1));
    if (form.length === 2) this.pairForms.add(form.charCodeAt(0), form.charCodeAt(1));
    if (form.length > 2) {
      this.tripleStarts.addKey(tripleKey(form.charCodeAt(0), form.charCodeAt(1), form.charCodeAt(2)));
    }
    for (let i = 1; i < form.length; i++) this.innerPairs.add(form.charCodeAt(i - 1), form.charCodeAt(i));
    let node = this.root;
    for (let i = 0; i < form.length; i++) {
      const code = form.charCodeAt(i);
      let child = node.next.get(code);
      if (!child) {
        child = { next: new Map() };
        node.next.set(code, child);
      }
      node = child;
    }
    if (node.form === undefined) this.count++;
    node.form = form;
  }

  delete(form: string): void {
    let node: TrieNode | undefined = this.root;
    for (let i = 0; i < form.length && node; i++) node = node.next.get(form.charCodeAt(i));
    if (node?.form !== undefined) {
      node.form = undefined;
      this.count--;
    }
  }

  /** Every occurrence of every form in `text[from, to)`, overlapping ones included, by start then length. */
  findAll(text: string, from = 0, to = text.length): FormMatch[] {
    const out: FormMatch[] = [];
    if (from >= to) return out;
    // Each position is probed by the pair it starts (one multiply, one load of a filter that stays
    // in cache): a third of the positions of news text start with a unit that starts some form, so
    // testing that first cost a mispredicted branch at every such position.
    const singles = this.singles;
    const hasSingles = this.singleCount > 0;
    let code = text.charCodeAt(from);
    for (let i = from; i < to; i++) {
      const second = i + 1 < to ? text.charCodeAt(i + 1) : -1;
      if (
        (hasSingles && hasBit(singles, code)) ||
        (second >= 0 &&
          this.pairStarts.mayHave(code, second) &&
          hasBit(this.starts, code) &&
          (this.pairForms.mayHave(code, second) ||
            (i + 2 < to && this.tripleStarts.mayHaveKey(tripleKey(code, second, text.charCodeAt(i + 2))))))
      ) {
        this.walk(text, i, to, out);
      }
      code = second;
    }
    return out;
  }

  /** Reports every form that starts at `text[i]` and ends by `to`. */
  private walk(text: string, i: number, to: number, out: FormMatch[]): void {
    let node = this.root.next.get(text.charCodeAt(i));
    let j = i + 1;
    while (node) {
      if (node.form !== undefined) out.push({ start: i, end: j, form: node.form });
      if (j >= to) break;
      node = node.next.get(text.charCodeAt(j));
      j++;
    }
  }

  /**
   * For every word of a piece, in one tight pass: `marks[i]` is 0 when no form can start with
   * `words[i]` and run on into `words[i + 1]`, else 1 (then `longestOverPieces` walks the trie). Small
   * filters turn away nearly every pair of words: the first unit (inline: most words fail it), the
   * first two units, the units where the words meet, the first two of the next word. Returns how many
   * are marked (most pieces have none, and the token loop then skips the marks altogether).
   */
  markJoins(words: readonly string[], marks: Uint8Array): number {
    let marked = 0;
    const last = words.length - 1;
    const starts = this.starts;
    for (let i = 0; i < last; i++) {
      const head = words[i] as string;
      const join = hasBit(starts, head.charCodeAt(0)) && this.mayRunOn(head, words[i + 1] as string) ? 1 : 0;
      marks[i] = join;
      marked += join;
    }
    if (last >= 0) marks[last] = 0;
    return marked;
  }

  /** The filters of `markJoins` after the first unit. */
  private mayRunOn(head: string, next: string): boolean {
    const following = next.charCodeAt(0);
    return (
      this.pairStarts.mayHave(head.charCodeAt(0), head.length > 1 ? head.charCodeAt(1) : following) &&
      this.innerPairs.mayHave(head.charCodeAt(head.length - 1), following) &&
      // `next` is whole inside the form, so its first two units are a pair of the form too.
      (next.length < 2 || this.innerPairs.mayHave(following, next.charCodeAt(1)))
    );
  }

  /**
   * The longest form that is exactly a concatenation of `pieces[first..k]` for some k >= first + 2
   * (two or more whole pieces), walking piece by piece: returns k (exclusive) and the form, or undefined.
   */
  longestOverPieces(
    pieces: readonly string[],
    first: number,
  ): { endPiece: number; form: string } | undefined {
    const head = pieces[first];
    const next = pieces[first + 1];
    if (head === undefined || next === undefined) return undefined;
    const c0 = head.charCodeAt(0);
    if (!hasBit(this.starts, c0)) return undefined;
    const second = head.length > 1 ? head.charCodeAt(1) : next.charCodeAt(0);
    if (!this.pairStarts.mayHave(c0, second)) return undefined;
    if (!this.innerPairs.mayHave(head.charCodeAt(head.length - 1), next.charCodeAt(0))) return undefined;
    let node: TrieNode | undefined = this.root;
    for (let i = 0; i < head.length && node; i++) node = node.next.get(head.charCodeAt(i));
    let best: { endPiece: number; form: string } | undefined;
    for (let p = first + 1; p < pieces.length && node && node.next.size > 0; p++) {
      const piece = pieces[p] as string;
      for (let i = 0; i < piece.length && node; i++) node = node.next.get(piece.charCodeAt(i));
      if (node?.form !== undefined) best = { endPiece: p + 1, form: node.form };
    }
    return best;
  }
}

function setBit(bits: Int32Array, code: number): void {
  bits[code >>> 5] = (bits[code >>> 5] as number) | (1 << (code & 31));
}

function hasBit(bits: Int32Array, code: number): boolean {
  return ((bits[code >>> 5] as number) & (1 << (code & 31))) !== 0;
}
