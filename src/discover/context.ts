import { isTermChar, QUOTE_PAIRS } from './corpus.js';
import type { CandidateStats } from './stats.js';

/**
 * Term-level context: the words around a string say what kind of thing it is. Policy terms are
 * governed by 推进…, 实施…, 坚持…, 开展…, listed with 、, quoted, and followed by …工作, …的方针,
 * …活动; ordinary words and fragments of longer words have other neighbours. The model learns which
 * neighbours these are from the corpus itself: the occurrences of the dictionary's policy terms are
 * the positive examples, the occurrences of every other measured candidate the background. No
 * neighbour is listed by hand. A known term is judged with its own occurrences left out of the
 * positive counts (leave-one-out), so the score says whether it is used like the *other* known terms.
 */

const CLOSING_QUOTES = new Set(QUOTE_PAIRS.values());
const BOUNDARY = 0x7c; // '|'
const OPEN_QUOTE = 0x201c;
const CLOSE_QUOTE = 0x201d;

/**
 * One character as a context symbol (a UTF-16 code): hanzi as themselves, every digit as 0, every
 * Latin letter as a, 、 and quotes as themselves, any other punctuation or a line edge as `|`.
 */
function symbolAt(text: string, at: number): number {
  const char = text[at];
  if (char === undefined) return BOUNDARY;
  const code = char.charCodeAt(0);
  if (code >= 0x30 && code <= 0x39) return 0x30;
  if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) return 0x61;
  if (isTermChar(code) || char === '、') return code;
  if (QUOTE_PAIRS.has(char)) return OPEN_QUOTE;
  if (CLOSING_QUOTES.has(char)) return CLOSE_QUOTE;
  return BOUNDARY;
}

/** A feature as a number: its kind (0–3) and up to two symbols; strings would cost an allocation each. */
const feature = (kind: number, first: number, second = 0): number =>
  kind * 2 ** 32 + first * 2 ** 16 + second;

/** The feature as text, for tests and debugging: `<x`, `<<yx`, `>x`, `>>xy`. */
export function describeFeature(key: number): string {
  const kind = Math.floor(key / 2 ** 32);
  const first = Math.floor(key / 2 ** 16) % 2 ** 16;
  const second = key % 2 ** 16;
  const pair = String.fromCharCode(first) + (second === 0 ? '' : String.fromCharCode(second));
  return ['<', '<<', '>', '>>'][kind] + pair;
}

/**
 * The context features of the occurrence `[start, end)` of a string in `text`: the one and the two
 * symbols before it and after it, looking past quotes around it (being quoted is a signal of its own;
 * here only the words around count). Two-symbol features stop at a boundary (`|` alone, not `x|`).
 * Calls `visit` with each feature.
 */
export function visitContextFeatures(
  text: string,
  start: number,
  end: number,
  visit: (key: number) => void,
): void {
  let before = start;
  let after = end;
  if (QUOTE_PAIRS.has(text[before - 1] ?? '') && CLOSING_QUOTES.has(text[after] ?? '')) {
    before--;
    after++;
  }
  const l1 = symbolAt(text, before - 1);
  const r1 = symbolAt(text, after);
  visit(feature(0, l1));
  visit(l1 === BOUNDARY ? feature(1, l1) : feature(1, symbolAt(text, before - 2), l1));
  visit(feature(2, r1));
  visit(r1 === BOUNDARY ? feature(3, r1) : feature(3, r1, symbolAt(text, after + 1)));
}

/** Features per occurrence, by which the summed log-ratios are divided (they overlap heavily). */
const FEATURES_PER_OCCURRENCE = 4;
/**
 * The policy class is estimated from a few thousand weighted occurrences, the background from far
 * more: the policy estimate of a feature is smoothed towards its background share (a Dirichlet prior
 * of this many occurrences' weight, as a share of the policy total), so a neighbour never seen with a
 * known term counts mildly against, not as if it were impossible.
 */
const PRIOR_SHARE = 0.5;
/** Occurrences that count half: a candidate seen twice says less about its contexts than one seen 20 times. */
const SHRINK_COUNT = 3;

export interface ContextModel {
  /** False when no known term occurs: then every odds is 0 and usage is no evidence at all. */
  readonly trained: boolean;
  /**
   * Mean log-ratio (natural log, per feature) of the candidate's neighbours under the policy-term
   * contexts against the background, shrunk towards 0 for rare candidates.
   */
  logOdds(stats: CandidateStats): number;
}

class WeightedCounts {
  readonly counts = new Map<number, number>();
  total = 0;

  add(contexts: ReadonlyMap<number, number>, weight: number): void {
    for (const [f, n] of contexts) {
      this.counts.set(f, (this.counts.get(f) ?? 0) + weight * n);
      this.total += weight * n;
    }
  }
}

/**
 * Each term's contexts weigh `1 / sqrt(count)` an occurrence: a frequent term (邓小平理论, 213 times)
 * speaks for its usage with the weight of sqrt(213) occurrences, not 213, so a handful of frequent
 * known terms do not make their own set phrases (高举…伟大旗帜) the whole model.
 */
const termWeight = (stats: CandidateStats): number => 1 / Math.sqrt(Math.max(1, stats.count));

/**
 * Trains the context model on measured strings: `isKnown` strings are the positives, the others with at
 * least `minCount` occurrences the background. Without known terms in the corpus every odds is 0.
 */
export function trainContextModel(
  stats: Iterable<CandidateStats>,
  isKnown: (term: string) => boolean,
  minCount: number,
): ContextModel {
  const positive = new WeightedCounts();
  const background = new WeightedCounts();
  let positives = 0;
  for (const entry of stats) {
    if (entry.count < minCount) continue;
    if (isKnown(entry.term)) {
      positive.add(entry.contexts, termWeight(entry));
      positives++;
    } else background.add(entry.contexts, termWeight(entry));
  }
  if (positives === 0) return { trained: false, logOdds: () => 0 };
  const vocabulary = new Set([...positive.counts.keys(), ...background.counts.keys()]).size;
  return {
    trained: true,
    logOdds(entry: CandidateStats): number {
      if (entry.count === 0) return 0;
      const known = isKnown(entry.term) && entry.count >= minCount;
      const inBackground = !known && entry.count >= minCount;
      const weight = termWeight(entry);
      // Leave the candidate's own occurrences out of the class it was counted in.
      const ownPositive = known ? weight : 0;
      const ownBackground = inBackground ? weight : 0;
      let ownTotal = 0;
      for (const n of entry.contexts.values()) ownTotal += n;
      const positiveTotal = positive.total - ownPositive * ownTotal;
      const backgroundTotal = background.total - ownBackground * ownTotal + vocabulary;
      const prior = PRIOR_SHARE * positiveTotal;
      let sum = 0;
      for (const [f, n] of entry.contexts) {
        const q = ((background.counts.get(f) ?? 0) - ownBackground * n + 1) / backgroundTotal;
        const p = ((positive.counts.get(f) ?? 0) - ownPositive * n + prior * q) / (positiveTotal + prior);
        sum += n * Math.log(p / q);
      }
      const mean = sum / (entry.count * FEATURES_PER_OCCURRENCE);
      return mean * (entry.count / (entry.count + SHRINK_COUNT));
    },
  };
}
