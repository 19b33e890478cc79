import { describe, expect, it } from 'vitest';
import { coordinatedWithAnchors } from '../../src/discover/coordination.js';
import { buildCorpus } from '../../src/discover/corpus.js';
import { trainPolicyLikeness } from '../../src/discover/likeness.js';
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
  const pipeline = createPipeline({ manifest: false });
  for (const term of PROGRAMS) pipeline.addTerm({ term, type: 'program' });
  const model = trainPolicyLikeness(pipeline.dictionary);

  it('rates names shaped like the known terms above ordinary words', () => {
    expect(model.logOdds('安居工程')).toBeGreaterThan(model.logOdds('领导干部'));
    expect(model.logOdds('奥运争光计划')).toBeGreaterThan(model.logOdds('今年以来'));
    expect(model.logOdds('1998')).toBeLessThan(-10);
  });

  it('judges a known term with its own entry left out, so it is not simply recognized', () => {
    const without = createPipeline({ manifest: false });
    for (const term of PROGRAMS) if (term !== '希望工程') without.addTerm({ term, type: 'program' });
    // Equal up to the smoothing vocabulary, which still holds the held-out entry's features.
    const heldOut = trainPolicyLikeness(without.dictionary).logOdds('希望工程');
    expect(model.logOdds('希望工程')).toBeCloseTo(heldOut, 3);
  });

  it('knows the common chengyu of the core dictionary', () => {
    expect(model.isCommonIdiom('四通八达')).toBe(true);
    expect(model.isCommonIdiom('菜篮子工程')).toBe(false);
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
});
