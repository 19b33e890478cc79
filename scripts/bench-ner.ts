/**
 * Time the NER model on People's Daily text: `npx tsx scripts/bench-ner.ts [--model FILE] [--data DIR]`.
 *
 * Measures load time and `predict` throughput (MB of UTF-8 per second of this process's CPU time,
 * best of 3 passes after a warm-up) on the held-out PD days (Jan 21–25), both with the caller's
 * jieba tokens and with the model segmenting for itself (how the pipeline calls it), next to
 * jieba's `tag` alone; for a model with BIO-convention copies, also `predict` in that convention.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { readPd } from '../src/ner/eval.js';
import { NerModel, type NerToken } from '../src/ner/model.js';
import { dataDir as dataDirOf } from './data.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: { model: { type: 'string', default: 'dictionaries/models/ner.bin.gz' }, data: { type: 'string' } },
});
const dataDir = dataDirOf(args.data);
const modelPath = path.resolve(repoRoot, args.model);

const t0 = performance.now();
const model = NerModel.load(modelPath);
console.log(`load: ${(performance.now() - t0).toFixed(0)} ms (${path.relative(repoRoot, modelPath)})`);

const texts = readPd(path.join(dataDir, 'pd1998', '199801-01to25.txt'), (id) => {
  const day = Number(id.slice(0, 8));
  return day >= 19980121 && day <= 19980125;
}).map((r) => r.text);
const bytes = texts.reduce((a, t) => a + Buffer.byteLength(t), 0);
const jieba = Jieba.withDict(dict);
const tokens: NerToken[][] = texts.map((text) => {
  let u = 0;
  return jieba.tag(text).map(({ word, tag }) => {
    const start = u;
    u += word.length;
    return { start, end: u, pos: tag };
  });
});

function time(name: string, run: () => void): void {
  run();
  let best = Number.POSITIVE_INFINITY;
  for (let rep = 0; rep < 3; rep++) {
    const c0 = process.cpuUsage();
    run();
    const c = process.cpuUsage(c0);
    best = Math.min(best, (c.user + c.system) / 1e6);
  }
  console.log(`${name.padEnd(28)} ${(bytes / best / 1e6).toFixed(2)} MB/s (${best.toFixed(2)} s CPU)`);
}

console.log(`${texts.length} paragraphs, ${(bytes / 1e6).toFixed(2)} MB UTF-8`);
time('predict(text, tokens)', () => {
  for (let i = 0; i < texts.length; i++) model.predict(texts[i] as string, tokens[i]);
});
time('predict(text)', () => {
  for (const text of texts) model.predict(text);
});
const bio = model.withConvention('bio');
if (bio.convention === 'bio') {
  time('predict(text, tokens), BIO', () => {
    for (let i = 0; i < texts.length; i++) bio.predict(texts[i] as string, tokens[i]);
  });
}
time('jieba tag alone', () => {
  for (const text of texts) jieba.tag(text);
});
