/**
 * Modern political news: the pipeline against the modern-news annotation (2022–2024 新闻联播 items,
 * annotated by the set's GUIDELINES.md). Prints exact-span P/R/F per label and officials P/R/F at three
 * levels (person, position, full), the figures of the set's reference scorer (score-officials.mjs).
 *
 *   npm run eval:modern [-- --gold FILE] [--out PRED.jsonl] [--misses]
 *
 * FILE defaults to modern-news/dev.jsonl in the data folder (--data, else ZHTAG_DATA, else ../shared/data).
 * --out writes the predicted records (JSONL) for the reference scorer; --misses lists the officials'
 * full-level misses and extras.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type GoldDoc, OFFICIAL_LEVELS, scoreLabelledSpans, scoreOfficials } from '../src/eval/modern.js';
import { createPipeline } from '../src/index.js';
import { dataDir } from './data.js';

const LABELS = ['PERSON', 'TITLE', 'ORG', 'LOC', 'POLICY'] as const;

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    gold: { type: 'string' },
    out: { type: 'string' },
    misses: { type: 'boolean', default: false },
  },
});
const goldPath = values.gold ?? path.join(dataDir(values.data), 'modern-news', 'dev.jsonl');

const gold: GoldDoc[] = readFileSync(goldPath, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as GoldDoc);

const pipeline = createPipeline();
const started = performance.now();
const predicted = gold.map((doc) => pipeline.annotate({ id: doc.id, text: doc.text }));
const seconds = (performance.now() - started) / 1000;
if (values.out) writeFileSync(values.out, predicted.map((doc) => JSON.stringify(doc)).join('\n') + '\n');

const characters = gold.reduce((sum, doc) => sum + doc.text.length, 0);
console.log(`${path.relative(process.cwd(), goldPath)}: ${gold.length} documents, ${characters} characters`);
console.log(`annotated in ${seconds.toFixed(1)} s\n`);

const percent = (x: number) => x.toFixed(3);
const spans = scoreLabelledSpans(gold, predicted, LABELS);
console.log('spans (exact)     P      R      F1     tp   fp   fn');
for (const label of [...LABELS, '*']) {
  const s = spans[label];
  if (!s) continue;
  const name = label === '*' ? 'all' : label;
  console.log(
    `  ${name.padEnd(12)} ${percent(s.precision)}  ${percent(s.recall)}  ${percent(s.f1)}  ${String(s.tp).padStart(4)} ${String(s.fp).padStart(4)} ${String(s.fn).padStart(4)}`,
  );
}
const officials = scoreOfficials(gold, predicted);
console.log('\nofficials         P      R      F1     tp   fp   fn');
for (const level of OFFICIAL_LEVELS) {
  const s = officials.levels[level];
  console.log(
    `  ${level.padEnd(12)} ${percent(s.precision)}  ${percent(s.recall)}  ${percent(s.f1)}  ${String(s.tp).padStart(4)} ${String(s.fp).padStart(4)} ${String(s.fn).padStart(4)}`,
  );
}
if (values.misses) {
  console.log('\nmissed (full level):');
  for (const line of officials.misses) console.log(`  ${line}`);
  console.log('\nextra (full level):');
  for (const line of officials.extras) console.log(`  ${line}`);
}
