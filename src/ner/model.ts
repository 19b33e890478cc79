/**
 * Statistical named-entity recognizer (PERSON / LOC / ORG) for Chinese news: a character-level
 * BIOES tagger with hashed features and an averaged structured perceptron, decoded with Viterbi.
 * The model is an immutable object: load it once and pass it around.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { LABELS, NUM_TAGS, tagsToSpans, transitionMask, viterbi } from './decode.js';
import { extractFeatures, NUM_FEATURES } from './features.js';
import { Gazetteer, type GazetteerEntries } from './gazetteer.js';
import { Lexicon } from './lexicon.js';
import { type PreparedWindow, prepareWindow, type SegToken, type Tagger, windows } from './window.js';

export type NerLabel = 'PERSON' | 'LOC' | 'ORG';
/** An entity: UTF-16 offsets, half-open. */
export interface NerSpan {
  start: number;
  end: number;
  label: NerLabel;
  score: number;
}
/** A segmenter token of the same text (optional input to `predict`). */
export interface NerToken {
  start: number;
  end: number;
  pos: string;
}

const MAGIC = 'ZHNER01\n';

/** Everything stored in a model file besides the weights. */
export interface NerModelMeta {
  version: string;
  trainedOn: string;
  labels: string[];
  bits: number;
  numFeatures: number;
  numTags: number;
  /** multiply stored int16 weights by this to get perceptron units */
  scale: number;
  /** entity names for the gazetteer features */
  gazetteer?: GazetteerEntries;
  [extra: string]: unknown;
}

/** Quantized, pruned model parameters. */
export interface NerParams {
  meta: NerModelMeta;
  /** transitions in perceptron units: T*T pairs, T start, T end */
  trans: Float32Array;
  /** buckets with non-zero weights, ascending */
  rows: Uint32Array;
  /** int16 weights of those buckets, `[row * ROW_STRIDE + tag]` (multiply by meta.scale) */
  vals: Int16Array;
}

/** Rows are padded to 16 int16 (32 bytes) so that one row never straddles two cache lines. */
export const ROW_STRIDE = 16;

