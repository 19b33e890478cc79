import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scoreSpans } from '../../src/eval/evaluate.js';
import { evaluateNer } from '../../src/eval/index.js';
import { createPipeline, type Entity } from '../../src/index.js';
import { expectDoc } from '../helpers.js';

const pipeline = createPipeline();

function titles(text: string): string[] {
  const doc = pipeline.annotate(text);
  expectDoc(doc);
  return doc.entities.filter((e: Entity) => e.label === 'TITLE').map((e: Entity) => e.text);
}

function entities(text: string): Array<[string, string, string]> {
  const doc = pipeline.annotate(text);
  expectDoc(doc);
  return doc.entities.map((e: Entity) => [e.label, e.text, e.source]);
}

describe('productive titles', () => {
  it('keeps deputy and rank prefixes and 助理 with the title', () => {
    expect(titles('常务副市长王大为指出')).toEqual(['常务副市长']);
    expect(titles('协会名誉会长杨慎出席')).toEqual(['名誉会长']);
    expect(titles('他是该行的首席风险官')).toEqual([]);
    expect(titles('公司总经理助理刘明表示')).toEqual(['总经理助理']);
    expect(titles('一位职业选手说')).toEqual(['职业选手']);
  });

  it('joins a field word to the head title, but not a company name', () => {
    expect(titles('该公司营销总监李杰表示')).toEqual(['营销总监']);
    expect(titles('一位资深理财顾问说')).toEqual(['资深理财顾问']);
    expect(titles('宏源证券研究员杨国华表示')).toEqual(['研究员']);
    expect(titles('一位石油专家说')).toEqual(['石油专家']);
    expect(titles('他收藏文艺复兴时期大师的作品')).toEqual(['大师']);
  });

  it('leaves the body out of the title (CLUENER convention)', () => {
    expect(titles('交通银行首席经济学家连平表示')).toEqual(['首席经济学家']);
    expect(titles('中国人民银行副行长表示')).toEqual(['副行长']);
  });

  it('finds titles inside a segmenter word, never across one', () => {
    const doc = pipeline.annotate('本报记者陈学桦报道，整个流程的核心操作者是他。');
    expectDoc(doc);
    const labelled = doc.entities.map((e: Entity) => `${e.label}:${e.text}`);
    expect(labelled).toContain('TITLE:记者');
    expect(labelled).toContain('PERSON:陈学桦');
    expect(labelled).not.toContain('TITLE:作者');
    expect(doc.officials ?? []).toEqual([]);
  });

  it('finds no title in a work title, a body modifier or a dynasty', () => {
    expect(titles('《毁灭战士》是一款游戏')).toEqual([]);
    expect(titles('记者从本市教育主管部门获悉')).toEqual(['记者']);
    expect(titles('中国明代画家吴彬的作品')).toEqual(['画家']);
  });

  it('does not take a word after a title for a name', () => {
    const persons = (text: string) =>
      entities(text)
        .filter(([label]) => label === 'PERSON')
        .map(([, name]) => name);
    expect(persons('一位房产经纪人向记者详解')).toEqual([]);
    expect(persons('因为专家都有看走眼的时候')).toEqual([]);
    expect(persons('总经理贾先生出席')).toEqual([]);
    expect(persons('记者 陈学桦报道')).toEqual(['陈学桦']);
  });
});

describe('roles and officials', () => {
  it('links a holder of public office, not a film director or a reporter', () => {
    const doc = pipeline.annotate('美国总统奥巴马今天表示，导演张艺谋和记者陈学桦也在场。');
    expectDoc(doc);
    const linked = (doc.officials ?? []).map((o) => [o.person.name, o.positions.map((p) => p.title.name)]);
    expect(linked).toEqual([['奥巴马', ['总统']]]);
    expect(doc.officials?.[0]?.positions[0]?.country).toBe('美国');
    const labelled = doc.entities.map((e: Entity) => `${e.label}:${e.text}`);
    expect(labelled).toEqual(expect.arrayContaining(['TITLE:导演', 'PERSON:张艺谋', 'TITLE:记者']));
  });
});

