// Builds dictionaries/gazetteer/roles.tsv: occupations and roles (TITLE) beside the
// hand-written titles.tsv. Two sources:
// - a public-knowledge list of occupations, written here;
// - statistics from the first 80% of CLUENER2020 train.json (the `position` type): a string labelled
//   at least MIN_COUNT times, and labelled in at least MIN_RATIO of its free occurrences (those that
//   no gold span covers). Only the strings and their counts are shipped, never a sentence.
// The last 20% of train.json is the held-out split of `zhtag eval --format cluener --from 0.8`.
// Run: npx tsx scripts/build-roles.ts [--data DIR] [--gold cluener2020/train.json] [--from 0] [--to 0.8]
//      [--out dictionaries/gazetteer/roles.tsv] [--min-count 2] [--min-ratio 0.5] [--public-min-ratio 0.4]
//      (deterministic; the defaults build the shipped file). --gold defaults to cluener2020/train.json
//      in the data folder (--data, else ZHTAG_DATA, else ../shared/data).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { dataDir } from './data.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const text = (fallback: string) => ({ type: 'string', default: fallback }) as const;
const { values: args } = parseArgs({
  options: {
    data: { type: 'string' },
    gold: { type: 'string' },
    from: text('0'),
    to: text('0.8'),
    out: text(join(root, 'dictionaries', 'gazetteer', 'roles.tsv')),
    'min-count': text('2'),
    'min-ratio': text('0.5'),
    'public-min-ratio': text('0.4'),
    'public-min-evidence': text('5'),
  },
});
const dataPath = args.gold ?? join(dataDir(args.data), 'cluener2020', 'train.json');
const from = Number(args.from);
const to = Number(args.to);
const outPath = args.out;
const MIN_COUNT = Number(args['min-count']);
const MIN_RATIO = Number(args['min-ratio']);
const PUBLIC_MIN_RATIO = Number(args['public-min-ratio']);
const PUBLIC_MIN_EVIDENCE = Number(args['public-min-evidence']);

/** Occupations and roles from public knowledge (the type is found by `typeOf`). */
const PUBLIC = `
董事 监事 高管 老总 副总 副经理 部门经理 区域经理 产品经理 项目经理 客户经理 业务经理 销售经理 大堂经理 职业经理人
首席财务官 首席技术官 首席运营官 首席信息官 首席营销官 财务总监 技术总监 市场总监 销售总监 运营总监 人力资源总监
CFO CTO COO 总设计师 总建筑师 精算师 审计师 税务师 评估师 分析师 分析员 交易员 操盘手 基金经理 投资经理 信托经理
理财经理 理财顾问 置业顾问 销售顾问 咨询师 经纪人 房产经纪人 业务员 销售员 销售人员 营销人员 采购员 文员 客服
客服人员 导购 理货员 仓管员 送货员 老板 老板娘 店长 店员 营业员 售货员 收银员 推销员 促销员 营销员 合伙人 创始人
联合创始人 创办人 投资人 企业家 银行家
编辑 副主编 总编 责任编辑 特约编辑 撰稿人 专栏作家 主笔 播音员 主播 摄像师 制片人 出品人 影评人 乐评人 书评人
演员 女演员 男演员 主演 男主角 女主角 配角 歌手 歌星 影星 影帝 影后 巨星 明星 女星 男星 艺人 舞蹈家 舞者 音乐人
音乐家 作曲家 作词人 指挥家 钢琴家 小提琴家 画家 油画家 国画家 漫画家 插画师 书法家 雕塑家 雕刻师 篆刻家 摄影家
摄影师 设计师 服装设计师 平面设计师 室内设计师 景观设计师 园林设计师 建筑设计师 建筑师 收藏家 鉴赏家 鉴定师
评论家 批评家 策展人 作家 小说家 诗人 剧作家 编剧 导演 副导演 监制 制作人 翻译家 文学家
运动员 选手 队员 队长 副队长 主教练 助理教练 教练 教练员 体能教练 守门员 门将 前锋 后卫 中锋 边锋 裁判 主裁判
裁判员 领队 棋手 车手 骑师 骑手
副教授 讲师 助教 副研究员 博士 硕士 博士后 博士生 硕士生 研究生 大学生 中学生 小学生 留学生 学生 访问学者 科学家
经济学家 物理学家 化学家 数学家 生物学家 历史学家 社会学家 心理学家 哲学家 天文学家 考古学家 教育家 思想家
班主任 辅导员 教师 老师 园长
医生 医师 主任医师 副主任医师 主治医师 护士 护士长 药剂师 营养师 心理咨询师 兽医 大夫
检察官 书记员 警察 民警 交警 刑警 特警 辅警 武警 警官 警长 探长 狱警 法医 公证员 调解员
士兵 军官 将军 元帅 上校 中校 少校 上尉 中尉 少尉 司令 司令员 指挥官 飞行员 舰长 船长 水手 机长 空姐 乘务员 列车员
官员 公务员 干部 领导人 外交官 领事 总领事 武官 议员 参议员 众议员 总统 副总统 首相 国务卿 外长 防长 财长
国王 女王 王子 公主 皇帝 皇后 天皇 太子 亲王 王妃 酋长 和尚 僧人 方丈 住持 道士 牧师 神父 主教 教皇
工人 农民 农民工 渔民 牧民 矿工 电工 焊工 木工 厨师 司机 驾驶员 保安 保姆 清洁工 环卫工 环卫工人 快递员 外卖员
服务员 导游 售票员 程序员 工程师 技术员 技师 维修工 管理员 讲解员 观察员 志愿者 负责人 秘书 顾问
`;

