/**
 * Builds dictionaries/gazetteer/people.tsv: a who's-who of the people that political news names with a
 * position, mined from unlabelled broadcasts by distant supervision. Every item is annotated by the
 * pipeline WITHOUT this file; a name counts each time the officials stage reads it in a title pattern
 * (国务院总理李强, 俄罗斯总统普京, 中央军委委员李尚福、刘振立 …). A name is kept when it is read so at
 * least --min-count times, and dropped when it is another kept name plus characters around it (普京下
 * beside 普京) or a word of the other gazetteers. Only the names, their counts, the most frequent title,
 * the country and the first date and item id are shipped, never a sentence.
 *
 *   npm run build:people [-- --corpus FILE.jsonl] [--exclude GOLD.jsonl ...] [--min-count 3] [--out FILE]
 *
 * Defaults, in the data folder (--data, else ZHTAG_DATA, else ../shared/data): xwlb/xwlb-2022-2024.jsonl,
 * excluding the items of modern-news/dev.jsonl (the development set of `npm run eval:modern`); out:
 * dictionaries/gazetteer/people.tsv. Deterministic.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { surnameLengthOf } from '../src/entities/names.js';
import { createPipeline } from '../src/index.js';
import { packageRoot } from '../src/paths.js';
import { dataDir } from './data.js';

const root = packageRoot();
const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    corpus: { type: 'string' },
    exclude: { type: 'string', multiple: true },
    'min-count': { type: 'string', default: '3' },
    out: { type: 'string', default: path.join(root, 'dictionaries', 'gazetteer', 'people.tsv') },
  },
});
const minCount = Number(values['min-count']);
const data = dataDir(values.data);
const corpusPath = values.corpus ?? path.join(data, 'xwlb', 'xwlb-2022-2024.jsonl');
const excludePaths = values.exclude ?? [path.join(data, 'modern-news', 'dev.jsonl')];
const PEOPLE_FILE = 'gazetteer/people.tsv';
/** The least share of the items writing a name in which it is read as a person with a position. */
const MIN_SHARE = 0.05;

interface Item {
  id: string;
  date?: string;
  text: string;
}
const readJsonl = (file: string): Item[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Item);

const excluded = new Set(excludePaths.flatMap((file) => readJsonl(file).map((item) => item.id)));
const items = readJsonl(corpusPath).filter((item) => !excluded.has(item.id));

// The shipped manifest without the who's-who itself, so that the file never feeds its own making.
const manifestPath = path.join(root, 'dictionaries', 'manifest.json');
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
  townships?: string;
  layers: Array<{ files: Array<{ path: string }> }>;
};
const absolute = (p: string) => path.resolve(path.dirname(manifestPath), p);
if (manifest.townships) manifest.townships = absolute(manifest.townships);
for (const layer of manifest.layers) {
  layer.files = layer.files.filter((file) => file.path !== PEOPLE_FILE);
  for (const file of layer.files) file.path = absolute(file.path);
}
const tempManifest = path.join(tmpdir(), `zhtag-people-manifest-${process.pid}.json`);
writeFileSync(tempManifest, JSON.stringify(manifest));
const pipeline = createPipeline({ manifest: tempManifest, disable: ['keywords'] });

