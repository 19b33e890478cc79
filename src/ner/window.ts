/**
 * Splitting text into bounded windows and aligning segmenter tokens to code points, so that
 * prediction is linear in the input length whatever its shape (one 1 MB line, no punctuation).
 */
import type { WindowToken } from './features.js';
import { type CodePoints, codePoints, toHalfWidth } from './text.js';

/** A segmenter token over UTF-16 offsets `[start, end)` of the full text. */
export interface SegToken {
  start: number;
  end: number;
  pos: string;
}

/** Minimal shape of the segmenter (`@node-rs/jieba`'s `tag`). */
export interface Tagger {
  tag(text: string): Array<{ word: string; tag: string }>;
}

const HARD_END = new Set([...'。！？!?；;\n\r…'].map((c) => c.charCodeAt(0)));
const SOFT_END = new Set([...'，,、：: \t）)」』”'].map((c) => c.charCodeAt(0)));

export const MAX_WINDOW = 300;
const MIN_SOFT = 100;

/** Window boundaries `[start, end)` over UTF-16 offsets; every window is at most MAX_WINDOW units. */
export function windows(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  let lastSoft = -1;
  const len = text.length;
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i);
    if (HARD_END.has(c)) {
      out.push([start, i + 1]);
      start = i + 1;
      lastSoft = -1;
      continue;
    }
    if (SOFT_END.has(c) && i + 1 - start >= MIN_SOFT) lastSoft = i + 1;
    if (i + 1 - start >= MAX_WINDOW) {
      let cut = lastSoft > start ? lastSoft : i + 1;
      // never split a surrogate pair
      const hi = text.charCodeAt(cut - 1);
      if (hi >= 0xd800 && hi <= 0xdbff && cut < len) cut = cut - 1 > start ? cut - 1 : cut + 1;
      out.push([start, cut]);
      start = cut;
      lastSoft = -1;
      i = cut - 1;
    }
  }
  if (start < len) out.push([start, len]);
  return out;
}

/** A window ready for feature extraction. */
export interface PreparedWindow {
  start: number;
  cp: CodePoints;
  tokens: WindowToken[];
}

/** Map UTF-16 offsets of the window to code-point indices (`idx[u - start]`). */
function unitToCp(cp: CodePoints, start: number, end: number): Int32Array {
  const idx = new Int32Array(end - start + 1);
  let k = 0;
  for (let u = start; u <= end; u++) {
    while (k < cp.n && (cp.offsets[k + 1] as number) <= u) k++;
    idx[u - start] = k;
  }
  return idx;
}

/** Fill gaps between tokens with one-character pseudo-tokens (pos `x`). */
function coverGaps(spans: Array<{ s: number; e: number; pos: string }>, n: number): WindowToken[] {
  const out: WindowToken[] = [];
  let at = 0;
  for (const sp of spans) {
    if (sp.e <= at || sp.e <= sp.s) continue;
    const s = Math.max(sp.s, at);
    for (; at < s; at++) out.push({ s: at, e: at + 1, pos: 'x' });
    out.push({ s, e: sp.e, pos: sp.pos });
    at = sp.e;
  }
  for (; at < n; at++) out.push({ s: at, e: at + 1, pos: 'x' });
  return out;
}

/** Prepare `text[start, end)`, using the given tokens (sorted by start) or the tagger. */
export function prepareWindow(
  text: string,
  start: number,
  end: number,
  tagger: Tagger | undefined,
  tokens?: SegToken[],
  tokenCursor?: { i: number },
): PreparedWindow {
  const cp = codePoints(text, start, end);
  const idx = unitToCp(cp, start, end);
  const spans: Array<{ s: number; e: number; pos: string }> = [];
  if (tokens) {
    const cur = tokenCursor ?? { i: 0 };
    while (cur.i < tokens.length && (tokens[cur.i] as SegToken).end <= start) cur.i++;
    for (let j = cur.i; j < tokens.length; j++) {
      const t = tokens[j] as SegToken;
      if (t.start >= end) break;
      const s = idx[Math.max(t.start, start) - start] as number;
      const e = idx[Math.min(t.end, end) - start] as number;
      if (e > s) spans.push({ s, e, pos: t.pos });
    }
  } else if (tagger && end > start) {
    const sub = toHalfWidth(text.slice(start, end));
    let u = 0;
    for (const { word, tag } of tagger.tag(sub)) {
      const s = idx[u] as number;
      u = Math.min(u + word.length, end - start);
      const e = idx[u] as number;
      if (e > s) spans.push({ s, e, pos: tag });
    }
  }
  return { start, cp, tokens: coverGaps(spans, cp.n) };
}
