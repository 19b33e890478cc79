import { describe, expect, it } from 'vitest';
import {
  createPipeline,
  ENGINES,
  type EntityGuidelines,
  engineAvailable,
  STAGE_NAMES,
  type StageName,
} from '../src/index.js';
import { expectDoc, sampleText } from './helpers.js';

describe('pipeline', () => {
  it('keeps two pipelines with different dictionaries isolated', () => {
    const a = createPipeline({ manifest: false });
    const b = createPipeline({ manifest: false });
    a.addTerm({ term: '亲清面对面', type: 'platform' });
    const text = '常态化开展政企亲清面对面活动';
    const docA = a.annotate(text);
    const docB = b.annotate(text);
    expectDoc(docA);
    expectDoc(docB);
    expect(docA.entities.map((e) => e.text)).toEqual(['亲清面对面']);
    expect(docB.entities).toEqual([]);
    expect(docB.tokens.some((t) => t.text === '亲清面对面')).toBe(false);
  });

  it('returns the documented record shape and carries id and extra fields', () => {
    const pipeline = createPipeline({ manifest: false });
    const doc = pipeline.annotate({ id: 'd1', text: '实施十大战略', url: 'https://example.org/a' });
    expect(Object.keys(doc)).toEqual(['id', 'text', 'tokens', 'entities', 'officials', 'keywords', 'url']);
    expect(
      Object.keys(createPipeline({ manifest: false, disable: ['entities', 'officials'] }).annotate('x')),
    ).toEqual(['text', 'tokens', 'entities', 'keywords']);
    expect(doc.tokens[0]).toEqual({ text: '实施', start: 0, end: 2, pos: 'v' });
  });

  it("skips keywords with disable: ['keywords'], and nothing else", () => {
    const text = '锚定“两个确保”，实施“十大战略”，推进乡村振兴。';
    const withKeywords = createPipeline({ disable: ['entities', 'officials'] }).annotate(text);
    const without = createPipeline({ disable: ['entities', 'officials', 'keywords'] }).annotate(text);
    expectDoc(without);
    expect(without.keywords).toEqual([]);
    expect(withKeywords.keywords.length).toBeGreaterThan(0);
    expect({ ...without, keywords: withKeywords.keywords }).toEqual(withKeywords);
  });

  it('runs its stages in order and leaves out the disabled ones', () => {
    const names = (disable: StageName[]) =>
      createPipeline({ manifest: false, disable }).stages.map((stage) => stage.name);
    expect(names([])).toEqual([...STAGE_NAMES]);
    expect(names(['officials', 'keywords'])).toEqual(['normalize', 'segment', 'entities']);
    expect(names(['entities', 'officials'])).toEqual(['normalize', 'segment', 'keywords']);
    const doc = createPipeline({ disable: ['officials'] }).annotate('焦作市委书记葛巧红调研。');
    expectDoc(doc);
    expect(doc.officials).toBeUndefined();
    expect(doc.entities.some((e) => e.label === 'PERSON')).toBe(true);
  });

  it('reads the deprecated flags ner: false and keywords: false as disable', () => {
    const text = '焦作市委书记葛巧红在温县调研，推进乡村振兴。';
    const flags = createPipeline({ ner: false, keywords: false });
    const disabled = createPipeline({ disable: ['entities', 'officials', 'keywords'] });
    expect(flags.stages.map((stage) => stage.name)).toEqual(['normalize', 'segment']);
    expect(flags.annotate(text)).toEqual(disabled.annotate(text));
  });

  it('names the stage and what it misses when a stage it needs is disabled', () => {
    expect(() => createPipeline({ manifest: false, disable: ['entities'] })).toThrow(
      expect.objectContaining({
        code: 'E_USAGE',
        message: expect.stringMatching(/stage "officials" requires "places".*stage "entities"/),
      }),
    );
    expect(() => createPipeline({ manifest: false, disable: ['segment'] })).toThrow(
      expect.objectContaining({
        code: 'E_USAGE',
        message: expect.stringMatching(/stage "entities" requires "tokens"/),
      }),
    );
    expect(() => createPipeline({ manifest: false, disable: ['ner' as StageName] })).toThrow(
      expect.objectContaining({ code: 'E_USAGE', message: expect.stringContaining('no stage named "ner"') }),
    );
    expect(() => createPipeline({ manifest: false, guidelines: 'cluener' as EntityGuidelines })).toThrow(
      expect.objectContaining({ code: 'E_USAGE', message: expect.stringContaining('option "guidelines"') }),
    );
  });

  it('handles empty text, whitespace and control characters', () => {
    const pipeline = createPipeline({ manifest: false });
    for (const text of ['', '   \n\t', '\u0000\u0007abc\u001f中文', '\r\n两个确保\r\n']) {
      expectDoc(pipeline.annotate(text));
    }
  });

  it('segments a long line with no punctuation without losing characters', () => {
    const pipeline = createPipeline({ manifest: false });
    const text = '焦作市实施十大战略推进高质量发展'.repeat(2000);
    expectDoc(pipeline.annotate(text));
  });

  it('rejects a non-string text with E_INPUT', () => {
    const pipeline = createPipeline({ manifest: false });
    expect(() => pipeline.annotate({ text: 42 as unknown as string })).toThrow(
      expect.objectContaining({ code: 'E_INPUT' }),
    );
  });

  it.skipIf(!ENGINES.every(engineAvailable))('gives the same policy tokens on both engines', () => {
    const text = '锚定“两个确保”、实施“十大战略”，推进个转企、小升规';
    const [rs, cpp] = ENGINES.map((engine) => createPipeline({ engine }).annotate(text));
    expect(rs?.entities.map((e) => e.text)).toEqual(cpp?.entities.map((e) => e.text));
    expect(rs?.entities.map((e) => e.text)).toEqual(['两个确保', '十大战略', '个转企', '小升规']);
  });
});

