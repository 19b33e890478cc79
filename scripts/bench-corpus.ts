/**
 * `npm run bench:corpus`: `zhtag annotate` over a corpus of >= 20 MB with --jobs 1 and --jobs 2:
 * documents/s, MB/s, the scaling ratio, peak RSS and RSS through the run (flat memory = no growth).
 * The corpus is built at bench time from People's Daily 1998 (../shared/data/pd1998, never shipped),
 * one document per article, repeated until big enough; without that folder the bench says so and stops.
 *
 *   npm run bench:corpus [-- --mb 20] [--jobs 1,2] [--rounds 3] [--ner on|off] [--json]
 * `--rounds N` runs the configurations N times, alternating (1, 2, 1, 2, ...): this machine's speed
 * drifts by 20% from one minute to the next (a shared host), so the scaling is the median of the
 * per-round ratios, each taken between runs a minute apart; the table shows every run.
 * `--ner off` measures the dictionary stage alone (segmentation, policy terms, keywords).
 * Each configuration runs in its own process (so peak RSS is its own) through `annotateCorpus`, the
 * function behind `zhtag annotate`, writing JSONL to a temporary file as the CLI does.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { annotateCorpus, NODE_FLAGS } from '../src/corpus/index.js';
import { dataDir as dataDirOf } from './data.js';

const { values } = parseArgs({
  options: {
    mb: { type: 'string', default: '20' },
    jobs: { type: 'string', default: '1,2' },
    json: { type: 'boolean', default: false },
    data: { type: 'string' },
    child: { type: 'string' },
    corpus: { type: 'string' },
    ner: { type: 'string', default: 'on' },
    rounds: { type: 'string', default: '3' },
  },
});

/** Articles of the PKU-annotated file: paragraphs grouped by their id prefix, tags and brackets dropped. */
function articles(path: string): string[] {
  const byArticle = new Map<string, string[]>();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const [id, ...tokens] = line.trim().split(/\s+/);
    if (!id || tokens.length === 0) continue;
    const article = id.replace(/\/m$/, '').split('-').slice(0, 3).join('-');
    const text = tokens.map((t) => t.replace(/^\[/, '').replace(/\/[A-Za-z]+(\][A-Za-z]+)?$/, '')).join('');
    const paragraphs = byArticle.get(article) ?? [];
    paragraphs.push(text);
    byArticle.set(article, paragraphs);
  }
  return [...byArticle.values()].map((paragraphs) => paragraphs.join('\n'));
}

async function buildCorpus(
  file: string,
  megabytes: number,
  source: string,
): Promise<{ docs: number; bytes: number }> {
  const texts = articles(source);
  const out = createWriteStream(file);
  let bytes = 0;
  let docs = 0;
  for (let round = 0; bytes < megabytes * 1024 * 1024; round++) {
    for (const [i, text] of texts.entries()) {
      const line = `${JSON.stringify({ id: `r${round}-a${i}`, text })}\n`;
      if (!out.write(line)) await new Promise<void>((r) => out.once('drain', () => r()));
      bytes += Buffer.byteLength(text);
      docs++;
    }
  }
  await new Promise<void>((r) => out.end(() => r()));
  return { docs, bytes };
}

interface RunResult {
  jobs: number;
  documents: number;
  errors: number;
  textMB: number;
  seconds: number;
  docsPerSecond: number;
  mbPerSecond: number;
  peakRssMB: number;
  /** RSS sampled at 10%, 20%, ... 100% of the documents: flat means no growth. */
  rssByDecileMB: number[];
  /** Share of the run the main thread (reading, ordering, writing) was busy: near 1 means it limits. */
  mainThreadBusy: number;
  /** CPU seconds of the whole process (all threads): the work done, whatever else runs on the machine. */
  cpuSeconds: number;
}

