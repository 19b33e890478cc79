import type { Dictionary } from '../dictionary/dictionary.js';
import type { Normalizer } from '../normalize.js';
import { createEngine, type EngineName } from '../segment/engines.js';
import { trainContextModel } from './context.js';
import { coordinatedWithAnchors } from './coordination.js';
import { buildCorpus, type Corpus, contextAround, type DiscoverDocument } from './corpus.js';
import { numeralCredit, suffixCredit } from './credit.js';
import { type PolicyLikeness, trainPolicyLikeness } from './likeness.js';
import { boundaryEntropy, cohesion, type Measurements, measure } from './measure.js';
import {
  afterTriggers,
  frequentGrams,
  hasStopEdge,
  isVerbPairSlogan,
  LEADING_WORDS,
  LEFT_TRIGGERS,
  listItems,
  numeralLed,
  numeralShape,
  plusForms,
  quotedPhrases,
  suffixed,
  suggestType,
  WEAK_LEFT_TRIGGERS,
} from './signals.js';
import { type KnownForm, nearestKnown } from './similar.js';
import type { CandidateStats } from './stats.js';
import { namedTogether, partOf, variantNotes } from './variants.js';

/** A span the entity stage recognized in a piece of text (offsets into that text). */
export interface RecognizedSpan {
  start: number;
  end: number;
  label: string;
}

/** Options of `discoverTerms`. */
export interface DiscoverOptions {
  /** How many candidates to return (default 100). */
  top?: number;
  /** Keep candidates the dictionary already knows (marked `known`). Default false. */
  includeKnown?: boolean;
  /** Fewest occurrences a candidate needs (default: `defaultMinCount` of the documents). */
  minCount?: number;
  /** The dictionary whose terms count as known and as possible alias targets. */
  dictionary?: Dictionary;
  normalizer?: Normalizer;
  /** Engine whose part-of-speech table spots verb–object slogans (default node-rs; `false`: skip). */
  engine?: EngineName | false;
  /**
   * The entity stage (e.g. `text => pipeline.annotate(text).entities`): a candidate it reads as a
   * person, place or organization where the candidate occurs is not proposed.
   */
  entities?: (text: string) => readonly RecognizedSpan[];
}

/**
 * The fewest occurrences asked of a candidate when none is given: 2 on a small corpus (a few articles,
 * under 50,000 characters), where a term named twice is already a repeated name, 3 above.
 */
export function defaultMinCount(documents: readonly DiscoverDocument[]): number {
  let characters = 0;
  for (const doc of documents) characters += doc.text.length;
  return characters < SMALL_CORPUS ? 2 : 3;
}
const SMALL_CORPUS = 50_000;

/** The signals behind a candidate's score, for review. */
export interface CandidateSignals {
  quoted: number;
  context: number;
  listed: number;
  verbPair: number;
  /** Share of occurrences in a 、-list next to a known term or a strong candidate. */
  coordination: number;
  /** Policy-likeness of the characters (log-odds against ordinary words; see likeness.ts). */
  likeness: number;
  /** How much the neighbours are those of known policy terms (mean log-ratio; see context.ts). */
  usage: number;
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
  /** The longest known or proposed term this one is part of (篮子 → 菜篮子工程). */
  partOf?: string;
  /** Related terms: abbreviation of / abbreviated / with (named together) / = pair (双碳 = 碳达峰 + 碳中和). */
  variants?: string[];
  signals: CandidateSignals;
}

/** Strings proposed fewer times than this by the generators are not measured at all. */
const MIN_PROPOSALS = 2;
/** Longest frequent n-gram proposed (高效办成一件事 has seven characters). */
const MAX_GRAM = 8;
/** Self-training runs when the dictionary holds fewer policy entries than this. */
const SELF_TRAINING_BELOW = 100;
/** How many of the first ranking's candidates seed the second. */
const SEEDS = 150;

