import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/segment/engines.js';
import { sampleText } from '../helpers.js';

describe('the node-rs engine tagger (what the NER model reads)', () => {
  const engine = createEngine('node-rs');
  const jieba = Jieba.withDict(dict);
  const texts = [
    sampleText(),
    '焦作市委书记葛巧红会见了克林顿和叶利钦。',
    'COVID-19疫情期间，3D打印增长5.2%，ＡＢＣ公司abc123号。',
    '𠀋𠀀字 😀 \u0001控制字符\u0002 mixed English words 和中文',
    '',
  ];

  it('gives the words and tags of jieba-rs tag without HMM', () => {
    const tagger = engine.tagger;
    expect(tagger).toBeDefined();
    for (const text of texts) {
      const expected = jieba.tag(text, false);
      const got = tagger?.tag(text) ?? [];
      expect(got).toEqual(expected);
      expect(got.map((word) => word.word).join('')).toBe(text);
    }
  });

  it('tags words that differ only in full width or case the way jieba-rs does', () => {
    const text = '５Ｇ网络 5G网络 Ｃ919 c919 ３．５％';
    expect(engine.tagger?.tag(text)).toEqual(jieba.tag(text, false));
  });
});
