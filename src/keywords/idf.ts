import { createRequire } from 'node:module';
import { ZhtagError } from '../errors.js';
import { firstPositions, WordTable, wordHash } from '../segment/word-table.js';
import { readResource } from './stopwords.js';

const require = createRequire(import.meta.url);

/** The engine's bundled IDF table (jieba's `idf.txt`, MIT), used when no other table is given. */
export function bundledIdfPath(): string {
  return require.resolve('@node-rs/jieba/idf.txt');
}

/** Words in `IdfTable`'s table of common words. */
const HOT_WORDS = 8192;

/** Whitespace `trim()` removes, for the characters IDF files hold (ASCII space, tab, CR, BOM). */
function isTrimmed(code: number): boolean {
  return (
    code === 0x20 || code === 0x09 || code === 0x0d || code === 0xfeff || code === 0x3000 || code === 0xa0
  );
}

/**
 * Inverse document frequencies, in jieba's `word idf` line format.
 *
 * Words missing from the table do not get the median (which ranks a new slogan at random). Their
 * document frequency is estimated from what the table does know:
 * - a character's IDF is bounded above by the most common word containing it (a document holding the
 *   word holds the character), so `charIdf(c) = min idf(word ∋ c)`;
 * - an unseen word is assumed to occur where its parts co-occur, independently: its IDF is the sum of
 *   its parts' IDF (known words for a merged phrase, characters otherwise), never below its rarest
 *   part, and never above `ceiling`, the IDF of a word seen in a single document of the source corpus.
 */
export class IdfTable {
  readonly source: string;
  /** IDF of a word seen once in the source corpus: the most an estimate may give. */
  readonly ceiling: number;
  /** The table's words, looked up with `WordTable` (fresh token strings hash several times faster). */
  private readonly words: WordTable;
  private readonly values: Float64Array;
  /**
   * The most common words (lowest IDF) in a table small enough to stay in the CPU cache: most of a
   * document's words are found here without touching the full table.
   */
  private readonly hot: WordTable;
  private readonly hotValues: Float64Array;
  /** charIdf of BMP characters by code unit (NaN = unseen); characters beyond the BMP in a map. */
  private readonly bmpChars = new Float64Array(0x10000).fill(Number.NaN);
  private readonly astralChars = new Map<number, number>();

  /** Entry `i` is the word `text.slice(starts[i], ends[i])` with IDF `values[i]`. */
  private constructor(
    text: string,
    starts: readonly number[],
    ends: readonly number[],
    values: readonly number[],
    source: string,
  ) {
    this.words = WordTable.fromRanges(text, starts, ends);
    this.values = Float64Array.from(values);
    const common = firstPositions(
      values.length,
      HOT_WORDS,
      (a, b) => (values[a] as number) - (values[b] as number),
    );
    const hot = this.words.subset(text, starts, ends, common);
    this.hot = hot.table;
    this.hotValues = Float64Array.from(hot.entries, (entry) => this.values[entry] ?? 0);
    this.source = source;
    let ceiling = 0;
    for (const [entry, idf] of values.entries()) {
      if (idf > ceiling) ceiling = idf;
      const end = ends[entry] as number;
      for (let i = starts[entry] as number; i < end; i++) {
        const code = text.codePointAt(i) as number;
        if (code > 0xffff) {
          i++;
          const known = this.astralChars.get(code);
          if (known === undefined || idf < known) this.astralChars.set(code, idf);
        } else if (!((this.bmpChars[code] as number) <= idf)) {
          this.bmpChars[code] = idf;
        }
      }
    }
    this.ceiling = ceiling;
  }

  /** Reads a `word idf` file (blank lines and `#` comments skipped); errors name file and line. */
  static load(path: string, displayPath = path): IdfTable {
    const content = readResource(path, displayPath, 'IDF table');
    return IdfTable.parse(content, displayPath);
  }

