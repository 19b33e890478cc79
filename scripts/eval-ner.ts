/**
 * Evaluate the shipped NER model against the jieba-POS baseline:
 * `npx tsx scripts/eval-ner.ts [--model dictionaries/models/ner.bin.gz]`.
 *
 * Datasets (under ZHTAG_DATA, default ../shared/data relative to the repository):
 * - People's Daily 1998-01-21..25 (held out from training), PD conventions + j-abbreviation mapping;
 * - pd1998-ner/example.dev (character BIO);
 * - CLUENER2020 train.json rows from 80% on (never trained on), name/address/government/organization/company.
 * A dataset whose file is absent is skipped with a message.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  baselineTagger,
  type EvalResult,
  evaluateSpans,
  type GoldRecord,
  jiebaPosBaseline,
  readBio,
  readCluener,
  readPd,
} from '../src/ner/eval.js';
import { NerModel } from '../src/ner/model.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = process.env.ZHTAG_DATA ?? path.resolve(repoRoot, '..', 'shared', 'data');
const mi = process.argv.indexOf('--model');
const modelPath = path.resolve(
  repoRoot,
  mi >= 0 && process.argv[mi + 1] ? (process.argv[mi + 1] as string) : 'dictionaries/models/ner.bin.gz',
);

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
}

const datasets: Dataset[] = [
  {
    name: 'PD 1998-01-21..25 (held out)',
    file: path.join(dataDir, 'pd1998', '199801-01to25.txt'),
    read: (f) =>
      readPd(f, (id) => {
        const d = Number(id.slice(0, 8));
        return d >= 19980121 && d <= 19980125;
      }),
  },
  { name: 'pd1998-ner example.dev', file: path.join(dataDir, 'pd1998-ner', 'example.dev'), read: readBio },
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
  const t1 = performance.now();
  const pred = recs.map((r) => model.predict(r.text));
  const sec = (performance.now() - t1) / 1000;
  const tagger = baselineTagger();
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
