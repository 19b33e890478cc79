/**
 * npm run eval:discover: term discovery on People's Daily, 1–25 January 1998, then on today's corpora.
 * 1998: runs `discoverTerms` with known terms kept on the plain text (ids, `/tag`, `[ ]nt` markup stripped;
 * one document per article), then reports recall@100/@200 of test/discover/gold-1998.tsv and
 * precision@100 from the judgements in test/discover/judged-top100.tsv. corpus.txt defaults to
 * pd1998/199801-01to25.txt in the data folder (`--data`, else ZHTAG_DATA, else ../shared/data).
 * Today's corpora (see eval/discover/README.md): the national government work reports 1954–2012 (one
 * document a year; the tuning list) and 新闻联播 of October–December 2024 (one document an item; the
 * reporting list). Discovery runs as a user runs it (defaults, known terms left out), twice: with the
 * shipped dictionaries, scored on the listed terms they do not know, and with the shipped manifest less
 * its policy layer, scored on every listed term. Recall@100/200/500; precision of the top 100 by the list.
 * Usage: node dist/scripts/eval-discover.js [corpus.txt] [--data DIR] [--gold F] [--judged F] [--out candidates.tsv]
 *   [--only pd1998,gov-reports,xwlb]   run only these parts
 *   [--out-dir D]        write each modern ranking to D/<corpus>-<mode>.tsv
 *   [--days 1-12]        only the articles of those days of the month; recall is then over the gold terms
 *                        that occur in those articles (the split-half check of generalization)
 *   [--hold-out-gold]    remove the gold terms (and their aliases) from the dictionary first, so no gold
 *                        term helps another through the policy-likeness or context models
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { type Dictionary, loadDictionarySet } from '../src/dictionary/index.js';
import {
  type Candidate,
  candidatesToTsv,
  type DiscoverDocument,
  discoverTerms,
} from '../src/discover/index.js';
import { parseJudgedList, scoreRanking } from '../src/eval/index.js';
import { createPipeline } from '../src/index.js';
import { dictionariesDir, packageRoot } from '../src/paths.js';
import { dataDir as dataFolder } from './data.js';

const root = packageRoot();
const { values: args, positionals } = parseArgs({
  options: {
    data: { type: 'string' },
    gold: { type: 'string', default: join(root, 'test', 'discover', 'gold-1998.tsv') },
    judged: { type: 'string', default: join(root, 'test', 'discover', 'judged-top100.tsv') },
    out: { type: 'string', default: '' },
    days: { type: 'string', default: '' },
    'hold-out-gold': { type: 'boolean', default: false },
    only: { type: 'string', default: 'pd1998,gov-reports,xwlb' },
    'out-dir': { type: 'string', default: '' },
  },
  allowPositionals: true,
});
const dataDir = dataFolder(args.data);
const corpusPath = positionals[0] ?? join(dataDir, 'pd1998', '199801-01to25.txt');
const goldPath = args.gold;
const judgedPath = args.judged;
const outPath = args.out;
const days = args.days;
const holdOutGold = args['hold-out-gold'];
const only = new Set(args.only.split(','));
const outDir = args['out-dir'];

/** One PFR line: `id/m  word/tag  [word/tag  word/tag]nt ...` → the id and the plain text. */
export function plainLine(line: string): { id: string; text: string } | undefined {
  const tokens = line.trim().split(/\s+/);
  const id = tokens.shift();
  if (id === undefined || id === '') return undefined;
  const words = tokens.map((token) =>
    token
      .replace(/^\[/, '')
      .replace(/\][A-Za-z]+$/, '')
      .replace(/\/[A-Za-z]+$/, ''),
  );
  return { id: id.replace(/\/m$/, ''), text: words.join('') };
}

function readArticles(path: string): DiscoverDocument[] {
  const articles = new Map<string, string[]>();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const parsed = plainLine(line);
    if (!parsed) continue;
    // 19980101-01-001-004: date, page, article, paragraph; an article is one document.
    const article = parsed.id.split('-').slice(0, 3).join('-');
    const paragraphs = articles.get(article) ?? [];
    paragraphs.push(parsed.text);
    articles.set(article, paragraphs);
  }
  return [...articles].map(([id, paragraphs]) => ({ id, text: paragraphs.join('\n') }));
}

/** Rows of a TSV file with a header, as objects keyed by column name (comments skipped). */
function readTsv(path: string): Record<string, string>[] {
  const lines = readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#'));
  const header = (lines.shift() ?? '').split('\t');
  return lines.map((line) => {
    const cells = line.split('\t');
    return Object.fromEntries(header.map((name, i) => [name, cells[i] ?? '']));
  });
}

