/**
 * `npm run bench`: load time, RSS, and segment / annotate throughput beside the raw engine's cut
 * on the same text in the same run. The text (>= 5 MB) is built at bench time from People's Daily
 * 1998 (../shared/data/pd1998, never shipped); without that folder the bench says so and stops.
 *
 *   npm run bench [-- --engine node-rs|nodejieba|all] [--mb 5] [--runs 3] [--json]
 * Columns: the raw engine cut; segment (tokens with POS); the policy stage (annotate with
 * `disable: ['entities', 'officials', 'keywords']`: segmentation and policy/user terms as entities);
 * + keywords (`disable: ['entities', 'officials']`); full annotate (NER, officials, keywords); keywords' share.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createPipeline, ENGINES, type EngineName, engineAvailable } from '../src/index.js';
import { dataDir as dataDirOf } from './data.js';

const { values } = parseArgs({
  options: {
    engine: { type: 'string', default: 'all' },
    mb: { type: 'string', default: '5' },
    runs: { type: 'string', default: '3' },
    json: { type: 'boolean', default: false },
    data: { type: 'string' },
  },
});

const dataDir = dataDirOf(values.data);
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
  policyStageMBs: number;
  dictionaryStageMBs: number;
  annotateMBs: number;
  /** Median over rounds of each stage's throughput relative to the cut of the same round. */
  segmentRatio: number;
  policyStageRatio: number;
  dictionaryStageRatio: number;
  annotateRatio: number;
  keywordShare: number;
  /** RSS of the process holding the text and the full pipeline only, after one pass over the text. */
  fullPipelineRssMB: number;
  peakRssMB: number;
}

/**
 * Measures one engine in this process: every figure comes from the same text in the same run. Each
 * round times every stage one after the other, so a slow moment of the machine hits all of them and
 * the per-round ratios to the cut stay fair; the table shows medians over rounds.
 */
function measure(engine: EngineName): Row {
  const rssBefore = process.memoryUsage().rss;
  const t0 = performance.now();
  const pipeline = createPipeline({ engine });
  const loadSeconds = (performance.now() - t0) / 1000;
  const rssAfterLoadMB = (process.memoryUsage().rss - rssBefore) / 1e6;
  // The process as a user's would be with the full pipeline alone (the text included): after one pass
  // over the text, before the other pipelines are built.
  for (const paragraph of paragraphs) pipeline.annotate(paragraph);
  const fullPipelineRssMB = process.memoryUsage().rss / 1e6;
  // Segmentation + policy entities (the policy stage), then + keywords, then everything.
  const policyStage = createPipeline({ engine, disable: ['entities', 'officials', 'keywords'] });
  const dictionaryStage = createPipeline({ engine, disable: ['entities', 'officials'] });
  // Each pipeline has its own engine instance, and instances of the same engine differ by a few percent
  // in one process (memory placement: measured 0.94-1.07 of each other), so every stage is compared with
  // the cut of its own engine in the same round.
  const stages: Array<[string, (text: string) => unknown]> = [
    ['cut', (text) => pipeline.engine.cut(text)],
    ['segment', (text) => pipeline.segment(text)],
    ['policy cut', (text) => policyStage.engine.cut(text)],
    ['policy', (text) => policyStage.annotate(text)],
    ['dictionary cut', (text) => dictionaryStage.engine.cut(text)],
    ['dictionary', (text) => dictionaryStage.annotate(text)],
    ['annotate', (text) => pipeline.annotate(text)],
  ];
  // Warm up once so every measurement sees the same JIT state.
  for (const paragraph of paragraphs.slice(0, 2000)) for (const [, fn] of stages) fn(paragraph);
  const seconds = new Map<string, number[]>(stages.map(([name]) => [name, []]));
  for (let r = 0; r < runs; r++) {
    for (const [name, fn] of stages) seconds.get(name)?.push(time(paragraphs, 1, fn));
  }
  // RSS of the pipelines after every run, before documents are kept for the keyword timing.
  const peakRssMB = process.memoryUsage().rss / 1e6;
  const throughput = (name: string) => mb / median(seconds.get(name) ?? []);
  const ratio = (name: string, cutName = 'cut') => {
    const cut = seconds.get(cutName) ?? [];
    return median((seconds.get(name) ?? []).map((s, r) => (cut[r] ?? 0) / s));
  };
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
    cutMBs: throughput('cut'),
    segmentMBs: throughput('segment'),
    policyStageMBs: throughput('policy'),
    dictionaryStageMBs: throughput('dictionary'),
    annotateMBs: throughput('annotate'),
    segmentRatio: ratio('segment'),
    policyStageRatio: ratio('policy', 'policy cut'),
    dictionaryStageRatio: ratio('dictionary', 'dictionary cut'),
    annotateRatio: ratio('annotate'),
    keywordShare: keywordSeconds / median(seconds.get('annotate') ?? []),
    fullPipelineRssMB,
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
    `text: ${mb.toFixed(2)} MB, ${paragraphs.length} paragraphs from ${pdFile}; median of ${runs} rounds (ratio = stage / cut of its own engine instance in the same round)`,
  );
  console.log(
    '| engine | load s | RSS +MB after load | raw cut MB/s | segment MB/s | policy stage MB/s | + keywords MB/s | full annotate MB/s | keywords share of annotate | RSS MB, full pipeline alone | RSS MB after the runs (3 pipelines) |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  const cell = (mbs: number, ratio: number) => `${mbs.toFixed(2)} (${(100 * ratio).toFixed(0)}%)`;
  for (const r of rows) {
    console.log(
      `| ${r.engine} | ${r.loadSeconds.toFixed(2)} | ${r.rssAfterLoadMB.toFixed(0)} | ${r.cutMBs.toFixed(2)} | ${cell(r.segmentMBs, r.segmentRatio)} | ${cell(r.policyStageMBs, r.policyStageRatio)} | ${cell(r.dictionaryStageMBs, r.dictionaryStageRatio)} | ${cell(r.annotateMBs, r.annotateRatio)} | ${(100 * r.keywordShare).toFixed(0)}% | ${r.fullPipelineRssMB.toFixed(0)} | ${r.peakRssMB.toFixed(0)} |`,
    );
  }
  console.log(
    "policy stage = annotate with disable: ['entities', 'officials', 'keywords'] (segmentation, POS, policy and user terms as entities); + keywords = disable: ['entities', 'officials'].",
  );
}
