/**
 * Keyword extraction against author keywords: P / R / F1 at 5 and 10 for zhtag and, in the same run,
 * for the engines' own extractors (@node-rs/jieba TfIdf, nodejieba extract and textRankExtract).
 *
 *   npm run eval:keywords [-- FILE.tsv] [--limit N] [--data DIR]
 *
 * FILE is CSL's keyword benchmark (`prompt<TAB>abstract+title<TAB>kw1_kw2_...`), default
 * csl-keywords/kg_dev.tsv in the data folder (`--data`, else ZHTAG_DATA, else ../shared/data). Scores are micro-averaged: P@k = hits / (k x documents),
 * R@k = hits / gold keywords, F1 = 2PR / (P + R); a hit is an exact match after NFKC and lower case.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Jieba, TfIdf } from '@node-rs/jieba';
import { createPipeline } from '../src/index.js';
import { dataDir } from './data.js';

const require = createRequire(import.meta.url);
const CUTOFFS = [5, 10] as const;

interface Example {
  text: string;
  gold: Set<string>;
}

const canonical = (word: string) => word.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

function readExamples(path: string, limit: number): Example[] {
  const examples: Example[] = [];
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((line, index) => {
      if (line.trim() === '' || examples.length >= limit) return;
      const fields = line.split('\t');
      if (fields.length !== 3) throw new Error(`${path}:${index + 1}: expected 3 tab-separated fields`);
      const gold = new Set((fields[2] ?? '').split('_').map(canonical).filter(Boolean));
      examples.push({ text: fields[1] ?? '', gold });
    });
  return examples;
}

type Extractor = (text: string, k: number) => string[];

interface Row {
  name: string;
  scores: Array<{ k: number; p: number; r: number; f1: number }>;
  seconds: number;
}

function evaluate(name: string, extract: Extractor, examples: Example[]): Row {
  const maxK = Math.max(...CUTOFFS);
  const hits = CUTOFFS.map(() => 0);
  let goldTotal = 0;
  const started = performance.now();
  for (const example of examples) {
    goldTotal += example.gold.size;
    const seen = new Set<string>();
    const predicted = extract(example.text, maxK)
      .map(canonical)
      .filter((word) => !seen.has(word) && seen.add(word));
    CUTOFFS.forEach((k, i) => {
      hits[i] = (hits[i] ?? 0) + predicted.slice(0, k).filter((word) => example.gold.has(word)).length;
    });
  }
  const seconds = (performance.now() - started) / 1000;
  const scores = CUTOFFS.map((k, i) => {
    const p = (hits[i] ?? 0) / (k * examples.length);
    const r = (hits[i] ?? 0) / goldTotal;
    return { k, p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
  });
  return { name, scores, seconds };
}

function baselines(): Array<[string, Extractor]> {
  const dict = readFileSync(require.resolve('@node-rs/jieba/dict.txt'));
  const jieba = Jieba.withDict(dict);
  const tfidf = TfIdf.withDict(readFileSync(require.resolve('@node-rs/jieba/idf.txt')));
  const list: Array<[string, Extractor]> = [
    ['@node-rs/jieba TfIdf', (text, k) => tfidf.extractKeywords(jieba, text, k).map((kw) => kw.keyword)],
  ];
  try {
    const nodejieba = require('nodejieba') as {
      load(): void;
      extract(text: string, k: number): Array<{ word: string }>;
      textRankExtract(text: string, k: number): Array<{ word: string }>;
    };
    nodejieba.load();
    list.push(['nodejieba extract (TF-IDF)', (text, k) => nodejieba.extract(text, k).map((kw) => kw.word)]);
    list.push([
      'nodejieba textRankExtract',
      (text, k) => nodejieba.textRankExtract(text, k).map((kw) => kw.word),
    ]);
  } catch (error) {
    process.stderr.write(`nodejieba unavailable, its baselines are skipped: ${(error as Error).message}\n`);
  }
  return list;
}

function main(): void {
  const { values, positionals } = parseArgs({
    options: { limit: { type: 'string' }, data: { type: 'string' } },
    allowPositionals: true,
  });
  const limit = values.limit !== undefined ? Number(values.limit) : Number.POSITIVE_INFINITY;
  const file = positionals[0] ?? join(dataDir(values.data), 'csl-keywords', 'kg_dev.tsv');
  if (!existsSync(file)) {
    process.stderr.write(`eval:keywords: ${file} not found (CSL kg_dev.tsv); pass its path\n`);
    process.exit(2);
  }
  const examples = readExamples(file, limit);
  const pipeline = createPipeline();
  const zhtag = (method: 'tfidf' | 'textrank'): Extractor => {
    return (text, k) =>
      pipeline.keywordExtractor.extract(...tokensAndEntities(text), { method, top: k }).map((kw) => kw.term);
  };
  const tokensAndEntities = (text: string) => {
    const doc = pipeline.annotate(text);
    return [doc.tokens, doc.entities] as const;
  };
  const rows = [
    evaluate('zhtag tfidf (default)', zhtag('tfidf'), examples),
    evaluate('zhtag textrank', zhtag('textrank'), examples),
    ...baselines().map(([name, extract]) => evaluate(name, extract, examples)),
  ];
  const gold = examples.reduce((sum, example) => sum + example.gold.size, 0);
  console.log(`${file}: ${examples.length} documents, ${gold} gold keywords\n`);
  console.log('| method | P@5 | R@5 | F1@5 | P@10 | R@10 | F1@10 | s |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const row of rows) {
    const cells = row.scores.flatMap((s) => [s.p, s.r, s.f1].map((v) => (100 * v).toFixed(1)));
    console.log(`| ${row.name} | ${cells.join(' | ')} | ${row.seconds.toFixed(1)} |`);
  }
  const f1At5 = (row: Row) => row.scores[0]?.f1 ?? 0;
  const best = rows.slice(2).reduce((a, b) => (f1At5(b) > f1At5(a) ? b : a));
  const ratio = f1At5(rows[0] as Row) / (f1At5(best) || 1);
  console.log(`\nzhtag F1@5 / best baseline (${best.name}) F1@5 = ${ratio.toFixed(2)} (target >= 1.30)`);
}

main();