function countPolicyEntries(dictionary: Dictionary): number {
  let n = 0;
  for (const entry of dictionary.entries()) if (entry.label === 'POLICY') n++;
  return n;
}

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
  const minCount = options.minCount ?? defaultMinCount(documents);
  const corpus = buildCorpus(documents, options.normalizer);
  const generated = new Map<string, number>();
  quotedPhrases(corpus, generated);
  plusForms(corpus, generated);
  numeralLed(corpus, generated);
  suffixed(corpus, generated);
  afterTriggers(corpus, generated);
  listItems(corpus, generated);
  const grams = frequentGrams(corpus, Math.max(minCount, 4), MAX_GRAM);
  const isKnownPolicy = (form: string) => options.dictionary?.lookup(form)?.label === 'POLICY';
  const engine = options.engine === false ? undefined : createEngine(options.engine ?? 'node-rs');
  const posOf = engine ? (word: string) => engine.posOf(word) : () => 'x';
  const cuts = new Map<string, string[]>();
  const cut = (text: string): string[] => {
    let words = cuts.get(text);
    if (words === undefined) {
      words = engine ? engine.cut(text) : [text];
      cuts.set(text, words);
    }
    return words;
  };
  const knownList = knownForms(options.dictionary).map((k) => k.form);
  /**
   * One ranking: the generators' strings and the frequent n-grams that look like the policy terms
   * (known, or `seeds`) are measured and scored; the policy-likeness and usage models learn from the
   * known terms and the seeds.
   */
  const round = (seeds: ReadonlySet<string>) => {
    const proposals = new Map(generated);
    const model = trainPolicyLikeness(options.dictionary, [...seeds]);
    const likeness = cachedLikeness(model);
    for (const [gram, n] of grams)
      if (likeness(gram) >= LIKENESS_FLOOR) proposals.set(gram, (proposals.get(gram) ?? 0) + n);
    const pool = [...proposals]
      .filter(([, n]) => n >= Math.min(MIN_PROPOSALS, minCount))
      .map(([term]) => term);
    const proposed = new Set(pool);
    const isPolicy = (form: string) => isKnownPolicy(form) || seeds.has(form);
    // Known forms are measured too, as the context model's examples; only proposed strings are ranked.
    const measured = measure(corpus, [...pool, ...knownList, ...seeds]);
    const contextModel = trainContextModel(measured.stats.values(), isPolicy, minCount);
    const usageOdds = new Map<string, number>();
    const lexicon: Lexicon = {
      posOf,
      cut,
      likeness,
      isIdiom: (t) => model.isCommonIdiom(t),
      generalFrequency: (t) => model.generalFrequency(t),
      usage: (stats) => {
        if (!contextModel.trained) return undefined;
        let odds = usageOdds.get(stats.term);
        if (odds === undefined) {
          odds = contextModel.logOdds(stats);
          usageOdds.set(stats.term, odds);
        }
        return odds;
      },
    };
    const scoreAll = (coordinated: ReadonlyMap<string, number>): Candidate[] => {
      const scored: Candidate[] = [];
      for (const stats of measured.stats.values()) {
        if (stats.count < minCount || !proposed.has(stats.term)) continue;
        const candidate = scoreCandidate(corpus, stats, measured, lexicon, coordinated.get(stats.term) ?? 0);
        if (candidate) scored.push(candidate);
      }
      return scored.sort((a, b) => b.score - a.score || b.count - a.count || a.term.localeCompare(b.term));
    };
    // Two passes: the first ranking's best candidates join the known terms as anchors of co-ordination,
    // so a new term listed next to another new one is found on a corpus the dictionary knows little of.
    const first = scoreAll(new Map());
    const strong = new Set(first.slice(0, ANCHOR_RANKS).map((c) => c.term));
    const isAnchor = (form: string) => strong.has(form) || isPolicy(form);
    const scored = scoreAll(coordinatedWithAnchors(corpus, isAnchor, (form) => proposed.has(form)));
    return { scored, measured };
  };
  let { scored, measured } = round(new Set());
  // With few known terms to learn from, the best of the first ranking teach the models a second time
  // (self-training): how this corpus's policy terms look and where they stand.
  const knownEntries = options.dictionary ? countPolicyEntries(options.dictionary) : 0;
  if (knownEntries < SELF_TRAINING_BELOW) {
    const seeds = new Set(
      scored
        .filter((c) => !isKnownPolicy(c.term))
        .slice(0, SEEDS)
        .map((c) => c.term),
    );
    ({ scored, measured } = round(seeds));
  }
  const kept = dropFragments(scored, measured);
  const known = knownForms(options.dictionary);
  const isEntity = options.entities ? entityCheck(corpus, measured, options.entities) : () => false;
  const out: Candidate[] = [];
  for (const candidate of kept) {
    const entry = options.dictionary?.lookup(candidate.term);
    // A job title, place or body the gazetteer knows (党组书记) is not a policy term.
    if (entry !== undefined && entry.label !== 'POLICY') continue;
    candidate.known = entry !== undefined;
    if (candidate.known && !options.includeKnown) continue;
    if (!candidate.known) {
      if (candidate.signals.quoted < 0.5 && engine && splitsWords(corpus, measured, candidate.term, cut))
        continue;
      if (isEntity(candidate.term)) continue;
      const similar = nearestKnown(candidate.term, known);
      if (similar !== undefined) candidate.similar = similar;
    }
    out.push(candidate);
    if (out.length >= top) break;
  }
  annotateRelations(corpus, out, kept, known);
  return out;
}

