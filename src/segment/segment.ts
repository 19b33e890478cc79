import type { Dictionary, DictMatch } from '../dictionary/dictionary.js';
import { settleOverlaps } from '../overlaps.js';
import type { Token } from '../types.js';
import type { SegmentEngine } from './engines.js';

/** What segmentation found: the tokens, the frozen dictionary matches kept, and those that lost. */
export interface Segmentation {
  tokens: Token[];
  frozen: DictMatch[];
  overlapping: DictMatch[];
}

/**
 * Pieces handed to the engine: lines, and runs longer than MAX_CHUNK cut after sentence punctuation
 * (or, with none, into windows). Engines never join words across a line break or sentence end, and
 * are several times slower on one huge string; one call per line keeps the per-call cost low.
 */
const MAX_CHUNK = 2000;
const SENTENCE_END = /[。！？；!?;]/g;

/** Whitespace as JavaScript's `\s` knows it, by code unit. */
function isSpace(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    (code > 0x7f &&
      (code === 0xa0 ||
        code === 0x1680 ||
        (code >= 0x2000 && code <= 0x200a) ||
        code === 0x2028 ||
        code === 0x2029 ||
        code === 0x202f ||
        code === 0x205f ||
        code === 0x3000 ||
        code === 0xfeff))
  );
}

/** A surrogate code unit that is not half of a pair (with the `u` flag a pair is one code point). */
const LONE_SURROGATE = /\p{Cs}/u;

/** `isSpace` as a flat table over the BMP: one load on the per-word hot path. */
const SPACE = new Uint8Array(0x10000);
for (let code = 0; code < SPACE.length; code++) SPACE[code] = isSpace(code) ? 1 : 0;

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** True when `[start, end)` would cut a surrogate pair in half. */
function splitsSurrogate(text: string, start: number, end: number): boolean {
  return (
    isLowSurrogate(text.charCodeAt(start)) || (end < text.length && isLowSurrogate(text.charCodeAt(end)))
  );
}

const LAYER_RANK = { gazetteer: 0, policy: 1, user: 2, runtime: 3 } as const;

/**
 * Settles overlapping frozen matches by the one rule (`settleOverlaps`): the longest wins, then the
 * higher layer, then the earliest. Losers are returned too, so they can be shown as candidates.
 */
export function selectFrozen(matches: DictMatch[], length: number): { kept: DictMatch[]; lost: DictMatch[] } {
  return settleOverlaps(matches, (match) => LAYER_RANK[match.entry.layer], new Uint8Array(length));
}

/**
 * Policy-first segmentation. Frozen dictionary terms are found first on the normalized text and
 * become tokens of their own; only the text between them goes to the engine, so no statistical
 * step can split or swallow them. Soft terms then join consecutive engine words that spell them.
 * Offsets are UTF-16 indices into the original text (normalization keeps every index in place).
 */
export function segmentText(
  text: string,
  normalized: string,
  dictionary: Dictionary,
  engine: SegmentEngine,
): Segmentation {
  let candidates = dictionary.findFrozen(normalized);
  if (candidates.some((match) => splitsSurrogate(normalized, match.start, match.end))) {
    candidates = candidates.filter((match) => !splitsSurrogate(normalized, match.start, match.end));
  }
  const { kept, lost } =
    candidates.length === 0
      ? { kept: candidates, lost: candidates }
      : selectFrozen(candidates, normalized.length);
  const cutter = new PieceCutter(text, normalized, dictionary, engine);
  const { tokens } = cutter;
  let position = 0;
  for (const match of kept) {
    if (match.start > position) cutter.cutGap(position, match.start);
    tokens.push({
      text: text.slice(match.start, match.end),
      start: match.start,
      end: match.end,
      pos: match.entry.pos,
    });
    position = match.end;
  }
  if (position < text.length) cutter.cutGap(position, text.length);
  return { tokens, frozen: kept, overlapping: lost };
}

/**
 * Cuts the gaps between frozen terms with the engine and collects the tokens of one text: one object
 * per text (this runs once per document, where closures over the same state cost four).
 */
class PieceCutter {
  readonly tokens: Token[] = [];
  /** When normalization changed nothing (and the text is well formed), the engine's strings are the token texts. */
  private readonly unchanged: boolean;

  constructor(
    private readonly text: string,
    private readonly normalized: string,
    private readonly dictionary: Dictionary,
    private readonly engine: SegmentEngine,
  ) {
    // A lone surrogate comes back from the engine as U+FFFD: such a text takes its token texts from itself.
    this.unchanged = normalized === text && !LONE_SURROGATE.test(text);
  }

