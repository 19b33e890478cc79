/**
 * Splitting text into bounded windows and aligning segmenter tokens to code points, so that
 * prediction is linear in the input length whatever its shape (one 1 MB line, no punctuation).
 * Prediction reuses one `WindowBuffers` per call: no allocation per window on the hot path.
 */
import { charClass, hashString, normalizeCodePoint, toHalfWidth } from './text.js';

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
/** Pseudo part of speech of characters no token covers. */
const GAP_POS = hashString('x');

/** Window boundaries `[start, end)` over UTF-16 offsets; every window is at most MAX_WINDOW units. */
export function windows(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  let lastSoft = -1;
  const len = text.length;
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d) {
      // a line break is a window of its own: the text before it ends like a paragraph of the
      // training data (the line break is never a neighbouring character)
      if (i > start) out.push([start, i]);
      out.push([i, i + 1]);
      start = i + 1;
      lastSoft = -1;
      continue;
    }
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

/** Segmenter tokens as parallel arrays over UTF-16 offsets, sorted by start. */
export interface TokenArrays {
  start: Int32Array;
  end: Int32Array;
  /** `hashString` of the part of speech */
  pos: Int32Array;
  n: number;
}

/** Tag `text[from, to)` (half-width normalized, as in training) into token arrays with offsets of `text`. */
export function tagText(tagger: Tagger, text: string, from: number, to: number): TokenArrays {
  const tagged = tagger.tag(toHalfWidth(text.slice(from, to)));
  const n = tagged.length;
  const out: TokenArrays = { start: new Int32Array(n), end: new Int32Array(n), pos: new Int32Array(n), n };
  let u = from;
  for (let k = 0; k < n; k++) {
    const { word, tag } = tagged[k] as { word: string; tag: string };
    out.start[k] = u;
    u = Math.min(u + word.length, to);
    out.end[k] = u;
    out.pos[k] = hashString(tag);
  }
  return out;
}

/** The caller's tokens as arrays (sorted by start). */
export function tokenArrays(tokens: SegToken[]): TokenArrays {
  const sorted = [...tokens].sort((a, b) => a.start - b.start);
  const n = sorted.length;
  const out: TokenArrays = { start: new Int32Array(n), end: new Int32Array(n), pos: new Int32Array(n), n };
  for (let k = 0; k < n; k++) {
    const t = sorted[k] as SegToken;
    out.start[k] = t.start;
    out.end[k] = t.end;
    out.pos[k] = hashString(t.pos);
  }
  return out;
}

/**
 * One window decoded into code points (normalized, with exact UTF-16 offsets and classes) and the
 * tokens covering it over code-point indices `[tokS, tokE)`, gaps filled with one-character tokens.
 */
export class WindowBuffers {
  start = 0;
  n = 0;
  cps = new Int32Array(0);
  /** UTF-16 offset of each code point, plus the window end at index n */
  offsets = new Int32Array(0);
  cls = new Uint8Array(0);
  nt = 0;
  tokS = new Int32Array(0);
  tokE = new Int32Array(0);
  tokPos = new Int32Array(0);
  /** UTF-16 unit (relative to the window start) → code-point index */
  private unitCp = new Int32Array(0);

  private ensure(units: number): void {
    if (this.cps.length >= units) return;
    const cap = Math.max(units, 320);
    this.cps = new Int32Array(cap);
    this.offsets = new Int32Array(cap + 1);
    this.cls = new Uint8Array(cap);
    this.unitCp = new Int32Array(cap + 1);
    this.tokS = new Int32Array(cap);
    this.tokE = new Int32Array(cap);
    this.tokPos = new Int32Array(cap);
  }

  /** Decode `text[start, end)` and align `tokens` (whose index `cursor.i` advances monotonically). */
  fill(text: string, start: number, end: number, tokens: TokenArrays, cursor: { i: number }): void {
    this.ensure(end - start);
    const { cps, offsets, cls, unitCp } = this;
    let n = 0;
    let i = start;
    while (i < end) {
      let cp = text.charCodeAt(i);
      let w = 1;
      if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < end) {
        const lo = text.charCodeAt(i + 1);
        if (lo >= 0xdc00 && lo <= 0xdfff) {
          cp = ((cp - 0xd800) << 10) + (lo - 0xdc00) + 0x10000;
          w = 2;
        }
      }
      const norm = normalizeCodePoint(cp);
      offsets[n] = i;
      cps[n] = norm;
      cls[n] = charClass(norm);
      unitCp[i - start] = n;
      if (w === 2) unitCp[i - start + 1] = n + 1;
      n++;
      i += w;
    }
    offsets[n] = end;
    unitCp[end - start] = n;
    this.start = start;
    this.n = n;
    // tokens → code-point spans, gaps covered by one-character pseudo-tokens
    const { tokS, tokE, tokPos } = this;
    let nt = 0;
    let at = 0;
    while (cursor.i < tokens.n && (tokens.end[cursor.i] as number) <= start) cursor.i++;
    for (let j = cursor.i; j < tokens.n; j++) {
      const ts = tokens.start[j] as number;
      if (ts >= end) break;
      const s0 = unitCp[Math.max(ts, start) - start] as number;
      const e = unitCp[Math.min(tokens.end[j] as number, end) - start] as number;
      if (e <= at || e <= s0) continue;
      const s = Math.max(s0, at);
      for (; at < s; at++, nt++) {
        tokS[nt] = at;
        tokE[nt] = at + 1;
        tokPos[nt] = GAP_POS;
      }
      tokS[nt] = s;
      tokE[nt] = e;
      tokPos[nt] = tokens.pos[j] as number;
      nt++;
      at = e;
    }
    for (; at < n; at++, nt++) {
      tokS[nt] = at;
      tokE[nt] = at + 1;
      tokPos[nt] = GAP_POS;
    }
    this.nt = nt;
  }
}

/** A fresh window of `text[start, end)` segmented by `tagger` on its own (training). */
export function prepareWindow(text: string, start: number, end: number, tagger: Tagger): WindowBuffers {
  const win = new WindowBuffers();
  win.fill(text, start, end, tagText(tagger, text, start, end), { i: 0 });
  return win;
}
