import { type Corpus, isHanzi, isTermChar, QUOTE_PAIRS } from './corpus.js';

/**
 * Where policy terms show in Chinese news, and what each signal proposes. Every generator only
 * proposes strings; counting, boundary freedom and cohesion decide later which of them are terms.
 */

/** Suffixes of program, campaign and strategy names, with the type they suggest (longest first). */
export const POLICY_SUFFIXES: ReadonlyArray<readonly [string, string]> = [
  ['专项行动', 'campaign'],
  ['三年行动', 'campaign'],
  ['攻坚行动', 'campaign'],
  ['建设年', 'campaign'],
  ['攻坚战', 'campaign'],
  ['保卫战', 'campaign'],
  ['先行区', 'zone'],
  ['工作法', 'mechanism'],
  ['示范区', 'zone'],
  ['试验区', 'zone'],
  ['工程', 'program'],
  ['计划', 'program'],
  ['倡议', 'initiative'],
  ['走廊', 'zone'],
  ['经济', 'concept'],
  ['战略', 'strategy'],
  ['行动', 'campaign'],
  ['活动', 'campaign'],
  ['运动', 'campaign'],
  ['平台', 'platform'],
  ['机制', 'mechanism'],
  ['体系', 'mechanism'],
  ['制度', 'mechanism'],
  ['精神', 'spirit'],
  ['理论', 'theory'],
  ['思想', 'theory'],
  ['方针', 'policy'],
  ['方略', 'policy'],
  ['模式', 'concept'],
];

/** Verbs that put a policy term after them: 实施…, 开展…, 坚持…. */
export const LEFT_TRIGGERS = [
  '实施',
  '开展',
  '落实',
  '坚持',
  '贯彻',
  '实行',
  '推行',
  '深化',
  '启动',
  '响应',
  '践行',
  '弘扬',
  '发扬',
  '高举',
  '锚定',
  '打好',
];

/** Verbs that govern policy terms and ordinary nouns alike (加强管理): half the weight of the above. */
export const WEAK_LEFT_TRIGGERS = [
  '加强',
  '加快',
  '加大',
  '做好',
  '推动',
  '实现',
  '推进',
  '搞好',
  '抓好',
  '学习',
];

/** Nouns that follow a policy term: …战略, …方针, …活动. */
export const RIGHT_TRIGGERS = [
  '战略',
  '方针',
  '政策',
  '工程',
  '活动',
  '精神',
  '思想',
  '理论',
  '原则',
  '方略',
  '目标',
  '要求',
  '教育',
  '行动',
  '计划',
  '旗帜',
  '路线',
  '制度',
  '模式',
  '攻坚',
  '工作',
  '力度',
  '步伐',
];

/** Numerals that lead a slogan; 百/千/万 only follow them (百/千/万 first makes a quantity: 万多, 千方百计). */
const LEADING_NUMERALS = '一二两三四五六七八九十双';
const NUMERALS = '一二两三四五六七八九十百千万双';
/** After a numeral these make a quantity or a date (三个月, 五年, 两次), not a slogan. */
const UNITS = new Set(
  '年月日号时分秒天周次人名位家户元角万亿岁倍米吨斤亩台辆架艘所座条件批项种些样点半层期届级成股份只张篇本部场处栋间节多余几来'.split(
    '',
  ),
);
/** Characters a term neither starts nor ends with when it is not quoted: particles, conjunctions, pronouns. */
const EDGE_STOPS = new Set(
  '的了和与及或在是等也都而把被对从向于这那其之以就又并但还为着过来去上下中我你他她它们'.split(''),
);
/**
 * The subset of `EDGE_STOPS` a term may still start with: 下岗分流, 对口支援, 以经济建设为中心, 上山下乡,
 * 中国…, 为民办实事.
 */
const START_ALLOWED = new Set('对以为来过上下中'.split(''));
/** True when `term` starts or ends with a particle, conjunction or pronoun (never for a term). */
export function hasStopEdge(term: string): boolean {
  const first = term[0] ?? '';
  return (EDGE_STOPS.has(first) && !START_ALLOWED.has(first)) || EDGE_STOPS.has(term[term.length - 1] ?? '');
}

export const isNumeral = (char: string | undefined): boolean => char !== undefined && NUMERALS.includes(char);

/** Adds `term` to the proposal counts when it passes the shape rules every signal shares. */
function propose(out: Map<string, number>, term: string): void {
  if (term.length < 2) return;
  out.set(term, (out.get(term) ?? 0) + 1);
}

