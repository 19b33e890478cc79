import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDictionary, removeTerm } from '../../src/dictionary/index.js';
import { buildCorpus } from '../../src/discover/corpus.js';
import { candidatesToTsv, discoverTerms } from '../../src/discover/index.js';
import { measure } from '../../src/discover/measure.js';
import { numeralShape } from '../../src/discover/signals.js';
import { createPipeline } from '../../src/index.js';
import { ROOT, sampleText } from '../helpers.js';

/** Quoted and numeral-led slogans of the sample article. */
const QUOTED = [
  '十大战略',
  '两个确保',
  '万人助万企',
  '一级带着一级干',
  '特别能战斗',
  '添翼计划',
  '怀川英才计划',
];
const NUMERAL = ['十大战略', '两个确保', '一城一都一基地', '五链'];

const dir = mkdtempSync(join(tmpdir(), 'zhtag-discover-'));
cpSync(join(ROOT, 'dictionaries'), join(dir, 'dictionaries'), { recursive: true });
const manifest = join(dir, 'dictionaries', 'manifest.json');
for (const term of new Set([...QUOTED, ...NUMERAL])) removeTerm(term, { manifest });
const pipeline = createPipeline({ manifest, ner: false });
const text = sampleText();

describe('discoverTerms on the sample article', () => {
  const candidates = discoverTerms([{ id: 'sample', text }], {
    top: 60,
    minCount: 2,
    dictionary: pipeline.dictionary,
  });
  const terms = candidates.map((c) => c.term);

  it('finds the quoted and numeral slogans once they are removed from the dictionary', () => {
    for (const term of [...QUOTED, ...NUMERAL]) expect(terms).toContain(term);
    const top = candidates.find((c) => c.term === '十大战略');
    expect(top?.known).toBe(false);
    expect(top?.type).toBe('strategy');
    expect(top?.count).toBe(text.split('十大战略').length - 1);
  });

  it('leaves known terms out unless asked, and marks them', () => {
    expect(terms).not.toContain('能力作风建设年');
    const all = discoverTerms([{ id: 'sample', text }], {
      top: 60,
      minCount: 2,
      includeKnown: true,
      dictionary: pipeline.dictionary,
    });
    const known = all.find((c) => c.term === '能力作风建设年');
    expect(known?.known).toBe(true);
    expect(all.find((c) => c.term === '十大战略')?.known).toBe(false);
  });

  it('gives examples from the text and writes TSV that loads as a dictionary', () => {
    const first = candidates[0];
    expect(first).toBeDefined();
    for (const example of first?.examples ?? []) {
      expect(example.replace(/…/g, '')).toContain(first?.term);
      expect(text).toContain(example.replace(/^…|…$/g, ''));
    }
    const tsv = candidatesToTsv(candidates, true);
    expect(tsv.split('\n')[0]).toBe(
      'term\tscore\tcount\tdf\ttype\texamples\tknown\tsimilar\tpart_of\tvariants',
    );
    const parsed = parseDictionary(tsv, 'candidates.tsv');
    expect(parsed.lines.map((l) => l.fields.term)).toEqual(terms);
  });
});

describe('discovery signals', () => {
  it('tells numbered slogans from quantities and ordinary words', () => {
    expect(numeralShape('两个确保')).toBe('strong');
    expect(numeralShape('一国两制')).toBe('strong');
    expect(numeralShape('十大战略')).toBe('strong');
    expect(numeralShape('三讲')).toBe('weak');
    for (const word of ['三个月', '一些', '五年', '一九九八年', '两个多月', '一致'])
      expect(numeralShape(word)).toBeUndefined();
  });

  it('counts candidates with their document frequency, quotes and neighbours', () => {
    const corpus = buildCorpus([
      { id: 'a', text: '实施“菜篮子工程”，推进菜篮子工程。' },
      { id: 'b', text: '抓好菜篮子工程建设。' },
    ]);
    const stats = measure(corpus, ['菜篮子工程']).stats.get('菜篮子工程');
    expect(stats?.count).toBe(3);
    expect(stats?.df).toBe(2);
    expect(stats?.quoted).toBe(1);
    // 实施 is a policy verb (1); 推进 and 抓好 govern ordinary nouns too (0.5 each).
    expect(stats?.inContext).toBe(2);
    expect(stats?.right.get('建')).toBe(1);
  });

  it('flags a candidate close to a known term as a possible alias', () => {
    const doc = '实施科教兴国战略。落实科教兴国战略，坚持科教兴国战略。';
    const base = createPipeline({ manifest: false, ner: false });
    base.addTerm({ term: '科教兴国', type: 'strategy' });
    const [first] = discoverTerms([{ id: 'x', text: doc }], { dictionary: base.dictionary, minCount: 2 });
    expect(first?.term).toBe('科教兴国战略');
    expect(first?.similar).toBe('科教兴国');
  });

  it('credits a numeral and one character (四荒) by its cohesion, but not general words (双方)', () => {
    // 四荒 (the four kinds of waste land) in ordinary clauses: no quotes, no trigger verb, no suffix.
    const docs = ['今年拍卖四荒使用权，群众治理四荒的热情很高。', '全县治理四荒三万亩，双方签了合同。'].map(
      (text, i) => ({ id: `d${i}`, text: `${text}村里的四荒变成了果园。双方都同意。` }),
    );
    const base = createPipeline({ manifest: false, ner: false });
    const found = discoverTerms(docs, { dictionary: base.dictionary, minCount: 3, top: 50 });
    const abbreviation = found.find((c) => c.term === '四荒');
    expect(abbreviation).toBeDefined();
    expect(abbreviation?.type).toBe('slogan');
    const general = found.find((c) => c.term === '双方');
    expect(general === undefined || general.score < (abbreviation?.score ?? 0)).toBe(true);
  });
});
