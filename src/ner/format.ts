/**
 * The NER model file: gzip of magic `ZHNER02\n`, u32 length + JSON metadata, float32 transitions
 * (13×13 + start + end), u32 row count, u32 varint byte count, varint-delta bucket ids of the kept
 * rows, then per row 13 int8 weights and one step code (weight = int8 × STEPS[code]).
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { zhtagError } from '../errors.js';
import { NUM_TAGS } from './decode.js';
import type { GazetteerEntries } from './gazetteer.js';

const MAGIC = 'ZHNER02\n';

/** Everything stored in a model file besides the weights. */
export interface NerModelMeta {
  version: string;
  trainedOn: string;
  labels: string[];
  bits: number;
  numFeatures: number;
  numTags: number;
  /** entity names for the gazetteer features */
  gazetteer?: GazetteerEntries;
  /** names of the dictionary gazetteer (dictionaries/gazetteer files and world places, dictnames.ts) */
  dictionaryGazetteer?: GazetteerEntries;
  /** hashed membership of the MSR segmentation vocabulary (`WordHashes.serialize`, wordhash.ts) */
  segmentationWords?: string;
  [extra: string]: unknown;
}

/** Quantized, pruned model parameters. */
export interface NerParams {
  meta: NerModelMeta;
  /** transitions in perceptron units: T*T pairs, T start, T end */
  trans: Float32Array;
  /** buckets with non-zero weights, ascending */
  rows: Uint32Array;
  /**
   * int8 weights of those buckets, `[row * ROW_STRIDE + tag]`, and at `[row * ROW_STRIDE + 13]` the
   * row's step code q: weight = value * STEPS[q & 255] (perceptron units)
   */
  vals: Int8Array;
}

/** Rows are padded to 16 bytes so that four rows share a cache line and none straddles two. */
export const ROW_STRIDE = 16;
/** Per-row quantization steps: geometric, 2^(1/16) apart, from 2^-12 perceptron units. */
export const STEPS = Float64Array.from({ length: 256 }, (_, q) => 2 ** (q / 16 - 12));

/**
 * Serialize averaged float weights: drop rows whose weights are all below `minAbs` (perceptron
 * units), quantize each kept row to int8 with its own geometric step (relative error <= 1/254 of
 * the row's largest weight).
 */
export function encodeParams(
  meta: NerModelMeta,
  trans: Float32Array,
  weights: Float32Array,
  minAbs = 0.5,
): Buffer {
  const T = NUM_TAGS;
  const rows = weights.length / T;
  const idx: number[] = [];
  const packed: number[] = [];
  for (let r = 0; r < rows; r++) {
    let max = 0;
    for (let t = 0; t < T; t++) max = Math.max(max, Math.abs(weights[r * T + t] as number));
    if (max < minAbs) continue;
    idx.push(r);
    const q = Math.min(255, Math.max(0, Math.ceil(16 * (Math.log2(max / 127) + 12) - 1e-9)));
    const step = STEPS[q] as number;
    for (let t = 0; t < T; t++) {
      packed.push(Math.max(-127, Math.min(127, Math.round((weights[r * T + t] as number) / step))));
    }
    packed.push(q > 127 ? q - 256 : q);
  }
  const metaBuf = Buffer.from(JSON.stringify(meta), 'utf8');
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
  const valBuf = Buffer.from(Int8Array.from(packed).buffer);
  return gzipSync(Buffer.concat([head, transBuf, counts, Buffer.from(varints), valBuf]), { level: 9 });
}

/** Decodes a model file's bytes; `source` (its path, say) names it in the `E_MODEL` error of a bad file. */
export function decodeParams(gz: Buffer, source = 'buffer'): NerParams {
  const buf = gz[0] === 0x1f && gz[1] === 0x8b ? gunzipSync(gz) : gz;
  if (buf.toString('latin1', 0, 8) !== MAGIC) {
    throw zhtagError(
      'E_MODEL',
      `${source}: not a zhtag NER model of this version (retrain with npm run train)`,
    );
  }
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
  const vals = new Int8Array(nRows * ROW_STRIDE);
  const raw = new Int8Array(buf.buffer, buf.byteOffset + at + nVar, nRows * (T + 1));
  for (let k = 0; k < nRows; k++) vals.set(raw.subarray(k * (T + 1), (k + 1) * (T + 1)), k * ROW_STRIDE);
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
