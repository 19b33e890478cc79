import { describe, expect, it } from 'vitest';
import { createPipeline, type Doc } from '../../src/index.js';
import { expectDoc, expectSpan } from '../helpers.js';

/**
 * Under the gold sets' guidelines (pd1998), where a gazetteer match is only a word (a body named by its
 * kind, a newspaper's title, a direction) the model's reading stands; where the body heads an
 * official's title, the officials keep it. zhtag's guidelines (the default) report them all.
 */
const pipeline = createPipeline({ keywords: false, convention: 'pd1998' });
const zhtag = createPipeline({ keywords: false });

function annotate(text: string, guidelines = pipeline): Doc {
  const doc = guidelines.annotate(text);
  expectDoc(doc);
  return doc;
}

function at(doc: Doc, needle: string, label: string) {
  const start = doc.text.indexOf(needle);
  const entity = doc.entities.find((e) => e.start === start && e.end === start + needle.length);
  if (entity) expectSpan(doc.text, entity);
  return entity?.label === label ? entity : undefined;
}

describe('gazetteer matches the model does not read', () => {
  it('a body named by its kind alone is no organization (市委、市政府将…)', () => {
    const doc = annotate('从去年起，市委、市政府将解困、再就业作为头等大事。');
    expect(at(doc, '市政府', 'ORG')).toBeUndefined();
    expect(doc.entities.some((e) => e.label === 'ORG' && e.text.includes('市政府'))).toBe(false);
    expect(at(annotate(doc.text, zhtag), '市政府', 'ORG')?.kind).toBe('government');
  });

  it('a body heading an official title stays, for the officials (市政府 | 秘书长, 市财政局 | 党组 | 书记)', () => {
    const doc = annotate('市政府秘书长王刚介绍情况。');
    const body = at(doc, '市政府', 'ORG');
    expect(body?.start).toBe(0);
    expect(doc.officials?.[0]?.positions[0]?.organization?.text).toBe('市政府');
    const chained = annotate('市财政局党组书记、局长赵强汇报工作。');
    expect(chained.officials?.[0]?.positions[0]?.organization?.name).toBe('市财政局党组');
  });

  it("a newspaper's title is no organization (People's Daily nz, CLUENER book)", () => {
    const doc = annotate('《人民日报》版面备要出版');
    expect(doc.entities.filter((e) => e.label === 'ORG')).toEqual([]);
    expect(at(annotate(doc.text, zhtag), '人民日报', 'ORG')?.kind).toBe('media');
  });

  it('a direction is no place (东北大豆)', () => {
    const doc = annotate('比如，增加东北大豆和北方单季优质稻的种植。');
    expect(at(doc, '东北', 'LOC')).toBeUndefined();
    expect(at(annotate(doc.text, zhtag), '东北', 'LOC')).toBeDefined();
  });

  it('the model reads the region without 地区 (华东|地区): neither geo.tsv nor rule:place-region overrides it', () => {
    const doc = annotate('南京、上海等８个华东地区城市联合开办以来');
    const east = at(doc, '华东', 'LOC');
    expect(east?.source).toBe('model');
    expect(doc.entities.some((e) => e.text === '华东地区')).toBe(false);
  });

  it('a gazetteer body the model reads shorter leaves the rest to the title (省人大 | 常委会副主任)', () => {
    const doc = annotate('选举周述荣为省人大常委会副主任。');
    expect(at(doc, '省人大', 'ORG')?.start).toBe(6);
    const title = at(doc, '常委会副主任', 'TITLE');
    expect([title?.start, title?.end, title?.source]).toEqual([9, 15, 'rule:title-after-body']);
    expect(doc.entities.some((e) => e.text === '省人大常委会')).toBe(false);
    // zhtag's guidelines keep the body the office belongs to.
    const standing = annotate(doc.text, zhtag);
    expect(at(standing, '省人大常委会', 'ORG')?.start).toBe(6);
    expect(at(standing, '副主任', 'TITLE')?.start).toBe(12);
  });

  it('a title keeps a body that names no level whole (镇党委书记), unless a place or body comes first', () => {
    const doc = annotate('在花生集散市场，镇党委书记关玉国告诉记者。');
    const title = at(doc, '镇党委书记', 'TITLE');
    expect([title?.start, title?.end]).toEqual([8, 13]);
    expect(doc.entities.some((e) => e.label === 'ORG')).toBe(false);
    const composed = annotate('云台山镇党委书记王五讲话。');
    expect(at(composed, '云台山镇党委', 'ORG')?.source).toBe('rule:place-body');
    // 市委 names the document's city: it stays a body of its own (市委 | 书记).
    const city = annotate('焦作市召开会议，市委书记葛巧红出席。');
    expect(at(city, '市委', 'ORG')?.name).toBe('焦作市委');
  });

  it('a specific body written by its full name stays', () => {
    const doc = annotate('中国工商银行今年将加大对中小企业的贷款。');
    expect(at(doc, '中国工商银行', 'ORG')?.kind).toBe('enterprise');
  });
});

