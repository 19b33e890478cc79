/**
 * Averaged structured perceptron over precomputed feature buckets (training only), with
 * passive-aggressive (PA-I) step sizes: a window's update is as large as it must be to put the gold
 * tags ahead of the prediction by a margin that grows with the number of wrong tags, and no larger
 * than a clip (Crammer et al. 2006). Plain perceptron steps of 1 with `paScale` 0.
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
  private readonly diff = new Map<number, number>();

  /**
   * `paScale` > 0: PA-I steps, the Hamming loss (wrong tags) scaled by `paScale` (the scale of the
   * weights: about twice the feature count gives steps near 2 perceptron units), clipped at `paClip`;
   * 0: plain perceptron steps of 1.
   */
  constructor(
    readonly bits: number,
    private readonly opts: { paScale?: number; paClip?: number } = {},
  ) {
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

  /**
   * PA-I step size: (paScale × wrong tags − (score(gold) − score(prediction))) / ‖Δφ‖², clipped at
   * paClip. ‖Δφ‖² counts each (feature, tag) and transition by its net count: a feature that fires
   * at several wrong positions (the bias, a repeated character) counts squared.
   */
  private paStep(item: TrainItem, gold: Uint8Array, n: number, nk: number, errors: number): number {
    const T = NUM_TAGS;
    const tags = this.tags;
    const margin = this.seqScore(gold, n) - this.seqScore(tags, n);
    const diff = this.diff;
    diff.clear();
    const add = (key: number, v: number): void => {
      diff.set(key, (diff.get(key) ?? 0) + v);
    };
    // (feature, tag) pairs get keys >= 0, transitions negative keys
    for (let i = 0; i < n; i++) {
      const g = gold[i] as number;
      const p = tags[i] as number;
      if (g !== p) {
        for (let f = 0; f < NUM_FEATURES; f++) {
          const b = (item.feats[i * NUM_FEATURES + f] as number) * T;
          add(b + g, 1);
          add(b + p, -1);
        }
        for (let f = 0; f < nk; f++) {
          const b = ((item.convention as Int32Array)[i * nk + f] as number) * T;
          add(b + g, 1);
          add(b + p, -1);
        }
      }
      add(-1 - (i === 0 ? T * T + g : (gold[i - 1] as number) * T + g), 1);
      add(-1 - (i === 0 ? T * T + p : (tags[i - 1] as number) * T + p), -1);
    }
    add(-1 - (T * T + T + (gold[n - 1] as number)), 1);
    add(-1 - (T * T + T + (tags[n - 1] as number)), -1);
    let norm = 0;
    for (const v of diff.values()) norm += v * v;
    if (norm === 0) return 0;
    return Math.min(
      this.opts.paClip ?? Number.POSITIVE_INFINITY,
      ((this.opts.paScale ?? 0) * errors - margin) / norm,
    );
  }

  /** Score of a tag sequence under emissions `em` and the current transitions. */
  private seqScore(tags: Uint8Array, n: number): number {
    const T = NUM_TAGS;
    let sc = 0;
    for (let i = 0; i < n; i++) {
      const t = tags[i] as number;
      sc += this.em[i * T + t] as number;
      sc += this.trans[i === 0 ? T * T + t : (tags[i - 1] as number) * T + t] as number;
    }
    return sc + (this.trans[T * T + T + (tags[n - 1] as number)] as number);
  }

  /** One training step; returns the number of wrongly predicted positions. */
  step(item: TrainItem): number {
    const n = item.gold.length;
    if (n === 0) return 0;
    this.ensure(n);
    const T = NUM_TAGS;
    emissions(item.feats, n, this.w, this.em);
    const nk = item.convention ? item.convention.length / n : 0;
    if (item.convention) addEmissions(item.convention, nk, n, this.w, this.em);
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
    viterbi(this.em, n, this.trans, this.mask, this.tags, this.back, this.score);
    let errors = 0;
    for (let i = 0; i < n; i++) if (gold[i] !== this.tags[i]) errors++;
    if (errors === 0) {
      this.c++;
      return 0;
    }
    const delta = (this.opts.paScale ?? 0) > 0 ? this.paStep(item, gold, n, nk, errors) : 1;
    if (!(delta > 0)) {
      this.c++;
      return errors;
    }
    for (let i = 0; i < n; i++) {
      const g = gold[i] as number;
      const p = this.tags[i] as number;
      if (g !== p) {
        this.updateFeat(item.feats, i, g, delta, item.convention, nk);
        this.updateFeat(item.feats, i, p, -delta, item.convention, nk);
      }
      const gp = i === 0 ? T * T + g : (gold[i - 1] as number) * T + g;
      const pp = i === 0 ? T * T + p : (this.tags[i - 1] as number) * T + p;
      if (gp !== pp) {
        this.updateTrans(gp, delta);
        this.updateTrans(pp, -delta);
      }
    }
    const ge = T * T + T + (gold[n - 1] as number);
    const pe = T * T + T + (this.tags[n - 1] as number);
    if (ge !== pe) {
      this.updateTrans(ge, delta);
      this.updateTrans(pe, -delta);
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