/**
 * Notes, on every proposed candidate, the longer known or proposed term it is part of and its variants
 * among the proposed and known terms (see variants.ts).
 */
function annotateRelations(
  corpus: Corpus,
  out: Candidate[],
  kept: readonly Candidate[],
  known: readonly KnownForm[],
): void {
  const knownSet = [...new Set(known.map((k) => k.form))];
  const proposedSet = kept.map((c) => c.term);
  const terms = out.map((c) => c.term);
  const notes = variantNotes(terms, knownSet, namedTogether(corpus, terms));
  for (const candidate of out) {
    const longer = partOf(candidate.term, knownSet) ?? partOf(candidate.term, proposedSet);
    if (longer !== undefined) candidate.partOf = longer;
    const related = notes.get(candidate.term) ?? [];
    if (related.length > 0) candidate.variants = related;
  }
}

/** Up to `width` characters on each side of `[start, end)`, within its line. */
function windowAround(text: string, start: number, end: number, width: number): { from: number; to: number } {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  let lineEnd = text.indexOf('\n', end);
  if (lineEnd === -1) lineEnd = text.length;
  return { from: Math.max(lineStart, start - width), to: Math.min(lineEnd, end + width) };
}

/** Characters of text on each side of an occurrence handed to the engine to check word edges. */
const WORD_WINDOW = 8;

/**
 * Whether an unquoted candidate starts or ends inside a word of the engine in most of its example
 * occurrences (售额同比 in 销售额同比增长, 委书记 in 省委书记): a piece of a longer word, not a name.
 */
function splitsWords(
  corpus: Corpus,
  m: Measurements,
  term: string,
  cut: (text: string) => string[],
): boolean {
  const examples = m.stats.get(term)?.examples ?? [];
  if (examples.length === 0) return false;
  let split = 0;
  for (const at of examples) {
    const { from, to } = windowAround(corpus.text, at, at + term.length, WORD_WINDOW);
    const edges = new Set<number>();
    let offset = from;
    for (const word of cut(corpus.text.slice(from, to))) {
      edges.add(offset);
      offset += word.length;
    }
    edges.add(offset);
    if (!edges.has(at) || !edges.has(at + term.length)) split++;
  }
  return 2 * split > examples.length;
}

/** Characters of text on each side of an occurrence handed to the entity stage. */
const ENTITY_WINDOW = 30;

/**
 * Whether the entity stage reads a candidate as a person, place or organization: in at least half of
 * its example occurrences, a recognized PERSON, LOC or ORG span is exactly the candidate, or a
 * person's name holds it (葛巧红 in 葛巧红同志 stays a person).
 */
function entityCheck(
  corpus: Corpus,
  m: Measurements,
  recognize: (text: string) => readonly RecognizedSpan[],
): (term: string) => boolean {
  return (term) => {
    const examples = m.stats.get(term)?.examples ?? [];
    if (examples.length === 0) return false;
    let named = 0;
    for (const at of examples) {
      const { from, to } = windowAround(corpus.original, at, at + term.length, ENTITY_WINDOW);
      const start = at - from;
      const end = start + term.length;
      const spans = recognize(corpus.original.slice(from, to));
      const hit = spans.some(
        (span) =>
          ENTITY_LABELS.has(span.label) &&
          ((span.start === start && span.end === end) ||
            (span.label === 'PERSON' && span.start <= start && span.end >= end)),
      );
      if (hit) named++;
    }
    return 2 * named >= examples.length;
  };
}
const ENTITY_LABELS = new Set(['PERSON', 'LOC', 'ORG']);

