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
  const ranked: Array<{ candidate: Candidate; weight: number; order: number }> = [];
  for (const candidate of candidates.values()) {
    const weight = scores.get(candidate.term) ?? 0;
    if (weight > 0) ranked.push({ candidate, weight, order: ranked.length });
  }
  // Best first: higher weight, then earlier, then found first. A heap yields them in that order and stops after the
  // few that are needed, where sorting every candidate of a long document cost more than scoring them.
  const better = (a: (typeof ranked)[number], b: (typeof ranked)[number]) =>
    a.weight > b.weight ||
    (a.weight === b.weight &&
      (a.candidate.first < b.candidate.first ||
        (a.candidate.first === b.candidate.first && a.order < b.order)));
  const heap = new BestFirst(ranked, better);
  const chosen: Candidate[] = [];
  const keywords: Keyword[] = [];
  for (let next = heap.pop(); next !== undefined && keywords.length < top; next = heap.pop()) {
    const { candidate, weight } = next;
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

/** A binary heap over `items` (taken over, reordered in place) that pops the best item first. */
class BestFirst<T> {
  private size: number;

  constructor(
    private readonly items: T[],
    private readonly better: (a: T, b: T) => boolean,
  ) {
    this.size = items.length;
    for (let i = (this.size >> 1) - 1; i >= 0; i--) this.sink(i);
  }

  pop(): T | undefined {
    if (this.size === 0) return undefined;
    const best = this.items[0] as T;
    this.size--;
    this.items[0] = this.items[this.size] as T;
    this.sink(0);
    return best;
  }

  private sink(at: number): void {
    const { items, better } = this;
    for (;;) {
      const left = 2 * at + 1;
      if (left >= this.size) return;
      const right = left + 1;
      const child = right < this.size && better(items[right] as T, items[left] as T) ? right : left;
      if (!better(items[child] as T, items[at] as T)) return;
      [items[at], items[child]] = [items[child] as T, items[at] as T];
      at = child;
    }
  }
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