describe('world places (dictionaries/gazetteer/world.tsv)', () => {
  it('finds countries, cities, states by their short form, seas', () => {
    const doc = annotate(
      '代表团抵达加德满都，随后前往波罗的海沿岸，这会对加州乃至整个美国经济产生影响。',
      zhtag,
    );
    expect(at(doc, '加德满都', 'LOC')?.type).toBe('city');
    expect(at(doc, '波罗的海', 'LOC')?.type).toBe('sea');
    const california = at(doc, '加州', 'LOC');
    expect([california?.term, california?.type]).toEqual(['加利福尼亚', 'state']);
    expect(String(california?.source)).toMatch(/^dictionaries\/gazetteer\/world\.tsv:\d+$/);
  });

  it('leaves a city the model reads as a team to the model (利物浦 the club)', () => {
    for (const guidelines of [pipeline, zhtag]) {
      const doc = annotate('利物浦３比１战胜切尔西。', guidelines);
      expect(at(doc, '利物浦', 'ORG')?.source).toBe('model');
      expect(at(doc, '利物浦', 'LOC')).toBeUndefined();
    }
  });
});

describe('a surname and a title read as one person', () => {
  // the example must be one the shipped model reads as one person: since the MSR vocabulary features
  // (20:30 model) it reads 吴厂长 as 吴 alone, 陈书记 still as one
  it('splits the surname (PERSON) from the title (TITLE): 陈 | 书记', () => {
    const doc = annotate('陈书记笑着说。', zhtag);
    const person = at(doc, '陈', 'PERSON');
    expect([person?.source, person?.title]).toEqual(['rule:surname-title', '书记']);
    expect(String(at(doc, '书记', 'TITLE')?.source)).toMatch(/^dictionaries\/gazetteer\/titles\.tsv:\d+$/);
    expect(doc.entities.some((e) => e.text === '陈书记')).toBe(false);
  });

  it('finds the title in the rest of the word whichever way the model reads it (吴 | 厂长, 李 | 教授)', () => {
    // the model may read the surname and the title as one person (rule:surname-title splits it) or the
    // surname alone (titleAfterSurname takes the rest of the segmenter's word 吴厂长 as the title)
    for (const [text, surname, title] of [
      ['吴厂长笑着说。', '吴', '厂长'],
      ['李教授指出，', '李', '教授'],
    ] as const) {
      const doc = annotate(text, zhtag);
      expect(at(doc, surname, 'PERSON'), text).toBeDefined();
      expect(String(at(doc, title, 'TITLE')?.source), text).toMatch(
        /^dictionaries\/gazetteer\/titles\.tsv:\d+$/,
      );
      expect(doc.entities.some((e) => e.text === surname + title)).toBe(false);
    }
  });

  it('a preposition before a title is no surname (向 | 记者)', () => {
    const doc = annotate('他向记者介绍了情况。', zhtag);
    expect(doc.entities.filter((e) => e.label === 'PERSON')).toEqual([]);
    expect(at(doc, '记者', 'TITLE')).toBeDefined();
  });
});

describe('places abbreviated inside ordinary words (rule:abbreviation-in-word)', () => {
  it('marks the abbreviating character with the place it stands for, under every guideline', () => {
    const text = '代表团昨天抵京，随后访华的美方官员表示，中方欢迎。';
    for (const guidelines of [zhtag, pipeline]) {
      const doc = annotate(text, guidelines);
      const places = doc.entities
        .filter((e) => e.source === 'rule:abbreviation-in-word')
        .map((e) => [e.text, e.start, e.refersTo, e.code]);
      expect(places).toEqual([
        ['京', text.indexOf('抵京') + 1, '北京市', '110000'],
        ['华', text.indexOf('访华') + 1, '中国', undefined],
        ['美', text.indexOf('美方'), '美国', undefined],
        ['中', text.indexOf('中方'), '中国', undefined],
      ]);
    }
  });

  it('leaves the same characters alone in other words (中间, 美丽, 北京)', () => {
    const doc = annotate('中间的美丽花园在北京。', zhtag);
    expect(doc.entities.filter((e) => e.source === 'rule:abbreviation-in-word')).toEqual([]);
  });
});