function scoreCandidate(
  corpus: Corpus,
  stats: CandidateStats,
  m: Measurements,
  lexicon: Lexicon,
  coordinated: number,
): Candidate | undefined {
  const { posOf, cut, likeness, isIdiom, usage, generalFrequency } = lexicon;
  const { term, count } = stats;
  const quoted = stats.quoted / count;
  const context = stats.inContext / count;
  const unquoted = quoted < 0.5;
  if (unquoted && hasStopEdge(term)) return undefined;
  if (unquoted && [...LEFT_TRIGGERS, ...WEAK_LEFT_TRIGGERS, ...LEADING_WORDS].some((t) => term.startsWith(t)))
    return undefined;
  // Names of programs and slogans do not hold 的 unless quoted (正确的发展战略, 党的方针 are phrases).
  if (unquoted && term.includes('的')) return undefined;
  if (unquoted && !grammaticalName(cut(term), posOf)) return undefined;
  // How a string is used and what it looks like vouch less for a word of the general vocabulary (理论,
  // 现代化, 社会主义: used around policy terms all the time); so does the bare shape of a numeral and one
  // character (两国, 双方). Quotes, longer numbered shapes and suffixes still count in full.
  const general = Math.min(1, Math.sqrt(GENERAL_WORD / Math.max(1, generalFrequency(term))));
  const numeral = numeralCredit(term, count, m) * (term.length === 2 ? general : 1);
  // 经济 ends names (低空经济, 银发经济) and ordinary compounds alike (国民经济, 宏观经济, 两岸经济, 市场经济):
  // it counts as much as the two characters before it are no common word of the core dictionary.
  const economy = term.endsWith('经济')
    ? Math.min(1, ECONOMY_WORD / Math.max(1, generalFrequency(term.slice(-4, -2))))
    : 1;
  const suffix = suffixCredit(term, count, m) * economy;
  // Trigger context alone proposes too many ordinary words; it counts for four characters and more.
  const numbered = numeralShape(term) !== undefined;
  const contextWeight = numbered || suffix > 0 || term.length >= 4 ? 1.5 : 0;
  // Four-character items of 、-lists are the typical shape of policy slogans (抓大放小、减员增效).
  const listed = term.length === 4 ? stats.listed / count : 0;
  // A phrase the paper quotes in one occurrence out of ten or more is being named (扫黄打非: 2 of 16);
  // ordinary words quoted for emphasis now and then (“结合”: 14 of 401; “窗口”, “龙头”) are not.
  const named = quoted >= 0.1 && term.length >= 3 ? Math.max(quoted, 0.5) : quoted;
  const verbPair = isVerbPairSlogan(term, posOf) ? 0.5 : 0;
  const odds = likeness(term);
  const looks = LIKENESS_WEIGHT / (1 + Math.exp(-(odds - LIKENESS_MID)));
  const coordination = Math.min(1, coordinated / count);
  const usedOdds = usage(stats);
  const used =
    usedOdds === undefined ? 0 : USAGE_WEIGHT / (1 + Math.exp(-(usedOdds - USAGE_MID) / USAGE_SCALE));
  const soft = contextWeight * context + listed + verbPair + looks + coordination + used;
  const policy = 1.5 * named + numeral + suffix + general * soft;
  if (policy <= 0) return undefined;
  const leftEntropy = boundaryEntropy(stats.left, stats.leftEdges);
  const rightEntropy = boundaryEntropy(stats.right, stats.rightEdges);
  // Free on both sides: a fragment of a longer word always has the same neighbour on one side.
  const freedom = Math.min(1, Math.min(leftEntropy, rightEntropy) / Math.min(Math.log2(count), 2.5));
  const glue = cohesion(term, count, m);
  const glueFactor = Math.min(1, Math.max(0, glue / 6));
  // Policy terms recur across articles; a nickname quoted in one story does not.
  const weight = 1.5 * Math.log2(1 + stats.df) + 0.3 * Math.log2(1 + count);
  // A chengyu of the core dictionary (四通八达, 艰苦奋斗, 排忧解难) is an ordinary set phrase unless
  // the paper quotes it as a name.
  const idiom = named < 0.5 && isIdiom(term) ? IDIOM_FACTOR : 1;
  const score = idiom * policy * freedom * (0.4 + 0.6 * glueFactor) * weight;
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
      likeness: round2(odds),
      coordination: round2(coordination),
      usage: round2(usedOdds ?? 0),
      numeral,
      suffix,
      cohesion: round2(glue),
      leftEntropy: round2(leftEntropy),
      rightEntropy: round2(rightEntropy),
    },
  };
}

/**
 * Whether the engine's words of an unquoted candidate can make a name. Not when they hold a
 * conjunction (改革和发展, 经济和社会发展: two things joined; 和平统一 is one word), a preposition
 * (十五大精神为指针, 两国在各个领域: a piece of a clause) other than the 以…为… frame of slogans
 * (以经济建设为中心), or a pronoun at either end (十五大各项, 我看香港回归).
 */
