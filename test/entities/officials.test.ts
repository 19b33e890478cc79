import { describe, expect, it } from 'vitest';
import { createPipeline, type Doc } from '../../src/index.js';
import { expectDoc, sampleText } from '../helpers.js';

const pipeline = createPipeline();

interface OfficialView {
  person: string;
  title: string;
  organization?: string;
  jurisdiction?: string;
  former?: boolean;
}

function officials(doc: Doc): OfficialView[] {
  const list = (doc.officials ?? []) as Array<{
    person: { text: string; start: number; end: number };
    title: { text: string; start: number; end: number; name: string };
    organization?: { text: string; start: number; end: number; name: string };
    jurisdiction?: { name: string; code: string };
    former?: boolean;
  }>;
  return list.map((o) => {
    for (const span of [o.person, o.title, ...(o.organization ? [o.organization] : [])]) {
      expect(doc.text.slice(span.start, span.end)).toBe(span.text);
    }
    const view: OfficialView = { person: o.person.text, title: o.title.name };
    if (o.organization) view.organization = o.organization.name;
    if (o.jurisdiction) view.jurisdiction = `${o.jurisdiction.name} ${o.jurisdiction.code}`;
    if (o.former) view.former = true;
    return view;
  });
}

describe('officials on the sample article', () => {
  const doc = pipeline.annotate({ id: 'sample', text: sampleText() });

  it('links both officials with title, body and jurisdiction, and nobody else', () => {
    expectDoc(doc);
    const found = officials(doc);
    const people = new Set(found.map((o) => o.person));
    expect([...people].sort()).toEqual(['楼阳生', '葛巧红']);
    expect(found).toContainEqual({
      person: '葛巧红',
      title: '市委书记',
      organization: '焦作市委',
      jurisdiction: '焦作市 410800',
    });
    expect(found).toContainEqual({
      person: '楼阳生',
      title: '省委书记',
      organization: '河南省委',
      jurisdiction: '河南省 410000',
    });
  });

  it('says how the province of 省委 was resolved', () => {
    const lou = (
      doc.officials as Array<{
        person: { text: string };
        jurisdiction: { basis: string; confidence: number };
      }>
    ).find((o) => o.person.text === '楼阳生');
    expect(lou?.jurisdiction.basis).toBe('document');
    expect(lou?.jurisdiction.confidence).toBeGreaterThan(0.5);
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

describe('officials in varied forms', () => {
  const cases: Array<[string, OfficialView[]]> = [
    ['河南省副省长张三出席会议。', [{ person: '张三', title: '副省长', jurisdiction: '河南省 410000' }]],
    [
      '焦作市常务副市长李明主持召开会议。',
      [{ person: '李明', title: '常务副市长', jurisdiction: '焦作市 410800' }],
    ],
    ['市长助理王刚介绍情况。', [{ person: '王刚', title: '市长助理' }]],
    [
      '市财政局党组书记、局长赵强汇报工作。',
      [{ person: '赵强', title: '局长', organization: '市财政局党组' }],
    ],
    [
      '修武县委书记兼县长孙伟调研企业。',
      [{ person: '孙伟', title: '县长', organization: '修武县委', jurisdiction: '修武县 410821' }],
    ],
    [
      '原焦作市委书记王小平接受审查。',
      [
        {
          person: '王小平',
          title: '市委书记',
          organization: '焦作市委',
          jurisdiction: '焦作市 410800',
          former: true,
        },
      ],
    ],
    ['国务院总理李强会见外宾。', [{ person: '李强', title: '总理', organization: '国务院' }]],
    ['中共中央总书记习近平发表重要讲话。', [{ person: '习近平', title: '总书记', organization: '中共中央' }]],
    ['郑州市市长何雄到基层调研。', [{ person: '何雄', title: '市长', jurisdiction: '郑州市 410100' }]],
    ['记者 陈学桦', []],
    ['焦作日报记者刘凯报道。', []],
    [
      '焦作市委副书记、市长李亦博作报告。',
      [{ person: '李亦博', title: '市长', organization: '焦作市委', jurisdiction: '焦作市 410800' }],
    ],
    ['温县县长王猛带队检查。', [{ person: '王猛', title: '县长', jurisdiction: '温县 410825' }]],
    [
      '武陟县委书记秦迎军主持会议。',
      [{ person: '秦迎军', title: '县委书记', organization: '武陟县委', jurisdiction: '武陟县 410823' }],
    ],
    [
      '沁阳市委书记姚兵到企业调研。',
      [{ person: '姚兵', title: '市委书记', organization: '沁阳市委', jurisdiction: '沁阳市 410882' }],
    ],
    ['市委常委、秘书长刘涛陪同。', [{ person: '刘涛', title: '秘书长', organization: '市委' }]],
    ['在河南，省长王凯在洛阳考察。', [{ person: '王凯', title: '省长', jurisdiction: '河南省 410000' }]],
    [
      '省委书记楼阳生在郑州调研。',
      [{ person: '楼阳生', title: '省委书记', organization: '河南省委', jurisdiction: '河南省 410000' }],
    ],
    [
      '焦作市委书记张建国表示同意。会上，张书记强调要抓好落实。',
      [{ person: '张建国', title: '市委书记', organization: '焦作市委', jurisdiction: '焦作市 410800' }],
    ],
    ['会议由副市长刘军主持，市民代表张华发言。', [{ person: '刘军', title: '副市长' }]],
    [
      '焦作市人民政府党组书记王强出席。',
      [{ person: '王强', title: '党组书记', organization: '焦作市政府党组', jurisdiction: '焦作市 410800' }],
    ],
    // The body shares the place's suffix (焦作市 | 市人民政府), or the model reads the body whole.
    [
      '郑州市人民政府副市长李明讲话。',
      [{ person: '李明', title: '副市长', organization: '郑州市政府', jurisdiction: '郑州市 410100' }],
    ],
    [
      '温县人民政府县长王猛带队检查。',
      [{ person: '王猛', title: '县长', organization: '温县政府', jurisdiction: '温县 410825' }],
    ],
    // The name first: the title right after the person.
    ['习近平总书记在中央经济工作会议上发表重要讲话。', [{ person: '习近平', title: '总书记' }]],
    [
      '河南省省长王凯、李强总理出席。',
      [
        { person: '王凯', title: '省长', jurisdiction: '河南省 410000' },
        { person: '李强', title: '总理' },
      ],
    ],
    ['张三市长李四出席。', [{ person: '李四', title: '市长' }]],
    // 河南省委 and 北京市委 are single jieba words: the body and the place are read inside them.
    [
      '河南省委书记楼阳生在郑州会见外宾。',
      [{ person: '楼阳生', title: '书记', organization: '河南省委', jurisdiction: '河南省 410000' }],
    ],
    [
      '北京市委副书记、市长刘淇讲话。',
      [{ person: '刘淇', title: '市长', organization: '北京市委', jurisdiction: '北京市 110000' }],
    ],
  ];

  it.each(cases)('%s', (text, expected) => {
    const doc = pipeline.annotate(text);
    expectDoc(doc);
    const found = officials(doc).map((o) => {
      const { person, title } = o;
      const want = expected.find((e) => e.person === person);
      // Compare the fields the case states; an unexpected official fails below.
      return want
        ? Object.fromEntries(Object.keys(want).map((k) => [k, o[k as keyof OfficialView]]))
        : { person, title };
    });
    expect(found).toEqual(expected);
  });

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
  });
});