/** Quoted phrases (“…”, ‘…’, 「…」): 2–20 characters, may hold 、 and commas, no sentence punctuation. */
export function quotedPhrases(corpus: Corpus, out: Map<string, number>, maxLength = 20): void {
  const { text } = corpus;
  for (let i = 0; i < text.length; i++) {
    const close = QUOTE_PAIRS.get(text[i] ?? '');
    if (close === undefined) continue;
    const end = text.indexOf(close, i + 1);
    if (end === -1 || end - i - 1 > maxLength) continue;
    const inner = text.slice(i + 1, end);
    if (/[\n。!?;:!?;:《》()()]/.test(inner) || inner.includes(text[i] ?? '')) continue;
    let hanzi = 0;
    for (let k = 0; k < inner.length; k++) if (isHanzi(inner.charCodeAt(k))) hanzi++;
    if (hanzi >= 2 || isNumeralCode(inner)) propose(out, inner);
  }
}

/**
 * A quoted code of digits (“3815”战略, “51020”产业集群, “3820”工程): three to six digits, not a year
 * (1900–2099) — the numeral codes local and national programs are named by.
 */
export function isNumeralCode(text: string): boolean {
  return /^[0-9]{3,6}$/.test(text) && !/^(19|20)[0-9]{2}$/.test(text);
}

/**
 * Names of the `X+` shape (人工智能+, 互联网+, 数据要素×): the last 2–`maxLength` characters before a
 * plus sign that ends a name or joins it to what it is applied to (人工智能+行动, 互联网+政务服务).
 */
export function plusForms(corpus: Corpus, out: Map<string, number>, maxLength = 6): void {
  const { text } = corpus;
  for (let at = text.indexOf('+'); at !== -1; at = text.indexOf('+', at + 1)) {
    let from = at;
    while (from > 0 && from > at - maxLength && isHanzi(text.charCodeAt(from - 1))) from--;
    for (let start = at - 2; start >= from; start--) propose(out, text.slice(start, at + 1));
  }
}

/** Runs of term characters, the units every unquoted generator works within. */
function forEachRun(text: string, visit: (start: number, end: number) => void): void {
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const inside = i < text.length && isTermChar(text.charCodeAt(i));
    if (inside && start === -1) start = i;
    else if (!inside && start !== -1) {
      visit(start, i);
      start = -1;
    }
  }
}

/**
 * Whether a numeral-led string has the shape of a numbered slogan (三讲, 两个文明, 十大战略, 一国两制)
 * rather than a quantity or date (三个月, 一九九八年, 一些).
 */
export function numeralShape(term: string): 'strong' | 'weak' | undefined {
  const first = term[0];
  if (first === undefined || !LEADING_NUMERALS.includes(first)) return undefined;
  let k = 0;
  while (k < term.length && isNumeral(term[k])) k++;
  const next = term[k];
  if (next === undefined || UNITS.has(next) || /[0-9]/.test(next)) return undefined;
  if (next === '个' && (first === '一' || UNITS.has(term[k + 1] ?? '') || term.length - k < 3))
    return undefined;
  // A second numeral after other characters makes a parallel slogan: 一国两制, 一城一都一基地.
  let numeralGroups = 1;
  for (let i = k + 1; i < term.length; i++)
    if (isNumeral(term[i]) && !isNumeral(term[i - 1])) numeralGroups++;
  if (numeralGroups >= 2) return 'strong';
  // 一-led strings without a second numeral are ordinary words (一致, 一批, 一体化).
  if (first === '一') return undefined;
  // Numeral + one character (三讲, 两国, 双方) is as often an ordinary word as a slogan.
  if (term.length - k <= 1) return 'weak';
  return next === '个' || next === '大' ? 'strong' : 'weak';
}

/** Numeral-led strings (十大战略, 两个确保, 一国两制, 三讲) of 2 to `maxLength` characters. */
export function numeralLed(corpus: Corpus, out: Map<string, number>, maxLength = 8): void {
  const { text } = corpus;
  forEachRun(text, (start, end) => {
    for (let i = start; i < end - 1; i++) {
      if (!isNumeral(text[i]) || (i > start && isNumeral(text[i - 1]))) continue;
      for (let length = 2; length <= maxLength && i + length <= end; length++) {
        const term = text.slice(i, i + length);
        if (numeralShape(term) !== undefined && !EDGE_STOPS.has(term[term.length - 1] ?? ''))
          propose(out, term);
      }
    }
  });
}