/** Not a title or occupation in political news (games, verbs, bodies, social groups), whatever CLUENER says. */
const EXCLUDE = new Set([
  '魔兽',
  '项目副总理',
  '美国防部长',
  '兵王',
  '中卫', // also 中卫市 (a city)
  '设计',
  '摄影',
  '解说',
  '主持',
  '策划',
  '整理',
  '维护',
  '监管方',
  // social groups in political news (党员干部, 干部群众, 农民增收, 工人阶级), not one person's role
  '干部',
  '农民',
  '工人',
  '农民工',
]);

/** Holders of public office among the roles: officials when a name follows (美国总统奥巴马). */
const OFFICE_HOLDERS = new Set(
  '总统 副总统 首相 国务卿 外长 防长 财长 议员 参议员 众议员 外交官 领事 总领事 武官 官员'.split(' '),
);

/** Type by the title's ending, first match wins; `other` otherwise. */
const TYPE_BY_ENDING: Array<[RegExp, string]> = [
  [/(记者|编辑|主编|总编|主持人|通讯员|播音员|主播|评论员|小编|笔者|作者|译者)$/, 'media'],
  [/(教授|研究员|学者|院士|博士|硕士|讲师|助教|教师|老师|校长|园长|辅导员|学家)$/, 'academic'],
  [/(学生|研究生|博士生|硕士生|大学生|中学生|小学生|留学生)$/, 'student'],
  [
    /(经理|总监|主管|总裁|董事|董事长|行长|创始人|合伙人|投资人|企业家|银行家|老板|店长|职员|CEO|执行官)$/,
    'enterprise',
  ],
  [
    /(选手|球员|门将|守门员|前锋|后卫|中场|教练|教练员|裁判|裁判员|运动员|队长|领队|棋手|骑手|主帅|球星)$/,
    'sports',
  ],
  [
    /(导演|演员|编剧|制片人|监制|歌手|画家|书法家|艺术家|音乐家|作曲家|舞蹈家|作家|诗人|小说家|摄影师|设计师|建筑师|收藏家|藏家|大师|明星|主角|制作人)$/,
    'arts',
  ],
  [
    /(士兵|战士|军官|将军|元帅|上将|中将|少将|大校|上校|中校|少校|上尉|中尉|少尉|司令|军长|师长|旅长|团长|营长|连长|排长|二等兵)$/,
    'military',
  ],
  [
    /(总统|首相|国王|女王|王子|公主|皇帝|太子|议员|外交官|领事|官员|公务员|干部|民警|交警|刑警|辅警|警察|警官|检察员|书记员)$/,
    'government',
  ],
];
const typeOf = (term: string): string => TYPE_BY_ENDING.find(([re]) => re.test(term))?.[1] ?? 'occupation';

/** Forms already in the hand-written titles.tsv (not repeated here). */
function knownTitles(): Set<string> {
  const known = new Set<string>();
  const lines = readFileSync(join(root, 'dictionaries', 'gazetteer', 'titles.tsv'), 'utf8').split('\n');
  for (const line of lines) if (line && !line.startsWith('#')) known.add(line.split('\t')[0] as string);
  return known;
}

