import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Dictionary } from '../dictionary/dictionary.js';
import { isHanzi } from './corpus.js';

/**
 * "Policy-likeness": how much a string looks like the policy terms a dictionary already holds rather
 * than like the ordinary words of the engine's core dictionary, by its characters alone. A naive Bayes
 * model over character features (first and last one or two characters, every bigram, length, numeral
 * and repetition shape) is trained when discovery runs, on the dictionary it is given: positives are
 * the forms of its POLICY entries, negatives the words of jieba's core dictionary. A candidate that is
 * itself a known term is scored with its own entry left out (leave-one-out), so the score never
 * simply recognizes a known term: it says whether the term resembles the *other* known terms.
 */
export interface PolicyLikeness {
  /** Log-odds (natural log) of policy term against ordinary word, prior left out; very low without training data. */
  logOdds(term: string): number;
  /** Whether the core dictionary lists `term` as a common chengyu (tag `i`, frequency >= 10). */
  isCommonIdiom(term: string): boolean;
  /** The core dictionary's frequency of `term` when it is at least `GENERAL_WORD_FLOOR`, else 0. */
  generalFrequency(term: string): number;
}

/** Core-dictionary frequencies below this are not kept (they never count as general vocabulary). */
export const GENERAL_WORD_FLOOR = 100;

/** Below this core-dictionary frequency a tag says little: the rare entries are phrases of all kinds. */
const COMMON_FREQUENCY = 10;

/** Log-odds of strings the model does not judge (digits, Latin letters, single characters, no dictionary). */
const NOT_A_WORD = -20;
/** Every how many core words one is a negative example: the class statistics, at a fraction of the cost. */
const NEGATIVE_STRIDE = 4;
const NUMERALS = '一二两三四五六七八九十百千万双';
const MAX_LENGTH = 8;

/** The character features of a string (several features may repeat; each counts). */
export function featuresOf(term: string): string[] {
  const features: string[] = [];
  const n = term.length;
  features.push(`L${Math.min(n, 7)}`);
  features.push(`F${term[0]}`, `E${term[n - 1]}`);
  if (n >= 3) features.push(`FF${term.slice(0, 2)}`, `EE${term.slice(n - 2)}`);
  for (let i = 0; i + 1 < n; i++) features.push(`B${term.slice(i, i + 2)}`);
  // Where the numerals are (三讲 N., 两个文明 NN.., 一国两制 N.N.) and whether a character repeats
  // (村村通, 一帮一): the shapes of numbered and rhyming slogans.
  let shape = '';
  for (const char of term) shape += NUMERALS.includes(char) ? 'N' : '.';
  if (shape.includes('N')) features.push(`S${shape}`);
  if (new Set(term).size < n) features.push('R');
  return features;
}

class FeatureCounts {
  readonly counts = new Map<string, number>();
  total = 0;

  add(features: readonly string[], sign = 1): void {
    for (const f of features) this.counts.set(f, (this.counts.get(f) ?? 0) + sign);
    this.total += sign * features.length;
  }
}

const require = createRequire(import.meta.url);

interface CoreWords {
  words: string[];
  idioms: Set<string>;
  /** Frequencies of the words at or above `GENERAL_WORD_FLOOR`. */
  frequent: Map<string, number>;
}

/**
 * Words of jieba's core dictionary (`word freq tag` lines) of 2–8 hanzi, the ordinary vocabulary, and
 * its common chengyu.
 */
function coreWords(): CoreWords {
  const content = readFileSync(require.resolve('@node-rs/jieba/dict.txt'), 'utf8');
  const words: string[] = [];
  const idioms = new Set<string>();
  const frequent = new Map<string, number>();
  let start = 0;
  while (start < content.length) {
    let end = content.indexOf('\n', start);
    if (end === -1) end = content.length;
    const [word = '', freq = '0', tag = ''] = content.slice(start, end).trim().split(' ');
    if (word.length >= 2 && word.length <= MAX_LENGTH && allHanzi(word)) {
      words.push(word);
      if (tag === 'i' && Number(freq) >= COMMON_FREQUENCY) idioms.add(word);
      if (Number(freq) >= GENERAL_WORD_FLOOR) frequent.set(word, Number(freq));
    }
    start = end + 1;
  }
  return { words, idioms, frequent };
}

