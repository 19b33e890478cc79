/**
 * `npm run bench`: load time, RSS, and segment / annotate throughput beside the raw engine's cut
 * on the same text in the same run. The text (>= 5 MB) is built at bench time from People's Daily
 * 1998 (../shared/data/pd1998, never shipped); without that folder the bench says so and stops.
 *
 *   npm run bench [-- --engine node-rs|nodejieba|all] [--mb 5] [--runs 3] [--json]
 * Columns: the raw engine cut; segment; the dictionary stage (annotate without the NER model:
 * segmentation, policy entities, keywords); full annotate (NER, officials, keywords); keywords' share.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
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

interface Row {
  engine: string;
  loadSeconds: number;
  rssAfterLoadMB: number;
  cutMBs: number;
  segmentMBs: number;
  dictionaryStageMBs: number;
  annotateMBs: number;
  keywordShare: number;
  peakRssMB: number;
}

/** Measures one engine in this process: every figure comes from the same text in the same run. */
function measure(engine: EngineName): Row {
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
  // RSS of this one pipeline after every annotate run, before a second pipeline (below) is built
  // and before documents are kept for the keyword timing.
  const peakRssMB = process.memoryUsage().rss / 1e6;
  const light = createPipeline({ engine, ner: false });
  const dictionaryStage = time(paragraphs, runs, (text) => light.annotate(text));
  // Keyword extraction alone, on the tokens and entities annotate produced: its share of annotate.
  const docs = paragraphs.map((text) => pipeline.annotate(text));
  let keywordSeconds = 0;
  for (let r = 0; r < runs; r++) {
    const k0 = performance.now();
    for (const doc of docs) pipeline.keywordExtractor.extract(doc.tokens, doc.entities);
    keywordSeconds += (performance.now() - k0) / 1000 / runs;
  }
  return {
    engine,
    loadSeconds,
    rssAfterLoadMB,
    cutMBs: mb / cut,
    segmentMBs: mb / segment,
    dictionaryStageMBs: mb / dictionaryStage,
    annotateMBs: mb / annotate,
    keywordShare: keywordSeconds / annotate,
    peakRssMB,
  };
}

if (values.engine !== 'all') {
  const row = measure(values.engine as EngineName);
  if (values.json) console.log(JSON.stringify(row));
  else printTable([row]);
} else {
  // One child process per engine, so load time and RSS are each engine's own.
  const rows: Row[] = [];
  for (const engine of ENGINES.filter(engineAvailable)) {
    const args = [
      fileURLToPath(import.meta.url),
      '--engine',
      engine,
      '--mb',
      String(values.mb),
      '--runs',
      String(runs),
      '--json',
    ];
    const child = spawnSync(process.execPath, args, {
      encoding: 'utf8',
      env: { ...process.env, ZHTAG_DATA: dataDir },
    });
    if (child.status !== 0) throw new Error(`bench for ${engine} failed: ${child.stderr}`);
    rows.push(JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as Row);
  }
  if (values.json)
    console.log(JSON.stringify({ textMB: mb, paragraphs: paragraphs.length, runs, rows }, null, 2));
  else printTable(rows);
}

function printTable(rows: Row[]): void {
  console.log(
    `text: ${mb.toFixed(2)} MB, ${paragraphs.length} paragraphs from ${pdFile}; median of ${runs} runs`,
  );
  console.log(
    '| engine | load s | RSS +MB after load | raw cut MB/s | segment MB/s | dictionary stage MB/s (vs cut) | annotate MB/s (vs cut) | keywords share of annotate | RSS MB after the runs |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    console.log(
      `| ${r.engine} | ${r.loadSeconds.toFixed(2)} | ${r.rssAfterLoadMB.toFixed(0)} | ${r.cutMBs.toFixed(2)} | ${r.segmentMBs.toFixed(2)} | ${r.dictionaryStageMBs.toFixed(2)} (${((100 * r.dictionaryStageMBs) / r.cutMBs).toFixed(0)}%) | ${r.annotateMBs.toFixed(2)} (${((100 * r.annotateMBs) / r.cutMBs).toFixed(0)}%) | ${(100 * r.keywordShare).toFixed(0)}% | ${r.peakRssMB.toFixed(0)} |`,
    );
  }
}
