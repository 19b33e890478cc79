import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Converter } from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { parseDictionary } from '../../src/dictionary/index.js';
import { createPipeline, ENGINES, engineAvailable, type Pipeline } from '../../src/index.js';
import { coveredByOneToken, expectDoc, occurrences, ROOT, sampleText } from '../helpers.js';

const articleTerms = parseDictionary(
  readFileSync(join(ROOT, 'dictionaries', 'policy', 'jiaozuo.tsv'), 'utf8'),
  'jiaozuo.tsv',
).lines.map((line) => line.fields.term);

const toTraditional = Converter({ from: 'cn', to: 'tw' });
const toFullWidth = (text: string) =>
  text.replace(/[!-~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));

/** Contexts a policy term meets in real text; `%` is the term. */
const CONTEXTS = [
  '锚定“%”，奋勇争先',
  '实施‘%’的生动实践',
  '学习《%》全文',
  '%。',
  '（%）',
  '深入贯彻落实%推动高质量发展再上新台阶',
  '大力推进%建设',
  '一是%，二是%；',
  '\n%\n',
  'the % plan, 2023',
  '——%——',
  '【%】',
] as const;

/** Finds the term in the doc: one token exactly, one POLICY entity exactly, canonical term as given. */
function expectWhole(pipeline: Pipeline, text: string, term: string, written = term) {
  const doc = pipeline.annotate(text);
  expectDoc(doc);
  const found = occurrences(text, written);
  expect(found.length, `${written} in ${text}`).toBeGreaterThan(0);
  for (const [start, end] of found) {
    const token = doc.tokens.find((t) => t.start === start && t.end === end);
    expect(
      token,
      `token ${written} in ${JSON.stringify(text)}: ${doc.tokens.map((t) => t.text).join('/')}`,
    ).toBeDefined();
    const entity = doc.entities.find((e) => e.start === start && e.end === end);
    expect(entity?.label).toBe('POLICY');
    expect(entity?.term).toBe(term);
  }
}

for (const engine of ENGINES) {
  describe.skipIf(!engineAvailable(engine))(`policy-first segmentation on ${engine}`, () => {
    const pipeline = createPipeline({ engine });

    it('keeps every policy term of the sample article whole in the article', () => {
      const text = sampleText();
      const doc = pipeline.annotate({ id: 'sample', text });
      expectDoc(doc);
      let checked = 0;
      for (const term of articleTerms) {
        for (const [start, end] of occurrences(text, term)) {
          checked++;
          expect(coveredByOneToken(doc.tokens, start, end), `${term} at ${start}`).toBe(true);
          expect(
            doc.entities.some((e) => e.label === 'POLICY' && e.start <= start && e.end >= end),
            `${term} at ${start} has a POLICY entity`,
          ).toBe(true);
        }
      }
      expect(checked).toBeGreaterThan(60);
      for (const term of [
        '十大战略',
        '两个确保',
        '怀川英才计划',
        '万人助万企',
        '一城一都一基地',
        '企业纾困360',
      ]) {
        expect(doc.tokens.filter((t) => t.text === term).length, term).toBeGreaterThanOrEqual(2);
      }
    });

    it.each(articleTerms)('keeps %s whole in constructed contexts', (term) => {
      for (const context of CONTEXTS) expectWhole(pipeline, context.replaceAll('%', term), term);
      const traditional = toTraditional(term);
      expectWhole(pipeline, `實施“${traditional}”取得成效`, term, traditional);
      const fullWidth = toFullWidth(term);
      expectWhole(pipeline, `推进${fullWidth}落地`, term, fullWidth);
    });

    it('keeps terms with digits and punctuation whole', () => {
      const custom = createPipeline({ engine, manifest: false });
      custom.addTerm({ term: '“十四五”规划', type: 'plan', aliases: ['十四五规划'] });
      custom.addTerm({ term: '企业纾困360', type: 'platform' });
      custom.addTerm({ term: '1+N', type: 'policy' });
      expectWhole(custom, '编制“十四五”规划纲要', '“十四五”规划');
      expectWhole(custom, '建立企业纾困360平台', '企业纾困360');
      expectWhole(custom, '建立企业纾困３６０平台', '企业纾困360', '企业纾困３６０');
      expectWhole(custom, '构建1+N政策体系', '1+N');
    });

    it('keeps exact offsets around emoji and CJK Extension B characters', () => {
      const text = '𠀀𠀁实施“十大战略”😀锚定两个确保\u{2070E}end';
      const doc = pipeline.annotate(text);
      expectDoc(doc);
      expect(doc.entities.map((e) => e.text)).toEqual(['十大战略', '两个确保']);
    });
  });
}
