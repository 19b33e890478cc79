/**
 * `npm run bench`: load time, RSS, and segment / annotate throughput beside the raw engine's cut
 * on the same text in the same run. The text (>= 5 MB) is built at bench time from People's Daily
 * 1998 (../shared/data/pd1998, never shipped); without that folder the bench says so and stops.
 *
 *   npm run bench [-- --engine node-rs|nodejieba|all] [--mb 5] [--runs 3] [--json]
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createPipeline, ENGINES, type EngineName, engineAvailable } from '../src/index.js';

const { values } = parseArgs({
  options: {
    engine: { type: 'string', default: 'all' },
    mb: { type: 'string', default: '5' },
    runs: { type: 'string', default: '3' },
    json: { type: 'boolean', default: false },
    data: { type: 'string' },
  },
});

const dataDir = resolve(values.data ?? process.env.ZHTAG_DATA ?? join(process.cwd(), '..', 'shared', 'data'));
const pdFile = join(dataDir, 'pd1998', '199801-01to25.txt');

/** Plain paragraphs from the PKU-annotated file: drop the id, the `/tag`s and the `[...]nt` brackets. */
function plainParagraphs(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line) =>
      line
        .trim()
        .split(/\s+/)
        .slice(1)
        .map((token) => token.replace(/^\[/, '').replace(/\/[A-Za-z]+(\][A-Za-z]+)?$/, ''))
        .join(''),
    )
    .filter((paragraph) => paragraph.length > 0);
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Median seconds of `runs` passes of `fn` over every paragraph. */
function time(paragraphs: string[], runs: number, fn: (text: string) => unknown): number {
  const seconds: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    for (const paragraph of paragraphs) fn(paragraph);
    seconds.push((performance.now() - t0) / 1000);
  }
  return median(seconds);
}

if (!existsSync(pdFile)) {
  console.log(`bench: skipped, ${pdFile} is absent (set ZHTAG_DATA to the folder holding pd1998/)`);
  process.exit(0);
}

const source = plainParagraphs(pdFile);
const targetBytes = Number(values.mb) * 1e6;
const paragraphs: string[] = [];
let bytes = 0;
for (let i = 0; bytes < targetBytes; i++) {
  const paragraph = source[i % source.length] ?? '';
  paragraphs.push(paragraph);
  bytes += Buffer.byteLength(paragraph);
}
const mb = bytes / 1e6;
const runs = Number(values.runs);
const engines = (values.engine === 'all' ? ENGINES.filter(engineAvailable) : [values.engine]) as EngineName[];

interface Row {
  engine: string;
  loadSeconds: number;
  rssAfterLoadMB: number;
  cutMBs: number;
  segmentMBs: number;
  annotateMBs: number;
  annotateVsCut: number;
  peakRssMB: number;
}

const rows: Row[] = [];
for (const engine of engines) {
  const rssBefore = process.memoryUsage().rss;
  const t0 = performance.now();
  const pipeline = createPipeline({ engine });
  const loadSeconds = (performance.now() - t0) / 1000;
  const rssAfterLoadMB = (process.memoryUsage().rss - rssBefore) / 1e6;
  // Warm up once so every measurement sees the same JIT state.
  for (const paragraph of paragraphs.slice(0, 2000)) pipeline.annotate(paragraph);
  const cut = time(paragraphs, runs, (text) => pipeline.engine.cut(text));
  const segment = time(paragraphs, runs, (text) => pipeline.segment(text));
  const annotate = time(paragraphs, runs, (text) => pipeline.annotate(text));
  rows.push({
    engine,
    loadSeconds,
    rssAfterLoadMB,
    cutMBs: mb / cut,
    segmentMBs: mb / segment,
    annotateMBs: mb / annotate,
    annotateVsCut: cut / annotate,
    peakRssMB: process.memoryUsage().rss / 1e6,
  });
}

if (values.json) {
  console.log(JSON.stringify({ textMB: mb, paragraphs: paragraphs.length, runs, rows }, null, 2));
} else {
  console.log(
    `text: ${mb.toFixed(2)} MB, ${paragraphs.length} paragraphs from ${pdFile}; median of ${runs} runs`,
  );
  console.log(
    '| engine | load s | RSS +MB after load | raw cut MB/s | segment MB/s | annotate MB/s | annotate / cut | RSS MB |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    console.log(
      `| ${r.engine} | ${r.loadSeconds.toFixed(2)} | ${r.rssAfterLoadMB.toFixed(0)} | ${r.cutMBs.toFixed(2)} | ${r.segmentMBs.toFixed(2)} | ${r.annotateMBs.toFixed(2)} | ${(100 * r.annotateVsCut).toFixed(0)}% | ${r.peakRssMB.toFixed(0)} |`,
    );
  }
}
