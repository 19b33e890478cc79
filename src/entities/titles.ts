import type { DictMatch } from '../dictionary/dictionary.js';
import type { Entity, Token } from '../types.js';

/**
 * Titles, occupations and roles (TITLE): the dictionary's title forms (titles.tsv, roles.tsv) wherever
 * they fit the segmenter's words, plus productive compositions of a known title with a prefix (副,
 * 常务副, 首席, 名誉, …), with 助理 (总经理助理), with a field word (营销 + 经理, 财务 + 总监) or,
 * for experts and masters, with their domain (石油 + 专家, 国画 + 大师).
 *
 * Convention (the one CLUENER2020 follows for `position`): the body is not part of the title
 * (交通银行 | 首席经济学家, 焦作市委 | 书记), and neither are 原 / 前 (former, kept for officials);
 * deputy and rank prefixes are (副行长, 常务副市长, 首席执行官, 名誉会长), and so is a field word
 * naming the line of work (营销经理, 技术总监, 理财顾问).
 */

/** Prefixes that make a title of a title, longest first (常务副 before 常务 and 副). */
const PREFIXES = [
  '常务副',
  '执行副',
  '名誉副',
  '第一副',
  '常务',
  '执行',
  '名誉',
  '首席',
  '高级',
  '资深',
  '实习',
  '见习',
  '特约',
  '职业',
  '代理',
  '助理',
  '副',
];

/**
 * Field words that make a compound with a head title (营销经理, 技术总监): the line of work, not a
 * body. A department (市场部经理) is a body, so 部 / 处 / 科 never belong here, and neither do words
 * that end company names (宏源证券 | 研究员, 恒盛地产 | 副总裁, 澎湃新闻 | 记者).
 */
const FIELDS = new Set([
  '营销',
  '销售',
  '市场',
  '技术',
  '财务',
  '理财',
  '客户',
  '设计',
  '创意',
  '策划',
  '艺术',
  '音乐',
  '业务',
  '产品',
  '网络',
  '法律',
  '金融',
  '投资',
  '公关',
  '行政',
  '人事',
  '运营',
  '品牌',
  '广告',
  '信贷',
  '研发',
  '工程',
  '质量',
  '安全',
  '采购',
  '物流',
  '培训',
  '招商',
  '商务',
  '战略',
  '审计',
  '会计',
  '税务',
  '医疗',
  '体育',
  '经济',
  '环保',
  '房产',
  '摄影',
  '美术',
  '舞蹈',
  '心理',
  '建筑',
  '室内',
  '家装',
  '服装',
  '游戏',
  '软件',
  '数据',
  '信息',
  '零售',
  '渠道',
  '大堂',
  '客房',
]);

/** Head titles a field word may precede. */
const FIELD_HEADS = new Set([
  '经理',
  '副经理',
  '总经理',
  '副总经理',
  '总监',
  '主管',
  '专家',
  '顾问',
  '设计师',
  '分析师',
  '工程师',
  '编辑',
  '记者',
  '代表',
  '经纪人',
  '负责人',
  '主任',
  '总裁',
  '副总裁',
  '律师',
  '教师',
  '老师',
  '研究员',
  '专员',
  '助理',
  '指导',
]);

/**
 * Whether a form may be a title here: from a word start to a word end, or inside one segmenter word
 * beside another word (本报记者, 大学教授); never straddling a word edge (操作|者 for 作者).
 */
function wordFit(tokens: Token[], owner: Int32Array): (start: number, end: number) => boolean {
  const starts = new Uint8Array(owner.length + 1);
  const ends = new Uint8Array(owner.length + 1);
  for (const token of tokens) {
    starts[token.start] = 1;
    ends[token.end] = 1;
  }
  return (start, end) => {
    const first = owner[start] ?? -1;
    const last = owner[end - 1] ?? -1;
    if (starts[start] === 1 && ends[end] === 1) return true;
    const token = tokens[first];
    if (!token || first !== last) return false;
    // what the word holds beside the title must be a word itself (本报 | 记者), not a stray
    // character of another word (操 | 作者, 老板 | 娘)
    const before = start - token.start;
    const after = token.end - end;
    return (before === 0 || before >= 2) && (after === 0 || after >= 2);
  };
}

/** 1 inside 《…》 (books, films, games: 《毁灭战士》 names no soldier). */
function insideWorkTitles(normalized: string): Uint8Array {
  const inside = new Uint8Array(normalized.length + 1);
  for (let open = normalized.indexOf('《'); open !== -1; open = normalized.indexOf('《', open + 1)) {
    const close = normalized.indexOf('》', open + 1);
    if (close === -1) break;
    inside.fill(1, open + 1, close);
  }
  return inside;
}

