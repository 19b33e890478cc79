/**
 * Annotation conventions: how the gold formats map onto zhtag's PERSON / LOC / ORG.
 *
 * People's Daily 1998 (PKU word/POS):
 * - `nr` → PERSON. A surname token followed by a given-name token (`江/nr 泽民/nr`) is one person; in a
 *   run of several `nr` tokens, a token of at most two characters is joined with the next one
 *   (`江 泽民 李 鹏` → 江泽民, 李鹏), a longer token stands alone (`克林顿`).
 * - `ns` → LOC, `nt` → ORG; bracketed `[...]nt` → ORG and `[...]ns` → LOC as a whole, and the names
 *   inside a bracketed compound are not entities (the compound wins, also for `[...]nz`, `]i`, `]l`,
 *   which are not entities themselves).
 * - `j` (abbreviations): PD does not mark them as names, but the character-BIO NER sets and most users
 *   do. One-character abbreviations of countries, provinces and cities (中, 美, 俄, 京, 沪, 华 in
 *   中美关系, 访华, 京沪) and a few regional compounds (拉美, 北爱, 江淮) → LOC; abbreviated party
 *   congresses (十五大) and abbreviated bodies (政协, 人大, 欧盟, 北约, 中共, 中科院, 纪委, …) → ORG.
 *   Other abbreviations (经贸, 双拥, 高校) are not entities.
 * - Place abbreviations inside ordinary words (访华, 驻华, 来华, 中方, 美军, 进京, 京剧, 中医, 华侨,
 *   抗日): PD writes them as one verb or noun; we mark the abbreviating character LOC (华 in 访华),
 *   as the BIO sets do. The words are listed explicitly in `ABBREVIATION_WORDS`.
 * - A few ordinary PD nouns that name one specific body in context (市委, 县委, 省委, 国会, 内阁,
 *   解放军, 海军) → ORG, as the BIO sets do (`BODY_WORDS`).
 *
 * Character BIO (pd1998-ner): PER → PERSON, LOC → LOC, ORG → ORG.
 *
 * CLUENER2020: name → PERSON; address → LOC (CLUENER addresses are often whole multi-level
 * addresses, 北京市海淀区…, where PD marks each level, so LOC scores there are a lower bound);
 * government, organization and company → ORG (organization includes sports clubs and bands).
 * book, game, movie and scene are not mapped. position → TITLE is kept apart in `CLUENER_TITLE_TYPES`:
 * the statistical model has no TITLE tag, so its training and evaluation (which read `CLUENER_TYPES`
 * through `readCluener`) never see titles; only the pipeline evaluation (src/eval/evaluate.ts)
 * scores them. CLUENER positions exclude the body (交通银行 + 首席经济学家, 全国人大常委会 + 委员)
 * and keep deputy and modifier prefixes (副行长, 常务副市长, 首席经济学家, 相关负责人).
 */
import type { NerLabel } from './labels.js';

/** One-character abbreviations of places that PD tags `j`. */
const J_LOC_ONE =
  '中美俄京以巴日阿英伊欧法南港哈华昆亚泰澳塔德罗越黎吉沪印意乌马加台白韩淮苏菲土川广格奥摩贝朝孟波杭津辽贵非黔渝尼约豫湘柬滇爱希葡赞赣疆晋浙鄂兰匈埃坦粤冀闽荷瑞穗桂蒙陕宁鲁墨比卢缅蜀甘挪甬琼藏捷老叙几沈深';

const J_LOC_MULTI = [
  '北爱',
  '拉美',
  '亚太地区',
  '江淮',
  '黄淮',
  '青藏',
  '晋察冀',
  '港澳',
  '港澳台',
  '京津',
  '长三角',
  '珠三角',
  '京津冀',
  '海峡两岸',
];

const J_ORG = [
  '政协',
  '人大',
  '全国人大',
  '省人大',
  '省政协',
  '市人大',
  '市政协',
  '县人大',
  '县政协',
  '欧盟',
  '北约',
  '中共',
  '安理会',
  '独联体',
  '国家教委',
  '体委',
  '妇联',
  '中宣部',
  '村委会',
  '居委会',
  '纪委',
  '中纪委',
  '中科院',
  '社科院',
  '军委',
  '中央军委',
  '北大',
  '清华',
  '越共',
  '外经贸部',
  '总政',
  '总后',
  '总参',
  '科委',
  '科协',
  '广电部',
  '阿盟',
  '特委会',
  '东盟',
  '世贸',
  '工商联',
  '侨联',
  '文联',
  '作协',
  '团中央',
  '国家计委',
  '计委',
  '经贸委',
  '国家经贸委',
  '国务院办公厅',
  '人行',
  '新华社',
  '欧佩克',
  '亚行',
  '世行',
  '联大',
  '中组部',
  '中联部',
  '统战部',
  '国台办',
  '港澳办',
  '人民银行',
  '全总',
  '全国妇联',
  '共青团',
];

