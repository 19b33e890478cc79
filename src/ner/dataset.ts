/**
 * Turning gold records into training windows (features + BIOES tags).
 */
import { LABELS, NUM_TAGS, spansToTags, tagLabel } from './decode.js';
import type { GoldRecord } from './eval.js';
import { extractFeatures, NUM_FEATURES } from './features.js';
import type { Gazetteer } from './gazetteer.js';
import type { Lexicon } from './lexicon.js';
import type { TrainItem } from './trainer.js';
import { prepareWindow, type Tagger, windows } from './window.js';

/**
 * Windows of one record. With `partial` set to label indices, only those labels are annotated
 * (others are unknown): positions outside gold spans may take any tag but those labels'.
 */
export function recordToItems(
  rec: GoldRecord,
  tagger: Tagger,
  lex: Lexicon,
  bits: number,
  gazetteer: Gazetteer | undefined,
  partial?: number[],
): TrainItem[] {
  const items: TrainItem[] = [];
  for (const [ws, we] of windows(rec.text)) {
    const win = prepareWindow(rec.text, ws, we, tagger);
    const n = win.cp.n;
    if (n === 0) continue;
    const feats = new Int32Array(n * NUM_FEATURES);
    extractFeatures(win.cp, win.tokens, lex, bits, feats, gazetteer);
    const toCp = new Map<number, number>();
    for (let i = 0; i <= n; i++) toCp.set(win.cp.offsets[i] as number, i);
    const spans: Array<{ s: number; e: number; label: number }> = [];
    for (const ent of rec.entities) {
      if (ent.start < ws || ent.end > we) continue;
      const s = toCp.get(ent.start);
      const e = toCp.get(ent.end);
      if (s !== undefined && e !== undefined && e > s) spans.push({ s, e, label: LABELS.indexOf(ent.label) });
    }
    const gold = spansToTags(spans, n);
    const item: TrainItem = { feats, gold };
    if (partial !== undefined) {
      const allowedTags = new Uint16Array(n);
      const any = (1 << NUM_TAGS) - 1;
      let notPartial = 0;
      for (let t = 0; t < NUM_TAGS; t++) if (!partial.includes(tagLabel(t))) notPartial |= 1 << t;
      for (let i = 0; i < n; i++) {
        const g = gold[i] as number;
        allowedTags[i] = g !== 0 ? 1 << g : notPartial;
      }
      void any;
      item.allowedTags = allowedTags;
    }
    items.push(item);
  }
  return items;
}