/** One configuration, in this (child) process. */
async function runChild(
  corpus: string,
  jobs: number,
  textBytes: number,
  totalDocs: number,
): Promise<RunResult> {
  const outputDir = mkdtempSync(join(tmpdir(), 'zhtag-bench-out-'));
  const output = join(outputDir, 'out.jsonl');
  const rssByDecile: number[] = [];
  const started = performance.now();
  const loopBefore = performance.eventLoopUtilization();
  const cpuBefore = process.cpuUsage();
  const summary = await annotateCorpus({
    inputs: [corpus],
    output,
    jobs,
    pipeline: { ner: values.ner !== 'off' },
    onProgress: (p) => {
      const decile = Math.floor(((p.documentsOut + p.errors) / totalDocs) * 10);
      while (rssByDecile.length < decile) rssByDecile.push(process.memoryUsage().rss / 2 ** 20);
    },
  });
  const seconds = (performance.now() - started) / 1000;
  rmSync(outputDir, { recursive: true, force: true });
  return {
    jobs,
    documents: summary.documentsOut,
    errors: summary.errors,
    textMB: textBytes / 2 ** 20,
    seconds,
    docsPerSecond: summary.documentsOut / seconds,
    mbPerSecond: textBytes / 2 ** 20 / seconds,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
    rssByDecileMB: rssByDecile.map((mb) => Math.round(mb)),
    mainThreadBusy: performance.eventLoopUtilization(loopBefore).utilization,
    cpuSeconds: (({ user, system }) => (user + system) / 1e6)(process.cpuUsage(cpuBefore)),
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function main(): Promise<void> {
  if (values.child && values.corpus) {
    const [jobs, bytes, docs] = values.child.split(',').map(Number);
    const result = await runChild(values.corpus, jobs ?? 1, bytes ?? 0, docs ?? 1);
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  const dataDir = dataDirOf(values.data);
  const source = join(dataDir, 'pd1998', '199801-01to25.txt');
  if (!existsSync(source)) {
    process.stdout.write(`bench:corpus skipped: ${source} not found (set --data or ZHTAG_DATA)\n`);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'zhtag-bench-corpus-'));
  const corpus = join(dir, 'corpus.jsonl');
  const { docs, bytes } = await buildCorpus(corpus, Number(values.mb), source);
  const results: RunResult[] = [];
  const configurations = values.jobs.split(',').map(Number);
  const rounds = Math.max(1, Number(values.rounds));
  try {
    for (let round = 0; round < rounds; round++) {
      for (const jobs of configurations) {
        const child = spawnSync(
          process.execPath,
          [
            // The flags the `zhtag` command runs node with, so this measures what users run.
            ...NODE_FLAGS,
            fileURLToPath(import.meta.url),
            '--child',
            `${jobs},${bytes},${docs}`,
            '--corpus',
            corpus,
            '--ner',
            values.ner,
          ],
          { encoding: 'utf8', maxBuffer: 1 << 24 },
        );
        if (child.status !== 0) throw new Error(`bench child (--jobs ${jobs}) failed: ${child.stderr}`);
        results.push(JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as RunResult);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  // Each run against the first configuration's run of the same round.
  const perRun = results.map((r, i) => {
    const base = results[i - (i % configurations.length)];
    return base ? base.seconds / r.seconds : 0;
  });
  const scaling = configurations.map((_, c) =>
    median(perRun.filter((_run, i) => i % configurations.length === c)),
  );
  const report = {
    corpus: { documents: docs, textMB: bytes / 2 ** 20, fileMB: statSync(source).size / 2 ** 20 },
    results,
    perRun,
    scaling: Object.fromEntries(configurations.map((jobs, c) => [`jobs${jobs}`, scaling[c]])),
    peakRssMB: Object.fromEntries(
      configurations.map((jobs) => [
        `jobs${jobs}`,
        Math.max(...results.filter((r) => r.jobs === jobs).map((r) => r.peakRssMB)),
      ]),
    ),
  };
  if (values.json) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return;
  }
  const load = loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
  const lines = [
    `machine: ${availableParallelism()} cores, load average ${load} at the end (other processes skew the scaling)`,
    `corpus: ${docs} documents (NER ${values.ner}), ${(bytes / 2 ** 20).toFixed(1)} MB of text (UTF-8), People's Daily 1998 repeated`,
    'round  jobs  seconds  docs/s   MB/s  vs jobs ' +
      `${configurations[0]}  CPU s  main busy  peak RSS MB  RSS by decile (MB)`,
    ...results.map(
      (r, i) =>
        `${String(Math.floor(i / configurations.length) + 1).padStart(5)}  ${String(r.jobs).padStart(4)}  ${r.seconds.toFixed(1).padStart(7)}  ${r.docsPerSecond.toFixed(0).padStart(6)}  ${r.mbPerSecond.toFixed(3).padStart(5)}  ${(perRun[i] ?? 0).toFixed(2).padStart(8)}x  ${r.cpuSeconds.toFixed(0).padStart(5)}  ${r.mainThreadBusy.toFixed(2).padStart(9)}  ${r.peakRssMB.toFixed(0).padStart(11)}  ${r.rssByDecileMB.join(' ')}`,
    ),
    ...configurations.map(
      (jobs, c) =>
        `--jobs ${jobs}: scaling ${(scaling[c] ?? 0).toFixed(2)}x (median over ${rounds} rounds), peak RSS ${report.peakRssMB[`jobs${jobs}`]?.toFixed(0)} MB`,
    ),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

await main();
