/**
 * Averaged structured perceptron over precomputed feature buckets (training only).
 */
import { addEmissions, emissions, NUM_TAGS, transitionMask } from './decode.js';
import { NUM_FEATURES } from './features.js';
import { viterbi } from './viterbi.js';

/** One training window: feature buckets (n * NUM_FEATURES) and gold tags (n). */
export interface TrainItem {
  feats: Int32Array;
  gold: Uint8Array;
  /** optional constraint: allowed tags per position as a bitmask (partial annotation), n entries */
  allowedTags?: Uint16Array;
  /** convention-specific feature copies (n * k, features.ts conventionFeatures), for BIO-convention text */
  convention?: Int32Array;
}

/** Small deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Trainer {
  readonly w: Float32Array;
  private readonly u: Float64Array;
  readonly trans: Float32Array;
  private readonly transU: Float64Array;
  private readonly mask = transitionMask();
  private c = 1;
  private em = new Float32Array(0);
  private tags = new Uint8Array(0);
  private back = new Uint8Array(0);
  private best = new Uint8Array(0);
  private readonly score = new Float64Array(2 * NUM_TAGS);

  constructor(readonly bits: number) {
    this.w = new Float32Array((1 << bits) * NUM_TAGS);
    this.u = new Float64Array((1 << bits) * NUM_TAGS);
    this.trans = new Float32Array(NUM_TAGS * NUM_TAGS + 2 * NUM_TAGS);
    this.transU = new Float64Array(this.trans.length);
  }

  private ensure(n: number): void {
    if (this.tags.length >= n) return;
    this.em = new Float32Array(n * NUM_TAGS);
    this.tags = new Uint8Array(n);
    this.best = new Uint8Array(n);
    this.back = new Uint8Array(n * NUM_TAGS);
  }

  private updateFeat(
    feats: Int32Array,
    i: number,
    tag: number,
    delta: number,
    extra: Int32Array | undefined,
    nk: number,
  ): void {
    const c = this.c;
    for (let f = 0; f < NUM_FEATURES; f++) {
      const k = (feats[i * NUM_FEATURES + f] as number) * NUM_TAGS + tag;
      this.w[k] = (this.w[k] as number) + delta;
      this.u[k] = (this.u[k] as number) + c * delta;
    }
    if (!extra) return;
    for (let f = 0; f < nk; f++) {
      const k = (extra[i * nk + f] as number) * NUM_TAGS + tag;
      this.w[k] = (this.w[k] as number) + delta;
      this.u[k] = (this.u[k] as number) + c * delta;
    }
  }

  private updateTrans(k: number, delta: number): void {
    this.trans[k] = (this.trans[k] as number) + delta;
    this.transU[k] = (this.transU[k] as number) + this.c * delta;
  }

  /** One perceptron step; returns the number of wrongly predicted positions. */
  step(item: TrainItem): number {
    const n = item.gold.length;
    if (n === 0) return 0;
    this.ensure(n);
    const T = NUM_TAGS;
    emissions(item.feats, n, this.w, this.em);
    const nk = item.convention ? item.convention.length / n : 0;
    if (item.convention) addEmissions(item.convention, nk, n, this.w, this.em);
    viterbi(this.em, n, this.trans, this.mask, this.tags, this.back, this.score);
    let gold = item.gold;
    if (item.allowedTags) {
      // latent gold: the best sequence consistent with the partial annotation
      const em2 = this.em.slice(0, n * T);
      for (let i = 0; i < n; i++) {
        const allowedBits = item.allowedTags[i] as number;
        for (let t = 0; t < T; t++) if (!(allowedBits & (1 << t))) em2[i * T + t] = -1e9;
      }
      viterbi(em2, n, this.trans, this.mask, this.best, this.back, this.score);
      gold = this.best.subarray(0, n);
    }
    let errors = 0;
    for (let i = 0; i < n; i++) if (gold[i] !== this.tags[i]) errors++;
    if (errors > 0) {
      for (let i = 0; i < n; i++) {
        const g = gold[i] as number;
        const p = this.tags[i] as number;
        if (g !== p) {
          this.updateFeat(item.feats, i, g, 1, item.convention, nk);
          this.updateFeat(item.feats, i, p, -1, item.convention, nk);
        }
        const gp = i === 0 ? T * T + g : (gold[i - 1] as number) * T + g;
        const pp = i === 0 ? T * T + p : (this.tags[i - 1] as number) * T + p;
        if (gp !== pp) {
          this.updateTrans(gp, 1);
          this.updateTrans(pp, -1);
        }
      }
      const ge = T * T + T + (gold[n - 1] as number);
      const pe = T * T + T + (this.tags[n - 1] as number);
      if (ge !== pe) {
        this.updateTrans(ge, 1);
        this.updateTrans(pe, -1);
      }
    }
    this.c++;
    return errors;
  }

  /** Averaged parameters (weights, transitions). */
  averaged(): { weights: Float32Array; trans: Float32Array } {
    const c = this.c;
    const weights = new Float32Array(this.w.length);
    for (let k = 0; k < weights.length; k++) weights[k] = (this.w[k] as number) - (this.u[k] as number) / c;
    const trans = new Float32Array(this.trans.length);
    for (let k = 0; k < trans.length; k++)
      trans[k] = (this.trans[k] as number) - (this.transU[k] as number) / c;
    return { weights, trans };
  }
}