/** Words after which a title form is a modifier of a body, not a title (主管部门). */
const BODY_AFTER = /^(部门|单位|机构)/;

/**
 * Words after which a title form names a meeting or a committee, not a person's office: 市委常委会议,
 * 常委会 (研究), 市长办公会议. 会见 / 会谈 / 会晤 / 会同 after a title are the official's acts.
 */
const MEETING_AFTER = /^((扩大|办公|专题)?会议|会(?![见谈晤同上]))/;

/**
 * Heads that take the domain of expertise with them (石油专家, 国画大师, 前卫艺术家, 邮币卡收藏家):
 * a noun word right before, or the rest of the word they sit in (权威专家, 艺术大师).
 */
const DOMAIN_HEADS = new Set(['专家', '大师', '艺术家', '收藏家', '藏家']);

/** Nouns that name a scope or a time, not a domain (国际艺术家, 文艺复兴时期大师). */
const ABSTRACT = new Set(['国际', '世界', '国内', '时期', '时代', '问题', '领域', '行业', '业界', '影响力']);

/** Start of the domain noun before a head title at `start`, or -1. */
function domainStart(tokenEndingAt: Map<number, Token>, start: number): number {
  const word = tokenEndingAt.get(start);
  if (!word || word.end - word.start < 2 || word.end - word.start > 3) return -1;
  return /^(n|nz)$/.test(word.pos) && !ABSTRACT.has(word.text) ? word.start : -1;
}

function composed(
  text: string,
  normalized: string,
  start: number,
  end: number,
  source: string,
  base: Entity,
): Entity {
  const entity: Entity = {
    text: text.slice(start, end),
    start,
    end,
    label: 'TITLE',
    source,
    term: normalized.slice(start, end),
    type: base.type,
    base: base.term ?? base.text,
  };
  if (base.official !== undefined) entity.official = base.official;
  return entity;
}

/**
 * TITLE candidates: every title form of the dictionary (also where the segmenter glued it to a
 * neighbour, 本报记者, 大学教授), and the compositions above. Overlaps are left to the caller's
 * one overlap rule (the longest wins).
 */
export function titleCandidates(
  input: {
    text: string;
    normalized: string;
    tokens: Token[];
    entityFromMatch(text: string, match: DictMatch): Entity;
  },
  titleMatches: DictMatch[],
): Entity[] {
  const { text, normalized, tokens, entityFromMatch } = input;
  const out: Entity[] = [];
  // the index of the word holding each offset (-1 for blanks), and the word ending at each offset
  const owner = new Int32Array(text.length).fill(-1);
  const tokenEndingAt = new Map<number, Token>();
  tokens.forEach((token, i) => {
    owner.fill(i, token.start, token.end);
    tokenEndingAt.set(token.end, token);
  });
  const fits = wordFit(tokens, owner);
  const quoted = insideWorkTitles(normalized);
  const matches = titleMatches.filter((match) => fits(match.start, match.end) && quoted[match.start] === 0);
  for (const match of matches) {
    // 主管部门, 领导单位: the word qualifies a body here
    if (BODY_AFTER.test(normalized.slice(match.end, match.end + 2))) continue;
    if (MEETING_AFTER.test(normalized.slice(match.end, match.end + 4))) continue;
    const base = entityFromMatch(text, match);
    out.push(base);
    let end = match.end;
    if (normalized.startsWith('助理', end) && !match.entry.term.endsWith('助理')) {
      end += 2;
      out.push(composed(text, normalized, match.start, end, 'rule:title-assistant', base));
    }
    let start = match.start;
    const field = start >= 2 ? normalized.slice(start - 2, start) : '';
    if (FIELD_HEADS.has(match.entry.term) && FIELDS.has(field)) {
      start -= 2;
      out.push(composed(text, normalized, start, end, 'rule:title-field', base));
    }
    if (DOMAIN_HEADS.has(match.entry.term)) {
      const inside = tokens[owner[start] ?? -1];
      const domain = inside && inside.start < start ? inside.start : domainStart(tokenEndingAt, start);
      if (domain >= 0 && domain < start)
        out.push(composed(text, normalized, domain, end, 'rule:title-domain', base));
    }
    // prefixes, repeated outwards (常务 + 副 + 市长 is found as 常务副 + 市长; 资深 + 理财顾问)
    for (;;) {
      const prefix = PREFIXES.find((p) => start >= p.length && normalized.startsWith(p, start - p.length));
      if (!prefix) break;
      start -= prefix.length;
      out.push(composed(text, normalized, start, end, 'rule:title-prefix', base));
    }
  }
  return out;
}
