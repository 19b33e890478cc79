import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Jieba } from '@node-rs/jieba';
import { ZhtagError } from '../errors.js';
import { PairIndex } from '../tables/pair-table.js';
import { ShortWordCache, ShortWordTable } from './short-word-cache.js';
import { firstPositions, WordTable, wordHash } from './word-table.js';

/** Segmentation engines zhtag can run on. */
export const ENGINES = ['node-rs', 'nodejieba'] as const;
export type EngineName = (typeof ENGINES)[number];

/**
 * The small interface zhtag needs from a segmentation engine: cut a sentence with the engine's own
 * core dictionary (HMM on for unknown words) and tell a word's part of speech.
 * User and policy terms never go into the engine: zhtag matches them itself, so every pipeline keeps
 * its own dictionaries even on an engine with one global instance.
 */
export interface SegmentEngine {
  readonly name: EngineName;
  /** Words whose concatenation is `text`. */
  cut(text: string): string[];
  /** The core dictionary's tag for a word, else jieba's rule: `m` for digits, `eng` for ASCII letters/digits, `x`. */
  posOf(word: string): string;
  /**
   * `posOf` for many words at once: the id of each word's tag (an index into `tagNames`) at
   * `[0, words.length)` of a buffer the engine owns and reuses at its next call. One tight pass over
   * the words of a piece costs far less than a call per word from the token loop.
   */
  tagIds(words: readonly string[]): Uint8Array;
  /** Tag names by id (`tagIds`). */
  readonly tagNames: readonly string[];
  /**
   * jieba-rs's `tag` with HMM off (what the NER model was trained on), when the engine is jieba-rs: the
   * model tags with it instead of loading a second copy of the dictionary.
   */
  readonly tagger?: DictionaryTagger;
}

/** Words with their dictionary part of speech (the shape of @node-rs/jieba's `tag`). */
export interface DictionaryTagger {
  tag(text: string): Array<{ word: string; tag: string }>;
}

const require = createRequire(import.meta.url);

/**
 * Part-of-speech lookup built from `word freq tag` lines (jieba's dict.txt format, shared by both
 * engines). Looking up fresh engine strings in one big string-keyed map cost about half as much as
 * the cut itself: one-character words are a flat table by code unit, longer ones hash tables of
 * code units (`WordTable`), a small one of frequent words first.
 */
class PosTable {
  private readonly tags: string[] = [];
  private readonly tagIds = new Map<string, number>();
  /** Tag id + 1 of one-character words, by code unit (0 = unknown). */
  private readonly single = new Uint8Array(0x10000);
  /** Two-unit words (the most common length after one). */
  private readonly pairs: PairIndex;
  /**
   * Two-unit words in a two-way set-associative cache of 65536 slots (256 KB), filled from the most
   * frequent dictionary words, then with each word looked up in the pair index. A slot is one 32-bit
   * word and a set two adjacent ones, so a lookup reads one cache line: the set is the high bits of
   * the key's multiplicative hash (a bijection of the 32-bit key), the low bits are stored as the
   * check, and tag + 1 above them (0 = empty). The engine runs between lookups and evicts what it can,
   * so one line where there were two (keys and tags apart) matters.
   */
  private readonly pairCache = new Int32Array(PAIR_CACHE_SLOTS);
  /**
   * Words of three and four units, the tag id of each (`ShortWordCache`, 16384 sets of two, 256 KB): filled
   * from the most frequent dictionary words, then with each word looked up in the tables. The
   * dictionary's frequency of a long word says little about how often a text uses it (its most
   * frequent 16k cover half of the three- and four-unit tokens of news), and the hash tables cost
   * several cache misses a word where the cache costs one.
   */
  private readonly shortCache = new ShortWordCache(14);
  /** Every word of three and four units. */
  private readonly shortWords: ShortWordTable;
  /**
   * The most frequent longer words, in a table small enough to stay in the CPU cache: most tokens are
   * found here without touching the full table's megabytes.
   */
  private readonly hot: WordTable;
  private readonly hotTags: Uint8Array;
  /** Every word of five or more code units. */
  private readonly words: WordTable;
  private readonly wordTags: Uint8Array;
  private readonly fallbackX: number;
  private readonly fallbackM: number;
  private readonly fallbackEng: number;
  /** Result buffer of `ids` (calls are synchronous, so one buffer per table is never shared). */
  private scratch = new Uint8Array(1024);

