import { existsSync, readFileSync } from 'node:fs';
import { ZhtagError } from '../errors.js';
import { CLUENER_TITLE_TYPES } from '../ner/conventions.js';
import {
  type BioHalf,
  baselineTagger,
  bioHalf,
  type EvalResult,
  evaluateSpans,
  type GoldFormat,
  jiebaPosBaseline,
  type Prf,
  readGold,
  readPd,
  readTaggedSet,
  UNMARKED_LABELS,
} from '../ner/eval.js';
import { byPosition, settleOverlaps } from '../overlaps.js';
import type { Pipeline } from '../pipeline.js';
import type { Doc, Entity } from '../types.js';

const SCORED = new Set(['PERSON', 'LOC', 'ORG']);

/** Scores of the pipeline's PERSON / LOC / ORG entities, and of the jieba-POS baseline, on a gold file. */
export interface NerEvaluation {
  documents: number;
  zhtag: EvalResult;
  baseline: EvalResult;
  /**
   * The pipeline's TITLE entities, where the gold marks titles (CLUENER `position`). Kept out of
   * `zhtag.micro` so that the micro figure stays comparable with the baseline, which has no titles.
   */
  titles?: Prf;
}

export interface EvaluateOptions {
  /** Score only the first N documents (after `from` / `to`). */
  limit?: number;
  /** pd1998 only: keep the paragraphs whose id (date) lies in this range, e.g. [19980121, 19980125]. */
  days?: [number, number];
  /**
   * Keep the documents from `floor(n * from)` to `floor(n * to)` of the n in the file: `from: 0.8`
   * is the last 20% of CLUENER train.json, which the shipped model never trained on.
   */
  from?: number;
  to?: number;
  /**
   * bio only: keep the sentences whose index has this parity. The shipped NER model trained on one
   * half of `pd1998-ner/example.dev` (`exampleDevTrainedHalf` in dictionaries/models/ner.json): score
   * the other.
   */
  half?: BioHalf;
}

interface Span {
  start: number;
  end: number;
}

/** CLUENER `position` spans (inclusive code-point ends) as UTF-16 spans, by line index. */
function readCluenerTitles(path: string): Map<string, Span[]> {
  const out = new Map<string, Span[]>();
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (!line.trim()) return;
      let row: { text: string; label?: Record<string, Record<string, number[][]>> };
      try {
        row = JSON.parse(line);
      } catch (error) {
        throw new ZhtagError('E_INPUT', `${path}:${i + 1}: not a JSON object (${(error as Error).message})`, {
          file: path,
          line: i + 1,
        });
      }
      if (typeof row.text !== 'string') {
        throw new ZhtagError('E_INPUT', `${path}:${i + 1}: field "text" must be a string`, {
          file: path,
          line: i + 1,
        });
      }
      const u16 = [0];
      for (const ch of row.text) u16.push((u16[u16.length - 1] as number) + ch.length);
      const spans: Span[] = [];
      for (const [type, byString] of Object.entries(row.label ?? {})) {
        if (!CLUENER_TITLE_TYPES[type]) continue;
        for (const [s, e] of Object.values(byString).flat()) {
          const start = u16[s as number];
          const end = u16[(e as number) + 1];
          if (start !== undefined && end !== undefined && end > start) spans.push({ start, end });
        }
      }
      out.set(String(i), spans);
    });
  return out;
}

/** Exact-match P / R / F1 of one kind of span; `gold[i]` and `predicted[i]` belong to document i. */
export function scoreSpans(gold: Span[][], predicted: Span[][]): Prf {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let d = 0; d < Math.max(gold.length, predicted.length); d++) {
    const g = new Set((gold[d] ?? []).map((s) => `${s.start}:${s.end}`));
    const p = new Set((predicted[d] ?? []).map((s) => `${s.start}:${s.end}`));
    const matched = [...p].filter((key) => g.has(key)).length;
    tp += matched;
    fp += p.size - matched;
    fn += g.size - matched;
  }
  const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
  const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp, fp, fn, precision, recall, f1 };
}

function checkFraction(name: string, value: number | undefined): void {
  if (value !== undefined && !(value >= 0 && value <= 1)) {
    throw new ZhtagError('E_USAGE', `option "${name}" must be a fraction between 0 and 1, got ${value}`);
  }
}

/**
 * Reads a gold file (`pd1998`, `bio`, `cluener`, `resume` or `weibo`) and scores `pipeline.annotate`
 * on it with exact span matching (a PERSON is the whole name), beside the jieba-POS baseline (nr/ns/nt
 * as entities). On CLUENER (`position`) and Resume (`TITLE`), the titles also score the pipeline's
 * TITLE entities (`titles`).
 */
