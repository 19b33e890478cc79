import { describe, expect, it } from 'vitest';
import { scoredNames } from '../../src/eval/index.js';
import { createPipeline, type Doc, type Entity } from '../../src/index.js';
import { expectDoc } from '../helpers.js';

const pipeline = createPipeline();

const view = (doc: Doc) => doc.entities.map((e) => `${e.label}:${e.text}`);

describe('entity stage: bodies, titles and ambiguous names', () => {
  it('reads a title that begins inside a body as the body and the rest of the title', () => {
    const doc = pipeline.annotate('中共中央政治局常委、全国政协主席李瑞环出席会议。');
    expectDoc(doc);
    expect(view(doc)).toEqual(
      expect.arrayContaining([
        'ORG:中共中央政治局',
        'TITLE:常委',
        'ORG:全国政协',
        'TITLE:主席',
        'PERSON:李瑞环',
      ]),
    );
    const title = doc.entities.find((e) => e.text === '常委') as Entity;
    expect(title.source).toBe('rule:title-after-body');
    expect(title.fullTitle).toBe('中央政治局常委');
  });

  it('reads a title that begins with a named body as the body and the rest of the title', () => {
    const doc = pipeline.annotate('中央纪委书记尉健行在会上讲话，全国政协委员王选出席。');
    expectDoc(doc);
    expect(view(doc)).toEqual(
      expect.arrayContaining(['ORG:中央纪委', 'TITLE:书记', 'PERSON:尉健行', 'ORG:全国政协', 'TITLE:委员']),
    );
    const secretary = doc.entities.find((e) => e.text === '书记') as Entity;
    expect([secretary.source, secretary.fullTitle]).toEqual(['rule:title-after-body', '中央纪委书记']);
    const positions = doc.officials?.flatMap((o) =>
      o.positions.map((p) => [o.person.name, p.title.text, p.organization?.text]),
    );
    expect(positions).toEqual([
      ['尉健行', '书记', '中央纪委'],
      ['王选', '委员', '全国政协'],
    ]);
  });

  it('takes a county name that is also a word as a place only where it is one', () => {
    const county = pipeline.annotate('他到威信县调研扶贫工作。');
    const word = pipeline.annotate('这些做法提高了干部的威信。');
    expectDoc(county);
    expectDoc(word);
    expect(view(county)).toContain('LOC:威信县');
    expect(word.entities.filter((e) => e.label === 'LOC')).toEqual([]);
  });

  it('keeps a gazetteer name the core dictionary does not know, whatever the model reads inside it', () => {
    // 怀川 (the Jiaozuo region) is no jieba word: the HMM finds it (x), so it has no other reading; the
    // model alone reads 川 as a place here.
    const doc = pipeline.annotate('踔厉奋发、务实重干，怀川大地处处焕发着创新的活力。');
    expectDoc(doc);
    expect(doc.tokens.find((t) => t.text === '怀川')?.pos).toBe('x');
    expect(view(doc).filter((e) => e.startsWith('LOC'))).toEqual(['LOC:怀川']);
  });

  it('reads one-character abbreviations of provinces as the province (豫 = 河南省)', () => {
    const doc = pipeline.annotate('豫港合作持续深化，川渝两地携手，大家都赞美这种美德。');
    expectDoc(doc);
    const places = doc.entities
      .filter((e) => e.source === 'rule:place-abbreviation')
      .map((e) => `${e.text} ${e.refersTo} ${e.code}`);
    expect(places).toEqual([
      '豫 河南省 410000',
      '港 香港特别行政区 810000',
      '川 四川省 510000',
      '渝 重庆市 500000',
    ]);
  });

  it('starts no name inside a word after a title', () => {
    const doc = pipeline.annotate('武警官兵为她搭起了帐篷。');
    expectDoc(doc);
    expect(doc.entities.filter((e) => e.label === 'PERSON')).toEqual([]);
  });

  it('reads no name into a surname character before a verb after a title (总统时|表示)', () => {
    const doc = pipeline.annotate('他在会见美国总统时表示，两国要加强合作。');
    expectDoc(doc);
    expect(doc.entities.filter((e) => e.label === 'PERSON')).toEqual([]);
  });
});

describe('scoredNames (what NER evaluation counts)', () => {
  const text = '坚持有中国特色社会主义，焦作市委召开会议。';
  const span = (start: number, end: number, label: string, source = 'model'): Entity => ({
    text: text.slice(start, end),
    start,
    end,
    label,
    source,
  });
  const doc: Doc = {
    text,
    tokens: [],
    entities: [span(2, 11, 'POLICY', 'dictionaries/policy/national.tsv:1'), span(12, 16, 'ORG')],
    keywords: [],
    spans: { nested: [span(3, 5, 'LOC'), span(12, 15, 'LOC'), span(5, 7, 'TITLE')] },
  };

  it('counts names nested in a policy term, not names nested in another name or other labels', () => {
    expect(text.slice(2, 11)).toBe('有中国特色社会主义');
    expect(scoredNames(doc).map((e) => `${e.label}:${e.text}`)).toEqual(['LOC:中国', 'ORG:焦作市委']);
  });

  it('is the flat names alone when no policy term holds one', () => {
    const flatOnly = { ...doc, entities: [span(12, 16, 'ORG')] };
    expect(scoredNames(flatOnly).map((e) => e.text)).toEqual(['焦作市委']);
  });
});

describe('entity guidelines (convention)', () => {
  it("keeps People's Daily organizations by default and gives the BIO sets' places with convention: 'bio'", () => {
    // (No 代表团 after 印度政府: whether a delegation is one organization is the model's call, not the
    // convention's.)
    const text = '中国政府和印度政府在新疆地区举行会谈。焦作市委书记葛巧红出席。';
    const bio = createPipeline({ keywords: false, convention: 'bio' }).annotate(text);
    const pd = pipeline.annotate(text);
    expectDoc(bio);
    expect(view(pd)).toEqual(expect.arrayContaining(['ORG:中国政府', 'ORG:印度政府', 'LOC:新疆地区']));
    expect(view(bio)).toEqual(expect.arrayContaining(['LOC:中国', 'LOC:印度', 'LOC:新疆']));
    expect(view(bio)).not.toContain('ORG:中国政府');
    // People's Daily marks a place with 地区 whole or not as the model learnt it (中亚 | 地区 here);
    // rule:place-region joins 地区 only to a gazetteer place the model does not read.
    const region = pipeline.annotate('中亚地区的合作不断加强。');
    expectDoc(region);
    expect(view(region)).toContain('LOC:中亚');
    expect(view(region)).not.toContain('LOC:中亚地区');
    expect(view(bio)).not.toContain('LOC:新疆地区');
    // The officials logic reads bodies the same way in both.
    expect(view(bio)).toEqual(expect.arrayContaining(['ORG:焦作市委', 'TITLE:书记', 'PERSON:葛巧红']));
  });
});
