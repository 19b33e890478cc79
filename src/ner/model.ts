/**
 * Statistical named-entity recognizer (PERSON / LOC / ORG) for Chinese news: a character-level
 * BIOES tagger with hashed features and an averaged structured perceptron, decoded with Viterbi.
 * The model is an immutable object: load it once and pass it around.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { emissions, LABELS, NUM_TAGS, tagsToSpans, transitionMask, viterbi } from './decode.js';
import { extractFeatures, NUM_FEATURES } from './features.js';
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
  [extra: string]: unknown;
}

/** Quantized, pruned model parameters. */
export interface NerParams {
  meta: NerModelMeta;
  /** transitions in perceptron units: T*T pairs, T start, T end */
  trans: Float32Array;
  /** dense weights `[bucket * T + tag]`, int16 (multiply by meta.scale) */
  weights: Int16Array;
}

function createTagger(): Tagger {
  return Jieba.withDict(dict);
}

export class NerModel {
  readonly info: { version: string; trainedOn: string; labels: string[] };
  readonly meta: NerModelMeta;
  private readonly weights: Int16Array;
  private readonly trans: Float32Array;
  private readonly mask: Uint8Array;
  private readonly lexicon: Lexicon;
  private tagger: Tagger | undefined;

  constructor(params: NerParams, tagger?: Tagger) {
    const { meta } = params;
    if (meta.numFeatures !== NUM_FEATURES || meta.numTags !== NUM_TAGS) {
      throw new Error(`NerModel: incompatible model (features ${meta.numFeatures}, tags ${meta.numTags})`);
    }
    this.meta = meta;
    this.info = { version: meta.version, trainedOn: meta.trainedOn, labels: [...meta.labels] };
    this.weights = params.weights;
    // transitions are kept in int16 weight units so that emissions need no scaling
    this.trans = params.trans.map((v) => v / meta.scale);
    this.mask = transitionMask();
    this.lexicon = new Lexicon();
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
    return new NerModel(
      { meta: this.meta, trans: this.trans.map((v) => v * this.meta.scale), weights: this.weights },
      tagger,
    );
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
    extractFeatures(win.cp, win.tokens, this.lexicon, this.meta.bits, bufs.feats);
    emissions(bufs.feats, n, this.weights, bufs.em);
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

/** Serialize averaged float weights: quantize to int16, drop rows whose weights all round to |q| < minQ. */
export function encodeParams(
  meta: Omit<NerModelMeta, 'scale'>,
  trans: Float32Array,
  weights: Float32Array,
  minQ = 1,
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
    for (let t = 0; t < T; t++)
      if (Math.abs(Math.round((weights[r * T + t] as number) / scale)) >= minQ) keep = true;
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
  const weights = new Int16Array((1 << meta.bits) * T);
  const vals = new Int16Array(
    buf.buffer.slice(buf.byteOffset + at + nVar, buf.byteOffset + at + nVar + nRows * T * 2),
  );
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
    weights.set(vals.subarray(k * T, k * T + T), r * T);
  }
  return { meta, trans, weights };
}
