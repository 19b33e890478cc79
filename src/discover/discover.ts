import type { Dictionary } from '../dictionary/dictionary.js';
import type { Normalizer } from '../normalize.js';
import { createEngine, type EngineName } from '../segment/engines.js';
import { buildCorpus, type Corpus, contextAround, type DiscoverDocument } from './corpus.js';
import { boundaryEntropy, type CandidateStats, cohesion, type Measurements, measure } from './measure.js';
import {
  afterTriggers,
  GENERIC_SUFFIXES,
  hasStopEdge,
  isNumeral,
  isVerbPairSlogan,
  LEADING_WORDS,
  LEFT_TRIGGERS,
  listItems,
  numeralLed,
  numeralShape,
  POLICY_SUFFIXES,
  quotedPhrases,
  suffixed,
  suggestType,
  WEAK_LEFT_TRIGGERS,
} from './signals.js';
import { type KnownForm, nearestKnown } from './similar.js';

/** Options of `discoverTerms`. */
export interface DiscoverOptions {
  /** How many candidates to return (default 100). */
  top?: number;
  /** Keep candidates the dictionary already knows (marked `known`). Default false. */
  includeKnown?: boolean;
  /** Fewest occurrences a candidate needs (default 3). */
  minCount?: number;
  /** The dictionary whose terms count as known and as possible alias targets. */
  dictionary?: Dictionary;
  normalizer?: Normalizer;
  /** Engine whose part-of-speech table spots verb–object slogans (default node-rs; `false`: skip). */
  engine?: EngineName | false;
}

/** The signals behind a candidate's score, for review. */
export interface CandidateSignals {
  quoted: number;
  context: number;
  listed: number;
  verbPair: number;
  numeral: number;
  suffix: number;
  cohesion: number;
  leftEntropy: number;
  rightEntropy: number;
}

/** A proposed policy term. */
export interface Candidate {
  term: string;
  score: number;
  count: number;
  df: number;
  type: string;
  examples: string[];
  known: boolean;
  /** A known term this one may be an alias of. */
  similar?: string;
  signals: CandidateSignals;
}

/** Strings proposed fewer times than this by the generators are not measured at all. */
const MIN_PROPOSALS = 2;

/**
 * Finds candidate policy terms in documents. Generators propose quoted phrases, numeral-led slogans,
 * suffixed names and objects of trigger verbs; one pass counts them; a score combines the policy
 * signals (share of quoted and trigger-context occurrences, numeral and suffix shape) with statistics
 * (boundary entropy on both sides, cohesion by mutual information, document frequency).
 */
export function discoverTerms(
  documents: readonly DiscoverDocument[],
  options: DiscoverOptions = {},
): Candidate[] {
  const top = options.top ?? 100;
  const minCount = options.minCount ?? 3;
  const corpus = buildCorpus(documents, options.normalizer);
  const proposals = new Map<string, number>();
  quotedPhrases(corpus, proposals);
  numeralLed(corpus, proposals);
  suffixed(corpus, proposals);
  afterTriggers(corpus, proposals);
  listItems(corpus, proposals);
  const pool = [...proposals].filter(([, n]) => n >= Math.min(MIN_PROPOSALS, minCount)).map(([term]) => term);
  const measured = measure(corpus, pool);
  const engine = options.engine === false ? undefined : createEngine(options.engine ?? 'node-rs');
  const posOf = engine ? (word: string) => engine.posOf(word) : () => 'x';
  const scored: Candidate[] = [];
  for (const stats of measured.stats.values()) {
    if (stats.count < minCount) continue;
    const candidate = scoreCandidate(corpus, stats, measured, posOf);
    if (candidate) scored.push(candidate);
  }
  scored.sort((a, b) => b.score - a.score || b.count - a.count || a.term.localeCompare(b.term));
  const kept = dropFragments(scored, measured);
  const known = knownForms(options.dictionary);
  const out: Candidate[] = [];
  for (const candidate of kept) {
    candidate.known = options.dictionary?.lookup(candidate.term) !== undefined;
    if (candidate.known && !options.includeKnown) continue;
    if (!candidate.known) {
      const similar = nearestKnown(candidate.term, known);
      if (similar !== undefined) candidate.similar = similar;
    }
    out.push(candidate);
    if (out.length >= top) break;
  }
  return out;
}

