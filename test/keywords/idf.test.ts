import { describe, expect, it } from 'vitest';
import { isZhtagError } from '../../src/index.js';
import { buildIdf, CorpusKeywords, IdfTable } from '../../src/keywords/index.js';

const TABLE = [
  '新能源 6.4',
  '材料 5.7',
  '产业 5.5',
  '发展 3.6',
  '的 0.9',
  '罕见词 13.9',
  '吹风 9.0',
  '哨子 8.0',
].join('\n');

describe('IDF table', () => {
  const idf = IdfTable.parse(TABLE, 'test-idf.txt');

  it('reads jieba "word idf" lines and knows the ceiling (a word seen in one document)', () => {
    expect(idf.size).toBe(8);
    expect(idf.known('材料')).toBe(5.7);
    expect(idf.known('没有的词')).toBeUndefined();
    expect(idf.ceiling).toBe(13.9);
  });

  it('estimates an unknown word from its characters, not from the median', () => {
    // 吹 occurs in 吹风 (9.0) and 哨 in 哨子 (8.0): the word holds both, so it is at least as rare as
    // the rarer character, and under independence as rare as both together (capped at the ceiling).
    expect(idf.of('吹哨')).toBeCloseTo(13.9);
    // A character in a common word makes a word of common characters common: 的 alone bounds it.
    expect(idf.of('的的')).toBeCloseTo(1.8);
    // Two unknown words of different characters get different estimates (no single median value).
    expect(idf.of('材产')).not.toBe(idf.of('的发'));
  });

  it('estimates a merged phrase from its parts: rarer than any part, capped at the ceiling', () => {
    expect(idf.ofPhrase(['新能源', '材料'])).toBeCloseTo(12.1);
    expect(idf.ofPhrase(['新能源', '材料', '产业'])).toBeCloseTo(13.9);
    expect(idf.ofPhrase(['发展', '的'])).toBeCloseTo(4.5);
  });

  it('names file and line of a bad entry', () => {
    try {
      IdfTable.parse('好 1.5\n坏 abc\n', 'bad-idf.txt');
      expect.unreachable();
    } catch (error) {
      expect(isZhtagError(error) && error.code).toBe('E_DICT_PARSE');
      expect((error as Error).message).toBe('bad-idf.txt:2: expected "word idf", got "坏 abc"');
    }
    expect(() => IdfTable.load('/no/such/idf.txt')).toThrow(/\/no\/such\/idf.txt: cannot read/);
  });

  it('builds ln(N/df) from documents, leaving rare words to the estimate, and reads it back', () => {
    const lines = buildIdf(
      [
        ['新能源', '材料', '材料'],
        ['新能源', '产业'],
        ['新能源', '产业', '罕见'],
        ['发展', '产业'],
      ],
      { minDf: 2 },
    );
    const built = IdfTable.parse(lines, 'built');
    expect(built.known('新能源')).toBeCloseTo(Math.log(4 / 3), 5);
    expect(built.known('产业')).toBeCloseTo(Math.log(4 / 3), 5);
    expect(built.known('材料')).toBeUndefined();
    expect(built.known('罕见')).toBeUndefined();
    expect(() => buildIdf([])).toThrow(/empty corpus/);
  });
});

describe('corpus summary', () => {
  it('adds keyword weights and counts documents and mentions per entity group', () => {
    const corpus = new CorpusKeywords();
    const entity = (text: string, label: 'PERSON' | 'POLICY', start: number) => ({
      text,
      label,
      start,
      end: start + text.length,
      source: 'test',
    });
    corpus.add({
      keywords: [
        { term: '十大战略', weight: 0.3, count: 2 },
        { term: '创新', weight: 0.1, count: 1 },
      ],
      entities: [
        entity('十大战略', 'POLICY', 0),
        entity('十大战略', 'POLICY', 10),
        entity('葛巧红', 'PERSON', 20),
      ],
    });
    corpus.add({
      keywords: [{ term: '十大战略', weight: 0.2, count: 1 }],
      entities: [entity('十大战略', 'POLICY', 0)],
    });
    const summary = corpus.summary(5);
    expect(summary.documents).toBe(2);
    expect(summary.terms[0]).toEqual({ term: '十大战略', weight: 0.5, docs: 2, count: 3 });
    expect(summary.policies).toEqual([{ term: '十大战略', count: 3, docs: 2 }]);
    expect(summary.officials).toEqual([{ term: '葛巧红', count: 1, docs: 1 }]);
    expect(summary.places).toEqual([]);
  });
});
