import { describe, expect, it } from 'vitest';
import { createPipeline, type Doc } from '../../src/index.js';
import type { Span } from '../../src/types.js';
import { expectDoc, expectSpan, sampleText } from '../helpers.js';

const pipeline = createPipeline();

interface PositionView {
  person: string;
  title: string;
  organization?: string;
  jurisdiction?: string;
  country?: string;
  former?: boolean;
  acting?: boolean;
  event?: string;
}

/** Every position of every official, flat, after checking each span against the text. */
function positions(doc: Doc): PositionView[] {
  const views: PositionView[] = [];
  const people = new Set<string>();
  for (const official of doc.officials ?? []) {
    expect(people.has(official.person.name)).toBe(false); // one Official per person
    people.add(official.person.name);
    expectSpan(doc.text, official.person);
    for (const mention of official.mentions) expectSpan(doc.text, mention);
    expect(official.positions.length).toBeGreaterThan(0);
    for (const p of official.positions) {
      expectSpan(doc.text, p.title);
      const org = p.organization;
      if (org?.start !== undefined) expectSpan(doc.text, org as Span);
      const view: PositionView = { person: official.person.name, title: p.title.name };
      if (org) view.organization = org.name;
      if (p.jurisdiction) view.jurisdiction = `${p.jurisdiction.name} ${p.jurisdiction.code}`;
      if (p.country) view.country = p.country;
      if (p.former) view.former = true;
      if (p.acting) view.acting = true;
      if (p.event) view.event = p.event;
      views.push(view);
    }
  }
  return views;
}

const JIAOZUO = '焦作市 410800';

describe('officials on the sample article', () => {
  const doc = pipeline.annotate({ id: 'sample', text: sampleText() });

  it('links both officials with title, body and jurisdiction, and nobody else', () => {
    expectDoc(doc);
    expect(positions(doc)).toEqual(
      [
        { person: '楼阳生', title: '书记', organization: '河南省委', jurisdiction: '河南省 410000' },
        { person: '葛巧红', title: '书记', organization: '焦作市委', jurisdiction: JIAOZUO },
      ].sort((a, b) => doc.text.indexOf(a.person) - doc.text.indexOf(b.person)),
    );
  });

  it('lists every mention of each official once, in text order', () => {
    const ge = doc.officials?.find((o) => o.person.name === '葛巧红');
    expect(ge?.mentions.length).toBeGreaterThanOrEqual(5);
    const starts = ge?.mentions.map((m) => m.start) ?? [];
    expect(starts).toEqual([...new Set(starts)].sort((a, b) => a - b));
  });

  it('says how the province of 省委 was resolved', () => {
    const lou = doc.officials?.find((o) => o.person.name === '楼阳生');
    expect(lou?.positions[0]?.jurisdiction?.basis).toBe('document');
    expect(lou?.positions[0]?.jurisdiction?.confidence).toBeGreaterThan(0.5);
  });

  it('tags the reporter as PERSON with TITLE 记者, not as an official', () => {
    const reporter = doc.entities.filter((e) => e.text === '陈学桦');
    expect(reporter.length).toBeGreaterThan(0);
    expect(reporter.every((e) => e.label === 'PERSON')).toBe(true);
    expect(doc.entities.some((e) => e.label === 'TITLE' && e.text === '记者')).toBe(true);
  });

  it('finds places with codes and organizations with kinds', () => {
    const jiaozuo = doc.entities.find((e) => e.label === 'LOC' && e.code === '410800');
    expect(jiaozuo).toBeDefined();
    const huaichuan = doc.entities.find((e) => e.text === '怀川');
    expect(huaichuan?.label).toBe('LOC');
    expect(doc.entities.find((e) => e.text === '河南理工大学')?.label).toBe('ORG');
    expect(doc.entities.find((e) => e.label === 'ORG' && e.name === '焦作市委')?.kind).toBe('party');
    // Under zhtag's guidelines a newspaper is an organization (People's Daily tags it nz: see pd1998).
    expect(doc.entities.find((e) => e.text === '河南日报')?.kind).toBe('media');
    for (const entity of doc.entities)
      expect(entity.source).toMatch(/^(dictionaries\/.+:\d+|rule:[a-z-]+|model)$/);
  });
});

