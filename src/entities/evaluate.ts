import {
  baselineTagger,
  type EvalResult,
  evaluateSpans,
  type GoldFormat,
  jiebaPosBaseline,
  readGold,
  readPd,
} from '../ner/eval.js';
import type { Pipeline } from '../pipeline.js';

const SCORED = new Set(['PERSON', 'LOC', 'ORG']);

/** Scores of the pipeline's PERSON / LOC / ORG entities, and of the jieba-POS baseline, on a gold file. */
export interface NerEvaluation {
  documents: number;
  zhtag: EvalResult;
  baseline: EvalResult;
}

/**
 * Reads a gold file (`pd1998`, `bio` or `cluener`) and scores `pipeline.annotate` on it with exact
 * span matching (a PERSON is the whole name), beside the jieba-POS baseline (nr/ns/nt as entities).
 */
export function evaluateNer(
  pipeline: Pipeline,
  gold: string,
  format: GoldFormat,
  options: { limit?: number; days?: [number, number] } = {},
): NerEvaluation {
  const { limit = Number.POSITIVE_INFINITY, days } = options;
  // People's Daily ids start with the date (19980121-...): `days` keeps a held-out range.
  const inDays = (id: string) =>
    !days || (Number(id.slice(0, 8)) >= days[0] && Number(id.slice(0, 8)) <= days[1]);
  const records = (format === 'pd1998' && days ? readPd(gold, inDays) : readGold(format, gold)).slice(
    0,
    limit,
  );
  const golds = records.map((record) => record.entities);
  const predicted = records.map((record) =>
    pipeline.annotate(record.text).entities.filter((entity) => SCORED.has(entity.label)),
  );
  const tagger = baselineTagger();
  const baseline = records.map((record) => jiebaPosBaseline(record.text, tagger));
  return {
    documents: records.length,
    zhtag: evaluateSpans(golds, predicted),
    baseline: evaluateSpans(golds, baseline),
  };
}

/** The evaluation as a Markdown table: P / R / F1 per label and micro, zhtag beside the baseline. */
export function formatEvaluation(evaluation: NerEvaluation): string {
  const rows = ['| system | label | P | R | F1 |', '|---|---|---|---|---|'];
  for (const [name, result] of [
    ['zhtag', evaluation.zhtag],
    ['jieba POS baseline', evaluation.baseline],
  ] as const) {
    const cells = { ...result.perLabel, micro: result.micro };
    for (const [label, prf] of Object.entries(cells)) {
      rows.push(
        `| ${name} | ${label} | ${prf.precision.toFixed(3)} | ${prf.recall.toFixed(3)} | ${prf.f1.toFixed(3)} |`,
      );
    }
  }
  return rows.join('\n');
}