function scoreCandidate(
  corpus: Corpus,
  stats: CandidateStats,
  m: Measurements,
  posOf: (word: string) => string,
): Candidate | undefined {
  const { term, count } = stats;
  const quoted = stats.quoted / count;
  const context = stats.inContext / count;
  const unquoted = quoted < 0.5;
  if (unquoted && hasStopEdge(term)) return undefined;
  if (unquoted && [...LEFT_TRIGGERS, ...WEAK_LEFT_TRIGGERS, ...LEADING_WORDS].some((t) => term.startsWith(t)))
    return undefined;
  // Names of programs and slogans do not hold 的 unless quoted (正确的发展战略, 党的方针 are phrases).
  if (unquoted && term.includes('的')) return undefined;
  const numeral = numeralCredit(term, count, m);
  const suffix = suffixCredit(term, count, m);
  // Trigger context alone proposes too many ordinary words; it counts for four characters and more.
  const numbered = numeralShape(term) !== undefined;
  const contextWeight = numbered || suffix > 0 || term.length >= 4 ? 1.5 : 0;
  // Four-character items of 、-lists are the typical shape of policy slogans (抓大放小、减员增效).
  const listed = term.length === 4 ? stats.listed / count : 0;
  // A phrase the paper quotes in one occurrence out of ten or more is being named (扫黄打非: 2 of 16);
  // ordinary words quoted for emphasis now and then (“结合”: 14 of 401; “窗口”, “龙头”) are not.
  const named = quoted >= 0.1 && term.length >= 3 ? Math.max(quoted, 0.5) : quoted;
  const verbPair = isVerbPairSlogan(term, posOf) ? 0.5 : 0;
  const policy = 1.5 * named + numeral + suffix + contextWeight * context + listed + verbPair;
  if (policy <= 0) return undefined;
  const leftEntropy = boundaryEntropy(stats.left, stats.leftEdges);
  const rightEntropy = boundaryEntropy(stats.right, stats.rightEdges);
  // Free on both sides: a fragment of a longer word always has the same neighbour on one side.
  const freedom = Math.min(1, Math.min(leftEntropy, rightEntropy) / Math.min(Math.log2(count), 2.5));
  const glue = cohesion(term, count, m);
  const glueFactor = Math.min(1, Math.max(0, glue / 6));
  // Policy terms recur across articles; a nickname quoted in one story does not.
  const weight = 1.5 * Math.log2(1 + stats.df) + 0.3 * Math.log2(1 + count);
  const score = policy * freedom * (0.4 + 0.6 * glueFactor) * weight;
  if (score <= 0) return undefined;
  return {
    term,
    score: Math.round(score * 1000) / 1000,
    count,
    df: stats.df,
    type: suggestType(term, quoted),
    examples: stats.examples.map((at) => contextAround(corpus, at, at + term.length)),
    known: false,
    signals: {
      quoted: round2(quoted),
      context: round2(context),
      listed: round2(listed),
      verbPair,
      numeral,
      suffix,
      cohesion: round2(glue),
      leftEntropy: round2(leftEntropy),
      rightEntropy: round2(rightEntropy),
    },
  };
}

/** PMI (bits) of cutting `term` into `[0, at)` and `[at, end)`, from the measured counts. */
function cutPmi(term: string, at: number, count: number, m: Measurements): number {
  const countOf = (part: string) =>
    part.length === 1 ? (m.chars[part.charCodeAt(0)] ?? 0) : (m.parts.get(part) ?? 0);
  const head = countOf(term.slice(0, at));
  const tail = countOf(term.slice(at));
  return head === 0 || tail === 0 ? 0 : Math.log2((count * m.total) / (head * tail));
}