  constructor(content: string) {
    // Words are kept as ranges of the file's text: no string is made per dictionary line.
    const pairs: Array<[number, number, number]> = [];
    const pairFrequencies: number[] = [];
    const starts: number[] = [];
    const ends: number[] = [];
    const tags: number[] = [];
    const frequencies: number[] = [];
    const shortStarts: number[] = [];
    const shortLengths: number[] = [];
    const shortTags: number[] = [];
    const shortFrequencies: number[] = [];
    let start = 0;
    while (start < content.length) {
      let end = content.indexOf('\n', start);
      if (end === -1) end = content.length;
      const firstSpace = content.indexOf(' ', start);
      const lastSpace = content.lastIndexOf(' ', end);
      if (firstSpace > start && lastSpace > firstSpace && lastSpace < end) {
        const tag = this.tagId(content.slice(lastSpace + 1, end).trim());
        const length = firstSpace - start;
        if (length === 1 && tag < 255) {
          this.single[content.charCodeAt(start)] = tag + 1;
        } else if (length === 2) {
          pairs.push([content.charCodeAt(start), content.charCodeAt(start + 1), tag]);
          pairFrequencies.push(Number.parseInt(content.slice(firstSpace + 1, lastSpace), 10) || 0);
        } else if (length <= 4) {
          shortStarts.push(start);
          shortLengths.push(length);
          shortTags.push(tag);
          shortFrequencies.push(Number.parseInt(content.slice(firstSpace + 1, lastSpace), 10) || 0);
        } else {
          starts.push(start);
          ends.push(firstSpace);
          tags.push(tag);
          frequencies.push(Number.parseInt(content.slice(firstSpace + 1, lastSpace), 10) || 0);
        }
      }
      start = end + 1;
    }
    this.pairs = new PairIndex(pairs);
    // Most frequent first; a slot keeps the first word that claims it. Tags come from the index, so a
    // pair listed twice keeps its later tag as everywhere else.
    const byFrequency = firstPositions(
      pairs.length,
      pairs.length,
      (a, b) => (pairFrequencies[b] ?? 0) - (pairFrequencies[a] ?? 0),
    );
    for (const i of byFrequency) {
      const [first, second] = pairs[i] as [number, number, number];
      const hash = pairHash(first, second);
      const set = (hash >>> (32 - PAIR_CACHE_BITS)) << 1;
      const slot = this.pairCache[set] === 0 ? set : this.pairCache[set + 1] === 0 ? set + 1 : -1;
      if (slot < 0) continue;
      this.pairCache[slot] = pairSlotValue(hash, this.pairs.values[this.pairs.indexOf(first, second)] ?? 0);
    }
    this.words = WordTable.fromRanges(content, starts, ends);
    this.wordTags = Uint8Array.from(tags);
    this.shortWords = new ShortWordTable(shortStarts.length);
    shortStarts.forEach((at, i) => {
      this.shortWords.set(content, at, shortLengths[i] as number, shortTags[i] as number);
    });
    // Most frequent first: a slot of the short cache keeps the first word that claims it until a text
    // brings another.
    const shortByFrequency = firstPositions(
      shortStarts.length,
      SHORT_FILL,
      (a, b) => (shortFrequencies[b] ?? 0) - (shortFrequencies[a] ?? 0),
    );
    for (const i of shortByFrequency) {
      const at = shortStarts[i] as number;
      const word = content.slice(at, at + (shortLengths[i] as number));
      this.shortCache.fill(word, this.shortWords.get(word));
    }
    const long = firstPositions(
      starts.length,
      HOT_WORDS,
      (a, b) => (frequencies[b] ?? 0) - (frequencies[a] ?? 0),
    );
    const hot = this.words.subset(content, starts, ends, long);
    this.hot = hot.table;
    this.hotTags = Uint8Array.from(hot.entries, (entry) => this.wordTags[entry] ?? 0);
    this.fallbackX = this.tagId('x');
    this.fallbackM = this.tagId('m');
    this.fallbackEng = this.tagId('eng');
    if (this.tags.length > 255) {
      throw new ZhtagError(
        'E_ENGINE_UNAVAILABLE',
        `engine dictionary has ${this.tags.length} part-of-speech tags (at most 255)`,
      );
    }
  }

  /** Tag names by id: the dictionary's tags, then jieba's fallback tags (`fallbackId`). */
  get names(): readonly string[] {
    return this.tags;
  }

  /** The word's tag: the dictionary's, else jieba's fallback rule. */
  get(word: string): string {
    return this.tags[this.idOf(word)] as string;
  }

