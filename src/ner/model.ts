/**
 * Statistical named-entity recognizer (PERSON / LOC / ORG) for Chinese news: a character-level
 * BIOES tagger with hashed features and an averaged structured perceptron, decoded with Viterbi.
 * Load a model once and pass it around: it is immutable apart from private scratch buffers that
 * predict() reuses (predict runs synchronously to completion, so they are never shared).
 */
import { readFileSync } from 'node:fs';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { zhtagError } from '../errors.js';
import { bioConventionSpan } from './bio-spans.js';
import { NUM_TAGS, tagsToSpans, transitionMask } from './decode.js';
import { conventionFeatures, extractFeatures, FeatureScratch, NUM_FEATURES } from './features.js';
import { decodeParams, type NerModelMeta, type NerParams, STEPS } from './format.js';
import { Gazetteer } from './gazetteer.js';
import { NER_LABELS, type NerLabel } from './labels.js';
import { Lexicon } from './lexicon.js';
import { viterbi } from './viterbi.js';
import {
  type SegToken,
  type Tagger,
  type TokenArrays,
  tagText,
  tokenArrays,
  WindowBuffers,
  windows,
} from './window.js';
import { WordHashes } from './wordhash.js';

export {
  decodeParams,
  encodeParams,
  type NerModelMeta,
  type NerParams,
  ROW_STRIDE,
  STEPS,
} from './format.js';

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

/** UTF-16 units of text handed to the segmenter at once (whole windows). */
const TAG_CHUNK = 4096;