type Case = [string, PositionView[]];

function checkCases(cases: Case[]) {
  it.each(cases)('%s', (text, expected) => {
    const doc = pipeline.annotate(text);
    expectDoc(doc);
    expect(positions(doc)).toEqual(expected);
  });
}

describe('positions at every level of government, each with its own body', () => {
  checkCases([
    [
      '河南省副省长张三出席会议。',
      [{ person: '张三', title: '副省长', organization: '河南省人民政府', jurisdiction: '河南省 410000' }],
    ],
    [
      '焦作市常务副市长李明主持召开会议。',
      [{ person: '李明', title: '常务副市长', organization: '焦作市人民政府', jurisdiction: JIAOZUO }],
    ],
    ['市长助理王刚介绍情况。', [{ person: '王刚', title: '市长助理' }]],
    [
      '市财政局党组书记、局长赵强汇报工作。',
      [
        { person: '赵强', title: '书记', organization: '市财政局党组' },
        { person: '赵强', title: '局长', organization: '市财政局' },
      ],
    ],
    [
      '修武县委书记兼县长孙伟调研企业。',
      [
        { person: '孙伟', title: '书记', organization: '修武县委', jurisdiction: '修武县 410821' },
        { person: '孙伟', title: '县长', organization: '修武县人民政府', jurisdiction: '修武县 410821' },
      ],
    ],
    [
      '原焦作市委书记王小平接受审查。',
      [{ person: '王小平', title: '书记', organization: '焦作市委', jurisdiction: JIAOZUO, former: true }],
    ],
    ['国务院总理李强会见外宾。', [{ person: '李强', title: '总理', organization: '国务院' }]],
    ['中共中央总书记习近平发表重要讲话。', [{ person: '习近平', title: '总书记', organization: '中共中央' }]],
    [
      '郑州市市长何雄到基层调研。',
      [{ person: '何雄', title: '市长', organization: '郑州市人民政府', jurisdiction: '郑州市 410100' }],
    ],
    ['记者 陈学桦', []],
    ['焦作日报记者刘凯报道。', []],
    [
      '焦作市委副书记、市长李亦博作报告。',
      [
        { person: '李亦博', title: '副书记', organization: '焦作市委', jurisdiction: JIAOZUO },
        { person: '李亦博', title: '市长', organization: '焦作市人民政府', jurisdiction: JIAOZUO },
      ],
    ],
    [
      '温县县长王猛带队检查。',
      [{ person: '王猛', title: '县长', organization: '温县人民政府', jurisdiction: '温县 410825' }],
    ],
    [
      '武陟县委书记秦迎军主持会议。',
      [{ person: '秦迎军', title: '书记', organization: '武陟县委', jurisdiction: '武陟县 410823' }],
    ],
    [
      '沁阳市委书记姚兵到企业调研。',
      [{ person: '姚兵', title: '书记', organization: '沁阳市委', jurisdiction: '沁阳市 410882' }],
    ],
    [
      '市委常委、秘书长刘涛陪同。',
      [
        { person: '刘涛', title: '常委', organization: '市委' },
        { person: '刘涛', title: '秘书长' },
      ],
    ],
    [
      '在河南，省长王凯在洛阳考察。',
      [{ person: '王凯', title: '省长', organization: '河南省人民政府', jurisdiction: '河南省 410000' }],
    ],
    [
      '省委书记楼阳生在郑州调研。',
      [{ person: '楼阳生', title: '书记', organization: '河南省委', jurisdiction: '河南省 410000' }],
    ],
    // 张书记 is the office already listed for 张建国
    [
      '焦作市委书记张建国表示同意。会上，张书记强调要抓好落实。',
      [{ person: '张建国', title: '书记', organization: '焦作市委', jurisdiction: JIAOZUO }],
    ],
    ['会议由副市长刘军主持，市民代表张华发言。', [{ person: '刘军', title: '副市长' }]],
    [
      '焦作市人民政府党组书记王强出席。',
      [{ person: '王强', title: '书记', organization: '焦作市政府党组', jurisdiction: JIAOZUO }],
    ],
    [
      '郑州市人民政府副市长李明讲话。',
      [{ person: '李明', title: '副市长', organization: '郑州市人民政府', jurisdiction: '郑州市 410100' }],
    ],
    [
      '温县人民政府县长王猛带队检查。',
      [{ person: '王猛', title: '县长', organization: '温县人民政府', jurisdiction: '温县 410825' }],
    ],
    [
      '河南省委书记楼阳生在郑州会见外宾。',
      [{ person: '楼阳生', title: '书记', organization: '河南省委', jurisdiction: '河南省 410000' }],
    ],
    [
      '北京市委副书记、市长刘淇讲话。',
      [
        { person: '刘淇', title: '副书记', organization: '北京市委', jurisdiction: '北京市 110000' },
        { person: '刘淇', title: '市长', organization: '北京市人民政府', jurisdiction: '北京市 110000' },
      ],
    ],
  ]);

  it('reports one title form per office: 河南省委书记 and 省委书记 are both 书记 @ 河南省委', () => {
    const doc = pipeline.annotate('河南省委书记楼阳生在郑州调研。省委书记楼阳生强调，河南要走在前列。');
    expect(positions(doc)).toEqual([
      { person: '楼阳生', title: '书记', organization: '河南省委', jurisdiction: '河南省 410000' },
    ]);
  });
});