  /** Tag ids of `words` (see `SegmentEngine.tagIds`), in a buffer reused by the next call. */
  ids(words: readonly string[]): Uint8Array {
    if (words.length > this.scratch.length) this.scratch = new Uint8Array(2 * words.length);
    const ids = this.scratch;
    // The two commonest lengths inline, with the tables in locals; the rest through idOf.
    const single = this.single;
    const cache = this.pairCache;
    for (let i = 0; i < words.length; i++) {
      const word = words[i] as string;
      const length = word.length;
      if (length === 1) {
        const id = single[word.charCodeAt(0)] as number;
        if (id !== 0) {
          ids[i] = id - 1;
          continue;
        }
      } else if (length === 2) {
        const id = cachedPair(cache, pairHash(word.charCodeAt(0), word.charCodeAt(1)));
        if (id >= 0) {
          ids[i] = id;
          continue;
        }
      }
      ids[i] = this.idOf(word);
    }
    return ids;
  }

  private idOf(word: string): number {
    const length = word.length;
    if (length === 1) {
      const id = this.single[word.charCodeAt(0)] as number;
      if (id !== 0) return id - 1;
    } else if (length === 2) {
      const first = word.charCodeAt(0);
      const second = word.charCodeAt(1);
      const hash = pairHash(first, second);
      const cached = cachedPair(this.pairCache, hash);
      if (cached >= 0) return cached;
      // Not cached: the pair index, else the fallback rule. The answer takes the set's first slot and
      // the word there moves to the second, so a word a text repeats is looked up once.
      const index = this.pairs.indexOf(first, second);
      const id = index >= 0 ? (this.pairs.values[index] as number) : this.fallbackId(word);
      const set = (hash >>> (32 - PAIR_CACHE_BITS)) << 1;
      this.pairCache[set + 1] = this.pairCache[set] as number;
      this.pairCache[set] = pairSlotValue(hash, id);
      return id;
    } else if (length > 2) {
      if (length > 4) return this.tableId(word, length);
      const cached = this.shortCache.get(word);
      if (cached >= 0) return cached;
      const listed = this.shortWords.get(word);
      const id = listed >= 0 ? listed : this.fallbackId(word);
      this.shortCache.set(word, id);
      return id;
    }
    return this.fallbackId(word);
  }

  /** Tag id of a word of five or more units from the hash tables (else the fallback rule). */
  private tableId(word: string, length: number): number {
    const hash = wordHash(word, 0, length);
    const hot = this.hot.find(hash, word, 0, length);
    if (hot >= 0) return this.hotTags[hot] as number;
    const index = this.words.find(hash, word, 0, length);
    if (index >= 0) return this.wordTags[index] as number;
    return this.fallbackId(word);
  }

  /**
   * jieba-rs's tag for a word outside the dictionary: no ASCII letter or digit → `x`; ASCII
   * alphanumerics that are all digits → `m` (5.2%, 68%); otherwise `eng` (3D, COVID-19).
   */
  private fallbackId(word: string): number {
    let alnum = 0;
    let digits = 0;
    for (let i = 0; i < word.length; i++) {
      const code = word.charCodeAt(i);
      if (code >= 0x30 && code <= 0x39) {
        alnum++;
        digits++;
      } else if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) alnum++;
    }
    if (alnum === 0) return this.fallbackX;
    return alnum === digits ? this.fallbackM : this.fallbackEng;
  }

  private tagId(tag: string): number {
    let id = this.tagIds.get(tag);
    if (id === undefined) {
      id = this.tags.length;
      this.tags.push(tag);
      this.tagIds.set(tag, id);
    }
    return id;
  }
}

/** log2 of the pair cache's sets (of two slots: 65536 slots, 256 KB). */
const PAIR_CACHE_BITS = 15;
const PAIR_CACHE_SLOTS = 2 << PAIR_CACHE_BITS;
/** The low bits of a pair's hash that its set number does not hold (the slot's check). */
const PAIR_CHECK = (1 << (32 - PAIR_CACHE_BITS)) - 1;

/** A two-unit word's hash: a multiplicative hash of both units, one-to-one on 32 bits. */
function pairHash(first: number, second: number): number {
  return Math.imul((first << 16) | second, 0x9e3779b1);
}

/** A pair cache slot: the check bits of the hash, tag id + 1 above them (0 = empty). */
function pairSlotValue(hash: number, id: number): number {
  return (hash & PAIR_CHECK) | ((id + 1) << (32 - PAIR_CACHE_BITS));
}

