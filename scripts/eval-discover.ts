/**
 * npm run eval:discover: term discovery on People's Daily, 1–25 January 1998.
 * Runs `discoverTerms` with known terms kept on the plain text (ids, `/tag`, `[ ]nt` markup stripped;
 * one document per article), then reports recall@100/@200 of test/discover/gold-1998.tsv and
 * precision@100 from the judgements in test/discover/judged-top100.tsv. corpus.txt defaults to
 * pd1998/199801-01to25.txt in the data folder (`--data`, else ZHTAG_DATA, else ../shared/data).
 * Usage: node dist/scripts/eval-discover.js [corpus.txt] [--data DIR] [--gold F] [--judged F] [--out candidates.tsv]
 *   [--days 1-12]        only the articles of those days of the month; recall is then over the gold terms
 *                        that occur in those articles (the split-half check of generalization)
 *   [--hold-out-gold]    remove the gold terms (and their aliases) from the dictionary first, so no gold
 *                        term helps another through the policy-likeness or context models
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { loadDictionarySet } from '../src/dictionary/index.js';
import { candidatesToTsv, type DiscoverDocument, discoverTerms } from '../src/discover/index.js';
import { packageRoot } from '../src/paths.js';
import { dataDir } from './data.js';

const root = packageRoot();
const { values: args, positionals } = parseArgs({
  options: {
    data: { type: 'string' },
    gold: { type: 'string', default: join(root, 'test', 'discover', 'gold-1998.tsv') },
    judged: { type: 'string', default: join(root, 'test', 'discover', 'judged-top100.tsv') },
    out: { type: 'string', default: '' },
    days: { type: 'string', default: '' },
    'hold-out-gold': { type: 'boolean', default: false },
  },
  allowPositionals: true,
});
const corpusPath = positionals[0] ?? join(dataDir(args.data), 'pd1998', '199801-01to25.txt');
const goldPath = args.gold;
const judgedPath = args.judged;
const outPath = args.out;
const days = args.days;
const holdOutGold = args['hold-out-gold'];

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
  return { found: found.length, missing: gold.filter((row) => !found.includes(row)).map((row) => row.term) };
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
