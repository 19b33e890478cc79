import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractFeatures, NUM_FEATURES } from '../../src/ner/features.js';
import { Lexicon } from '../../src/ner/lexicon.js';
import { decodeParams } from '../../src/ner/model.js';
import { prepareWindow, type Tagger } from '../../src/ner/window.js';
import { keepWord, MAX_WORD_LEN, WordHashes } from '../../src/ner/wordhash.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const modelPath = path.join(repoRoot, 'dictionaries', 'models', 'ner.bin.gz');

/** The forward-maximum-match cut of `text` (unmatched characters one by one). */
function cut(words: WordHashes, text: string): string[] {
  const cps = Int32Array.from([...text].map((c) => c.codePointAt(0) ?? 0));
  const start = new Int32Array(cps.length);
  const end = new Int32Array(cps.length);
  words.forwardMatch(cps, cps.length, start, end);
  const out: string[] = [];
  for (let i = 0; i < cps.length; ) {
    const e = (end[i] as number) < 0 ? i + 1 : (end[i] as number);
    if ((end[i] as number) >= 0) expect(start[i]).toBe(i);
    out.push(String.fromCodePoint(...cps.subarray(i, e)));
    i = e;
  }
  return out;
}

describe('WordHashes (hashed segmentation vocabulary)', () => {
  const words = WordHashes.fromWords([
    '天津',
    '天津今晚报',
    '今晚',
    '报社',
    '政协',
    '全国政协代表团',
    '李佑生',
  ]);

  it('takes the longest listed word at each start, left to right', () => {
    expect(cut(words, '天津今晚报社')).toEqual(['天津今晚报', '社']);
    expect(cut(words, '天津今晚报社论')).toEqual(['天津今晚报', '社', '论']);
    expect(cut(words, '天津今晚的报社')).toEqual(['天津', '今晚', '的', '报社']);
    // 全国政协代 is only a prefix: the match falls back to no word, then finds 政协 inside
    expect(cut(words, '全国政协代表')).toEqual(['全', '国', '政协', '代', '表']);
    expect(cut(words, '全国政协代表团长李佑生')).toEqual(['全国政协代表团', '长', '李佑生']);
  });

  it('keeps words of 2 to 12 Han characters other than numerals (and ·) only', () => {
    expect(keepWord('李佑生')).toBe(true);
    expect(keepWord('米歇尔·康德苏')).toBe(true);
    expect(keepWord('报')).toBe(false);
    expect(keepWord('１９９３年')).toBe(false);
    expect(keepWord('ＷＴＯ组织')).toBe(false);
    expect(keepWord('中'.repeat(MAX_WORD_LEN + 1))).toBe(false);
    expect(keepWord('十五大')).toBe(false);
    const few = WordHashes.fromWords(['报', '１９９３年', '十五大', '今晚']);
    expect(cut(few, '报今晚十五大')).toEqual(['报', '今晚', '十', '五', '大']);
    // words and their prefixes of two or more characters: 今晚 only
    expect(few.keys.length).toBe(1);
  });

  it('round-trips through its serialized form (hashes, not the words)', () => {
    const data = words.serialize();
    expect(data).toMatch(/^[A-Za-z0-9+/]*=*$/);
    const back = WordHashes.deserialize(data);
    expect([...back.keys]).toEqual([...words.keys]);
    expect(cut(back, '全国政协代表团长李佑生')).toEqual(cut(words, '全国政协代表团长李佑生'));
  });

  it('gives the two vocabulary templates values that depend on the match only', () => {
    const text = '天津今晚报社说';
    const tagger: Tagger = { tag: (t: string) => [...t].map((word) => ({ word, tag: 'x' })) };
    const win = prepareWindow(text, 0, text.length, tagger);
    const lex = new Lexicon();
    const withWords = new Int32Array(win.n * NUM_FEATURES);
    const without = new Int32Array(win.n * NUM_FEATURES);
    extractFeatures(win, lex, 22, withWords, undefined, undefined, undefined, words);
    extractFeatures(win, lex, 22, without, undefined, undefined, undefined, undefined);
    const at = (feats: Int32Array, i: number, f: number): number => feats[i * NUM_FEATURES + f] as number;
    for (let i = 0; i < win.n; i++) {
      for (let f = 0; f < NUM_FEATURES - 2; f++) expect(at(withWords, i, f)).toBe(at(without, i, f));
    }
    const shape = NUM_FEATURES - 2;
    // 天 (begin), 今 and 晚 (inside), 报 (end) of 天津今晚报; 社 and 说 unmatched, as without the list
    expect(at(withWords, 2, shape)).toBe(at(withWords, 3, shape));
    expect(at(withWords, 0, shape)).not.toBe(at(withWords, 2, shape));
    expect(at(withWords, 4, shape)).not.toBe(at(withWords, 2, shape));
    expect(at(withWords, 5, shape)).toBe(at(without, 5, shape));
    expect(at(withWords, 6, shape + 1)).toBe(at(without, 6, shape + 1));
    expect(at(withWords, 0, shape + 1)).not.toBe(at(without, 0, shape + 1));
  });
});

describe('the shipped model', () => {
  it('carries the MSR vocabulary as hashes that keep entities whole', () => {
    const meta = decodeParams(readFileSync(modelPath)).meta;
    expect(typeof meta.segmentationWords).toBe('string');
    const words = WordHashes.deserialize(meta.segmentationWords as string);
    expect(words.keys.length).toBeGreaterThan(50_000);
    expect(cut(words, '全国政协代表团')).toEqual(['全国政协代表团']);
  });
});