function eval1998(): void {
  if (!existsSync(corpusPath)) {
    process.stderr.write(
      `eval-discover: ${corpusPath}: no such file (give the PFR corpus as first argument)\n`,
    );
    process.exit(2);
  }
  /** Articles of the days `from-to` of the month (ids start with the date, 19980113-…). */
  function ofDays(all: DiscoverDocument[], range: string): DiscoverDocument[] {
    if (range === '') return all;
    const [from = 1, to = 31] = range.split('-').map(Number);
    return all.filter((d) => {
      const day = Number(d.id.slice(6, 8));
      return day >= from && day <= to;
    });
  }

  const documents = ofDays(readArticles(corpusPath), days);
  const text = documents.map((d) => d.text).join('\n');
  const dictionary = loadDictionarySet();
  const goldRows = readTsv(goldPath);
  const formsOf = (row: Record<string, string>) =>
    [row.term ?? '', ...(row.aliases ?? '').split('|')].filter((form) => form !== '');
  if (holdOutGold)
    for (const row of goldRows)
      for (const form of formsOf(row)) {
        const entry = dictionary.lookup(form);
        if (entry?.label === 'POLICY') dictionary.remove(entry.term);
      }
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const candidates = discoverTerms(documents, {
    top: 200,
    includeKnown: true,
    dictionary,
    entities: entitiesOf(),
  });
  const seconds = (performance.now() - started) / 1000;
  // CPU time as well: on a shared machine the wall time says more about the other processes.
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  if (outPath) writeFileSync(outPath, candidatesToTsv(candidates, true));

  // On a part of the corpus, only the gold terms that occur in it as often as discovery requires (3
  // times, its default minCount) can be found; the rarer ones are listed, not counted.
  const occurrences = (form: string) => text.split(form).length - 1;
  const findable = (row: Record<string, string>) => formsOf(row).some((form) => occurrences(form) >= 3);
  const gold = goldRows.filter((row) => days === '' || findable(row));
  const tooRare = goldRows.filter((row) => !gold.includes(row)).map((row) => row.term);
  const rankOf = new Map(candidates.map((c, i) => [c.term, i + 1]));
  const recallAt = (k: number) => {
    const found = gold.filter((row) => formsOf(row).some((form) => (rankOf.get(form) ?? Infinity) <= k));
    return {
      found: found.length,
      missing: gold.filter((row) => !found.includes(row)).map((row) => row.term),
    };
  };
  const at100 = recallAt(100);
  const at200 = recallAt(200);

  const verdicts = new Map(readTsv(judgedPath).map((row) => [row.term ?? '', row.verdict ?? '']));
  const top100 = candidates.slice(0, 100);
  const accepted = top100.filter((c) => verdicts.get(c.term) === 'accept').length;
  const unjudged = top100.filter((c) => !verdicts.has(c.term)).map((c) => c.term);

  const pct = (n: number, d: number) => `${((100 * n) / Math.max(d, 1)).toFixed(1)}%`;
  const characters = documents.reduce((sum, d) => sum + d.text.length, 0);
  process.stdout.write(
    [
      `corpus: ${corpusPath}${days ? ` days ${days}` : ''} (${documents.length} articles, ${characters} characters)`,
      ...(holdOutGold ? ['gold terms held out of the dictionary'] : []),
      ...(tooRare.length > 0
        ? [`gold terms seen fewer than 3 times here, not counted: ${tooRare.join(' ')}`]
        : []),
      `discovery: ${seconds.toFixed(1)} s (CPU ${cpuSeconds.toFixed(1)} s), ${candidates.length} candidates`,
      `recall@100: ${at100.found}/${gold.length} = ${pct(at100.found, gold.length)}`,
      `recall@200: ${at200.found}/${gold.length} = ${pct(at200.found, gold.length)}`,
      `missing@200: ${at200.missing.join(' ') || '-'}`,
      `precision@100: ${accepted}/${top100.length} = ${pct(accepted, top100.length)} (judged in ${judgedPath})`,
      `unjudged in top 100 (counted as rejected): ${unjudged.join(' ') || '-'}`,
    ].join('\n'),
  );
  process.stdout.write('\n');
}

/** The 40 national government work reports, one document a year. */
function govReports(): DiscoverDocument[] {
  const dir = join(dataDir, 'gov-reports');
  return readdirSync(dir)
    .filter((name) => /^\d{4}\.txt$/.test(name))
    .sort()
    .map((name) => ({ id: name.replace('.txt', ''), text: readFileSync(join(dir, name), 'utf8') }));
}

/** 新闻联播 items dated `from`–`to` (YYYYMMDD), one document an item. */
function xwlb(from: string, to: string): DiscoverDocument[] {
  const path = join(dataDir, 'xwlb', 'xwlb-2022-2024.jsonl');
  const out: DiscoverDocument[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const item = JSON.parse(line) as { id: string; date: string; text: string };
    if (item.date >= from && item.date <= to) out.push({ id: item.id, text: item.text });
  }
  return out;
}

/**
 * The shipped manifest less its policy layer, written with absolute paths to a temporary folder: the
 * "no policy dictionary" start, which does not move as the policy dictionaries grow.
 */