describe('part-of-speech tags', () => {
  it("agree with the engine's own tagger on the sample article", async () => {
    const { Jieba } = await import('@node-rs/jieba');
    const { dict } = await import('@node-rs/jieba/dict.js');
    const jieba = Jieba.withDict(dict);
    const pipeline = createPipeline({ manifest: false });
    const text = `${sampleText()}\niPhone15发布，GDP增长5.2%，COVID-19疫情，3D打印，.NET框架，x86架构，¥100元，#话题#`;
    const tokens = pipeline.segment(text);
    const expected = text
      .split('\n')
      .flatMap((line) => jieba.tag(line, true))
      .filter((tagged) => tagged.word.trim() !== '')
      .map((tagged) => `${tagged.word}/${tagged.tag}`);
    expect(tokens.map((t) => `${t.text}/${t.pos}`)).toEqual(expected);
  });

  it('come out the same from the batch lookup as from one word at a time', () => {
    const { engine } = createPipeline({ manifest: false, ner: false });
    const words = [
      '的',
      '焦作',
      '中华人民共和国',
      '怀川英才计划',
      '5.2%',
      'COVID-19',
      '3D',
      '2023',
      '',
      '𠀀',
      '，',
      '葛巧红',
    ];
    const ids = engine.tagIds(words);
    expect(words.map((_, i) => engine.tagNames[ids[i] as number])).toEqual(words.map((w) => engine.posOf(w)));
    expect(words.map((w) => engine.posOf(w)).slice(0, 3)).toEqual(['uj', 'n', 'ns']);
  });

  it("stay the dictionary's through the word caches, however often and in whatever order words come", async () => {
    const { createRequire } = await import('node:module');
    const { readFileSync } = await import('node:fs');
    const dictPath = createRequire(import.meta.url).resolve('@node-rs/jieba/dict.txt');
    const expected = new Map<string, string>();
    for (const line of readFileSync(dictPath, 'utf8').split('\n')) {
      const [word, , tag] = line.split(' ');
      if (word && tag && word.length >= 2 && word.length <= 5) expected.set(word, tag);
    }
    // Every 37th word: thousands of words of two to five units, many sharing cache slots.
    const sample = [...expected.keys()].filter((_, i) => i % 37 === 0);
    expect(sample.length).toBeGreaterThan(5000);
    const { engine } = createPipeline({ manifest: false, ner: false });
    const misses = (words: string[]) => words.filter((w) => engine.posOf(w) !== expected.get(w));
    expect(misses(sample)).toEqual([]);
    expect(misses([...sample].reverse())).toEqual([]);
    const ids = engine.tagIds(sample);
    expect(sample.filter((w, i) => engine.tagNames[ids[i] as number] !== expected.get(w))).toEqual([]);
    // Words outside the dictionary take jieba's fallback, cached or not.
    for (let pass = 0; pass < 2; pass++) {
      expect(['1997', 'abc', '葛巧红', '１２３'].map((w) => engine.posOf(w))).toEqual(['m', 'eng', 'x', 'x']);
    }
  });
});
