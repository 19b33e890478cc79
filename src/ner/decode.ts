/**
 * BIOES tag set, transition constraints, emission scoring and Viterbi decoding.
 */
import { NUM_FEATURES } from './features.js';
import { NER_LABELS } from './labels.js';

/** Tags: 0 = O; for label k: B = 1 + 4k, I = 2 + 4k, E = 3 + 4k, S = 4 + 4k. */
export const NUM_TAGS = 1 + 4 * NER_LABELS.length;

export const tagB = (k: number): number => 1 + 4 * k;
export const tagI = (k: number): number => 2 + 4 * k;
export const tagE = (k: number): number => 3 + 4 * k;
export const tagS = (k: number): number => 4 + 4 * k;
/** Label index of a tag (-1 for O). */
export const tagLabel = (t: number): number => (t === 0 ? -1 : (t - 1) >> 2);
/** 0 B, 1 I, 2 E, 3 S (undefined for O). */
export const tagPart = (t: number): number => (t - 1) & 3;

/** Can `to` follow `from` (use -1 for the start of a window)? */
export function allowed(from: number, to: number): boolean {
  const open = from >= 0 && from !== 0 && tagPart(from) <= 1; // inside an entity after B or I
  if (open) return (tagPart(to) === 1 || tagPart(to) === 2) && to !== 0 && tagLabel(to) === tagLabel(from);
  return to === 0 || tagPart(to) === 0 || tagPart(to) === 3;
}

/** Can a window end in tag t? */
export function allowedEnd(t: number): boolean {
  return t === 0 || tagPart(t) >= 2;
}

/** Emission scores `em[i * NUM_TAGS + t]` from feature buckets and a weight table. */
export function emissions(
  feats: Int32Array,
  n: number,
  w: Float32Array | Int16Array,
  em: Float32Array,
): void {
  const T = NUM_TAGS;
  em.fill(0, 0, n * T);
  for (let i = 0; i < n; i++) {
    const o = i * T;
    const fo = i * NUM_FEATURES;
    for (let f = 0; f < NUM_FEATURES; f++) {
      const base = (feats[fo + f] as number) * T;
      for (let t = 0; t < T; t++) em[o + t] = (em[o + t] as number) + (w[base + t] as number);
    }
  }
}

/** Adds the weights of `k` more features per character (stride k) to emission scores. */
export function addEmissions(
  feats: Int32Array,
  k: number,
  n: number,
  w: Float32Array | Int16Array,
  em: Float32Array,
): void {
  const T = NUM_TAGS;
  for (let i = 0; i < n; i++) {
    const o = i * T;
    for (let f = 0; f < k; f++) {
      const base = (feats[i * k + f] as number) * T;
      for (let t = 0; t < T; t++) em[o + t] = (em[o + t] as number) + (w[base + t] as number);
    }
  }
}

const NEG = -1e30;
/**
 * Viterbi over emissions with learned transitions `trans[from * T + to]` (index T*T.. for start,
 * T*T+T.. for end) under any transition mask. The hot path uses the unrolled `viterbi` of
 * viterbi.ts (same result); this one is the reference it is tested against.
 */
export function viterbiGeneric(
  em: Float32Array,
  n: number,
  trans: Float32Array,
  mask: Uint8Array,
  out: Uint8Array,
  back: Uint8Array,
  score: Float64Array,
): void {
  const T = NUM_TAGS;
  if (n === 0) return;
  const startOff = T * T;
  const endOff = T * T + T;
  let prev = score.subarray(0, T);
  let cur = score.subarray(T, 2 * T);
  for (let t = 0; t < T; t++) {
    prev[t] = mask[startOff + t] ? (em[t] as number) + (trans[startOff + t] as number) : NEG;
  }
  const preds = predecessors(mask);
  for (let i = 1; i < n; i++) {
    const eo = i * T;
    for (let t = 0; t < T; t++) {
      const list = preds[t] as Int32Array;
      let best = NEG;
      let arg = 0;
      for (let q = 0; q < list.length; q++) {
        const p = list[q] as number;
        const s = (prev[p] as number) + (trans[p * T + t] as number);
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      cur[t] = best + (em[eo + t] as number);
      back[eo + t] = arg;
    }
    const tmp = prev;
    prev = cur;
    cur = tmp;
  }
  let best = NEG * 2;
  let arg = 0;
  for (let t = 0; t < T; t++) {
    if (!mask[endOff + t]) continue;
    const s = (prev[t] as number) + (trans[endOff + t] as number);
    if (s > best) {
      best = s;
      arg = t;
    }
  }
  out[n - 1] = arg;
  for (let i = n - 1; i > 0; i--) {
    arg = back[i * T + arg] as number;
    out[i - 1] = arg;
  }
}

const predCache = new WeakMap<Uint8Array, Int32Array[]>();

/** Allowed predecessors of each tag under a transition mask (cached per mask object). */
function predecessors(mask: Uint8Array): Int32Array[] {
  let preds = predCache.get(mask);
  if (!preds) {
    preds = [];
    for (let t = 0; t < NUM_TAGS; t++) {
      const list: number[] = [];
      for (let p = 0; p < NUM_TAGS; p++) if (mask[p * NUM_TAGS + t]) list.push(p);
      preds.push(Int32Array.from(list));
    }
    predCache.set(mask, preds);
  }
  return preds;
}

/** Transition mask: `[T*T]` pairs, then T start flags, then T end flags. */
export function transitionMask(): Uint8Array {
  const T = NUM_TAGS;
  const m = new Uint8Array(T * T + 2 * T);
  for (let p = 0; p < T; p++) for (let t = 0; t < T; t++) m[p * T + t] = allowed(p, t) ? 1 : 0;
  for (let t = 0; t < T; t++) {
    m[T * T + t] = allowed(-1, t) ? 1 : 0;
    m[T * T + T + t] = allowedEnd(t) ? 1 : 0;
  }
  return m;
}

/** Entity spans `[s, e)` in tag positions from a (valid or not) BIOES sequence. */
export function tagsToSpans(tags: Uint8Array, n: number): Array<{ s: number; e: number; label: number }> {
  const spans: Array<{ s: number; e: number; label: number }> = [];
  let start = -1;
  let label = -1;
  for (let i = 0; i < n; i++) {
    const t = tags[i] as number;
    const lab = tagLabel(t);
    const part = tagPart(t);
    if (t === 0) {
      start = -1;
      continue;
    }
    if (part === 3) {
      spans.push({ s: i, e: i + 1, label: lab });
      start = -1;
    } else if (part === 0) {
      start = i;
      label = lab;
    } else if (start >= 0 && lab === label) {
      if (part === 2) {
        spans.push({ s: start, e: i + 1, label });
        start = -1;
      }
    } else {
      start = -1;
    }
  }
  return spans;
}

/** Gold BIOES tags from spans over `n` positions. */
export function spansToTags(spans: Array<{ s: number; e: number; label: number }>, n: number): Uint8Array {
  const tags = new Uint8Array(n);
  for (const sp of spans) {
    if (sp.e <= sp.s || sp.s < 0 || sp.e > n) continue;
    if (sp.e - sp.s === 1) tags[sp.s] = tagS(sp.label);
    else {
      tags[sp.s] = tagB(sp.label);
      for (let i = sp.s + 1; i < sp.e - 1; i++) tags[i] = tagI(sp.label);
      tags[sp.e - 1] = tagE(sp.label);
    }
  }
  return tags;
}
