import { ZhtagError } from '../errors.js';
import type { Entity, Keyword, Token } from '../types.js';
import { bundledIdfPath, IdfTable } from './idf.js';
import { type Candidate, collectCandidates, isContentUnit, toUnits } from './phrases.js';
import { loadStopWords, shippedStopWordsPath } from './stopwords.js';
import { scoreTextRank } from './textrank.js';
import { scoreTfIdf } from './tfidf.js';

export const KEYWORD_METHODS = ['tfidf', 'textrank'] as const;
export type KeywordMethod = (typeof KEYWORD_METHODS)[number];

/** Per-call options of keyword extraction. They never change the shape of the result. */
export interface KeywordOptions {
  /** `tfidf` (default) or `textrank`. */
  method?: KeywordMethod;
  /** How many keywords (default 10). */
  top?: number;
  /** Tags a single word needs to be a keyword (entities and phrases always qualify). */
  allowPos?: readonly string[];
}

/** What a `KeywordExtractor` loads once. */
export interface KeywordResources {
  /** IDF table in jieba's `word idf` format; default: the engine's bundled one. */
  idf?: string;
  /** Stop-word list, one per line; default: `dictionaries/keywords/stopwords.txt`. */
  stopWords?: string;
  /** Default per-call options. */
  defaults?: KeywordOptions;
}

/** Nouns, names, verbal and adjectival nouns, abbreviations, set phrases, and verbs. */
export const DEFAULT_ALLOW_POS: readonly string[] = [
  'n',
  'nr',
  'nrt',
  'nrfg',
  'ns',
  'nt',
  'nz',
  'nw',
  'vn',
  'an',
  'j',
  'l',
  'v',
];

const MAX_PHRASE_UNITS = 3;
const MAX_PHRASE_CHARS = 10;

/**
 * Keyword extraction for one pipeline: the IDF table and stop words are read once, here; extracting
 * reads no file.
 */
export class KeywordExtractor {
  readonly idf: IdfTable;
  readonly stopWords: ReadonlySet<string>;
  private readonly defaults: Required<Omit<KeywordOptions, 'allowPos'>> & { allowPos: ReadonlySet<string> };

  constructor(resources: KeywordResources = {}) {
    this.idf = IdfTable.load(resources.idf ?? bundledIdfPath(), resources.idf ?? '@node-rs/jieba/idf.txt');
    this.stopWords = loadStopWords(resources.stopWords ?? shippedStopWordsPath());
    const defaults = resources.defaults ?? {};
    this.defaults = {
      method: checkMethod(defaults.method ?? 'tfidf'),
      top: checkTop(defaults.top ?? 10),
      allowPos: new Set(defaults.allowPos ?? DEFAULT_ALLOW_POS),
    };
  }

  /** Keywords of a document from its tokens and entities: `[{term, weight, count, kind, ...}]`, best first. */
  extract(tokens: readonly Token[], entities: readonly Entity[], options: KeywordOptions = {}): Keyword[] {
    const method = checkMethod(options.method ?? this.defaults.method);
    const top = checkTop(options.top ?? this.defaults.top);
    const allowPos = options.allowPos ? new Set(options.allowPos) : this.defaults.allowPos;
    const units = toUnits(tokens, entities);
    const candidates = collectCandidates(units, {
      stopWords: this.stopWords,
      allowPos,
      maxPhraseUnits: MAX_PHRASE_UNITS,
      maxPhraseChars: MAX_PHRASE_CHARS,
    });
    const scores =
      method === 'textrank'
        ? scoreTextRank(
            units,
            units.map((unit) => isContentUnit(unit, this.stopWords)),
            candidates.values(),
          )
        : scoreTfIdf(candidates, this.idf);
    return selectKeywords(candidates, scores, top);
  }
}

/**
 * The best `top` candidates, skipping a candidate that adds nothing: a part that never occurs outside
 * an already chosen longer keyword.
 */
function selectKeywords(
  candidates: Map<string, Candidate>,
  scores: Map<string, number>,
  top: number,
): Keyword[] {
  const ranked: Array<{ candidate: Candidate; weight: number }> = [];
  for (const candidate of candidates.values()) {
    const weight = scores.get(candidate.term) ?? 0;
    if (weight > 0) ranked.push({ candidate, weight });
  }
  ranked.sort((a, b) => b.weight - a.weight || a.candidate.first - b.candidate.first);
  const chosen: Candidate[] = [];
  const keywords: Keyword[] = [];
  for (const { candidate, weight } of ranked) {
    if (keywords.length >= top) break;
    if (chosen.some((longer) => longer.term.includes(candidate.term) && longer.count >= candidate.count))
      continue;
    chosen.push(candidate);
    const keyword: Keyword = {
      term: candidate.term,
      weight: round(weight),
      count: candidate.count,
      kind: candidate.kind,
    };
    if (candidate.label !== undefined) keyword.label = candidate.label;
    keywords.push(keyword);
  }
  return keywords;
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

function checkMethod(method: string): KeywordMethod {
  if (!(KEYWORD_METHODS as readonly string[]).includes(method)) {
    throw new ZhtagError(
      'E_USAGE',
      `unknown keyword method "${method}"; choose one of ${KEYWORD_METHODS.join(', ')}`,
    );
  }
  return method as KeywordMethod;
}

function checkTop(top: number): number {
  if (!Number.isInteger(top) || top < 1) {
    throw new ZhtagError('E_USAGE', `keyword count must be a whole number >= 1, got ${top}`);
  }
  return top;
}