/** Words containing a one-character place abbreviation (the character to mark is listed first). */
const ABBREVIATION_WORDS: Array<[string, string[]]> = [
  [
    '华',
    [
      '访华',
      '来华',
      '驻华',
      '在华',
      '赴华',
      '离华',
      '抵华',
      '对华',
      '援华',
      '侵华',
      '旅华',
      '留华',
      '返华',
      '华侨',
      '华裔',
    ],
  ],
  ['中', ['中方', '中医', '中药', '中资', '中式']],
  ['美', ['美方', '美军', '访美', '赴美', '旅美', '留美', '抵美', '离美', '对美', '美籍']],
  ['日', ['日方', '日军', '访日', '赴日', '旅日', '抗日', '侵日', '对日', '日籍', '日寇', '日资']],
  ['俄', ['俄方', '俄军', '访俄', '赴俄', '对俄']],
  ['英', ['英方', '英军', '访英', '赴英', '英籍']],
  ['法', ['法方', '法军', '访法', '赴法']],
  ['德', ['德方', '访德']],
  ['韩', ['韩方', '访韩', '赴韩', '对韩']],
  ['朝', ['朝方']],
  ['港', ['港方', '港人', '港资', '赴港', '访港', '来港', '抵港', '离港', '在港', '驻港', '港商', '港胞']],
  ['澳', ['澳方', '赴澳', '访澳', '驻澳', '澳资']],
  ['台', ['台方', '台商', '台胞', '台资', '赴台', '访台', '对台']],
  [
    '京',
    ['进京', '在京', '来京', '赴京', '抵京', '离京', '返京', '晋京', '驻京', '京剧', '京韵', '京胡', '京味'],
  ],
  ['沪', ['在沪', '来沪', '赴沪', '抵沪', '驻沪']],
  ['川', ['川剧', '川菜']],
];
/** PD nouns (`n`) that stand for a specific body. */
const BODY_WORDS = new Set([
  '市委',
  '县委',
  '省委',
  '区委',
  '地委',
  '州委',
  '国会',
  '内阁',
  '议会',
  '参议院',
  '众议院',
  '解放军',
  '海军',
  '陆军',
  '空军',
]);

/** ORG for the PD nouns in BODY_WORDS. */
export function labelForBodyWord(word: string): NerLabel | undefined {
  return BODY_WORDS.has(word) ? 'ORG' : undefined;
}

const abbreviationWords = new Map<string, number>();
for (const [ch, words] of ABBREVIATION_WORDS) for (const w of words) abbreviationWords.set(w, w.indexOf(ch));

/** Code units of the place-abbreviation characters of those words (华, 中, 美, 京 …). */
export const ABBREVIATION_UNITS: ReadonlySet<number> = new Set(
  ABBREVIATION_WORDS.map(([ch]) => ch.charCodeAt(0)),
);

/** Index of a place-abbreviation character inside an ordinary PD word (访华 → 1), or -1. */
export function abbreviationInWord(word: string): number {
  return abbreviationWords.get(word) ?? -1;
}

const jLocOne = new Set([...J_LOC_ONE]);
const jLocMulti = new Set(J_LOC_MULTI);
const jOrg = new Set(J_ORG);

/** zhtag label for a PD abbreviation token (`j`), or undefined if it is not an entity. */
export function labelForAbbreviation(word: string): NerLabel | undefined {
  if (word.length === 1) return jLocOne.has(word) ? 'LOC' : undefined;
  if (jLocMulti.has(word)) return 'LOC';
  if (jOrg.has(word)) return 'ORG';
  // party congresses and plenums of a congress number: 十五大, 十四大, 八大
  if (/^十?[一二三四五六七八九十]大$/.test(word)) return 'ORG';
  if (word === '部委') return undefined;
  if (word.length >= 2 && /[委部院联盟局办署]$/.test(word)) return 'ORG';
  return undefined;
}

/** PD POS tags of single words mapped to labels. */
export const PD_TAGS: Record<string, NerLabel> = { nr: 'PERSON', ns: 'LOC', nt: 'ORG' };
/** PD bracket types mapped to labels (other bracket types suppress the names inside them). */
export const PD_BRACKETS: Record<string, NerLabel> = { nt: 'ORG', ns: 'LOC' };
/** BIO types. */
export const BIO_TYPES: Record<string, NerLabel> = { PER: 'PERSON', LOC: 'LOC', ORG: 'ORG' };
/** CLUENER types. */
export const CLUENER_TYPES: Record<string, NerLabel> = {
  name: 'PERSON',
  address: 'LOC',
  government: 'ORG',
  organization: 'ORG',
  company: 'ORG',
};
/** CLUENER types scored as TITLE by the pipeline evaluation only (not part of the model's labels). */
export const CLUENER_TITLE_TYPES: Record<string, 'TITLE'> = { position: 'TITLE' };