export function evaluateNer(
  pipeline: Pipeline,
  gold: string,
  format: GoldFormat,
  options: EvaluateOptions = {},
): NerEvaluation {
  const { limit = Number.POSITIVE_INFINITY, days, from = 0, to = 1 } = options;
  checkFraction('from', from);
  checkFraction('to', to);
  if (from >= to)
    throw new ZhtagError('E_USAGE', `option "from" (${from}) must be below option "to" (${to})`);
  // People's Daily ids start with the date (19980121-...): `days` keeps a held-out range.
  const inDays = (id: string) =>
    !days || (Number(id.slice(0, 8)) >= days[0] && Number(id.slice(0, 8)) <= days[1]);
  if (!existsSync(gold)) throw new ZhtagError('E_INPUT', `gold file not found: ${gold}`, { file: gold });
  // titles first: their reader names the line of a broken JSON row
  const titleGold =
    format === 'cluener'
      ? readCluenerTitles(gold)
      : format === 'resume'
        ? readTaggedSet('resume', gold).titles
        : undefined;
  if (options.half !== undefined && format !== 'bio') {
    throw new ZhtagError('E_USAGE', `option "half" applies to the bio format only, got ${format}`);
  }
  const read = format === 'pd1998' && days ? readPd(gold, inDays) : readGold(format, gold);
  const all = options.half ? bioHalf(read, options.half) : read;
  const records = all.slice(Math.floor(all.length * from), Math.floor(all.length * to)).slice(0, limit);
  const golds = records.map((record) => record.entities);
  const docs = records.map((record) => pipeline.annotate(record.text));
  const annotated = docs.map((doc) => doc.entities);
  const unmarked = UNMARKED_LABELS[format];
  const marked = (entities: Array<{ label: string }>) =>
    unmarked ? entities.filter((e) => !unmarked.has(e.label)) : entities;
  const predicted = docs.map((doc) => marked(scoredNames(doc)) as Entity[]);
  const tagger = baselineTagger();
  const baseline = records.map(
    (record) => marked(jiebaPosBaseline(record.text, tagger)) as ReturnType<typeof jiebaPosBaseline>,
  );
  const evaluation: NerEvaluation = {
    documents: records.length,
    zhtag: evaluateSpans(golds, predicted),
    baseline: evaluateSpans(golds, baseline),
  };
  if (titleGold) {
    evaluation.titles = scoreSpans(
      records.map((record) => titleGold.get(record.id ?? '') ?? []),
      annotated.map((entities) => entities.filter((entity) => entity.label === 'TITLE')),
    );
  }
  return evaluation;
}

/**
 * The PERSON / LOC / ORG a document reports: its flat entities, plus the names nested inside a policy
 * term. POLICY is outside the NER label set, and a flat layer cannot hold both 有中国特色社会主义 and the
 * 中国 inside it, so the name goes to `spans.nested`; it is reported all the same and scored as such.
 * Names nested inside another name (焦作市 in 焦作市委) are not counted: the flat one is the answer.
 */
export function scoredNames(doc: Doc): Entity[] {
  const flat = doc.entities.filter((entity) => SCORED.has(entity.label));
  const policies = doc.entities.filter((entity) => entity.label === 'POLICY');
  if (policies.length === 0 || !doc.spans?.nested) return flat;
  const inPolicy = doc.spans.nested.filter(
    (entity) =>
      SCORED.has(entity.label) &&
      policies.some((policy) => policy.start <= entity.start && entity.end <= policy.end) &&
      !flat.some((other) => other.start < entity.end && entity.start < other.end),
  );
  return [...flat, ...settleOverlaps(inPolicy, () => 0, new Uint8Array(doc.text.length)).kept].sort(
    byPosition,
  );
}

/** The evaluation as a Markdown table: P / R / F1 per label and micro, zhtag beside the baseline. */
export function formatEvaluation(evaluation: NerEvaluation): string {
  const rows = ['| system | label | P | R | F1 |', '|---|---|---|---|---|'];
  const row = (name: string, label: string, prf: Prf) =>
    `| ${name} | ${label} | ${prf.precision.toFixed(3)} | ${prf.recall.toFixed(3)} | ${prf.f1.toFixed(3)} |`;
  for (const [name, result] of [
    ['zhtag', evaluation.zhtag],
    ['jieba POS baseline', evaluation.baseline],
  ] as const) {
    for (const [label, prf] of Object.entries(result.perLabel)) rows.push(row(name, label, prf));
    rows.push(row(name, 'micro (PERSON/LOC/ORG)', result.micro));
    if (name === 'zhtag' && evaluation.titles) rows.push(row(name, 'TITLE', evaluation.titles));
  }
  return rows.join('\n');
}