function popcount(v: number): number {
  let x = v - ((v >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/**
 * Byte offset of a bucket's weight row (16 bytes a row), or -1 when the bucket has none: the bitmap
 * half of `index` says whether it has a row, the rank half plus a popcount where the row is.
 */
function rowOffset(index: Uint32Array, words: number, bucket: number): number {
  const w = bucket >>> 5;
  const word = index[w] as number;
  const bit = bucket & 31;
  if (!((word >>> bit) & 1)) return -1;
  return ((index[words + w] as number) + (bit === 0 ? 0 : popcount(word << (32 - bit)))) << 4;
}

/**
 * Emission scores from the sparse weight table: `index` holds a bitmap word per 32 buckets (which
 * buckets have weights), then as its second half the rank of each word (rows before it). Rare
 * (pruned) features cost one bit test. (Interleaving bitmap and rank words, one cache line a lookup
 * instead of two, changed nothing measurable: paired runs in one process, speed ratio 0.996.)
 */
export function sparseEmissions(
  feats: Int32Array,
  n: number,
  index: Uint32Array,
  vals: Int8Array,
  em: Float32Array,
): void {
  const nf = n * NUM_FEATURES;
  const words = index.length >>> 1;
  // pass 1: row offsets of the features that have weights; the loads of this pass do not depend
  // on each other, so the CPU overlaps their cache misses
  for (let k = 0; k < nf; k++) feats[k] = rowOffset(index, words, feats[k] as number);
  // pass 2: sum the rows, unrolled over the 13 tags (NUM_TAGS); a row is read as four 32-bit
  // words (13 int8 weights and the step code, little-endian) rather than 14 byte loads
  // (every Node.js platform is little-endian; the constructor checks it)
  const v32 = new Int32Array(vals.buffer, vals.byteOffset, vals.length >>> 2);
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
      const base = feats[fo + f] as number;
      if (base < 0) continue;
      const w = base >>> 2;
      const w0 = v32[w] as number;
      const w1 = v32[w + 1] as number;
      const w2 = v32[w + 2] as number;
      const w3 = v32[w + 3] as number;
      const q = STEPS[(w3 >>> 8) & 255] as number;
      s0 += ((w0 << 24) >> 24) * q;
      s1 += ((w0 << 16) >> 24) * q;
      s2 += ((w0 << 8) >> 24) * q;
      s3 += (w0 >> 24) * q;
      s4 += ((w1 << 24) >> 24) * q;
      s5 += ((w1 << 16) >> 24) * q;
      s6 += ((w1 << 8) >> 24) * q;
      s7 += (w1 >> 24) * q;
      s8 += ((w2 << 24) >> 24) * q;
      s9 += ((w2 << 16) >> 24) * q;
      s10 += ((w2 << 8) >> 24) * q;
      s11 += (w2 >> 24) * q;
      s12 += ((w3 << 24) >> 24) * q;
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

/**
 * Adds the weights of the convention copies (k a character) to the emissions: the plain loop of
 * sparseEmissions, run only when a model predicts in the BIO convention.
 */
function addSparseEmissions(
  feats: Int32Array,
  n: number,
  k: number,
  index: Uint32Array,
  vals: Int8Array,
  em: Float32Array,
): void {
  const words = index.length >>> 1;
  for (let f = 0; f < n * k; f++) {
    const row = rowOffset(index, words, feats[f] as number);
    if (row < 0) continue;
    const q = STEPS[(vals[row + 13] as number) & 255] as number;
    const o = Math.floor(f / k) * NUM_TAGS;
    for (let t = 0; t < NUM_TAGS; t++) em[o + t] = (em[o + t] as number) + (vals[row + t] as number) * q;
  }
}

/**
 * Annotation convention of the predictions: `pd1998` (People's Daily: 中国政府 one ORG, no names
 * inside 邓小平理论) or `bio` (the character-BIO sets: 中国 LOC + 政府, 邓小平 PERSON + 理论). A model
 * trained without BIO-convention data predicts the same under both.
 */
export type NerConvention = 'pd1998' | 'bio';

/** Lookup structures built from the model file, shared (read-only) by the instances of one model. */
export interface ModelLookups {
  gazetteer: Gazetteer;
  dictionary: Gazetteer | undefined;
  /** hashed external segmentation vocabulary (MSR), wordhash.ts */
  words: WordHashes | undefined;
}

function buildLookups(meta: NerModelMeta): ModelLookups {
  return {
    gazetteer: new Gazetteer(meta.gazetteer ?? {}),
    dictionary: meta.dictionaryGazetteer ? new Gazetteer(meta.dictionaryGazetteer) : undefined,
    words:
      typeof meta.segmentationWords === 'string' ? WordHashes.deserialize(meta.segmentationWords) : undefined,
  };
}

export class NerModel {
  readonly info: { version: string; trainedOn: string; labels: string[] };
  readonly meta: NerModelMeta;
  private readonly params: NerParams;
  private readonly index: Uint32Array;
  private readonly trans: Float32Array;
  private readonly mask: Uint8Array;
  private readonly lexicon: Lexicon;
  private readonly lookups: ModelLookups;
  private tagger: Tagger | undefined;
  private bufs: Buffers | undefined;

  /** the convention this instance predicts in (withConvention) */
  readonly convention: NerConvention;
  /** feature templates with a BIO-convention copy (empty: the model has none) */
  private readonly conventionTemplates: number[];

  constructor(
    params: NerParams,
    tagger?: Tagger,
    convention: NerConvention = 'pd1998',
    lookups: ModelLookups = buildLookups(params.meta),
  ) {
    const { meta } = params;
    if (meta.numFeatures !== NUM_FEATURES || meta.numTags !== NUM_TAGS || NUM_TAGS !== 13) {
      throw zhtagError('E_MODEL', `incompatible model (features ${meta.numFeatures}, tags ${meta.numTags})`);
    }
    if (new Uint8Array(Uint16Array.of(1).buffer)[0] !== 1)
      throw zhtagError('E_MODEL', 'needs a little-endian CPU');
    this.meta = meta;
    this.info = { version: meta.version, trainedOn: meta.trainedOn, labels: [...meta.labels] };
    this.params = params;
    const words = Math.ceil((1 << meta.bits) / 32);
    const index = new Uint32Array(2 * words);
    for (const r of params.rows) {
      const k = r >>> 5;
      index[k] = ((index[k] as number) | (1 << (r & 31))) >>> 0;
    }
    let acc = 0;
    for (let w = 0; w < words; w++) {
      index[words + w] = acc;
      acc += popcount(index[w] as number);
    }
    this.index = index;
    this.trans = params.trans;
    this.mask = transitionMask();
    this.lexicon = new Lexicon();
    this.lookups = lookups;
    this.tagger = tagger;
    const templates = meta.conventionTemplates;
    this.conventionTemplates = Array.isArray(templates) ? templates.map(Number) : [];
    this.convention = this.conventionTemplates.length > 0 ? convention : 'pd1998';
  }

  static load(path: string): NerModel {
    let buf: Buffer;
    try {
      buf = readFileSync(path);
    } catch (error) {
      const reason =
        (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
      throw zhtagError('E_MODEL', `${path}: ${reason}`);
    }
    return NerModel.fromBuffer(buf, path);
  }

  static fromBuffer(buf: Buffer, source = 'buffer'): NerModel {
    return new NerModel(decodeParams(buf, source));
  }

  /** Use this segmenter (instead of a private jieba instance) when predict() gets no tokens. */
  withTagger(tagger: Tagger): NerModel {
    return new NerModel(this.params, tagger, this.convention, this.lookups);
  }

  /** The same model predicting in another annotation convention (weights shared, nothing copied). */
  withConvention(convention: NerConvention): NerModel {
    return new NerModel(this.params, this.tagger, convention, this.lookups);
  }

  private getTagger(): Tagger {
    if (!this.tagger) this.tagger = createTagger();
    return this.tagger;
  }

  predict(text: string, tokens?: NerToken[]): NerSpan[] {
    const out: NerSpan[] = [];
    if (typeof text !== 'string' || text.length === 0) return out;
    // predict() runs to completion synchronously, so one set of scratch buffers per model is safe
    this.bufs ??= new Buffers();
    const bufs = this.bufs;
    const wins = windows(text);
    if (tokens) {
      const toks = tokenArrays(tokens as SegToken[]);
      const cursor = { i: 0 };
      for (const [ws, we] of wins) this.decodeWindow(text, ws, we, toks, cursor, bufs, out);
      return out;
    }
    // the segmenter runs once per chunk of whole windows (one native call per window is slow);
    // windows end at punctuation, where jieba cuts anyway, so tokens match per-window tagging
    const tagger = this.getTagger();
    let w = 0;
    while (w < wins.length) {
      const from = (wins[w] as [number, number])[0];
      let last = w;
      while (last + 1 < wins.length && (wins[last] as [number, number])[1] - from < TAG_CHUNK) last++;
      const toks = tagText(tagger, text, from, (wins[last] as [number, number])[1]);
      const cursor = { i: 0 };
      for (; w <= last; w++) {
        const [ws, we] = wins[w] as [number, number];
        this.decodeWindow(text, ws, we, toks, cursor, bufs, out);
      }
    }
    return out;
  }

  private decodeWindow(
    text: string,
    ws: number,
    we: number,
    toks: TokenArrays,
    cursor: { i: number },
    bufs: Buffers,
    out: NerSpan[],
  ): void {
    const win = bufs.win;
    win.fill(text, ws, we, toks, cursor);
    const n = win.n;
    if (n === 0) return;
    bufs.ensure(n);
    extractFeatures(
      win,
      this.lexicon,
      this.meta.bits,
      bufs.feats,
      this.lookups.gazetteer,
      bufs.featScratch,
      this.lookups.dictionary,
      this.lookups.words,
    );
    const bio = this.convention === 'bio';
    const k = this.conventionTemplates.length;
    if (bio) {
      if (bufs.conv.length < n * k) bufs.conv = new Int32Array(Math.max(n, 320) * k);
      conventionFeatures(bufs.feats, n, this.meta.bits, this.conventionTemplates, bufs.conv);
    }
    sparseEmissions(bufs.feats, n, this.index, this.params.vals, bufs.em);
    if (bio) addSparseEmissions(bufs.conv, n, k, this.index, this.params.vals, bufs.em);
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
      margin = margin / (sp.e - sp.s);
      const span: NerSpan = {
        start: win.offsets[sp.s] as number,
        end: win.offsets[sp.e] as number,
        label: NER_LABELS[sp.label] as NerLabel,
        score: Math.round((1 / (1 + Math.exp(-margin / 4))) * 1000) / 1000,
      };
      const kept = bio ? bioConventionSpan(text, span) : span;
      if (kept) out.push(kept);
    }
  }
}

/** Reusable scratch arrays of predict(). */
class Buffers {
  readonly win = new WindowBuffers();
  readonly featScratch = new FeatureScratch();
  feats = new Int32Array(0);
  conv = new Int32Array(0);
  em = new Float32Array(0);
  tags = new Uint8Array(0);
  back = new Uint8Array(0);
  score = new Float64Array(2 * NUM_TAGS);
  ensure(n: number): void {
    if (this.tags.length >= n) return;
    const cap = Math.max(n, 320);
    this.feats = new Int32Array(cap * NUM_FEATURES);
    this.em = new Float32Array(cap * NUM_TAGS);
    this.tags = new Uint8Array(cap);
    this.back = new Uint8Array(cap * NUM_TAGS);
  }
}
