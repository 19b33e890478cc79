import { createNormalizer, type Normalizer } from '../normalize.js';

/** A document given to discovery. */
export interface DiscoverDocument {
  id: string;
  text: string;
}

/**
 * The texts discovery counts over: every document normalized (simplified, half-width; same length)
 * and joined with line breaks, which no term may cross.
 */
export interface Corpus {
  /** Normalized texts joined by `\n`. */
  text: string;
  /** The same texts as written (same offsets), for example contexts. */
  original: string;
  ids: string[];
  /** Start offset of every document in `text`. */
  starts: number[];
}

export function buildCorpus(
  documents: readonly DiscoverDocument[],
  normalizer: Normalizer = createNormalizer(),
): Corpus {
  const starts: number[] = [];
  const originals: string[] = [];
  let offset = 0;
  for (const doc of documents) {
    starts.push(offset);
    // Line breaks inside a document are boundaries too; keep them as they are.
    originals.push(doc.text);
    offset += doc.text.length + 1;
  }
  const original = originals.join('\n');
  return { text: normalizer.normalize(original), original, ids: documents.map((d) => d.id), starts };
}

/** Index of the document holding offset `at` (binary search over `starts`). */
export function documentAt(corpus: Corpus, at: number): number {
  let low = 0;
  let high = corpus.starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((corpus.starts[mid] ?? 0) <= at) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** Characters a term may be made of outside quotes: hanzi, ASCII letters and digits, `+`. */
export function isTermChar(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a) ||
    code === 0x2b
  );
}

export function isHanzi(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf);
}

/** Opening quote → its closing quote (Chinese curly, corner, and ASCII double quotes). */
export const QUOTE_PAIRS: ReadonlyMap<string, string> = new Map([
  ['“', '”'],
  ['‘', '’'],
  ['「', '」'],
  ['『', '』'],
  ['"', '"'],
]);

/** A short piece of the original text around `[start, end)`, on one line, without tabs. */
export function contextAround(corpus: Corpus, start: number, end: number, width = 12): string {
  const lineStart = corpus.original.lastIndexOf('\n', start - 1) + 1;
  let lineEnd = corpus.original.indexOf('\n', end);
  if (lineEnd === -1) lineEnd = corpus.original.length;
  const from = Math.max(lineStart, start - width);
  const to = Math.min(lineEnd, end + width);
  const snippet = `${from > lineStart ? '…' : ''}${corpus.original.slice(from, to)}${to < lineEnd ? '…' : ''}`;
  return snippet.replace(/[\t\r|]/g, ' ');
}