/** The tag id a pair cache holds for a two-unit word's hash, or -1. */
function cachedPair(cache: Int32Array, hash: number): number {
  const set = (hash >>> (32 - PAIR_CACHE_BITS)) << 1;
  const check = hash & PAIR_CHECK;
  const one = cache[set] as number;
  if (one !== 0 && (one & PAIR_CHECK) === check) return (one >>> (32 - PAIR_CACHE_BITS)) - 1;
  const two = cache[set + 1] as number;
  if (two !== 0 && (two & PAIR_CHECK) === check) return (two >>> (32 - PAIR_CACHE_BITS)) - 1;
  return -1;
}

/** Words of five or more units in `PosTable`'s hot table. */
const HOT_WORDS = 8192;
/** Words of three and four units put in the short cache before any text (it has 32768 slots). */
const SHORT_FILL = 32768;

/**
 * Words the engine learns beside its core dictionary (`word freq tag` lines): names of today that the
 * core dictionary, compiled from People's Daily 1998, does not know (普京 would be cut 向普京 by the HMM).
 */
export interface EngineWords {
  words: readonly string[];
  /** The tag of every word (`nr` for names). */
  tag: string;
  /** The frequency jieba weighs each word with. */
  frequency: number;
}

function withWords(dictionary: string, extra: EngineWords | undefined): string {
  if (!extra || extra.words.length === 0) return dictionary;
  const lines = extra.words.map((word) => `${word} ${extra.frequency} ${extra.tag}`).join('\n');
  return `${dictionary.endsWith('\n') ? dictionary : `${dictionary}\n`}${lines}\n`;
}

function createNodeRsEngine(extra?: EngineWords): SegmentEngine {
  const dictPath = require.resolve('@node-rs/jieba/dict.txt');
  const dictionary = withWords(readFileSync(dictPath, 'utf8'), extra);
  const jieba = Jieba.withDict(Buffer.from(dictionary));
  const pos = new PosTable(dictionary);
  return {
    name: 'node-rs',
    tagger: {
      // jieba-rs's own `tag(text, false)` builds an object per word in Rust; its cut without HMM and
      // this table give the same words and tags (checked on 19.7k texts) in about half the time.
      tag(text) {
        const words = jieba.cut(text, false);
        const ids = pos.ids(words);
        const names = pos.names;
        const out = new Array<{ word: string; tag: string }>(words.length);
        for (let i = 0; i < words.length; i++) {
          out[i] = { word: words[i] as string, tag: names[ids[i] as number] as string };
        }
        return out;
      },
    },
    cut: (text) => jieba.cut(text, true),
    posOf: (word) => pos.get(word),
    tagIds: (words) => pos.ids(words),
    tagNames: pos.names,
  };
}

interface NodejiebaModule {
  DEFAULT_DICT: string;
  load(options?: Record<string, string>): void;
  cut(sentence: string, strict?: boolean): string[];
}

function createNodejiebaEngine(): SegmentEngine {
  let nodejieba: NodejiebaModule;
  try {
    nodejieba = require('nodejieba') as NodejiebaModule;
    // nodejieba keeps one global instance and aborts the process on a missing dictionary path:
    // load only its own shipped files, and check them first.
    readFileSync(nodejieba.DEFAULT_DICT, { flag: 'r' });
    nodejieba.load();
  } catch (error) {
    throw new ZhtagError(
      'E_ENGINE_UNAVAILABLE',
      `engine nodejieba is not installed or did not build (${(error as Error).message.split('\n')[0]}); ` +
        'install it with `npm install nodejieba @mapbox/node-pre-gyp` (needs a C++ compiler) or set option "engine" to node-rs',
    );
  }
  const pos = new PosTable(readFileSync(nodejieba.DEFAULT_DICT, 'utf8'));
  return {
    name: 'nodejieba',
    cut: (text) => nodejieba.cut(text, true),
    posOf: (word) => pos.get(word),
    tagIds: (words) => pos.ids(words),
    tagNames: pos.names,
  };
}

/**
 * Creates an engine by name; `E_ENGINE_UNAVAILABLE` when it is not installed. `words` are added to the
 * core dictionary of node-rs (nodejieba keeps one global instance: it segments with its own only).
 */
export function createEngine(name: EngineName = 'node-rs', words?: EngineWords): SegmentEngine {
  switch (name) {
    case 'node-rs':
      return createNodeRsEngine(words);
    case 'nodejieba':
      return createNodejiebaEngine();
    default:
      throw new ZhtagError(
        'E_USAGE',
        `unknown engine "${String(name)}"; choose one of ${ENGINES.join(', ')}`,
      );
  }
}

/** True when the engine's package can be loaded here. */
export function engineAvailable(name: EngineName): boolean {
  try {
    require.resolve(name === 'node-rs' ? '@node-rs/jieba' : 'nodejieba');
    return true;
  } catch {
    return false;
  }
}