/**
 * Credit for a numbered-slogan shape, scaled by how tightly the number and what it counts go together:
 * 两个|根本性转变 is a set phrase, 两个|方面 and 两个|市场 are ordinary counting. Numeral plus one
 * character (三讲, 两国, 四川) earns nothing by shape alone: quotes or context must vouch for it.
 */
function numeralCredit(term: string, count: number, m: Measurements): number {
  const shape = numeralShape(term);
  if (shape === undefined) return 0;
  let cut = 0;
  while (cut < term.length && isNumeral(term[cut])) cut++;
  if ('个大项'.includes(term[cut] ?? '-')) cut++;
  if (term.length - cut <= 1) return 0;
  const base = shape === 'strong' ? 1.2 : 0.6;
  return base * Math.min(1, Math.max(0, (cutPmi(term, cut, count, m) - 3) / 4));
}

/**
 * Credit for a policy suffix, scaled by how much more often the name and its suffix go together than
 * chance (PMI of that cut): 菜篮子|工程 is a name, 体育|活动 and 发展|战略 are ordinary compounds.
 */
function suffixCredit(term: string, count: number, m: Measurements): number {
  const suffix = POLICY_SUFFIXES.find(([s]) => term.endsWith(s) && term.length >= s.length + 2)?.[0];
  if (suffix === undefined) return 0;
  if (GENERIC_SUFFIXES.has(suffix) && term.length - suffix.length < 3) return 0;
  const pmi = cutPmi(term, term.length - suffix.length, count, m);
  return Math.min(1, Math.max(0, (pmi - 4) / 4));
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

/**
 * Drops a candidate that is nearly always part of one longer candidate ranked above it (篮子工程 inside
 * 菜篮子工程), so one term does not take several rows.
 */
function dropFragments(sorted: Candidate[], m: Measurements): Candidate[] {
  const kept: Candidate[] = [];
  const limit = 3000;
  for (const candidate of sorted.slice(0, limit)) {
    const inside = kept.some(
      (longer) =>
        longer.term.length > candidate.term.length &&
        longer.term.includes(candidate.term) &&
        (m.stats.get(longer.term)?.count ?? 0) >= 0.8 * candidate.count,
    );
    if (!inside) kept.push(candidate);
  }
  return kept;
}

function knownForms(dictionary: Dictionary | undefined): KnownForm[] {
  if (!dictionary) return [];
  const forms: KnownForm[] = [];
  for (const entry of dictionary.entries()) {
    if (entry.label !== 'POLICY') continue;
    for (const form of [entry.term, ...entry.aliases]) forms.push({ form, term: entry.term });
  }
  return forms;
}

/** Column order of the candidates TSV; `type` lets the file load as a dictionary as it is. */
export const CANDIDATE_COLUMNS = ['term', 'score', 'count', 'df', 'type', 'examples', 'known', 'similar'];

/** Candidates as TSV with a header whose first column is `term` (`known` only with `includeKnown`). */
export function candidatesToTsv(candidates: readonly Candidate[], includeKnown = false): string {
  const columns = CANDIDATE_COLUMNS.filter((c) => includeKnown || c !== 'known');
  const rows = candidates.map((c) => {
    const cells: Record<string, string> = {
      term: c.term,
      score: c.score.toFixed(3),
      count: String(c.count),
      df: String(c.df),
      type: c.type,
      examples: c.examples.join(' | '),
      known: c.known ? 'yes' : 'no',
      similar: c.similar ?? '',
    };
    return columns.map((name) => cells[name] ?? '').join('\t');
  });
  return `${[columns.join('\t'), ...rows].join('\n')}\n`;
}
