/**
 * Feature extraction for the character-level NER tagger. Every feature is hashed (integer
 * arithmetic, no strings built per character) into a bucket of a fixed-size weight table.
 */
import type { Gazetteer } from './gazetteer.js';
import type { Lexicon } from './lexicon.js';
import { type CodePoints, hashCodePoints, hashString } from './text.js';

/** Number of feature templates per character. */
export const NUM_FEATURES = 30;

const BOS = -1;
const EOS = -2;

/** A segmenter token over code-point indices `[s, e)` of a window. */
export interface WindowToken {
  s: number;
  e: number;
  pos: string;
}

function mix(t: number, a: number, b: number, c: number): number {
  let h = Math.imul(t + 0x165667b1, 0x9e3779b1);
  h = Math.imul(h ^ a, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h ^ b, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h ^ c, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}

/** Word-internal position of a character: B=0 I=1 E=2 S=3. */
function biesOf(i: number, s: number, e: number): number {
  if (e - s === 1) return 3;
  if (i === s) return 0;
  if (i === e - 1) return 2;
  return 1;
}

/**
 * Fill `out[i * NUM_FEATURES + f]` with the bucket of feature f at character i.
 * `tokens` must cover `[0, cp.n)` in order without gaps.
 */
export function extractFeatures(
  cp: CodePoints,
  tokens: WindowToken[],
  lex: Lexicon,
  bits: number,
  out: Int32Array,
  gazetteer?: Gazetteer,
): void {
  const n = cp.n;
  const gzEdge = new Int32Array(n);
  const gzLong = new Int32Array(n);
  if (gazetteer) gazetteer.match(cp.cps, n, gzEdge, gzLong);
  const c = cp.cps;
  const cls = cp.cls;
  const shift = 32 - bits;
  const nt = tokens.length;
  const posH = new Int32Array(nt + 2);
  const wordH = new Int32Array(nt + 2);
  const sfx = new Int32Array(nt + 2);
  const title = new Uint8Array(nt + 2);
  // index 0 = before the window, nt + 1 = after it
  posH[0] = BOS;
  wordH[0] = BOS;
  posH[nt + 1] = EOS;
  wordH[nt + 1] = EOS;
  for (let k = 0; k < nt; k++) {
    const tok = tokens[k] as WindowToken;
    posH[k + 1] = hashString(tok.pos);
    wordH[k + 1] = hashCodePoints(cp.cps, tok.s, tok.e);
    sfx[k + 1] = tok.e - tok.s > 1 ? lex.suffixTypeOf(cp.cps, tok.s, tok.e) : 0;
    title[k + 1] = lex.isTitle(cp.cps, tok.s, tok.e) ? 1 : 0;
  }
  const at = (i: number): number => (i < 0 ? BOS : i >= n ? EOS : (c[i] as number));
  const clsAt = (i: number): number => (i < 0 || i >= n ? 0 : (cls[i] as number));
  let k = 0;
  for (let i = 0; i < n; i++) {
    let tok = tokens[k] as WindowToken;
    while (i >= tok.e && k + 1 < nt) {
      k++;
      tok = tokens[k] as WindowToken;
    }
    const bies = biesOf(i, tok.s, tok.e);
    const tlen = Math.min(tok.e - tok.s, 5);
    const pos = posH[k + 1] as number;
    const prevPos = posH[k] as number;
    const nextPos = posH[k + 2] as number;
    const word = wordH[k + 1] as number;
    const prevWord = wordH[k] as number;
    const nextWord = wordH[k + 2] as number;
    const m2 = at(i - 2);
    const m1 = at(i - 1);
    const c0 = at(i);
    const p1 = at(i + 1);
    const p2 = at(i + 2);
    const cl = (clsAt(i - 1) << 8) | (clsAt(i) << 4) | clsAt(i + 1);
    const sur1 = lex.surname1.has(c0) ? 1 : 0;
    const sur2 =
      i + 1 < n && lex.surname2First.has(c0) && lex.surname2.has(String.fromCodePoint(c0, p1)) ? 2 : 0;
    let f = i * NUM_FEATURES;
    out[f++] = mix(0, 0, 0, 0) >>> shift;
    out[f++] = mix(1, m2, 0, 0) >>> shift;
    out[f++] = mix(2, m1, 0, 0) >>> shift;
    out[f++] = mix(3, c0, 0, 0) >>> shift;
    out[f++] = mix(4, p1, 0, 0) >>> shift;
    out[f++] = mix(5, p2, 0, 0) >>> shift;
    out[f++] = mix(6, m2, m1, 0) >>> shift;
    out[f++] = mix(7, m1, c0, 0) >>> shift;
    out[f++] = mix(8, c0, p1, 0) >>> shift;
    out[f++] = mix(9, p1, p2, 0) >>> shift;
    out[f++] = mix(10, m2, m1, c0) >>> shift;
    out[f++] = mix(11, m1, c0, p1) >>> shift;
    out[f++] = mix(12, c0, p1, p2) >>> shift;
    out[f++] = mix(13, cl, 0, 0) >>> shift;
    out[f++] = mix(14, bies, pos, 0) >>> shift;
    out[f++] = mix(15, bies, pos, c0) >>> shift;
    out[f++] = mix(16, prevPos, pos, bies) >>> shift;
    out[f++] = mix(17, pos, nextPos, bies) >>> shift;
    out[f++] = mix(18, word, bies, 0) >>> shift;
    out[f++] = mix(19, prevWord, bies, 0) >>> shift;
    out[f++] = mix(20, nextWord, bies, 0) >>> shift;
    out[f++] = mix(21, sur1 | sur2, bies, tlen) >>> shift;
    out[f++] = mix(22, (title[k] as number) | ((title[k + 2] as number) << 1), bies, pos) >>> shift;
    out[f++] = mix(23, sfx[k + 1] as number, bies, pos) >>> shift;
    out[f++] = mix(24, sfx[k + 2] as number, bies, nextPos) >>> shift;
    out[f++] = mix(25, m1, p1, 0) >>> shift;
    out[f++] = mix(26, c0, bies, 0) >>> shift;
    out[f++] = mix(27, sur1 | sur2, prevPos, nextWord) >>> shift;
    out[f++] = mix(28, gzEdge[i] as number, bies, 0) >>> shift;
    out[f++] = mix(29, gzLong[i] as number, bies, 0) >>> shift;
  }
}