  /**
   * Cuts `normalized[from, to)` in pieces: lines, and runs longer than MAX_CHUNK cut after sentence
   * punctuation (or, with none, into windows).
   */
  cutGap(from: number, to: number): void {
    const { normalized } = this;
    let start = from;
    while (start < to) {
      const newline = normalized.indexOf('\n', start);
      const lineEnd = newline === -1 || newline >= to ? to : newline + 1;
      while (lineEnd - start > MAX_CHUNK) {
        const window = normalized.slice(start, start + MAX_CHUNK);
        let cut = 0;
        SENTENCE_END.lastIndex = 0;
        for (let m = SENTENCE_END.exec(window); m !== null; m = SENTENCE_END.exec(window)) cut = m.index + 1;
        let end = start + (cut > 0 ? cut : MAX_CHUNK);
        if (isHighSurrogate(normalized.charCodeAt(end - 1))) end++;
        this.cutPiece(start, end);
        start = end;
      }
      if (lineEnd > start) this.cutPiece(start, lineEnd);
      start = lineEnd;
    }
  }

  /** Adds a token, trimming whitespace the engine left at its edges; all-blank words add nothing. */
  private pushTrimmed(start: number, end: number, word: string, pos: string | undefined): void {
    const { text } = this;
    const untrimmedStart = start;
    const untrimmedEnd = end;
    while (start < end && isSpace(text.charCodeAt(start))) start++;
    while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
    if (start === end) return;
    const same = this.unchanged && start === untrimmedStart && end === untrimmedEnd;
    const trimmed = same ? word : text.slice(start, end);
    this.tokens.push({ text: trimmed, start, end, pos: pos ?? this.engine.posOf(word) });
  }

  /** Cuts one piece `[start, end)` with the engine and adds its words as tokens. */
  private cutPiece(start: number, end: number): void {
    const { text, normalized, dictionary, engine, tokens, unchanged } = this;
    const piece = start === 0 && end === normalized.length ? normalized : normalized.slice(start, end);
    const words = engine.cut(piece);
    const tagIds = engine.tagIds(words);
    const joins = dictionary.softJoins(words);
    const tagNames = engine.tagNames;
    const first = tokens.length;
    const count = words.length;
    let offset = start;
    let i = 0;
    while (i < count) {
      const word = words[i] as string;
      const code = word.charCodeAt(0);
      // A soft (gazetteer) form spelled by two or more consecutive words becomes one token.
      if (joins !== undefined && joins[i] === 1) {
        const soft = dictionary.softOverPieces(words, i);
        if (soft) {
          let length = 0;
          for (let k = i; k < soft.endPiece; k++) length += (words[k] as string).length;
          this.pushTrimmed(
            offset,
            offset + length,
            normalized.slice(offset, offset + length),
            soft.entry.pos,
          );
          offset += length;
          i = soft.endPiece;
          continue;
        }
      }
      const length = word.length;
      const pos = tagNames[tagIds[i] as number] as string;
      const last = word.charCodeAt(length - 1);
      // Whitespace is below U+3001 or U+FEFF: CJK words skip the table.
      if (
        (code < 0x3001 && SPACE[code] === 1) ||
        (last < 0x3001 && SPACE[last] === 1) ||
        last === 0xfeff ||
        code === 0xfeff
      ) {
        this.pushTrimmed(offset, offset + length, word, pos);
      } else {
        tokens.push({
          text: unchanged || spells(text, offset, word) ? word : text.slice(offset, offset + length),
          start: offset,
          end: offset + length,
          pos,
        });
      }
      offset += length;
      i++;
    }
    // Offsets come from the words' lengths: an engine that ever dropped or added text would shift
    // them, so such a piece falls back to one token per character rather than misalign.
    if (offset !== end) {
      tokens.length = first;
      for (let at = start; at < end; at = nextCharacter(normalized, at)) {
        const next = nextCharacter(normalized, at);
        this.pushTrimmed(at, next, normalized.slice(at, next), undefined);
      }
    }
  }
}

/**
 * True when `text` holds `word` at `at`: in a text that normalization changed somewhere, most words
 * are still written as the engine returned them, and comparing a few units is cheaper than a slice.
 */
function spells(text: string, at: number, word: string): boolean {
  for (let i = 0; i < word.length; i++) if (text.charCodeAt(at + i) !== word.charCodeAt(i)) return false;
  return true;
}

/** The index after the character at `at` (a surrogate pair is one character). */
function nextCharacter(text: string, at: number): number {
  return isHighSurrogate(text.charCodeAt(at)) && isLowSurrogate(text.charCodeAt(at + 1)) ? at + 2 : at + 1;
}
