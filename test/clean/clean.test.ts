import { describe, expect, it } from 'vitest';
import { cleanText, toOriginalSpan } from '../../src/corpus/index.js';
import { createPipeline, type Doc } from '../../src/index.js';
import { jsonLines, zhtag } from '../cli/run.js';
import { expectDoc, occurrences, SAMPLE_PATH, sampleText } from '../helpers.js';

describe('cleaning', () => {
  const original = sampleText();
  const cleaned = cleanText(original);

  it('removes the repeated body, the disclaimer and the runs of |, keeping one copy of the article', () => {
    expect(occurrences(original, '编者按').length).toBe(2);
    expect(occurrences(cleaned.text, '编者按').length).toBe(1);
    expect(occurrences(cleaned.text, '葛巧红表示').length).toBe(1);
    expect(cleaned.text).not.toContain('免责声明');
    expect(cleaned.text).not.toMatch(/\|/);
    expect(cleaned.text.startsWith('——访焦作市委书记葛巧红\n')).toBe(true);
    expect(cleaned.removed.duplicateLines).toBeGreaterThanOrEqual(10);
    expect(cleaned.removed.boilerplateLines).toBeGreaterThanOrEqual(3);
  });

  it('maps every clean character back to the same character of the original', () => {
    for (const [cleanStart, originalStart, length] of cleaned.segments)
      expect(original.slice(originalStart, originalStart + length)).toBe(
        cleaned.text.slice(cleanStart, cleanStart + length),
      );
    expect(cleaned.segments.reduce((sum, [, , length]) => sum + length, 0)).toBe(cleaned.text.length);
  });

  it('drops boilerplate lines, collapses whitespace, keeps paragraphs that only mention a keyword', () => {
    const text =
      '正文第一段  有两个空格\u3000\u3000和全角空格\n责任编辑：张三\n分享到：微信 微博\n||||||\n' +
      '本报讯 责任编辑部门表示将落实免除收费\n\n\n正文第一段  有两个空格\u3000\u3000和全角空格\n打印本页 关闭窗口';
    const result = cleanText(text);
    expect(result.text).toBe('正文第一段 有两个空格\u3000和全角空格\n本报讯 责任编辑部门表示将落实免除收费');
    const span = toOriginalSpan(
      result.segments,
      result.text.indexOf('和全角'),
      result.text.indexOf('和全角') + 5,
    );
    expect(text.slice(span.start, span.end)).toBe('和全角空格');
  });

  it('annotate --clean --keep-original: offsets refer to the clean text and map back to the original', () => {
    const { code, stdout } = zhtag(['annotate', SAMPLE_PATH, '--clean', '--keep-original', '-j', '1', '-q']);
    expect(code).toBe(0);
    const [doc] = jsonLines(stdout) as Doc[];
    if (!doc) throw new Error('no record');
    expectDoc(doc);
    expect(doc.text).toBe(cleaned.text);
    const { text, offsets } = doc.original as { text: string; offsets: [number, number, number][] };
    expect(text).toBe(original);
    expect(doc.entities.length).toBeGreaterThan(5);
    for (const entity of doc.entities) {
      const span = toOriginalSpan(offsets, entity.start, entity.end);
      expect(original.slice(span.start, span.end)).toBe(entity.text);
    }
    // The same entities as annotating the cleaned text directly: cleaning changes nothing else.
    const direct = createPipeline().annotate({ text: cleaned.text });
    expect(doc.entities.map((e) => [e.start, e.end, e.label])).toEqual(
      direct.entities.map((e) => [e.start, e.end, e.label]),
    );
  });

  it('zhtag clean writes records with what was removed', () => {
    const { code, stdout } = zhtag(['clean', SAMPLE_PATH]);
    expect(code).toBe(0);
    const [record] = jsonLines(stdout);
    expect(record.text).toBe(cleaned.text);
    expect(record.cleaning).toEqual(cleaned.removed);
  });
});