  static parse(content: string, displayPath: string): IdfTable {
    // Words stay ranges of `content` (no string per line): the bundled table has 260k lines.
    const starts: number[] = [];
    const ends: number[] = [];
    const values: number[] = [];
    let lineNo = 0;
    for (let start = 0; start < content.length; ) {
      let end = content.indexOf('\n', start);
      if (end === -1) end = content.length;
      lineNo++;
      let from = start;
      let to = end;
      while (from < to && isTrimmed(content.charCodeAt(from))) from++;
      while (to > from && isTrimmed(content.charCodeAt(to - 1))) to--;
      start = end + 1;
      if (from === to || content.charCodeAt(from) === 0x23 /* # */) continue;
      const space = content.lastIndexOf(' ', to - 1);
      const idf = space > from ? Number(content.slice(space + 1, to)) : Number.NaN;
      if (!Number.isFinite(idf) || idf < 0) {
        const line = content.slice(from, to);
        throw new ZhtagError('E_DICT_PARSE', `${displayPath}:${lineNo}: expected "word idf", got "${line}"`, {
          file: displayPath,
          line: lineNo,
        });
      }
      let wordEnd = space;
      while (wordEnd > from && isTrimmed(content.charCodeAt(wordEnd - 1))) wordEnd--;
      starts.push(from);
      ends.push(wordEnd);
      values.push(idf);
    }
    if (starts.length === 0) {
      throw new ZhtagError('E_DICT_PARSE', `${displayPath}: the IDF table is empty`, { file: displayPath });
    }
    return new IdfTable(content, starts, ends, values, displayPath);
  }

  /** The table's IDF of a word, or undefined when the word is unknown. */
  known(word: string): number | undefined {
    const hash = wordHash(word, 0, word.length);
    const common = this.hot.find(hash, word, 0, word.length);
    if (common >= 0) return this.hotValues[common];
    const index = this.words.find(hash, word, 0, word.length);
    return index < 0 ? undefined : this.values[index];
  }

  /** IDF of any word: the table's, else the estimate from its characters (see the class comment). */
  of(word: string): number {
    const known = this.known(word);
    if (known !== undefined) return known;
    const parts: number[] = [];
    for (let i = 0; i < word.length; i++) {
      const code = word.codePointAt(i) as number;
      let idf: number | undefined;
      if (code > 0xffff) {
        i++;
        idf = this.astralChars.get(code);
      } else {
        idf = this.bmpChars[code];
      }
      parts.push(idf === undefined || Number.isNaN(idf) ? this.ceiling : idf);
    }
    return this.combine(parts);
  }

  /** IDF of a phrase made of known parts (co-occurring independently), capped at the ceiling. */
  ofPhrase(parts: readonly string[]): number {
    const whole = this.known(parts.join(''));
    if (whole !== undefined) return whole;
    return this.combine(parts.map((part) => this.of(part)));
  }

  /** The estimate for a word unknown to the table, from the IDF of its parts (see the class comment). */
  combine(parts: readonly number[]): number {
    let sum = 0;
    let rarest = 0;
    for (const idf of parts) {
      sum += idf;
      if (idf > rarest) rarest = idf;
    }
    return Math.min(this.ceiling, Math.max(rarest, sum));
  }

  get size(): number {
    return this.words.size;
  }
}

/** Options of `buildIdf`. */
export interface BuildIdfOptions {
  /** Drop words seen in fewer documents (they get the estimate instead); default 2. */
  minDf?: number;
}

/** Document frequencies counted one document at a time (memory grows with the vocabulary only). */
export class DocumentFrequencies {
  documents = 0;
  private readonly df = new Map<string, number>();

  add(words: Iterable<string>): void {
    this.documents++;
    for (const word of new Set(words)) this.df.set(word, (this.df.get(word) ?? 0) + 1);
  }

  /** IDF lines `word ln(N/df)`, most specific first, in jieba's format (so jieba can read them too). */
  toIdfLines(options: BuildIdfOptions = {}): string {
    const minDf = options.minDf ?? 2;
    if (this.documents === 0)
      throw new ZhtagError('E_INPUT', 'cannot build an IDF table from an empty corpus');
    const lines: Array<[string, number]> = [];
    for (const [word, count] of this.df) {
      if (count >= minDf) lines.push([word, Math.log(this.documents / count)]);
    }
    lines.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return lines.map(([word, idf]) => `${word} ${idf.toFixed(6)}\n`).join('');
  }
}

/** IDF lines from the words of each document; see `DocumentFrequencies.toIdfLines`. */
export function buildIdf(documents: Iterable<Iterable<string>>, options: BuildIdfOptions = {}): string {
  const frequencies = new DocumentFrequencies();
  for (const words of documents) frequencies.add(words);
  return frequencies.toIdfLines(options);
}
