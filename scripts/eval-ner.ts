/**
 * Evaluate the shipped NER model against the jieba-POS baseline:
 * `npx tsx scripts/eval-ner.ts [--model dictionaries/models/ner.bin.gz] [--data DIR]`.
 *
 * Datasets (under `--data`, else ZHTAG_DATA, else ../shared/data beside the repository):
 * - People's Daily 1998-01-21..25 (held out from training), PD conventions + j-abbreviation mapping;
 *   and the same days segmented without the words of jieba's dictionary that only they use (jieba's
 *   dictionary holds People's Daily 1998 counts: this row is how the model does on unseen vocabulary);
 * - pd1998-ner/example.dev (character BIO): only the half of its sentences (by index parity) the
 *   model did not train on (`exampleDevTrainedHalf` in the model metadata), or all of it for a model
 *   that never saw it; predicted in the BIO convention when the model has one (NerModel.withConvention);
 * - CLUENER2020 train.json rows from 80% on (never trained on), name/address/government/organization/company.
 * A dataset whose file is absent is skipped with a message.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  type BioHalf,
  baselineTagger,
  bioHalf,
  type EvalResult,
  evaluateSpans,
  type GoldRecord,
  jiebaPosBaseline,
  otherHalf,
  pdWords,
  readBio,
  readCluener,
  readPd,
  taggerWithout,
} from '../src/ner/eval.js';
import { NerModel } from '../src/ner/model.js';
import type { Tagger } from '../src/ner/window.js';
import { dataDir as dataDirOf } from './data.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: { model: { type: 'string', default: 'dictionaries/models/ner.bin.gz' }, data: { type: 'string' } },
});
const dataDir = dataDirOf(args.data);
const modelPath = path.resolve(repoRoot, args.model);

const t0 = performance.now();
const model = NerModel.load(modelPath);
const loadMs = performance.now() - t0;
console.log(
  `model ${path.relative(repoRoot, modelPath)}: ${model.info.trainedOn} (loaded in ${loadMs.toFixed(0)} ms)`,
);
console.log(`data: ${dataDir}\n`);

interface Dataset {
  name: string;
  file: string;
  read: (file: string) => GoldRecord[];
  /** the model instance to score with (default: the loaded model) */
  model?: NerModel;
  /** the segmenter of the model and of the baseline (default: jieba with its own dictionary) */
  tagger?: () => Tagger;
}

// example.dev: never score sentences the model trained on
const trainedHalf = model.meta.exampleDevTrainedHalf as BioHalf | undefined;
const devHalf = trainedHalf ? otherHalf(trainedHalf) : undefined;
const devName = devHalf
  ? `pd1998-ner example.dev, ${devHalf} sentences only (the model trained on the ${trainedHalf} ones)`
  : 'pd1998-ner example.dev';
const devModel = model.withConvention('bio');
if (devModel.convention === 'bio')
  console.log('example.dev is predicted in the BIO convention (withConvention)\n');

const pdFile = path.join(dataDir, 'pd1998', '199801-01to25.txt');
const pdDay = (id: string): number => Number(id.slice(0, 8));
const heldOutDay = (id: string): boolean => pdDay(id) >= 19980121 && pdDay(id) <= 19980125;

const datasets: Dataset[] = [
  {
    name: 'PD 1998-01-21..25 (held out)',
    file: pdFile,
    read: (f) => readPd(f, heldOutDay),
  },
  {
    // jieba's dictionary was compiled with People's Daily 1998 counts: it knows the rare words of the
    // held-out days (60% of the words that only they use) and tags their names nr / ns / nt, which
    // text the dictionary never saw does not get. Here the segmenter (the model's and the baseline's)
    // runs without the words those days use and the training days do not.
    name: 'PD 1998-01-21..25 (held out), segmenter dictionary without the words only these days use (as for unseen text)',
    file: pdFile,
    read: (f) => readPd(f, heldOutDay),
    tagger: () => {
      const seen = pdWords(pdFile, (id) => pdDay(id) <= 19980120);
      const heldOut = pdWords(pdFile, heldOutDay);
      return taggerWithout(new Set([...heldOut].filter((w) => !seen.has(w))));
    },
  },
  {
    name: devName,
    file: path.join(dataDir, 'pd1998-ner', 'example.dev'),
    read: (f) => (devHalf ? bioHalf(readBio(f), devHalf) : readBio(f)),
    model: devModel,
  },
  ...(devModel.convention === 'bio'
    ? [
        {
          name: `${devName}, predicted in the People's Daily convention (the pipeline's default; --convention bio gives the table above)`,
          file: path.join(dataDir, 'pd1998-ner', 'example.dev'),
          read: (f: string) => (devHalf ? bioHalf(readBio(f), devHalf) : readBio(f)),
        },
      ]
    : []),
  {
    name: 'CLUENER train.json last 20%',
    file: path.join(dataDir, 'cluener2020', 'train.json'),
    read: (f) => {
      const total = readFileSync(f, 'utf8')
        .split('\n')
        .filter((l) => l.trim()).length;
      return readCluener(f, Math.floor(total * 0.8));
    },
  },
];

const pct = (x: number): string => (x * 100).toFixed(1).padStart(5);
function rows(system: string, r: EvalResult): string[] {
  const out: string[] = [];
  for (const [label, s] of [...Object.entries(r.perLabel), ['micro', r.micro] as const]) {
    out.push(
      `| ${system.padEnd(14)} | ${String(label).padEnd(6)} | ${pct(s.precision)} | ${pct(s.recall)} | ${pct(s.f1)} | ${String(s.tp + s.fn).padStart(6)} |`,
    );
  }
  return out;
}

for (const ds of datasets) {
  if (!existsSync(ds.file)) {
    console.log(`## ${ds.name}\nskipped: ${ds.file} not found\n`);
    continue;
  }
  const recs = ds.read(ds.file);
  const chars = recs.reduce((a, r) => a + r.text.length, 0);
  const gold = recs.map((r) => r.entities);
  const tagger = ds.tagger ? ds.tagger() : baselineTagger();
  const t1 = performance.now();
  const scorer = ds.model ?? (ds.tagger ? model.withTagger(tagger) : model);
  const pred = recs.map((r) => scorer.predict(r.text));
  const sec = (performance.now() - t1) / 1000;
  const base = recs.map((r) => jiebaPosBaseline(r.text, tagger));
  console.log(
    `## ${ds.name}: ${recs.length} records, ${chars} chars (model ${(chars / sec / 1000).toFixed(0)}k chars/s incl. jieba)`,
  );
  console.log('| system         | label  |     P |     R |    F1 |   gold |');
  console.log('|----------------|--------|-------|-------|-------|--------|');
  for (const line of rows('model', evaluateSpans(gold, pred))) console.log(line);
  for (const line of rows('jieba POS', evaluateSpans(gold, base))) console.log(line);
  console.log('');
}
