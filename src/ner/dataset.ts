/**
 * Turning gold records into training windows (features + BIOES tags).
 */
import { NUM_TAGS, spansToTags, tagLabel } from './decode.js';
import type { GoldRecord } from './eval.js';
import { conventionFeatures, extractFeatures, NUM_FEATURES } from './features.js';
import type { Gazetteer } from './gazetteer.js';
import { NER_LABELS } from './labels.js';
import type { Lexicon } from './lexicon.js';
import type { TrainItem } from './trainer.js';
import { prepareWindow, type Tagger, windows } from './window.js';
import type { WordHashes } from './wordhash.js';

/**
 * Windows of one record. With `partial` set to label indices, only those labels are annotated
 * exhaustively: positions outside gold spans must be O, except inside `open` regions (UTF-16
 * ranges, e.g. CLUENER addresses), where they may take any tag but those labels'. With
 * `conventionTemplates`, the windows also carry the convention copies of their features (features.ts).
 */
export function recordToItems(
  rec: GoldRecord,
  tagger: Tagger,
  lex: Lexicon,
  bits: number,
  gazetteer: Gazetteer | undefined,
  partial?: number[],
  open: Array<{ start: number; end: number }> = [],
  dictionary?: Gazetteer,
  conventionTemplates?: readonly number[],
  words?: WordHashes,
): TrainItem[] {
  const items: TrainItem[] = [];
  for (const [ws, we] of windows(rec.text)) {
    const win = prepareWindow(rec.text, ws, we, tagger);
    const n = win.n;
    if (n === 0) continue;
    const feats = new Int32Array(n * NUM_FEATURES);
    extractFeatures(win, lex, bits, feats, gazetteer, undefined, dictionary, words);
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