function grammaticalName(words: readonly string[], posOf: (word: string) => string): boolean {
  const tags = words.map((w) => posOf(w));
  if (tags.includes('c')) return false;
  const frame = words[0] === '以' && words.slice(2).includes('为');
  if (!frame && tags.includes('p')) return false;
  return tags[0] !== 'r' && tags[tags.length - 1] !== 'r';
}

/** What scoring asks of the engine's core dictionary and the policy-likeness model. */
interface Lexicon {
  posOf: (word: string) => string;
  cut: (text: string) => string[];
  likeness: (term: string) => number;
  isIdiom: (term: string) => boolean;
  generalFrequency: (term: string) => number;
  /** The context model's log-odds of a candidate (computed once per string); undefined untrained. */
  usage: (stats: CandidateStats) => number | undefined;
}

/** Frequent n-grams less policy-like than this (log-odds) are not proposed: keeps the pool small. */
const LIKENESS_FLOOR = -3;
/** Log-odds at which policy-likeness earns half its weight. */
const LIKENESS_MID = 0;
/**
 * Full policy-likeness counts three quarters of a trigger verb before every occurrence: the characters
 * alone are weaker evidence than how the paper uses the string (at 1 and more, ordinary 体制改革 and
 * 健康发展 crowd in).
 */
const LIKENESS_WEIGHT = 0.75;
/**
 * Usage (context odds, see context.ts) earns half its weight at 0.3, about the middle between the
 * other candidates (median near 0) and the acceptable ones (median about 0.5 over the January gold and
 * judged lists); the curve rises over ±0.3 around it. Full usage counts as much as a trigger verb before most occurrences. These three
 * figures were chosen while looking at the whole January gold list (see docs/evaluation.md, "Term discovery").
 */
const USAGE_MID = 0.3;
const USAGE_SCALE = 0.15;
const USAGE_WEIGHT = 1;
/**
 * A core-dictionary frequency above which a word is general vocabulary; soft evidence is scaled by
 * sqrt(GENERAL_WORD / frequency). Chosen while looking at the January list: its most frequent core words
 * are 双拥 (863) and 邓小平理论 (825).
 */
const GENERAL_WORD = 1000;
/**
 * Core-dictionary frequency of the word before 经济 above which the suffix credit shrinks (低空 369,
 * 冰雪 486 keep it; 宏观 1673, 两岸 2911, 市场 26927 lose most of it). Chosen on People's Daily 1998.
 */
const ECONOMY_WORD = 500;
const FRAGMENT_SHARE = 0.7;
/** How many of the first ranking's candidates anchor co-ordination, with the known terms. */
const ANCHOR_RANKS = 100;
/** A chengyu's score is cut to this share unless it is quoted. */
const IDIOM_FACTOR = 0.3;

/** The model's log-odds, computed once per string. */
function cachedLikeness(model: PolicyLikeness): (term: string) => number {
  const cache = new Map<string, number>();
  return (term) => {
    let odds = cache.get(term);
    if (odds === undefined) {
      odds = model.logOdds(term);
      cache.set(term, odds);
    }
    return odds;
  };
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

/**
 * Drops a candidate that is nearly always part of one longer candidate ranked above it (篮子工程 inside
 * 菜篮子工程), and spellings of one slogan that differ only in punctuation, so one term does not take
 * several rows.
 */
function dropFragments(sorted: Candidate[], m: Measurements): Candidate[] {
  const kept: Candidate[] = [];
  const spellings = new Set<string>();
  const limit = 3000;
  for (const candidate of sorted.slice(0, limit)) {
    // One slogan written with and without its list marks (讲文明、树新风 / 讲文明,树新风 / 讲文明树新风)
    // takes one row: the best-ranked spelling.
    const bare = candidate.term.replace(/[、,，·\s]/g, '');
    if (spellings.has(bare)) continue;
    const inside = kept.some(
      (longer) =>
        longer.term.length > candidate.term.length &&
        longer.term.includes(candidate.term) &&
        (m.stats.get(longer.term)?.count ?? 0) >= FRAGMENT_SHARE * candidate.count,
    );
    if (inside) continue;
    kept.push(candidate);
    spellings.add(bare);
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
export const CANDIDATE_COLUMNS = [
  'term',
  'score',
  'count',
  'df',
  'type',
  'examples',
  'known',
  'similar',
  'part_of',
  'variants',
];

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
      part_of: c.partOf ?? '',
      variants: (c.variants ?? []).join('; '),
    };
    return columns.map((name) => cells[name] ?? '').join('\t');
  });
  return `${[columns.join('\t'), ...rows].join('\n')}\n`;
}