function manifestWithoutPolicy(): string {
  const shipped = join(dictionariesDir(), 'manifest.json');
  const manifest = JSON.parse(readFileSync(shipped, 'utf8')) as {
    townships?: string;
    layers: Array<{ name: string; files: Array<{ path: string }> }>;
  };
  const absolute = (path: string) => resolve(dictionariesDir(), path);
  const stripped = {
    ...manifest,
    ...(manifest.townships !== undefined ? { townships: absolute(manifest.townships) } : {}),
    layers: manifest.layers
      .filter((layer) => layer.name !== 'policy')
      .map((layer) => ({ ...layer, files: layer.files.map((f) => ({ ...f, path: absolute(f.path) })) })),
  };
  const path = join(mkdtempSync(join(tmpdir(), 'zhtag-eval-')), 'manifest-no-policy.json');
  writeFileSync(path, JSON.stringify(stripped, null, 2));
  return path;
}

const KS = [100, 200, 500];

/** The entity stage of a pipeline on these dictionaries, as discovery asks for it. */
function entitiesOf(manifest?: string) {
  const pipeline = createPipeline({ keywords: false, ...(manifest !== undefined ? { manifest } : {}) });
  return (text: string) => pipeline.annotate(text).entities;
}

interface ModernRow {
  corpus: string;
  mode: string;
  rows: number;
  recall: number[];
  precision: string;
  seconds: number;
}

function evalModern(
  name: string,
  role: string,
  documents: DiscoverDocument[],
  listPath: string,
  dictionaries: Array<{
    mode: string;
    dictionary: Dictionary;
    onlyUnknown: boolean;
    entities: (text: string) => Array<{ start: number; end: number; label: string }>;
  }>,
): ModernRow[] {
  const all = parseJudgedList(readFileSync(listPath, 'utf8'));
  const characters = documents.reduce((sum, d) => sum + d.text.length, 0);
  process.stdout.write(
    `\ncorpus: ${name} (${documents.length} documents, ${characters} characters; list ${listPath}, ${all.length} rows, ${role})\n`,
  );
  const out: ModernRow[] = [];
  for (const { mode, dictionary, onlyUnknown, entities } of dictionaries) {
    const started = performance.now();
    const candidates: Candidate[] = discoverTerms(documents, { top: Math.max(...KS), dictionary, entities });
    const seconds = (performance.now() - started) / 1000;
    if (outDir) writeFileSync(join(outDir, `${name}-${mode}.tsv`), candidatesToTsv(candidates));
    const known = (form: string) => dictionary.lookup(form)?.label === 'POLICY';
    const rows = onlyUnknown ? all.filter((row) => !row.forms.some(known)) : all;
    const score = scoreRanking(
      candidates.map((c) => c.term),
      rows,
      all,
      KS,
    );
    const recall = KS.map((k) => (score.found.get(k) ?? 0) / Math.max(1, score.rows));
    const precision = `${score.hits100}/${score.top100}`;
    process.stdout.write(
      [
        `  ${mode}: ${onlyUnknown ? 'listed terms the dictionaries do not know' : 'all listed terms'}: ${score.rows}; discovery ${seconds.toFixed(1)} s, ${candidates.length} candidates`,
        `    ${KS.map((k, i) => `recall@${k} ${score.found.get(k)}/${score.rows} = ${pct(recall[i] ?? 0)}`).join(', ')}`,
        `    precision@100 (on the list): ${precision} = ${pct(score.hits100 / Math.max(1, score.top100))}`,
        `    missing@${Math.max(...KS)}: ${score.missing.join(' ') || '-'}`,
      ].join('\n'),
    );
    process.stdout.write('\n');
    out.push({ corpus: name, mode, rows: score.rows, recall, precision, seconds });
  }
  return out;
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

if (only.has('pd1998')) eval1998();
const modern: ModernRow[] = [];
if (only.has('gov-reports') || only.has('xwlb')) {
  const noPolicy = manifestWithoutPolicy();
  const shipped = loadDictionarySet();
  const bare = loadDictionarySet({ manifest: noPolicy });
  const modes = [
    { mode: 'shipped', dictionary: shipped, onlyUnknown: true, entities: entitiesOf() },
    { mode: 'no-policy', dictionary: bare, onlyUnknown: false, entities: entitiesOf(noPolicy) },
  ];
  const lists = join(root, 'eval', 'discover');
  if (only.has('gov-reports'))
    modern.push(...evalModern('gov-reports', 'tuning', govReports(), join(lists, 'gov-reports.tsv'), modes));
  if (only.has('xwlb'))
    modern.push(
      ...evalModern(
        'xwlb-2024q4',
        'reporting only',
        xwlb('20241001', '20241231'),
        join(lists, 'xwlb-2024q4.tsv'),
        modes,
      ),
    );
  process.stdout.write(
    '\n| corpus | dictionaries | rows | recall@100 | recall@200 | recall@500 | precision@100 |\n',
  );
  process.stdout.write('|---|---|---|---|---|---|---|\n');
  for (const row of modern)
    process.stdout.write(
      `| ${row.corpus} | ${row.mode} | ${row.rows} | ${row.recall.map(pct).join(' | ')} | ${row.precision} |\n`,
    );
}