describe('chained titles before a name, across 、 and 兼', () => {
  checkCases([
    [
      '中共中央政治局常委、国务院副总理丁薛祥出席。',
      [
        { person: '丁薛祥', title: '常委', organization: '中共中央政治局' },
        { person: '丁薛祥', title: '副总理', organization: '国务院' },
      ],
    ],
    [
      '中共中央总书记、国家主席、中央军委主席习近平在北京会见美国总统拜登。',
      [
        { person: '习近平', title: '总书记', organization: '中共中央' },
        { person: '习近平', title: '国家主席' },
        { person: '习近平', title: '主席', organization: '中央军事委员会' },
        { person: '拜登', title: '总统', country: '美国' },
      ],
    ],
    [
      '中共中央政治局常委、中央办公厅主任蔡奇陪同。',
      [
        { person: '蔡奇', title: '常委', organization: '中共中央政治局' },
        { person: '蔡奇', title: '主任', organization: '中共中央办公厅' },
      ],
    ],
  ]);
});

describe('one title before a list of names', () => {
  const standing = ['李强', '赵乐际', '王沪宁', '蔡奇', '丁薛祥', '李希'];
  checkCases([
    [
      '中共中央政治局常委李强、赵乐际、王沪宁、蔡奇、丁薛祥、李希出席会议。',
      standing.map((person) => ({ person, title: '常委', organization: '中共中央政治局' })),
    ],
    ['国务委员王小洪、吴政隆出席。', ['王小洪', '吴政隆'].map((person) => ({ person, title: '国务委员' }))],
    [
      '中央军委委员李尚福、刘振立、苗华，军委机关各部门负责同志参加。',
      ['李尚福', '刘振立', '苗华'].map((person) => ({
        person,
        title: '委员',
        organization: '中央军事委员会',
      })),
    ],
    [
      '出席会议的有中共中央政治局委员蔡奇　石泰峰。',
      ['蔡奇', '石泰峰'].map((person) => ({ person, title: '委员', organization: '中共中央政治局' })),
    ],
    [
      '河南省省长王凯、李强总理出席。',
      [
        { person: '王凯', title: '省长', organization: '河南省人民政府', jurisdiction: '河南省 410000' },
        { person: '李强', title: '总理', organization: '国务院' },
      ],
    ],
  ]);

  it('cuts every name of the list whole', () => {
    const doc = pipeline.annotate('中共中央政治局常委李强、赵乐际、王沪宁、蔡奇、丁薛祥、李希出席会议。');
    const persons = doc.entities.filter((e) => e.label === 'PERSON').map((e) => e.text);
    expect(persons).toEqual(standing);
    expect(doc.tokens.some((t) => t.text === '丁薛祥')).toBe(true);
  });
});

