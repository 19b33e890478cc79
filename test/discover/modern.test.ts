import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../../src/discover/corpus.js';
import { defaultMinCount } from '../../src/discover/discover.js';
import { discoverTerms } from '../../src/discover/index.js';
import { isNumeralCode } from '../../src/discover/signals.js';
import { abbreviates, namedTogether, partOf, variantNotes } from '../../src/discover/variants.js';
import { createPipeline } from '../../src/index.js';

/** Three short items in the register of today's broadcasts. */
const ITEMS = [
  '国务院常务会议指出，要加力推进“两重”“两新”政策落地见效，用好超长期特别国债。会议要求，深入开展“人工智能+”行动，培育低空经济等新兴产业。',
  '会议强调，加快实施“两重”“两新”政策，扩大有效投资。各地开展消费品以旧换新专项行动，“人工智能+”赋能千行百业，低空经济蓬勃发展。',
  '该市锚定“3815”战略发展目标，推动“两重”“两新”政策加快落地，实施“3815”战略，开展制造业技改专项行动，发展低空经济。',
].map((text, i) => ({ id: `item-${i + 1}`, text }));

describe('discovery on a few of today’s items', () => {
  const base = createPipeline({ manifest: false, ner: false });
  const candidates = discoverTerms(ITEMS, { dictionary: base.dictionary, top: 40 });
  const terms = candidates.map((c) => c.term);

  it('asks two occurrences, not three, of a corpus this small', () => {
    expect(defaultMinCount(ITEMS)).toBe(2);
    expect(defaultMinCount([{ id: 'big', text: '政策'.repeat(30_000) }])).toBe(3);
  });

  it('finds quoted abbreviations named together, numeral codes, X+ and program suffixes', () => {
    for (const term of ['两重', '两新', '3815', '人工智能+', '低空经济']) expect(terms).toContain(term);
    expect(candidates.find((c) => c.term === '人工智能+')?.type).toBe('initiative');
    expect(candidates.find((c) => c.term === '两重')?.variants).toContain('with 两新');
  });

  it('gives each candidate examples from its own text', () => {
    for (const candidate of candidates)
      for (const example of candidate.examples) expect(example.replace(/…/g, '')).toContain(candidate.term);
  });
});

describe('the entity stage and known terms', () => {
  it('does not propose a person the entity stage recognizes', () => {
    // With the shipped dictionaries, the name's characters pass for a term: only the entity stage tells.
    const docs = [
      '市委书记葛巧红主持会议并讲话。葛巧红强调，要落实“十大战略”，葛巧红说，要推进企业纾困。',
      '葛巧红指出，要推进“十大战略”落地。葛巧红调研企业纾困工作。',
      '葛巧红要求，实施“十大战略”，葛巧红强调企业纾困。',
    ].map((text, i) => ({ id: `d${i}`, text }));
    const pipeline = createPipeline({ keywords: false });
    const without = discoverTerms(docs, { dictionary: pipeline.dictionary }).map((c) => c.term);
    expect(without).toContain('葛巧红');
    const withEntities = discoverTerms(docs, {
      dictionary: pipeline.dictionary,
      entities: (t) => pipeline.annotate(t).entities,
    }).map((c) => c.term);
    expect(withEntities).not.toContain('葛巧红');
  });

  it('says which longer known term a candidate is part of', () => {
    const pipeline = createPipeline({ manifest: false, ner: false });
    pipeline.addTerm({ term: '百县千镇万村高质量发展工程', type: 'program' });
    const text = '实施“百千万工程”，推进“百千万工程”落地，“百千万工程”成效明显。';
    const found = discoverTerms([{ id: 'a', text }], { dictionary: pipeline.dictionary });
    const short = found.find((c) => c.term === '百千万工程');
    expect(short?.variants).toContain('abbreviation of 百县千镇万村高质量发展工程');
    expect(partOf('千万工程', ['百千万工程', '千万'])).toBe('百千万工程');
  });
});

describe('variants', () => {
  it('tells an abbreviation by its first and last characters and its order', () => {
    expect(abbreviates('百千万工程', '百县千镇万村高质量发展工程')).toBe(true);
    expect(abbreviates('新农合', '新型农村合作医疗')).toBe(false);
    expect(abbreviates('科教兴国', '科教兴国战略')).toBe(false);
  });

  it('groups terms named together and the numbered abbreviation of the pair', () => {
    const corpus = buildCorpus([
      { id: 'a', text: '做好碳达峰碳中和工作，实现碳达峰碳中和目标，“双碳”工作稳步推进。' },
      { id: 'b', text: '“双碳”目标引领，碳达峰、碳中和有序推进。' },
    ]);
    const terms = ['碳达峰', '碳中和', '双碳'];
    const together = namedTogether(corpus, terms);
    expect(together.get('碳达峰')?.get('碳中和')).toBe(3);
    const notes = variantNotes(terms, [], together);
    expect(notes.get('双碳')).toContain('= 碳达峰 + 碳中和');
    expect(notes.get('碳中和')).toContain('with 碳达峰');
  });

  it('takes quoted digit codes, not years', () => {
    expect(isNumeralCode('3815')).toBe(true);
    expect(isNumeralCode('51020')).toBe(true);
    expect(isNumeralCode('2024')).toBe(false);
    expect(isNumeralCode('12')).toBe(false);
  });
});