interface Tally {
  count: number;
  /** Readings where the name is one segmenter word tagged as a common word (念兹在兹/i). */
  words: number;
  titles: Map<string, number>;
  countries: Map<string, number>;
  first: string;
}
const tallies = new Map<string, Tally>();
/** The tally of a name, counted once more; a new one remembers the item it was first read in. */
function tallyOf(name: string, item: Item): Tally {
  const tally = tallies.get(name) ?? {
    count: 0,
    words: 0,
    titles: new Map<string, number>(),
    countries: new Map<string, number>(),
    first: `${item.date ?? ''} ${item.id}`,
  };
  tallies.set(name, tally);
  tally.count++;
  return tally;
}
/** Tags of common words (idioms, nouns, verbs …), not of names, places or unknown words. */
const COMMON_WORD = /^(i|l|v|vn|vd|n|a|ad|an|d|m|q|r|c|p|u)$/;
const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
const top = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
const started = performance.now();
for (const item of items) {
  const doc = pipeline.annotate({ id: item.id, text: item.text });
  const readBy = new Map(doc.entities.filter((e) => e.label === 'PERSON').map((e) => [e.start, e.source]));
  const tokenAt = new Map(doc.tokens.map((token) => [token.start, token]));
  for (const official of doc.officials ?? []) {
    const name = official.person.name;
    // Names the model read, and foreign names after a country's title (俄罗斯总统普京): a surname and
    // two characters after a title (总书记郑重宣布) is no evidence.
    const foreign = official.positions.some((p) => p.country);
    if (readBy.get(official.person.start) !== 'model' && !foreign) continue;
    const positions = official.positions.filter((p) => p.source !== 'rule:short-form');
    if (positions.length === 0) continue;
    const tally = tallyOf(name, item);
    const token = tokenAt.get(official.person.start);
    if (token && token.end === official.person.end && COMMON_WORD.test(token.pos)) tally.words++;
    for (const p of positions) {
      bump(tally.titles, `${p.organization?.name ?? ''}${p.title.name}`);
      if (p.country) bump(tally.countries, p.country);
    }
  }
}

/**
 * Foreign leaders after their country and title (俄罗斯总统普京表示, 伊朗外长阿拉格希9日): where the
 * name ends is read from all such places at once. A string after the title is a whole name when what
 * follows it varies (普京 + 表示 / 会见 / 在 …) or begins a predicate; the shortest such prefix of each
 * place counts. The segmenter's dictionary and the model know few of today's foreign names (jieba tags
 * 普京 a place; the model reads its 京 as 北京).
 */
const FOREIGN_TITLES =
  '总统|副总统|总理|副总理|首相|副首相|外长|外交部长|国防部长|国王|王储|议长|国务卿|总书记';
/** Characters that begin what follows a name (表示, 会见, 在, 说 …). */
const PREDICATE = new Set('表会在说同与和的向对就致发出举等将也已称指时率谈访抵通日月年当、，。：'.split(''));
const worldFile = path.join(root, 'dictionaries', 'gazetteer', 'world.tsv');
const countries = readFileSync(worldFile, 'utf8')
  .split('\n')
  .map((line) => line.split('\t'))
  .filter((cells) => cells[1] === 'country' && cells[0] !== '中国')
  .map((cells) => cells[0] as string);
const pattern = new RegExp(`(${countries.join('|')})(${FOREIGN_TITLES})([\\u4e00-\\u9fff·]{2,10})`, 'g');
const places: Array<{ rest: string; country: string; title: string; item: Item }> = [];
const prefixCount = new Map<string, number>();
const nextCount = new Map<string, Map<string, number>>();
for (const item of items)
  for (const match of item.text.matchAll(pattern)) {
    const [, country, title, rest] = match as unknown as [string, string, string, string];
    const after = item.text.slice(
      (match.index ?? 0) + match[0].length,
      (match.index ?? 0) + match[0].length + 1,
    );
    places.push({ rest, country, title, item });
    for (let length = 2; length <= rest.length; length++) {
      const prefix = rest.slice(0, length);
      prefixCount.set(prefix, (prefixCount.get(prefix) ?? 0) + 1);
      const next = length < rest.length ? rest.charAt(length) : after || '$';
      const counts = nextCount.get(prefix) ?? new Map<string, number>();
      nextCount.set(prefix, counts);
      bump(counts, next);
    }
  }
/** A prefix is a whole name when what follows it varies, or begins a predicate. */
const whole = (prefix: string): boolean => {
  const counts = nextCount.get(prefix);
  const total = prefixCount.get(prefix) ?? 0;
  if (!counts || total < minCount) return false;
  const [next, most] = top(counts) ?? ['', 0];
  return most / total < 0.5 || PREDICATE.has(next) || next === '$';
};
for (const { rest, country, title, item } of places) {
  let name: string | undefined;
  for (let length = 2; length <= rest.length && !name; length++)
    if (whole(rest.slice(0, length))) name = rest.slice(0, length);
  if (!name) continue;
  const tally = tallyOf(name, item);
  bump(tally.titles, title);
  bump(tally.countries, country);
}
const seconds = (performance.now() - started) / 1000;