describe('the name first, and short forms', () => {
  checkCases([
    [
      '习近平总书记在中央经济工作会议上发表重要讲话。',
      [{ person: '习近平', title: '总书记', organization: '中共中央' }],
    ],
    ['李强总理主持国务院常务会议。', [{ person: '李强', title: '总理', organization: '国务院' }]],
    ['我同普京总统举行会谈。', [{ person: '普京', title: '总统' }]],
    ['这是习近平主席发表的第二份新年贺词。', [{ person: '习近平', title: '主席' }]],
    ['张三市长李四出席。', [{ person: '李四', title: '市长' }]],
  ]);

  it('links 习主席 to 习近平 named in the document', () => {
    const doc = pipeline.annotate('国家主席习近平出席开幕式。外国嘉宾表示，习主席的讲话令人鼓舞。');
    const xi = doc.officials?.find((o) => o.person.name === '习近平');
    expect(xi?.positions.map((p) => p.title.name)).toEqual(['国家主席', '主席']);
    const short = doc.text.indexOf('习主席');
    expect(xi?.mentions.map((m) => m.start)).toContain(short);
  });
});

describe('foreign leaders and officials, with their country', () => {
  checkCases([
    ['俄罗斯总统普京下令。', [{ person: '普京', title: '总统', country: '俄罗斯' }]],
    ['美国国务卿布林肯抵达北京。', [{ person: '布林肯', title: '国务卿', country: '美国' }]],
    ['欧盟委员会主席冯德莱恩表示。', [{ person: '冯德莱恩', title: '主席', organization: '欧盟委员会' }]],
    [
      '联合国秘书长安东尼奥·古特雷斯致辞。',
      [{ person: '安东尼奥·古特雷斯', title: '秘书长', organization: '联合国' }],
    ],
    [
      '德国副总理兼经济部长哈贝克访华。',
      [
        { person: '哈贝克', title: '副总理', country: '德国' },
        { person: '哈贝克', title: '经济部长' },
      ],
    ],
    [
      '中国驻塞尔维亚大使李明到机场迎接。',
      [{ person: '李明', title: '大使', organization: '中国驻塞尔维亚大使馆' }],
    ],
  ]);

  it('reads no place or army as a person', () => {
    const doc = pipeline.annotate('乌军称，俄军在库皮扬斯克、红利曼等方向发动进攻。');
    expect(doc.entities.filter((e) => e.label === 'PERSON')).toEqual([]);
  });
});

describe('appointments and removals', () => {
  checkCases([
    [
      '任命张三为焦作市副市长，免去李四的焦作市财政局局长职务。',
      [
        {
          person: '张三',
          title: '副市长',
          organization: '焦作市人民政府',
          jurisdiction: JIAOZUO,
          event: 'appoint',
        },
        {
          person: '李四',
          title: '局长',
          organization: '焦作市财政局',
          jurisdiction: JIAOZUO,
          event: 'remove',
        },
      ],
    ],
    [
      '会议决定提名王五为焦作市市长候选人。',
      [
        {
          person: '王五',
          title: '市长',
          organization: '焦作市人民政府',
          jurisdiction: JIAOZUO,
          event: 'nominate',
        },
      ],
    ],
    [
      '赵六当选为焦作市市长。',
      [
        {
          person: '赵六',
          title: '市长',
          organization: '焦作市人民政府',
          jurisdiction: JIAOZUO,
          event: 'elect',
        },
      ],
    ],
    [
      '孙七调任焦作市委书记。',
      [{ person: '孙七', title: '书记', organization: '焦作市委', jurisdiction: JIAOZUO, event: 'appoint' }],
    ],
    [
      '焦作市代市长周八主持会议。',
      [
        {
          person: '周八',
          title: '市长',
          organization: '焦作市人民政府',
          jurisdiction: JIAOZUO,
          acting: true,
        },
      ],
    ],
    ['前国务院总理李克强。', [{ person: '李克强', title: '总理', organization: '国务院', former: true }]],
  ]);

  it('does not make 张三为 one token or a keyword', () => {
    const doc = pipeline.annotate('任命张三为焦作市副市长，免去李四的焦作市财政局局长职务。');
    expect(doc.tokens.some((t) => t.text === '张三为')).toBe(false);
    expect(doc.keywords.some((k) => k.term === '张三为')).toBe(false);
  });
});