function popcount(v: number): number {
  let x = v - ((v >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/**
 * Emission scores from the sparse weight table: `index` interleaves, per 32 buckets, a bitmap word
 * (which buckets have weights) and a rank (rows before it). Rare (pruned) features cost one bit test.
 */
export function sparseEmissions(
  feats: Int32Array,
  n: number,
  index: Uint32Array,
  vals: Int16Array,
  em: Float32Array,
): void {
  // unrolled over the 13 tags (NUM_TAGS)
  for (let i = 0; i < n; i++) {
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let s4 = 0;
    let s5 = 0;
    let s6 = 0;
    let s7 = 0;
    let s8 = 0;
    let s9 = 0;
    let s10 = 0;
    let s11 = 0;
    let s12 = 0;
    const fo = i * NUM_FEATURES;
    for (let f = 0; f < NUM_FEATURES; f++) {
      const b = feats[fo + f] as number;
      const w2 = (b >>> 5) << 1;
      const word = index[w2] as number;
      const bit = b & 31;
      if (!((word >>> bit) & 1)) continue;
      const base = ((index[w2 + 1] as number) + (bit === 0 ? 0 : popcount(word << (32 - bit)))) << 4;
      s0 += vals[base + 0] as number;
      s1 += vals[base + 1] as number;
      s2 += vals[base + 2] as number;
      s3 += vals[base + 3] as number;
      s4 += vals[base + 4] as number;
      s5 += vals[base + 5] as number;
      s6 += vals[base + 6] as number;
      s7 += vals[base + 7] as number;
      s8 += vals[base + 8] as number;
      s9 += vals[base + 9] as number;
      s10 += vals[base + 10] as number;
      s11 += vals[base + 11] as number;
      s12 += vals[base + 12] as number;
    }
    const o = i * 13;
    em[o + 0] = s0;
    em[o + 1] = s1;
    em[o + 2] = s2;
    em[o + 3] = s3;
    em[o + 4] = s4;
    em[o + 5] = s5;
    em[o + 6] = s6;
    em[o + 7] = s7;
    em[o + 8] = s8;
    em[o + 9] = s9;
    em[o + 10] = s10;
    em[o + 11] = s11;
    em[o + 12] = s12;
  }
}

function createTagger(): Tagger {
  return Jieba.withDict(dict);
}

export class NerModel {
  readonly info: { version: string; trainedOn: string; labels: string[] };
  readonly meta: NerModelMeta;
  private readonly params: NerParams;
  private readonly index: Uint32Array;
  private readonly trans: Float32Array;
  private readonly mask: Uint8Array;
  private readonly lexicon: Lexicon;
  private readonly gazetteer: Gazetteer;
  private tagger: Tagger | undefined;

  constructor(params: NerParams, tagger?: Tagger) {
    const { meta } = params;
    if (meta.numFeatures !== NUM_FEATURES || meta.numTags !== NUM_TAGS || NUM_TAGS !== 13) {
      throw new Error(`NerModel: incompatible model (features ${meta.numFeatures}, tags ${meta.numTags})`);
    }
    this.meta = meta;
    this.info = { version: meta.version, trainedOn: meta.trainedOn, labels: [...meta.labels] };
    this.params = params;
    const words = Math.ceil((1 << meta.bits) / 32);
    const index = new Uint32Array(2 * words);
    for (const r of params.rows) {
      const k = (r >>> 5) << 1;
      index[k] = ((index[k] as number) | (1 << (r & 31))) >>> 0;
    }
    let acc = 0;
    for (let w = 0; w < words; w++) {
      index[2 * w + 1] = acc;
      acc += popcount(index[2 * w] as number);
    }
    this.index = index;
    // transitions are kept in int16 weight units so that emissions need no scaling
    this.trans = params.trans.map((v) => v / meta.scale);
    this.mask = transitionMask();
    this.lexicon = new Lexicon();
    this.gazetteer = new Gazetteer(meta.gazetteer ?? {});
    this.tagger = tagger;
  }

  static load(path: string): NerModel {
    return NerModel.fromBuffer(readFileSync(path));
  }

  static fromBuffer(buf: Buffer): NerModel {
    return new NerModel(decodeParams(buf));
  }

  /** Use this segmenter (instead of a private jieba instance) when predict() gets no tokens. */
  withTagger(tagger: Tagger): NerModel {
    return new NerModel(this.params, tagger);
  }

  private getTagger(): Tagger {
    if (!this.tagger) this.tagger = createTagger();
    return this.tagger;
  }

  predict(text: string, tokens?: NerToken[]): NerSpan[] {
    const out: NerSpan[] = [];
    if (typeof text !== 'string' || text.length === 0) return out;
    const sorted = tokens ? [...tokens].sort((a, b) => a.start - b.start) : undefined;
    const tagger = sorted ? undefined : this.getTagger();
    const cursor = { i: 0 };
    const bufs = new Buffers();
    for (const [ws, we] of windows(text)) {
      const win = prepareWindow(text, ws, we, tagger, sorted as SegToken[] | undefined, cursor);
      this.decodeWindow(win, bufs, out);
    }
    return out;
  }

  private decodeWindow(win: PreparedWindow, bufs: Buffers, out: NerSpan[]): void {
    const n = win.cp.n;
    if (n === 0) return;
    bufs.ensure(n);
    extractFeatures(win.cp, win.tokens, this.lexicon, this.meta.bits, bufs.feats, this.gazetteer);
    sparseEmissions(bufs.feats, n, this.index, this.params.vals, bufs.em);
    viterbi(bufs.em, n, this.trans, this.mask, bufs.tags, bufs.back, bufs.score);
    const T = NUM_TAGS;
    const em = bufs.em;
    for (const sp of tagsToSpans(bufs.tags, n)) {
      // confidence: mean margin of the chosen tag over the best other tag, squashed
      let margin = 0;
      for (let i = sp.s; i < sp.e; i++) {
        const chosen = bufs.tags[i] as number;
        let other = -Infinity;
        for (let t = 0; t < T; t++) if (t !== chosen) other = Math.max(other, em[i * T + t] as number);
        margin += (em[i * T + chosen] as number) - other;
      }
      margin = (margin / (sp.e - sp.s)) * this.meta.scale;
      out.push({
        start: win.cp.offsets[sp.s] as number,
        end: win.cp.offsets[sp.e] as number,
        label: LABELS[sp.label] as NerLabel,
        score: Math.round((1 / (1 + Math.exp(-margin / 4))) * 1000) / 1000,
      });
    }
  }
}

/** Reusable scratch arrays for one predict() call. */
class Buffers {
  feats = new Int32Array(0);
  em = new Float32Array(0);
  tags = new Uint8Array(0);
  back = new Uint8Array(0);
  score = new Float64Array(2 * NUM_TAGS);
  ensure(n: number): void {
    if (this.tags.length >= n) return;
    const cap = Math.max(n, 64);
    this.feats = new Int32Array(cap * NUM_FEATURES);
    this.em = new Float32Array(cap * NUM_TAGS);
    this.tags = new Uint8Array(cap);
    this.back = new Uint8Array(cap * NUM_TAGS);
  }
}

/** Serialize averaged float weights: quantize to int16, drop rows whose weights are all below `minAbs` (perceptron units). */
export function encodeParams(
  meta: Omit<NerModelMeta, 'scale'>,
  trans: Float32Array,
  weights: Float32Array,
  minAbs = 0.5,
): Buffer {
  const T = NUM_TAGS;
  let max = 0;
  for (let i = 0; i < weights.length; i++) max = Math.max(max, Math.abs(weights[i] as number));
  const scale = max > 0 ? max / 32767 : 1;
  const rows = weights.length / T;
  const idx: number[] = [];
  const vals: number[] = [];
  for (let r = 0; r < rows; r++) {
    let keep = false;
    for (let t = 0; t < T; t++) if (Math.abs(weights[r * T + t] as number) >= minAbs) keep = true;
    if (!keep) continue;
    idx.push(r);
    for (let t = 0; t < T; t++) vals.push(Math.round((weights[r * T + t] as number) / scale));
  }
  const metaBuf = Buffer.from(JSON.stringify({ ...meta, scale }), 'utf8');
  const varints: number[] = [];
  let prev = 0;
  for (const r of idx) {
    let d = r - prev;
    prev = r;
    while (d >= 0x80) {
      varints.push((d & 0x7f) | 0x80);
      d >>>= 7;
    }
    varints.push(d);
  }
  const head = Buffer.alloc(8 + 4 + metaBuf.length);
  head.write(MAGIC, 0, 'latin1');
  head.writeUInt32LE(metaBuf.length, 8);
  metaBuf.copy(head, 12);
  const transBuf = Buffer.from(new Float32Array(trans).buffer);
  const counts = Buffer.alloc(8);
  counts.writeUInt32LE(idx.length, 0);
  counts.writeUInt32LE(varints.length, 4);
  const valBuf = Buffer.from(Int16Array.from(vals).buffer);
  return gzipSync(Buffer.concat([head, transBuf, counts, Buffer.from(varints), valBuf]), { level: 9 });
}

export function decodeParams(gz: Buffer): NerParams {
  const buf = gz[0] === 0x1f && gz[1] === 0x8b ? gunzipSync(gz) : gz;
  if (buf.toString('latin1', 0, 8) !== MAGIC) throw new Error('NerModel: not a zhtag NER model');
  const metaLen = buf.readUInt32LE(8);
  const meta = JSON.parse(buf.toString('utf8', 12, 12 + metaLen)) as NerModelMeta;
  const T = meta.numTags;
  let at = 12 + metaLen;
  const nTrans = T * T + 2 * T;
  const trans = new Float32Array(nTrans);
  for (let i = 0; i < nTrans; i++) trans[i] = buf.readFloatLE(at + 4 * i);
  at += 4 * nTrans;
  const nRows = buf.readUInt32LE(at);
  const nVar = buf.readUInt32LE(at + 4);
  at += 8;
  const vals = new Int16Array(nRows * ROW_STRIDE);
  const raw = buf.subarray(at + nVar, at + nVar + nRows * T * 2);
  for (let k = 0; k < nRows; k++) {
    for (let t = 0; t < T; t++) vals[k * ROW_STRIDE + t] = raw.readInt16LE(2 * (k * T + t));
  }
  const rows = new Uint32Array(nRows);
  let r = 0;
  let p = at;
  for (let k = 0; k < nRows; k++) {
    let d = 0;
    let sh = 0;
    let b: number;
    do {
      b = buf[p++] as number;
      d += (b & 0x7f) * 2 ** sh;
      sh += 7;
    } while (b & 0x80);
    r += d;
    rows[k] = r;
  }
  return { meta, trans, rows, vals };
}
