import { describe, expect, it } from 'vitest';
import { createPipeline } from '../../src/index.js';
import { expectDoc } from '../helpers.js';

/** A pipeline on runtime terms only, so each case shows the rule and not the shipped data. */
function pipelineWith(terms: Array<{ term: string; type: string; aliases?: string[] }>) {
  const pipeline = createPipeline({ manifest: false, ner: false, keywords: false });
  for (const { term, type, aliases } of terms) pipeline.addTerm({ term, type, aliases: aliases ?? [] });
  return pipeline;
}

const policies = (pipeline: ReturnType<typeof pipelineWith>, text: string) => {
  const doc = pipeline.annotate(text);
  expectDoc(doc);
  return doc.entities.filter((e) => e.label === 'POLICY').map((e) => e.text);
};

describe('the span of a policy term', () => {
  it('is the term alone inside an alias that quotes it, governs it or makes it a bottom line', () => {
    const pipeline = pipelineWith([
      { term: '一带一路', type: 'initiative', aliases: ['“一带一路”倡议'] },
      { term: '人类命运共同体', type: 'concept', aliases: ['构建人类命运共同体'] },
      { term: '不发生规模性返贫', type: 'policy', aliases: ['守住不发生规模性返贫底线'] },
    ]);
    expect(
      policies(pipeline, '支持“一带一路”倡议，推动构建人类命运共同体，守住不发生规模性返贫底线。'),
    ).toEqual(['一带一路', '人类命运共同体', '不发生规模性返贫']);
  });

  it('keeps an alias that is another name, or the term with 建设', () => {
    const pipeline = pipelineWith([
      { term: '新发展格局', type: 'strategy', aliases: ['双循环'] },
      { term: '生态文明', type: 'concept', aliases: ['生态文明建设'] },
    ]);
    expect(policies(pipeline, '畅通双循环，推进生态文明建设。')).toEqual(['双循环', '生态文明建设']);
  });

  it('takes the suffix of a strategy named without it', () => {
    const pipeline = pipelineWith([{ term: '京津冀协同发展', type: 'strategy' }]);
    expect(policies(pipeline, '京津冀协同发展战略实施以来，京津冀协同发展成效显著。')).toEqual([
      '京津冀协同发展战略',
      '京津冀协同发展',
    ]);
  });

  it('reads a bilateral community with a shared future whole, with 新时代', () => {
    const pipeline = pipelineWith([
      { term: '命运共同体', type: 'concept' },
      { term: '人类命运共同体', type: 'concept' },
    ]);
    expect(
      policies(pipeline, '构建新时代中塞命运共同体，推进中越命运共同体建设，推动构建人类命运共同体。'),
    ).toEqual(['新时代中塞命运共同体', '中越命运共同体', '人类命运共同体']);
  });
});
