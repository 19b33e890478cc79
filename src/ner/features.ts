/**
 * Feature extraction for the character-level NER tagger. Every feature is hashed (integer
 * arithmetic, no strings built per character) into a bucket of a fixed-size weight table.
 */
import type { Gazetteer } from './gazetteer.js';
import type { Lexicon } from './lexicon.js';
import { hashCodePoints } from './text.js';
import type { WindowBuffers } from './window.js';
import type { WordHashes } from './wordhash.js';

/** Number of feature templates per character. */
export const NUM_FEATURES = 30;

const BOS = -1;
const EOS = -2;

/** Per-window scratch arrays of feature extraction (reused across windows). */
export class FeatureScratch {
  gzEdge = new Int32Array(0);
  gzLong = new Int32Array(0);
  gzLen = new Int32Array(0);
  dcEdge = new Int32Array(0);
  dcLong = new Int32Array(0);
  posH = new Int32Array(0);
  wordH = new Int32Array(0);
  sfx = new Int32Array(0);
  title = new Uint8Array(0);
  uni = new Int32Array(0);
  bi = new Int32Array(0);
  wordStart = new Int32Array(0);
  wordEnd = new Int32Array(0);

  ensure(n: number): void {
    if (this.gzEdge.length >= n) return;
    const cap = Math.max(n, 320);
    this.gzEdge = new Int32Array(cap);
    this.gzLong = new Int32Array(cap);
    this.gzLen = new Int32Array(cap);
    this.dcEdge = new Int32Array(cap);
    this.dcLong = new Int32Array(cap);
    this.posH = new Int32Array(cap + 2);
    this.wordH = new Int32Array(cap + 2);
    this.sfx = new Int32Array(cap + 2);
    this.title = new Uint8Array(cap + 2);
    this.uni = new Int32Array(cap + 4);
    this.bi = new Int32Array(cap + 4);
    this.wordStart = new Int32Array(cap);
    this.wordEnd = new Int32Array(cap);
  }
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
 * Fill `out[i * NUM_FEATURES + f]` with the bucket of feature f at character i of the window.
 * The window's tokens cover `[0, win.n)` in order without gaps.
 */
export function extractFeatures(
  win: WindowBuffers,
  lex: Lexicon,
  bits: number,
  out: Int32Array,
  gazetteer?: Gazetteer,
  scratch: FeatureScratch = new FeatureScratch(),
  dictionary?: Gazetteer,
  words?: WordHashes,
): void {
  const n = win.n;
  scratch.ensure(n);
  const { gzEdge, gzLong, posH, wordH, sfx, title } = scratch;
  if (gazetteer) gazetteer.match(win.cps, n, gzEdge, gzLong, scratch.gzLen);
  else {
    gzEdge.fill(0, 0, n);
    gzLong.fill(0, 0, n);
  }
  const { dcEdge, dcLong } = scratch;
  if (dictionary) dictionary.match(win.cps, n, dcEdge, dcLong, scratch.gzLen);
  else {
    dcEdge.fill(0, 0, n);
    dcLong.fill(0, 0, n);
  }
  const c = win.cps;
  const { wordStart, wordEnd } = scratch;
  if (words) words.forwardMatch(c, n, wordStart, wordEnd);
  else {
    wordStart.fill(-1, 0, n);
    wordEnd.fill(-1, 0, n);
  }
  // the word of the external segmentation vocabulary over character i (forward maximum match):
  // its suffix class and whether it starts with a surname are looked up once per word
  let wordInfo = 0;
  const cls = win.cls;
  const shift = 32 - bits;
  const nt = win.nt;
  const tokS = win.tokS;
  const tokE = win.tokE;
  // index 0 = before the window, nt + 1 = after it
  // wordH holds each token's bucket group (slots: token, previous token, next token × word position)
  const wordGroup = (h: number): number => (mix(43, h, 0, 0) >>> shift) & ~15;
  posH[0] = BOS;
  wordH[0] = wordGroup(BOS);
  sfx[0] = 0;
  title[0] = 0;
  posH[nt + 1] = EOS;
  wordH[nt + 1] = wordGroup(EOS);
  sfx[nt + 1] = 0;
  title[nt + 1] = 0;
  for (let k = 0; k < nt; k++) {
    const s = tokS[k] as number;
    const e = tokE[k] as number;
    posH[k + 1] = win.tokPos[k] as number;
    wordH[k + 1] = wordGroup(hashCodePoints(c, s, e));
    sfx[k + 1] = e - s > 1 ? lex.suffixTypeOf(c, s, e) : 0;
    title[k + 1] = lex.isTitle(c, s, e) ? 1 : 0;
  }
  // hashes shared by neighbouring characters: a character's unigram group (index j + 2) and the
  // bigram group starting at j (index j + 2), for j from -2
  const uni = scratch.uni;
  const bi = scratch.bi;
  const at = (i: number): number => (i < 0 ? BOS : i >= n ? EOS : (c[i] as number));
  for (let j = -2; j < n + 2; j++) uni[j + 2] = (mix(40, at(j), 0, 0) >>> shift) & ~15;
  for (let j = -2; j < n + 1; j++) bi[j + 2] = (mix(41, at(j), at(j + 1), 0) >>> shift) & ~3;
  const clsAt = (i: number): number => (i < 0 || i >= n ? 0 : (cls[i] as number));
  const bias = mix(0, 0, 0, 0) >>> shift;
  let k = 0;
  for (let i = 0; i < n; i++) {
    while (i >= (tokE[k] as number) && k + 1 < nt) k++;
    const ts = tokS[k] as number;
    const te = tokE[k] as number;
    const bies = biesOf(i, ts, te);
    const tlen = Math.min(te - ts, 5);
    const pos = posH[k + 1] as number;
    const prevPos = posH[k] as number;
    const nextPos = posH[k + 2] as number;
    const m1 = at(i - 1);
    const c0 = c[i] as number;
    const p1 = at(i + 1);
    const cl = (clsAt(i - 1) << 8) | (clsAt(i) << 4) | clsAt(i + 1);
    const sur1 = lex.surname1.has(c0) ? 1 : 0;
    const sur2 =
      i + 1 < n && lex.surname2First.has(c0) && lex.surname2.has(String.fromCodePoint(c0, p1)) ? 2 : 0;
    const uc0 = uni[i + 2] as number;
    const ws = wordStart[i] as number;
    const we = wordEnd[i] as number;
    let wordShape = 0;
    let wordLast = 0;
    if (ws >= 0) {
      const len = we - ws;
      if (i === ws) {
        const lenBucket = len <= 4 ? len - 2 : len <= 6 ? 3 : 4;
        const sur = lex.surname1.has(c[ws] as number) ? 1 : 0;
        wordInfo = (lenBucket << 2) | (lex.suffixTypeOf(c, ws, we) << 5) | (sur << 7);
      }
      wordShape = (i === ws ? 1 : i === we - 1 ? 3 : 2) | wordInfo;
      wordLast = c[we - 1] as number;
    }
    // templates of one family share a group of adjacent buckets (slot in the low bits), so the
    // rows a character needs at neighbouring positions sit together in memory
    let f = i * NUM_FEATURES;
    out[f++] = bias;
    out[f++] = (uni[i] as number) | 0; // char at -2
    out[f++] = (uni[i + 1] as number) | 1; // char at -1
    out[f++] = uc0 | 2; // char
    out[f++] = (uni[i + 3] as number) | 3; // char at +1
    out[f++] = (uni[i + 4] as number) | 4; // char at +2
    out[f++] = uc0 | (5 + bies); // char with its word position
    out[f++] = (bi[i] as number) | 0; // bigram -2..-1
    out[f++] = (bi[i + 1] as number) | 1; // bigram -1..0
    out[f++] = (bi[i + 2] as number) | 2; // bigram 0..+1
    out[f++] = (bi[i + 3] as number) | 3; // bigram +1..+2
    out[f++] = mix(11, m1, c0, p1) >>> shift; // trigram -1..+1
    out[f++] = mix(13, cl, 0, 0) >>> shift;
    out[f++] = mix(14, bies, pos, 0) >>> shift;
    out[f++] = mix(15, bies, pos, c0) >>> shift;
    out[f++] = mix(16, prevPos, pos, bies) >>> shift;
    out[f++] = mix(17, pos, nextPos, bies) >>> shift;
    out[f++] = (wordH[k + 1] as number) | bies; // the token
    out[f++] = (wordH[k] as number) | (4 + bies); // the previous token
    out[f++] = (wordH[k + 2] as number) | (8 + bies); // the next token
    out[f++] = mix(21, sur1 | sur2, bies, tlen) >>> shift;
    out[f++] = mix(22, (title[k] as number) | ((title[k + 2] as number) << 1), bies, pos) >>> shift;
    out[f++] = mix(23, sfx[k + 1] as number, bies, pos) >>> shift;
    out[f++] = mix(24, sfx[k + 2] as number, bies, nextPos) >>> shift;
    out[f++] = mix(28, gzEdge[i] as number, bies, 0) >>> shift;
    out[f++] = mix(29, gzLong[i] as number, bies, 0) >>> shift;
    // dictionary gazetteer (shipped place and organization lists, world places)
    out[f++] = mix(34, dcEdge[i] as number, bies, 0) >>> shift;
    out[f++] = mix(35, dcLong[i] as number, bies, 0) >>> shift;
    // external segmentation vocabulary (MSR): position in the matched word × its length, suffix class
    // and surname start × the segmenter's word position; and position × length × the word's last character
    out[f++] = mix(36, wordShape, bies, 0) >>> shift;
    out[f++] = mix(37, wordShape & 31, wordLast, 0) >>> shift;
  }
}

/**
 * Templates that get a second, convention-specific copy for text annotated in the character-BIO
 * convention (`pd1998-ner`: 中国政府 = 中国 LOC + 政府 O, 邓小平理论 = 邓小平 PERSON + 理论 O), where
 * People's Daily brackets the compound as one organization or none. Text of that convention adds the
 * copies' weights to the shared ones; People's Daily text (and the default prediction) uses the
 * shared weights only, so the copies learn the conventions' differences and cost nothing by default.
 * The model file lists the templates it was trained with (`conventionTemplates`).
 * Default: the bias (tag prior), the character, the bigrams around it, the token and its neighbours.
 */
export const CONVENTION_TEMPLATES = [0, 3, 8, 9, 17, 18, 19];

/**
 * The convention copies `out[i * templates.length + j]` of a window's feature buckets (call it before
 * sparseEmissions, which overwrites the buckets).
 */
export function conventionFeatures(
  feats: Int32Array,
  n: number,
  bits: number,
  templates: readonly number[],
  out: Int32Array,
): void {
  const shift = 32 - bits;
  const k = templates.length;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < k; j++) {
      const bucket = feats[i * NUM_FEATURES + (templates[j] as number)] as number;
      out[i * k + j] = mix(90 + j, bucket, 0, 0) >>> shift;
    }
  }
}