describe('meetings are not titles', () => {
  it('市委常委会议 has no TITLE 常委 and no official', () => {
    const doc = pipeline.annotate('焦作市委常委会议召开，研究部署有关工作。');
    expectDoc(doc);
    expect(doc.entities.some((e) => e.label === 'TITLE')).toBe(false);
    expect(doc.officials).toEqual([]);
  });
});

describe('short references', () => {
  it('links a short reference (张书记) to the person named earlier', () => {
    const doc = pipeline.annotate('焦作市委书记张建国表示同意。会上，张书记强调要抓好落实。');
    expectDoc(doc);
    // The surname is the person and the title stays a title: 张 | 书记.
    const at = doc.text.indexOf('张书记');
    const reference = doc.entities.find((e) => e.start === at);
    expect([reference?.label, reference?.text, reference?.source]).toEqual([
      'PERSON',
      '张',
      'rule:surname-title',
    ]);
    expect(reference?.refersTo).toEqual({ text: '张建国', start: 6, end: 9 });
    expect(doc.entities.find((e) => e.start === at + 1)?.label).toBe('TITLE');
    expect(doc.officials?.[0]?.mentions.map((m) => m.start)).toContain(at);
  });
});

describe('organization names', () => {
  it('normalizes 中共焦作市委, 焦作市委 and a bare 市委 in a Jiaozuo article to one body', () => {
    const doc = pipeline.annotate(
      '中共焦作市委召开常委会议。焦作市委要求各县区落实。市委强调，焦作要走在前列。',
    );
    expectDoc(doc);
    const bodies = doc.entities.filter((e) => e.label === 'ORG');
    expect(bodies.map((e) => [e.text, e.name])).toEqual([
      ['中共焦作市委', '焦作市委'],
      ['焦作市委', '焦作市委'],
      ['市委', '焦作市委'],
    ]);
    expect(bodies[0]?.jurisdiction).toMatchObject({ code: '410800', basis: 'explicit', confidence: 1 });
    expect(bodies[2]?.jurisdiction).toMatchObject({ code: '410800', basis: 'document' });
  });

  it('leaves a bare 市委 unresolved when the document names no city', () => {
    const doc = pipeline.annotate('市委强调要抓好落实。');
    const body = doc.entities.find((e) => e.label === 'ORG');
    expect(body?.name).toBe('市委');
    expect(body?.jurisdiction).toBeUndefined();
  });
});

describe('entities stay exact on hard input', () => {
  it.each([
    ['empty', ''],
    ['control characters', '\u0000\u0001焦作市委书记葛巧红\u0007\u001f'],
    ['emoji and Extension B', '😀𠀀焦作市委书记葛巧红𠀁在𪚥郑州调研🇨🇳'],
    ['mixed scripts', 'Henan省委书记Lou Yangsheng楼阳生在2023年访问New York和北京'],
  ])('%s', (_name, text) => {
    expectDoc(pipeline.annotate(text));
  });

  it('a 1 MB line with no punctuation', () => {
    const text = '焦作市委书记葛巧红调研企业发展情况河南理工大学'
      .repeat(Math.ceil(1_000_000 / 23))
      .slice(0, 1_000_000);
    const doc = pipeline.annotate(text);
    expectDoc(doc);
    expect(doc.entities.length).toBeGreaterThan(1000);
  }, 180_000);
});
