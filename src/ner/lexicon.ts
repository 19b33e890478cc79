/**
 * Small closed-class lists used as NER features. Open-class knowledge (which words are names,
 * places or organizations) is learned from the training data; these lists only help the model
 * generalize to unseen names: surnames, words that announce a person (titles), and the
 * suffixes that end place and organization names.
 */

/** Common single-character Chinese surnames (public knowledge, 百家姓 and frequency lists). */
export const SURNAMES_1 =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由';

/** Two-character surnames. */
export const SURNAMES_2 = [
  '欧阳',
  '司马',
  '诸葛',
  '上官',
  '司徒',
  '东方',
  '皇甫',
  '夏侯',
  '令狐',
  '尉迟',
  '公孙',
  '慕容',
  '长孙',
  '宇文',
  '端木',
  '轩辕',
  '西门',
  '呼延',
  '澹台',
  '万俟',
  '钟离',
  '赫连',
  '独孤',
  '南宫',
  '闻人',
  '申屠',
];

/** Words that typically precede or follow a person's name in political news. */
export const TITLE_WORDS = [
  '主席',
  '副主席',
  '总书记',
  '书记',
  '副书记',
  '总理',
  '副总理',
  '委员长',
  '副委员长',
  '部长',
  '副部长',
  '省长',
  '副省长',
  '市长',
  '副市长',
  '县长',
  '副县长',
  '区长',
  '镇长',
  '乡长',
  '村长',
  '局长',
  '副局长',
  '厅长',
  '处长',
  '科长',
  '主任',
  '副主任',
  '院长',
  '副院长',
  '校长',
  '总统',
  '副总统',
  '首相',
  '大使',
  '领事',
  '议长',
  '国务卿',
  '外长',
  '司令员',
  '政委',
  '司令',
  '将军',
  '主席团',
  '秘书长',
  '委员',
  '常委',
  '代表',
  '董事长',
  '总经理',
  '经理',
  '总裁',
  '厂长',
  '主编',
  '社长',
  '教授',
  '博士',
  '研究员',
  '记者',
  '通讯员',
  '同志',
  '先生',
  '女士',
  '夫人',
  '总干事',
  '会长',
  '副会长',
  '理事长',
  '检察长',
  '庭长',
  '法官',
  '警官',
  '民警',
  '队长',
  '团长',
  '师长',
  '军长',
  '政治委员',
  '部长助理',
  '署长',
  '关长',
  '行长',
  '州长',
  '国王',
  '女王',
  '亲王',
  '王子',
  '总督',
  '总参谋长',
  '参谋长',
  '主任委员',
  '组长',
  '特使',
  '发言人',
  '老人',
  '同学',
  '老师',
  '教练',
  '选手',
  '烈士',
  '总统府',
];

/** Last characters or words of place names. */
export const LOC_SUFFIXES = [
  '省',
  '市',
  '县',
  '区',
  '州',
  '镇',
  '乡',
  '村',
  '旗',
  '盟',
  '岛',
  '山',
  '河',
  '江',
  '湖',
  '海',
  '湾',
  '港',
  '峡',
  '洲',
  '路',
  '街',
  '巷',
  '道',
  '庄',
  '屯',
  '寨',
  '坡',
  '岭',
  '峰',
  '谷',
  '原',
  '塘',
  '堡',
  '城',
  '国',
  '地区',
  '自治区',
  '特别行政区',
  '半岛',
  '群岛',
  '沙漠',
  '高原',
  '盆地',
  '平原',
];

/** Last characters or words of organization names. */
export const ORG_SUFFIXES = [
  '委',
  '局',
  '厅',
  '部',
  '院',
  '会',
  '社',
  '所',
  '校',
  '行',
  '署',
  '办',
  '处',
  '团',
  '党',
  '队',
  '厂',
  '馆',
  '台',
  '报',
  '军',
  '司',
  '组',
  '站',
  '中心',
  '公司',
  '集团',
  '大学',
  '学院',
  '中学',
  '小学',
  '医院',
  '银行',
  '政府',
  '委员会',
  '协会',
  '学会',
  '联合会',
  '基金会',
  '研究所',
  '研究院',
  '出版社',
  '电视台',
  '电台',
  '报社',
  '法院',
  '检察院',
  '人大',
  '政协',
  '工会',
  '联盟',
  '组织',
  '机构',
  '总局',
  '总署',
  '党委',
  '市委',
  '省委',
  '县委',
  '军区',
  '部队',
];

import { hashCodePoints, hashString } from './text.js';

function codePointSet(chars: Iterable<string>): Set<number> {
  const s = new Set<number>();
  for (const c of chars) {
    const cp = c.codePointAt(0);
    if (cp !== undefined) s.add(cp);
  }
  return s;
}

/** Lookup tables built once per model. */
export class Lexicon {
  readonly surname1: Set<number>;
  readonly surname2: Set<string>;
  readonly surname2First: Set<number>;
  readonly titles: Set<string>;
  readonly locSuffix: Set<string>;
  readonly orgSuffix: Set<string>;
  private readonly titleH: Set<number>;
  private readonly locSuffixH: Set<number>;
  private readonly orgSuffixH: Set<number>;

  constructor() {
    this.surname1 = codePointSet(SURNAMES_1);
    this.surname2 = new Set(SURNAMES_2);
    this.surname2First = codePointSet(SURNAMES_2.map((s) => s.slice(0, 1)));
    this.titles = new Set(TITLE_WORDS);
    this.locSuffix = new Set(LOC_SUFFIXES);
    this.orgSuffix = new Set(ORG_SUFFIXES);
    this.titleH = new Set(TITLE_WORDS.map(hashString));
    this.locSuffixH = new Set(LOC_SUFFIXES.map(hashString));
    this.orgSuffixH = new Set(ORG_SUFFIXES.map(hashString));
  }

  /** 0 none, 1 place suffix, 2 organization suffix, 3 both (checks the word's last 1-5 characters). */
  suffixType(word: string): number {
    let t = 0;
    for (let k = 1; k <= 5 && k <= word.length; k++) {
      const tail = word.slice(word.length - k);
      if (this.locSuffix.has(tail)) t |= 1;
      if (this.orgSuffix.has(tail)) t |= 2;
    }
    return t;
  }

  /** Is `cps[s, e)` a title word? */
  isTitle(cps: Int32Array, s: number, e: number): boolean {
    return e - s >= 2 && this.titleH.has(hashCodePoints(cps, s, e));
  }

  /** `suffixType` of the word `cps[s, e)`. */
  suffixTypeOf(cps: Int32Array, s: number, e: number): number {
    let t = 0;
    for (let k = 1; k <= 5 && k <= e - s; k++) {
      const h = hashCodePoints(cps, e - k, e);
      if (this.locSuffixH.has(h)) t |= 1;
      if (this.orgSuffixH.has(h)) t |= 2;
    }
    return t;
  }
}