interface Row {
  text: string;
  label?: Record<string, Record<string, number[][]>>;
}

/**
 * Per position string (and per public term): how often it is labelled, and how often it occurs outside
 * every gold span (`free`).
 */
function cluenerCounts(extra: string[]): Map<string, { labelled: number; free: number }> {
  const lines = readFileSync(dataPath, 'utf8')
    .split('\n')
    .filter((line) => line.trim());
  const rows = lines
    .slice(Math.floor(lines.length * from), Math.floor(lines.length * to))
    .map((line) => JSON.parse(line) as Row);
  const counts = new Map<string, { labelled: number; free: number }>();
  for (const row of rows) {
    for (const [term, spans] of Object.entries(row.label?.position ?? {})) {
      const cell = counts.get(term) ?? { labelled: 0, free: 0 };
      cell.labelled += spans.length;
      counts.set(term, cell);
    }
  }
  for (const term of extra) if (!counts.has(term)) counts.set(term, { labelled: 0, free: 0 });
  for (const row of rows) {
    // code-point offsets, inclusive ends (CLUENER). An occurrence inside a gold span (itself, or a longer
    // one: 律师 in 律师事务所) says nothing; any other occurrence is one the annotators did not take for
    // this title (a bare 负责人, or 相关负责人 where only 负责人 is labelled).
    const spans = Object.values(row.label ?? {}).flatMap((byTerm) => Object.values(byTerm).flat());
    const chars = [...row.text];
    const text = chars.join('');
    for (const [term, cell] of counts) {
      for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + 1)) {
        const first = [...text.slice(0, at)].length;
        const last = first + [...term].length - 1;
        if (!spans.some(([s, e]) => (s ?? 0) <= first && (e ?? -1) >= last)) cell.free++;
      }
    }
  }
  return counts;
}

const known = knownTitles();
const publicTerms = PUBLIC.split(/\s+/).filter(Boolean);
const counts = cluenerCounts(publicTerms);
const rows = new Map<string, { type: string; source: string }>();
for (const [term, { labelled, free }] of [...counts].sort((a, b) => b[1].labelled - a[1].labelled)) {
  const ratio = labelled / (labelled + free);
  const shaped = /^([\u4e00-\u9fff]{2,6}|[A-Za-z]{2,5})$/.test(term);
  if (labelled < MIN_COUNT || ratio < MIN_RATIO || !shaped || EXCLUDE.has(term) || known.has(term)) continue;
  rows.set(term, {
    type: typeOf(term),
    source: `CLUENER2020 train ${from * 100}-${to * 100}%: position ${labelled} times, unlabelled ${free}`,
  });
}
// A public term that CLUENER leaves unlabelled in most of its free occurrences (球员, 嘉宾) is mostly
// not a title in running text: left out.
for (const term of publicTerms) {
  const { labelled = 0, free = 0 } = counts.get(term) ?? {};
  if (free >= PUBLIC_MIN_EVIDENCE && labelled / (labelled + free) < PUBLIC_MIN_RATIO) continue;
  if (EXCLUDE.has(term) || known.has(term) || rows.has(term)) continue;
  rows.set(term, { type: typeOf(term), source: 'public knowledge' });
}

const header = [
  '# zhtag gazetteer: occupations and roles (TITLE), beside the office titles of titles.tsv. official = yes only for',
  '# holders of public office (总统, 首相, 议员, 外交官, 官员); reporters, managers, soldiers, police, ... are no.',
  '# Generated by scripts/build-roles.ts (do not edit by hand; edit the script and rerun it): a public-knowledge',
  '# list of occupations, plus the `position` strings of CLUENER2020 train.json (first 80%) labelled at least',
  `# ${MIN_COUNT} times and in at least ${MIN_RATIO * 100}% of their free occurrences (counts in \`source\`; no sentence is shipped).`,
  '# type: media | academic | student | enterprise | sports | arts | military | government | occupation.',
  'term\ttype\tofficial\tsource',
];
const body = [...rows].map(
  ([term, row]) => `${term}\t${row.type}\t${OFFICE_HOLDERS.has(term) ? 'yes' : 'no'}\t${row.source}`,
);
writeFileSync(outPath, `${[...header, ...body].join('\n')}\n`);
console.log(`${rows.size} roles → ${outPath}`);