/** Strings ending in a policy suffix (菜篮子工程, 科教兴国战略), and the names before the suffix (菜篮子). */
export function suffixed(corpus: Corpus, out: Map<string, number>, maxPrefix = 8): void {
  const { text } = corpus;
  forEachRun(text, (start, end) => {
    for (let i = start + 2; i < end; i++) {
      const suffix = POLICY_SUFFIXES.find(([s]) => text.startsWith(s, i));
      if (!suffix) continue;
      const stop = i + suffix[0].length;
      if (stop > end) continue;
      for (let length = 2; length <= maxPrefix && i - length >= start; length++) {
        const name = text.slice(i - length, i);
        if (EDGE_STOPS.has(name[0] ?? '') && !START_ALLOWED.has(name[0] ?? '')) continue;
        propose(out, name + suffix[0]);
        propose(out, name);
      }
    }
  });
}

/** Strings right after a trigger verb (实施|再就业工程, 坚持|依法治国). */
export function afterTriggers(corpus: Corpus, out: Map<string, number>, maxLength = 8): void {
  const { text } = corpus;
  forEachRun(text, (start, end) => {
    for (let i = start; i < end - 3; i++) {
      const trigger = [...LEFT_TRIGGERS, ...WEAK_LEFT_TRIGGERS].find((t) => text.startsWith(t, i));
      if (!trigger) continue;
      const from = i + trigger.length;
      for (let length = 2; length <= maxLength && from + length <= end; length++) {
        const term = text.slice(from, from + length);
        if (!hasStopEdge(term)) propose(out, term);
      }
    }
  });
}

/** Four-character items of 、-lists (下岗分流、减员增效、实施再就业工程): the whole run between punctuation. */
export function listItems(corpus: Corpus, out: Map<string, number>): void {
  const { text } = corpus;
  forEachRun(text, (start, end) => {
    if (end - start === 4 && (text[start - 1] === '、' || text[end] === '、'))
      propose(out, text.slice(start, end));
  });
}

/**
 * Two verb–object pairs in four characters (减员|增效, 抓大|放小, 扫黄|打非, 改革|开放): the shape of
 * policy slogans. `posOf` is the engine's single-character part of speech.
 */
export function isVerbPairSlogan(term: string, posOf: (word: string) => string): boolean {
  return term.length === 4 && posOf(term[0] ?? '').startsWith('v') && posOf(term[2] ?? '').startsWith('v');
}

export function suggestType(term: string, quotedShare: number): string {
  const suffix = POLICY_SUFFIXES.find(([s]) => term.endsWith(s) && term.length > s.length);
  if (suffix) return suffix[1];
  if (term.endsWith('+')) return 'initiative';
  if (numeralShape(term) !== undefined || isNumeralCode(term)) return 'slogan';
  if (/[、,,]/.test(term)) return 'slogan';
  return quotedShare >= 0.5 ? 'slogan' : 'concept';
}

/** Words an unquoted term does not start with: verbs and adverbs that govern a term (进一步解放思想). */
export const LEADING_WORDS = [
  '进一步',
  '加强',
  '建立',
  '采取',
  '不断',
  '努力',
  '积极',
  '认真',
  '大力',
  '全面',
  '继续',
  '提高',
  '完善',
  '健全',
  '坚决',
  '各项',
  '加快',
  '加大',
  '促进',
  '要',
  '不',
  '用',
];

/** Suffixes that also end ordinary compounds (体育活动, 运行机制, 发展战略): they count after 3+ characters. */
export const GENERIC_SUFFIXES = new Set([
  '活动',
  '行动',
  '运动',
  '体系',
  '机制',
  '制度',
  '思想',
  '精神',
  '模式',
  '战略',
  '平台',
]);

export { EDGE_STOPS };

/**
 * Every 2–`maxLength` character string of hanzi within a run that occurs at least `minCount` times and
 * neither starts nor ends with a particle: statistical new-word detection considers all of them.
 * Counted level by level: a string is only counted when both its shorter halves were frequent (apriori).
 */
export function frequentGrams(corpus: Corpus, minCount: number, maxLength = 6): Map<string, number> {
  const { text } = corpus;
  const out = new Map<string, number>();
  let previous: Map<string, number> | undefined;
  for (let length = 2; length <= maxLength; length++) {
    const counts = new Map<string, number>();
    forEachRun(text, (start, end) => {
      for (let i = start; i + length <= end; i++) {
        if (
          previous &&
          !(previous.has(text.slice(i, i + length - 1)) && previous.has(text.slice(i + 1, i + length)))
        )
          continue;
        const gram = text.slice(i, i + length);
        counts.set(gram, (counts.get(gram) ?? 0) + 1);
      }
    });
    for (const [gram, n] of counts) if (n < minCount) counts.delete(gram);
    for (const [gram, n] of counts) if (allHanzi(gram) && !hasStopEdge(gram)) out.set(gram, n);
    previous = counts;
  }
  return out;
}

function allHanzi(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isHanzi(text.charCodeAt(i))) return false;
  return true;
}