/** A name: two to four Han characters, or a transliterated name with a middle dot. */
const NAME = /^(?:[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{2,8}|[\u4e00-\u9fff]+(?:·[\u4e00-\u9fff]+)+)$/;
const frequent = [...tallies].filter(([name, t]) => t.count >= minCount && NAME.test(name));
/** Items that contain each frequent name anywhere, read as a name or not. */
const documentFrequency = new Map(frequent.map(([name]) => [name, 0]));
for (const item of items)
  for (const [name, df] of documentFrequency)
    if (item.text.includes(name)) documentFrequency.set(name, df + 1);
const kept = frequent.filter(([name, t]) => {
  // One name inside the other, one read far more often: the other is a misreading (普京下 beside 普京,
  // 栗战 beside 栗战书).
  for (const [other, o] of frequent)
    if (other !== name && (name.includes(other) || other.includes(name)) && o.count >= 1.5 * t.count)
      return false;
  // Read mostly as one common word of the segmenter's dictionary: an idiom or a noun (念兹在兹/i).
  if (t.words * 2 > t.count) return false;
  // A string that items write far more often than as a person's name is a word (贺信, 顿涅茨克, 哈马斯).
  if (t.count < MIN_SHARE * (documentFrequency.get(name) ?? 0)) return false;
  // A name does not begin with a joiner or a mark of the position (兼经济部长: 兼; 原, 前, 代).
  if (/^[兼和及与、原前代副]/.test(name)) return false;
  // A Chinese name is two to four characters; longer strings are foreign names only.
  const foreign = t.countries.size > 0;
  return foreign || name.length <= 4 || name.includes('·');
});
const others = pipeline.dictionary;
/** One word of the segmenter's dictionary tagged as a common word (选举/vn, 夫人/n after 总统). */
const commonWord = (name: string) => {
  const tokens = pipeline.segment(name);
  return tokens.length === 1 && COMMON_WORD.test(tokens[0]?.pos ?? '');
};
/**
 * A Chinese name: no middle dot, at most two characters after a surname, and a known surname unless it
 * has three characters (rare surnames such as 习 are not in the list; 普京 or 亨利 without their country
 * are foreign).
 */
const chineseName = (name: string) => {
  const surname = surnameLengthOf(name);
  if (name.includes('·') || name.length - Math.max(surname, 1) > 2) return false;
  return surname > 0 || name.length === 3;
};
/** A place and one more character (苏丹问): a misreading. */
const placeAndCharacter = (name: string) =>
  others.lookupAll(name.slice(0, -1)).some((entry) => entry.label === 'LOC');
const rows = kept
  .filter(([name]) => !others.lookupAll(name).some((entry) => entry.label !== 'PERSON'))
  .filter(([name]) => !placeAndCharacter(name) && !commonWord(name))
  .sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1))
  .map(([name, t]) => {
    const title = top(t.titles)?.[0] ?? '';
    const country = top(t.countries)?.[0] ?? '';
    return [
      name,
      country || !chineseName(name) ? 'foreign' : 'official',
      country,
      title,
      String(t.count),
      t.first,
    ].join('\t');
  });

const header = `# zhtag gazetteer: people political news names with a position (a who's-who), built by
# scripts/build-people.ts from ${items.length} items of 新闻联播 2022-09 – 2024-12 (the modern-news development items
# left out): a name read in a title pattern at least ${minCount} times. country: for foreign positions; office: the
# most frequent body + title read with the name; count: times read so; first: date and item id of the first reading.
# Names and counts only, no text. Regenerate with \`npm run build:people\`; never edit by hand.
term\ttype\tcountry\toffice\tcount\tfirst
`;
writeFileSync(values.out as string, `${header}${rows.join('\n')}\n`);
console.log(
  `${items.length} items (${excluded.size} excluded) in ${seconds.toFixed(0)} s: ${tallies.size} names read with a position, ${frequent.length} at least ${minCount} times, ${rows.length} kept -> ${path.relative(process.cwd(), values.out as string)}`,
);
