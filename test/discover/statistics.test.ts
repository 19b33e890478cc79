import { describe, expect, it } from 'vitest';
import { describeFeature, trainContextModel, visitContextFeatures } from '../../src/discover/context.js';
import { coordinatedWithAnchors } from '../../src/discover/coordination.js';
import { buildCorpus } from '../../src/discover/corpus.js';
import { trainPolicyLikeness } from '../../src/discover/likeness.js';
import { measure } from '../../src/discover/measure.js';
import { frequentGrams } from '../../src/discover/signals.js';
import { createPipeline } from '../../src/index.js';

const PROGRAMS = [
  '菜篮子工程',
  '希望工程',
  '再就业工程',
  '春蕾计划',
  '扶贫攻坚计划',
  '送温暖工程',
  '民心工程',
];

describe('policy-likeness', () => {
  const pipeline = createPipeline({ manifest: false, ner: false });
  for (const term of PROGRAMS) pipeline.addTerm({ term, type: 'program' });
  const model = trainPolicyLikeness(pipeline.dictionary);

  it('rates names shaped like the known terms above ordinary words', () => {
    expect(model.logOdds('安居工程')).toBeGreaterThan(model.logOdds('领导干部'));
    expect(model.logOdds('奥运争光计划')).toBeGreaterThan(model.logOdds('今年以来'));
    expect(model.logOdds('1998')).toBeLessThan(-10);
  });

  it('judges a known term with its own entry left out, so it is not simply recognized', () => {
    const without = createPipeline({ manifest: false, ner: false });
    for (const term of PROGRAMS) if (term !== '希望工程') without.addTerm({ term, type: 'program' });
    // Equal up to the smoothing vocabulary, which still holds the held-out entry's features.
    const heldOut = trainPolicyLikeness(without.dictionary).logOdds('希望工程');
    expect(model.logOdds('希望工程')).toBeCloseTo(heldOut, 3);
  });

  it('knows the common chengyu of the core dictionary', () => {
    expect(model.isCommonIdiom('四通八达')).toBe(true);
    expect(model.isCommonIdiom('菜篮子工程')).toBe(false);
  });

  it('knows the general vocabulary by its core-dictionary frequency', () => {
    expect(model.generalFrequency('理论')).toBeGreaterThan(1000);
    expect(model.generalFrequency('菜篮子工程')).toBe(0);
  });
});

describe('statistical proposals', () => {
  it('counts frequent n-grams of hanzi without particle edges', () => {
    const corpus = buildCorpus([
      { id: 'a', text: '推进村务公开。村务公开的经验，村务公开了。1998年1998年1998年' },
    ]);
    const grams = frequentGrams(corpus, 3);
    expect(grams.get('村务公开')).toBe(3);
    expect(grams.get('村务')).toBe(3);
    expect(grams.has('1998')).toBe(false);
    expect([...grams.keys()].some((g) => g.endsWith('的') || g.startsWith('的'))).toBe(false);
  });

  it('credits the items of a 、-list that holds another anchor, never an anchor for itself', () => {
    const corpus = buildCorpus([
      { id: 'a', text: '实施下岗分流、减员增效和再就业工程。坚持减员增效、扭亏增盈。' },
    ]);
    const counted = new Set(['下岗分流', '减员增效', '扭亏增盈']);
    const counts = coordinatedWithAnchors(
      corpus,
      (form) => form === '减员增效',
      (form) => counted.has(form),
    );
    expect(counts.get('下岗分流')).toBe(1);
    expect(counts.get('扭亏增盈')).toBe(1);
    expect(counts.has('减员增效')).toBe(false);
  });

  it('reads quoted items exactly, and 和 between quoted items as a list mark', () => {
    const corpus = buildCorpus([
      { id: 'a', text: '坚持“一国两制”、“港人治港”方针。把“菜篮子”和“米袋子”价格纳入目标。' },
    ]);
    const counted = new Set(['港人治港', '米袋子', '一国两制']);
    const known = new Set(['一国两制', '菜篮子']);
    const counts = coordinatedWithAnchors(
      corpus,
      (form) => known.has(form),
      (form) => counted.has(form),
    );
    expect(counts.get('港人治港')).toBe(1);
    expect(counts.get('米袋子')).toBe(1);
    expect(counts.has('一国两制')).toBe(false);
  });
});

describe('usage (context model)', () => {
  const features = (text: string, term: string) => {
    const start = text.indexOf(term);
    const out: string[] = [];
    visitContextFeatures(text, start, start + term.length, (key) => out.push(describeFeature(key)));
    return out;
  };

  it('takes the one and two symbols around an occurrence, looking past its quotes', () => {
    expect(features('要实施再就业工程，', '再就业工程')).toEqual(['<施', '<<实施', '>|', '>>|']);
    expect(features('坚持“三讲”教育', '三讲')).toEqual(['<持', '<<坚持', '>教', '>>教育']);
    expect(features('1998年、村务公开', '村务公开')).toEqual(['<、', '<<年、', '>|', '>>|']);
  });

  const text = [
    '实施再就业工程。实施菜篮子工程。实施希望工程。实施安居工程。',
    '开展再就业工程。开展菜篮子工程。开展希望工程。开展安居工程。',
    '今天下午天气晴朗。今天下午开会。昨天下午天气晴朗。',
  ].join('\n');
  const corpus = buildCorpus([{ id: 'a', text }]);
  const measured = measure(corpus, ['再就业工程', '菜篮子工程', '希望工程', '安居工程', '下午', '天气晴朗']);
  const stats = (term: string) => measured.stats.get(term) ?? expect.unreachable();

  it('rates a string used like the known terms above one used otherwise', () => {
    const known = new Set(['再就业工程', '菜篮子工程', '希望工程']);
    const model = trainContextModel(measured.stats.values(), (t) => known.has(t), 2);
    expect(model.logOdds(stats('安居工程'))).toBeGreaterThan(0);
    expect(model.logOdds(stats('下午'))).toBeLessThan(0);
    expect(model.logOdds(stats('安居工程'))).toBeGreaterThan(model.logOdds(stats('天气晴朗')));
  });

  it('judges a known term with its own occurrences left out (the same odds as if unknown)', () => {
    const withIt = new Set(['再就业工程', '菜篮子工程', '希望工程', '安居工程']);
    const without = new Set(['再就业工程', '菜篮子工程', '希望工程']);
    const a = trainContextModel(measured.stats.values(), (t) => withIt.has(t), 2);
    const b = trainContextModel(measured.stats.values(), (t) => without.has(t), 2);
    expect(a.logOdds(stats('安居工程'))).toBeCloseTo(b.logOdds(stats('安居工程')), 9);
  });

  it('gives every string odds 0 when no known term occurs', () => {
    const model = trainContextModel(measured.stats.values(), () => false, 2);
    expect(model.logOdds(stats('安居工程'))).toBe(0);
  });
});