describe('scoring spans', () => {
  it('counts exact matches only', () => {
    // doc 0: gold [0,2) [5,8), predicted [0,2) [5,7) → tp 1, fp 1, fn 1
    // doc 1: gold none, predicted [1,3) → fp 1
    const prf = scoreSpans(
      [
        [
          { start: 0, end: 2 },
          { start: 5, end: 8 },
        ],
        [],
      ],
      [
        [
          { start: 0, end: 2 },
          { start: 5, end: 7 },
        ],
        [{ start: 1, end: 3 }],
      ],
    );
    expect(prf).toMatchObject({ tp: 1, fp: 2, fn: 1 });
    expect(prf.precision).toBeCloseTo(1 / 3, 10);
    expect(prf.recall).toBeCloseTo(1 / 2, 10);
    expect(prf.f1).toBeCloseTo((2 * (1 / 3) * (1 / 2)) / (1 / 3 + 1 / 2), 10);
  });
});

describe('CLUENER evaluation of titles', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zhtag-cluener-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // CLUENER offsets count code points and end inclusive: 𠀀 is one code point, two UTF-16 units.
  const rows = [
    { text: '𠀀记者陈学桦报道。', label: { position: { 记者: [[1, 2]] }, name: { 陈学桦: [[3, 5]] } } },
    { text: '公司总经理表示，苹果很好。', label: { position: { 总经理: [[2, 4]], 苹果: [[8, 9]] } } },
    { text: '办公室主任说了这件事。', label: { organization: { 办公室: [[0, 2]] } } },
    { text: '今天下雨了，记者很忙。', label: { position: { 记者: [[6, 7]] } } },
  ];
  const file = join(dir, 'tiny.json');
  writeFileSync(file, `${rows.map((row) => JSON.stringify(row)).join('\n')}\n`);

  it('the pipeline finds the titles this test counts on', () => {
    expect(titles('𠀀记者陈学桦报道。')).toEqual(['记者']);
    expect(titles('公司总经理表示，苹果很好。')).toEqual(['总经理']);
    expect(titles('办公室主任说了这件事。')).toEqual(['主任']);
  });

  it('scores position as TITLE with exact spans', () => {
    const result = evaluateNer(pipeline, file, 'cluener', { to: 0.75 });
    expect(result.documents).toBe(3);
    // gold titles: 记者, 总经理, 苹果; predicted: 记者, 总经理, 主任 → tp 2, fp 1, fn 1
    expect(result.titles).toMatchObject({ tp: 2, fp: 1, fn: 1 });
    expect(result.titles?.precision).toBeCloseTo(2 / 3, 10);
    expect(result.titles?.recall).toBeCloseTo(2 / 3, 10);
    expect(result.titles?.f1).toBeCloseTo(2 / 3, 10);
    expect(result.zhtag.perLabel.PERSON).toMatchObject({ tp: 1, fn: 0 });
  });

  it('keeps the requested fraction of the documents', () => {
    const last = evaluateNer(pipeline, file, 'cluener', { from: 0.75 });
    expect(last.documents).toBe(1);
    expect(last.titles).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    expect(() => evaluateNer(pipeline, file, 'cluener', { from: 0.9, to: 0.5 })).toThrow(
      /option "from" \(0.9\) must be below option "to"/,
    );
    expect(() => evaluateNer(pipeline, file, 'cluener', { from: -1 })).toThrow(/fraction/);
  });

  it('names the file and line of a broken gold row', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, `${JSON.stringify(rows[0])}\n{"text": "半行\n`);
    expect(() => evaluateNer(pipeline, bad, 'cluener')).toThrow(/bad\.json:2/);
    expect(() => evaluateNer(pipeline, join(dir, 'missing.json'), 'cluener')).toThrow(/not found/);
  });

  it('has no TITLE scores where the gold has no titles', () => {
    const bio = join(dir, 'tiny.bio');
    writeFileSync(bio, '王 B-PER\n刚 I-PER\n说 O\n');
    expect(evaluateNer(pipeline, bio, 'bio').titles).toBeUndefined();
  });
});
