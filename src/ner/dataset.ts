/**
 * Turning gold records into training windows (features + BIOES tags).
 */
import { NUM_TAGS, spansToTags, tagLabel } from './decode.js';
import type { GoldRecord } from './eval.js';
import { conventionFeatures, extractFeatures, NUM_FEATURES } from './features.js';
import type { Gazetteer } from './gazetteer.js';
import { NER_LABELS, type NerLabel } from './labels.js';
import type { Lexicon } from './lexicon.js';
import type { TrainItem } from './trainer.js';
import { prepareWindow, type Tagger, windows } from './window.js';
import type { WordHashes } from './wordhash.js';

/** How `recordToItems` turns a record into windows. */
export interface RecordItemsOptions {
  /** The segmenter whose tokens the features read. */
  tagger: Tagger;
  lexicon: Lexicon;
  /** Hash bits of the feature table. */
  bits: number;
  /** Names collected from the training data (jackknifed by the caller). */
  gazetteer?: Gazetteer;
  /** Names of the shipped dictionary gazetteer. */
  dictionary?: Gazetteer;
  /** The external segmentation vocabulary (hashed). */
  words?: WordHashes;
  /**
   * Partial annotation: only these labels are annotated exhaustively. Positions outside gold spans
   * must be O, except inside `open` regions, where they may take any tag but those labels'.
   */
  partial?: readonly NerLabel[];
  /** With `partial`: UTF-16 ranges (CLUENER addresses, say) where the other labels may occur. */
  open?: readonly { start: number; end: number }[];
  /** The windows also carry the convention copies of these feature templates (features.ts). */
  conventionTemplates?: readonly number[];
}

/** The training windows (features + BIOES tags) of one gold record. */
export function recordToItems(rec: GoldRecord, options: RecordItemsOptions): TrainItem[] {
  const { tagger, lexicon, bits, gazetteer, dictionary, words, conventionTemplates, open = [] } = options;
  const partial = options.partial?.map((label) => NER_LABELS.indexOf(label));
  const items: TrainItem[] = [];
  for (const [ws, we] of windows(rec.text)) {
    const win = prepareWindow(rec.text, ws, we, tagger);
    const n = win.n;
    if (n === 0) continue;
    const feats = new Int32Array(n * NUM_FEATURES);
    extractFeatures(win, lexicon, bits, feats, gazetteer, undefined, dictionary, words);
    const toCp = new Map<number, number>();
    for (let i = 0; i <= n; i++) toCp.set(win.offsets[i] as number, i);
    const spans: Array<{ s: number; e: number; label: number }> = [];
    for (const ent of rec.entities) {
      if (ent.start < ws || ent.end > we) continue;
      const s = toCp.get(ent.start);
      const e = toCp.get(ent.end);
      if (s !== undefined && e !== undefined && e > s)
        spans.push({ s, e, label: NER_LABELS.indexOf(ent.label) });
    }
    const gold = spansToTags(spans, n);
    const item: TrainItem = { feats, gold };
    if (conventionTemplates) {
      item.convention = new Int32Array(n * conventionTemplates.length);
      conventionFeatures(feats, n, bits, conventionTemplates, item.convention);
    }
    if (partial !== undefined) {
      const allowedTags = new Uint16Array(n);
      let notPartial = 0;
      for (let t = 0; t < NUM_TAGS; t++) if (!partial.includes(tagLabel(t))) notPartial |= 1 << t;
      for (let i = 0; i < n; i++) {
        const g = gold[i] as number;
        const u = win.offsets[i] as number;
        const inOpen = open.some((r) => r.start <= u && u < r.end);
        allowedTags[i] = g !== 0 ? 1 << g : inOpen ? notPartial : 1;
      }
      item.allowedTags = allowedTags;
    }
    items.push(item);
  }
  return items;
}
