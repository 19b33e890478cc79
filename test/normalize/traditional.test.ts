import { describe, expect, it } from 'vitest';
import { createPipeline } from '../../src/index.js';
import { ReportBuilder } from '../../src/report/index.js';
import { expectDoc } from '../helpers.js';

describe('traditional text and corner brackets', () => {
  const pipeline = createPipeline();

  it('recognizes 「十四五」規劃 and 「十四五」规划 as “十四五”规划 is', () => {
    for (const written of ['「十四五」規劃', '「十四五」规划', '“十四五”規劃']) {
      const doc = pipeline.annotate(`实施${written}。`);
      expectDoc(doc);
      const policy = doc.entities.find((e) => e.label === 'POLICY');
      expect(policy, written).toMatchObject({ text: written, term: '“十四五”规划' });
    }
  });

  it('keys keywords and report counts by the normalized form, the text kept as written', () => {
    const docs = [
      '習近平主持會議，研究規劃。習近平指出，規劃要落實。',
      '习近平主持会议，研究规划。习近平指出，规划要落实。',
    ].map((text, i) => pipeline.annotate({ id: String(i), text }));
    for (const doc of docs) expectDoc(doc);
    expect(docs[0]?.text).toContain('習近平');
    const terms = (i: number) => (docs[i]?.keywords ?? []).map((k) => k.term);
    expect(terms(0)).toEqual(terms(1));
    expect(terms(0)).toContain('规划');
    const report = new ReportBuilder();
    for (const doc of docs) report.add(doc);
    const people = report.build({}).people;
    expect(people.filter((p) => p.name === '习近平' || p.name === '習近平')).toEqual([
      { name: '习近平', count: 4, documents: 2 },
    ]);
  });
});