function allHanzi(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isHanzi(text.charCodeAt(i))) return false;
  return true;
}

/** Hanzi forms of every POLICY entry, grouped by entry (quotes and the like stripped). */
function policyForms(dictionary: Dictionary): string[][] {
  const groups: string[][] = [];
  for (const entry of dictionary.entries()) {
    if (entry.label !== 'POLICY') continue;
    const forms = new Set<string>();
    for (const form of [entry.term, ...entry.aliases]) {
      const bare = [...form].filter((c) => isHanzi(c.charCodeAt(0))).join('');
      if (bare.length >= 2 && bare.length <= MAX_LENGTH) forms.add(bare);
    }
    if (forms.size > 0) groups.push([...forms]);
  }
  return groups;
}

/**
 * Trains the model on `dictionary`'s policy entries against the engine's core words; `seeds` (strings
 * taken as policy terms, e.g. the best of a first ranking) are positives too, each its own entry.
 */
export function trainPolicyLikeness(
  dictionary: Dictionary | undefined,
  seeds: readonly string[] = [],
): PolicyLikeness {
  const groups = dictionary ? policyForms(dictionary) : [];
  const seen = new Set(groups.flat());
  for (const seed of seeds) {
    const bare = [...seed].filter((c) => isHanzi(c.charCodeAt(0))).join('');
    if (bare.length >= 2 && bare.length <= MAX_LENGTH && !seen.has(bare)) {
      groups.push([bare]);
      seen.add(bare);
    }
  }
  const core = coreWords();
  const isCommonIdiom = (term: string) => core.idioms.has(term);
  const generalFrequency = (term: string) => core.frequent.get(term) ?? 0;
  // Without known terms nothing can resemble them: no string earns credit or is proposed for its looks.
  if (groups.length === 0) return { logOdds: () => NOT_A_WORD, isCommonIdiom, generalFrequency };
  const positive = new FeatureCounts();
  const entryOf = new Map<string, number>();
  const groupFeatures = groups.map((forms, index) => {
    const features = forms.flatMap(featuresOf);
    positive.add(features);
    for (const form of forms) entryOf.set(form, index);
    return features;
  });
  const negative = new FeatureCounts();
  const policyForm = new Set(entryOf.keys());
  const negativeWords = new Set<string>();
  for (let i = 0; i < core.words.length; i += NEGATIVE_STRIDE) {
    const word = core.words[i] ?? '';
    if (policyForm.has(word)) continue;
    negative.add(featuresOf(word));
    negativeWords.add(word);
  }
  const vocabulary = new Set([...positive.counts.keys(), ...negative.counts.keys()]).size;
  return {
    isCommonIdiom,
    generalFrequency,
    logOdds(term: string): number {
      if (!allHanzi(term) || term.length < 2) return NOT_A_WORD;
      const features = featuresOf(term);
      // Leave the candidate's own entry (or its own core word) out of the counts it is judged by.
      const own = entryOf.get(term);
      const heldOut = new FeatureCounts();
      if (own !== undefined) heldOut.add(groupFeatures[own] ?? []);
      const heldOutNegative = negativeWords.has(term) ? new FeatureCounts() : undefined;
      heldOutNegative?.add(features);
      const positiveTotal = positive.total - heldOut.total + vocabulary;
      const negativeTotal = negative.total - (heldOutNegative?.total ?? 0) + vocabulary;
      let sum = 0;
      for (const f of features) {
        const p = (positive.counts.get(f) ?? 0) - (heldOut.counts.get(f) ?? 0) + 1;
        const q = (negative.counts.get(f) ?? 0) - (heldOutNegative?.counts.get(f) ?? 0) + 1;
        sum += Math.log(p / positiveTotal) - Math.log(q / negativeTotal);
      }
      // Features of one string overlap (a bigram and the ending holding it): scale the sum down so
      // the odds stay in a usable range instead of multiplying correlated evidence.
      return sum / Math.sqrt(features.length);
    },
  };
}
