import { describe, expect, it } from 'vitest';
import { createPipeline, type Doc, type Keyword } from '../../src/index.js';
import { loadStopWords, shippedStopWordsPath } from '../../src/keywords/index.js';
import { expectDoc, sampleText } from '../helpers.js';

const pipeline = createPipeline();
const stopWords = loadStopWords(shippedStopWordsPath());
const sample: Doc = pipeline.annotate({ id: 'sample', text: sampleText() });

const NEWS =
  '本报讯（记者 王强）焦作市日前召开新能源材料产业推进会。会议提出，要把新能源材料产业作为高质量发展的主攻方向，' +
  '锚定“两个确保”，实施“十大战略”。2022年全市新能源材料产业产值达300亿元，同比增长35.6%。' +
  '下一步将引进龙头企业，延伸新能源材料产业链，推动新能源材料产业集群发展。免责声明：本文转载自网络。';

const terms = (keywords: Keyword[]) => keywords.map((keyword) => keyword.term);

function expectKeywordShape(keywords: Keyword[], top: number): void {
  expect(keywords.length).toBeGreaterThan(0);
  expect(keywords.length).toBeLessThanOrEqual(top);
  for (const keyword of keywords) {
    expect(typeof keyword.term).toBe('string');
    expect(typeof keyword.weight).toBe('number');
    expect(keyword.weight).toBeGreaterThan(0);
    expect(typeof keyword.count).toBe('number');
    expect(['word', 'phrase', 'entity']).toContain(keyword.kind);
  }
  const weights = keywords.map((keyword) => keyword.weight);
  expect(weights).toEqual([...weights].sort((a, b) => b - a));
  expect(new Set(terms(keywords)).size).toBe(keywords.length);
}

describe('keywords of a document', () => {
  it('fills doc.keywords in annotate, with the offset contract of the rest of the Doc intact', () => {
    expectDoc(sample);
    expectKeywordShape(sample.keywords, 10);
    expect(sample.keywords).toHaveLength(10);
  });

  it('keeps the shape [{term, weight, ...}] whatever the method, top and POS allow-list', () => {
    const doc = pipeline.annotate(NEWS);
    for (const method of ['tfidf', 'textrank'] as const) {
      for (const top of [1, 3, 20]) {
        expectKeywordShape(pipeline.keywordExtractor.extract(doc.tokens, doc.entities, { method, top }), top);
      }
    }
    const nounsOnly = pipeline.keywordExtractor.extract(doc.tokens, doc.entities, {
      allowPos: ['n'],
      top: 20,
    });
    expectKeywordShape(nounsOnly, 20);
    const tagOf = new Map(doc.tokens.map((token) => [token.text, token.pos]));
    for (const keyword of nounsOnly.filter((k) => k.kind === 'word'))
      expect(tagOf.get(keyword.term)).toBe('n');
  });

  it('never gives numbers, single characters, stop words or boilerplate', () => {
    const doc = pipeline.annotate(NEWS);
    for (const keywords of [
      doc.keywords,
      sample.keywords,
      pipeline.keywordExtractor.extract(doc.tokens, doc.entities, { method: 'textrank', top: 30 }),
      pipeline.keywordExtractor.extract(sample.tokens, sample.entities, { top: 50 }),
    ]) {
      for (const { term } of keywords) {
        expect(term.length).toBeGreaterThanOrEqual(2);
        expect(term).not.toMatch(/^[\d.%年月日亿元万]+$/);
        expect(stopWords.has(term)).toBe(false);
        for (const boilerplate of ['记者', '免责', '声明', '本报讯', '转载'])
          expect(term).not.toContain(boilerplate);
      }
    }
  });

  it('keeps policy terms whole and merges multi-word phrases (新能源材料产业)', () => {
    const doc = pipeline.annotate(NEWS);
    const top = terms(doc.keywords);
    expect(top.slice(0, 3)).toContain('新能源材料产业');
    expect(top).toEqual(expect.arrayContaining(['十大战略', '两个确保']));
    // A part of a policy term is never a keyword of its own (十大, 战略, 确保 …).
    for (const term of top)
      for (const policy of ['十大战略', '两个确保', '高质量发展']) {
        if (term !== policy) expect(policy.includes(term)).toBe(false);
      }
    const policy = doc.keywords.find((keyword) => keyword.term === '十大战略');
    expect(policy).toMatchObject({ kind: 'entity', label: 'POLICY' });
  });

  it('ranks a new user-dictionary term in the top 5 of a document about it', () => {
    // 吹哨报到 is cut into two verbs, so no phrase rule can rebuild it: only the dictionary can.
    const text =
      '区里推行“吹哨报到”机制，街道吹哨、部门报到。吹哨报到机制运行以来，群众反映的停车难、' +
      '加装电梯等问题得到及时解决，吹哨报到成为基层治理的新抓手。';
    expect(terms(pipeline.annotate(text).keywords)).not.toContain('吹哨报到');
    pipeline.addTerm({ term: '吹哨报到', type: 'mechanism' });
    try {
      const doc = pipeline.annotate(text);
      expectDoc(doc);
      expect(terms(doc.keywords).slice(0, 5)).toContain('吹哨报到');
    } finally {
      pipeline.removeTerm('吹哨报到');
    }
  });

  it('gives the sample article an editor-like top 10: places, people and policy terms first', () => {
    const top = terms(sample.keywords);
    expect(top).toEqual(expect.arrayContaining(['十大战略', '焦作市']));
    expect(top.some((term) => /^\d/.test(term))).toBe(false);
  });

  it('rejects an unknown method or a bad top with a usage error', () => {
    const doc = pipeline.annotate(NEWS);
    expect(() =>
      pipeline.keywordExtractor.extract(doc.tokens, doc.entities, { method: 'lda' as 'tfidf' }),
    ).toThrow(/unknown keyword method "lda"/);
    expect(() => pipeline.keywordExtractor.extract(doc.tokens, doc.entities, { top: 0 })).toThrow(/>= 1/);
  });
});
