import { visitContextFeatures } from './context.js';
import { type Corpus, documentAt, isTermChar, QUOTE_PAIRS } from './corpus.js';
import { LEFT_TRIGGERS, RIGHT_TRIGGERS, WEAK_LEFT_TRIGGERS } from './signals.js';
import type { CandidateStats } from './stats.js';

export interface Measurements {
  stats: Map<string, CandidateStats>;
  /** Occurrences of the prefixes and suffixes of every candidate (for cohesion). */
  parts: Map<string, number>;
  chars: Uint32Array;
  /** Number of term characters in the corpus. */
  total: number;
}

const MAX_EXAMPLES = 3;

/**
 * Counts every candidate and every prefix and suffix of one in a single pass over the text, with the
 * neighbours, quotes and trigger contexts of each candidate occurrence.
 */
export function measure(corpus: Corpus, candidates: Iterable<string>): Measurements {
  const { text } = corpus;
  const stats = new Map<string, CandidateStats>();
  const parts = new Map<string, number>();
  for (const term of candidates) {
    stats.set(term, {
      term,
      count: 0,
      df: 0,
      quoted: 0,
      inContext: 0,
      listed: 0,
      left: new Map(),
      right: new Map(),
      leftEdges: 0,
      rightEdges: 0,
      contexts: new Map(),
      examples: [],
      lastDoc: -1,
    });
    for (let k = 2; k < term.length; k++) {
      parts.set(term.slice(0, k), 0);
      parts.set(term.slice(term.length - k), 0);
    }
  }
  // Per first two characters, the lengths of the strings counted: a position is only sliced at the
  // lengths some string with its head has.
  const lengthSets = new Map<string, Set<number>>();
  for (const key of [...stats.keys(), ...parts.keys()]) {
    const head = key.slice(0, 2);
    let lengths = lengthSets.get(head);
    if (lengths === undefined) {
      lengths = new Set();
      lengthSets.set(head, lengths);
    }
    lengths.add(key.length);
  }
  const lengthsByHead = new Map([...lengthSets].map(([head, set]) => [head, [...set].sort((a, b) => a - b)]));
  const chars = new Uint32Array(0x10000);
  let total = 0;
  let doc = 0;
  let nextDocStart = corpus.starts[1] ?? Number.POSITIVE_INFINITY;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isTermChar(code)) {
      chars[code] = (chars[code] ?? 0) + 1;
      total++;
    }
    if (i >= nextDocStart) {
      doc = documentAt(corpus, i);
      nextDocStart = corpus.starts[doc + 1] ?? Number.POSITIVE_INFINITY;
    }
    const lengths = lengthsByHead.get(text.slice(i, i + 2));
    if (lengths === undefined) continue;
    for (const length of lengths) {
      if (i + length > text.length) break;
      const key = text.slice(i, i + length);
      const part = parts.get(key);
      if (part !== undefined) parts.set(key, part + 1);
      const entry = stats.get(key);
      if (entry) record(corpus, entry, i, doc);
    }
  }
  return { stats, parts, chars, total };
}

function record(corpus: Corpus, entry: CandidateStats, start: number, doc: number): void {
  const { text } = corpus;
  const end = start + entry.term.length;
  entry.count++;
  if (doc !== entry.lastDoc) {
    entry.df++;
    entry.lastDoc = doc;
    if (entry.examples.length < MAX_EXAMPLES) entry.examples.push(start);
  }
  const before = text[start - 1];
  const after = text[end];
  // A trigger verb (实施|…) is a known word boundary: it counts as an edge, not a neighbour, or a
  // term always named after the same verb would look like a fragment. (Not so on the right: 邓小平理论
  // before 伟大旗帜 would make 邓小平理论伟大 look free.)
  const quoteBefore = before !== undefined && QUOTE_PAIRS.has(before) ? 1 : 0;
  const closeAfter = after !== undefined && QUOTE_PAIRS.get(before ?? '') === after;
  const triggered = (t: string) => text.startsWith(t, start - quoteBefore - t.length);
  const hasLeft = LEFT_TRIGGERS.some(triggered);
  const weakLeft = !hasLeft && WEAK_LEFT_TRIGGERS.some(triggered);
  const hasRight = RIGHT_TRIGGERS.some((t) => text.startsWith(t, end + (closeAfter ? 1 : 0)));
  if (before !== undefined && isTermChar(before.charCodeAt(0)) && !hasLeft && !weakLeft) {
    entry.left.set(before, (entry.left.get(before) ?? 0) + 1);
  } else entry.leftEdges++;
  if (after !== undefined && isTermChar(after.charCodeAt(0))) {
    entry.right.set(after, (entry.right.get(after) ?? 0) + 1);
  } else entry.rightEdges++;
  if (closeAfter) entry.quoted++;
  if (hasLeft || hasRight) entry.inContext++;
  else if (weakLeft) entry.inContext += 0.5;
  // A quoted item of a list (“抓大放小”、“减员增效”) is listed too: look past its quotes.
  const outerBefore = closeAfter ? text[start - 2] : before;
  const outerAfter = closeAfter ? text[end + 1] : after;
  if (outerBefore === '、' || outerAfter === '、') entry.listed++;
  const { contexts } = entry;
  visitContextFeatures(text, start, end, (key) => contexts.set(key, (contexts.get(key) ?? 0) + 1));
}

/** Entropy (bits) of the neighbours of a string; each edge occurrence counts as its own neighbour. */
export function boundaryEntropy(neighbours: Map<string, number>, edges: number): number {
  let total = edges;
  for (const n of neighbours.values()) total += n;
  if (total === 0) return 0;
  let entropy = edges > 0 ? (edges / total) * Math.log2(total) : 0;
  for (const n of neighbours.values()) {
    const p = n / total;
    entropy -= p * Math.log2(p);
  }
  return entropy;
}

/**
 * Cohesion: the smallest pointwise mutual information (bits) over every way of cutting the string in
 * two. A phrase that is a real unit occurs far more often than its halves would together by chance.
 */
export function cohesion(term: string, count: number, m: Measurements): number {
  let lowest = Number.POSITIVE_INFINITY;
  for (let k = 1; k < term.length; k++) {
    const head = term.slice(0, k);
    const tail = term.slice(k);
    const headCount = head.length === 1 ? (m.chars[head.charCodeAt(0)] ?? 0) : (m.parts.get(head) ?? 0);
    const tailCount = tail.length === 1 ? (m.chars[tail.charCodeAt(0)] ?? 0) : (m.parts.get(tail) ?? 0);
    if (headCount === 0 || tailCount === 0) continue;
    lowest = Math.min(lowest, Math.log2((count * m.total) / (headCount * tailCount)));
  }
  return Number.isFinite(lowest) ? lowest : 0;
}
