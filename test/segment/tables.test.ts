import { describe, expect, it } from 'vitest';
import { ZhtagError } from '../../src/errors.js';
import { createNormalizer } from '../../src/normalize.js';
import { ShortWordCache, ShortWordTable } from '../../src/segment/short-word-cache.js';
import { firstPositions, WordTable } from '../../src/segment/word-table.js';
import { PairFilter, PairIndex, tripleKey } from '../../src/tables/pair-table.js';

describe('WordTable', () => {
  it('finds every word of its list at its position and nothing else', () => {
    const words = ['一带一路', '中华人民共和国', 'ab', 'COVID-19', '𠀀字', '乡村振兴战略'];
    const table = WordTable.of(words);
    words.forEach((word, index) => {
      expect(table.indexOf(word)).toBe(index);
    });
    for (const miss of ['一带一', '一带一路A', '', 'a', 'ba', '乡村振兴', '中华人民共和']) {
      expect(table.indexOf(miss)).toBe(-1);
    }
  });

  it('gives the later entry when a word is listed twice, as a dictionary file reads', () => {
    const table = WordTable.of(['国务院', '总理', '国务院']);
    expect(table.indexOf('国务院')).toBe(2);
    expect(table.size).toBe(2);
  });

  it('reads words as ranges of one text and looks up ranges without making strings', () => {
    const text = '一带一路 4\n两个确保 3\n十大战略 2\n';
    const table = WordTable.fromRanges(text, [0, 7, 14], [4, 11, 18]);
    expect(table.indexOf('两个确保')).toBe(1);
    expect(table.indexOfUnits('实施十大战略。', 2, 6)).toBe(2);
    expect(table.indexOfUnits('实施十大战略。', 2, 5)).toBe(-1);
    expect(table.indexOf('4')).toBe(-1);
  });

  it('makes a smaller table of picked entries that points back to the last listing here', () => {
    const text = '国务院总理国务院主席';
    const starts = [0, 3, 5, 8];
    const ends = [3, 5, 8, 10];
    const table = WordTable.fromRanges(text, starts, ends);
    const { table: small, entries } = table.subset(text, starts, ends, [0, 3]);
    expect(small.indexOf('国务院')).toBe(0);
    expect(small.indexOf('主席')).toBe(1);
    expect(small.indexOf('总理')).toBe(-1);
    expect([...entries]).toEqual([2, 3]);
    expect(firstPositions(4, 2, (a, b) => b - a)).toEqual([3, 2]);
  });

  it('stays exact on a large list (probing past collisions)', () => {
    const words = Array.from({ length: 50_000 }, (_, i) => `词${i.toString(36)}语`);
    const table = WordTable.of(words);
    for (let i = 0; i < words.length; i += 997) expect(table.indexOf(words[i] as string)).toBe(i);
    expect(table.indexOf('词语')).toBe(-1);
    expect(table.indexOf(`词${(50_000).toString(36)}语`)).toBe(-1);
  });
});

describe('PairFilter', () => {
  it('never says no to a pair it holds', () => {
    const filter = new PairFilter();
    const pairs: Array<[number, number]> = [];
    for (let i = 0; i < 20_000; i++)
      pairs.push([0x4e00 + ((i * 7919) % 20_000), 0x4e00 + ((i * 104_729) % 20_000)]);
    for (const [a, b] of pairs) filter.add(a, b);
    for (const [a, b] of pairs) expect(filter.mayHave(a, b)).toBe(true);
  });

  it('says no to most pairs it does not hold', () => {
    const filter = new PairFilter();
    filter.add(0x4e2d, 0x56fd); // 中国
    let yes = 0;
    for (let code = 0x4e00; code < 0x4e00 + 10_000; code++) if (filter.mayHave(code, 0x4eba)) yes++;
    expect(yes).toBeLessThan(10);
  });

  it('keeps every key as it grows, and says no to most triples it does not hold', () => {
    const filter = new PairFilter();
    const held = (i: number) => tripleKey(0x4e00 + (i % 300), 0x4e00 + ((i * 31) % 500), 0x5000 + i);
    for (let i = 0; i < 5000; i++) filter.addKey(held(i));
    for (let i = 0; i < 5000; i++) expect(filter.mayHaveKey(held(i))).toBe(true);
    let yes = 0;
    for (let i = 5000; i < 15_000; i++) if (filter.mayHaveKey(held(i))) yes++;
    expect(yes).toBeLessThan(500);
  });
});

describe('PairIndex', () => {
  it('finds every pair at its sorted position, keeps the later value of a repeated pair, misses the rest', () => {
    const code = (word: string): [number, number] => [word.charCodeAt(0), word.charCodeAt(1)];
    const words = ['中国', '中央', '国务', '中国', 'ab', '中华', '\uffff\uffff'];
    const index = new PairIndex(words.map((word, i) => [...code(word), i] as [number, number, number]));
    const lookup = (word: string) => {
      const at = index.indexOf(...code(word));
      return at < 0 ? undefined : index.values[at];
    };
    expect(lookup('中国')).toBe(3);
    expect(lookup('中央')).toBe(1);
    expect(lookup('中华')).toBe(5);
    expect(lookup('国务')).toBe(2);
    expect(lookup('ab')).toBe(4);
    expect(lookup('\uffff\uffff')).toBe(6);
    for (const miss of ['中文', '国家', 'ba', '华中', '\u0000\u0000']) expect(lookup(miss)).toBeUndefined();
  });
});

describe('normalize', () => {
  const normalizer = createNormalizer();

  it('keeps every index in place, lone surrogates and astral characters included', () => {
    const text = `１９９８年\ud800Ａ😀企業\udc00　末`;
    const normalized = normalizer.normalize(text);
    expect(normalized.length).toBe(text.length);
    expect(normalized).toBe(`1998年\ud800A😀企业\udc00 末`);
  });

  it('writes every separator of transliterated names as the middle dot', () => {
    const text = '休•芒罗、凯特・温斯莱特、玛丽･居里、约翰‧史密斯、罗纳尔多·纳扎里奥';
    expect(normalizer.normalize(text)).toBe(
      '休·芒罗、凯特·温斯莱特、玛丽·居里、约翰·史密斯、罗纳尔多·纳扎里奥',
    );
  });

  it('returns the text itself when nothing changes', () => {
    const text = '焦作市委书记葛巧红';
    expect(normalizer.normalize(text)).toBe(text);
  });

  it('handles texts longer than its scratch buffer', () => {
    const text = `${'１'.repeat(70_000)}國`;
    const normalized = normalizer.normalize(text);
    expect(normalized.length).toBe(text.length);
    expect(normalized.endsWith('11国')).toBe(true);
    // The next short text is not polluted by the long one.
    expect(normalizer.normalize('２')).toBe('2');
  });
});

/** Three- and four-unit words: CJK, Latin, digits, astral pairs, and unit 0 (a three-unit word padded
 * with 0 must not equal a four-unit word ending in U+0000). */
function shortWords(count: number): string[] {
  const words = [
    '一带一路',
    '十大战略',
    '两个确保',
    '中国式',
    'abc',
    'abc\u0000',
    'ab\u0000',
    '𠀀字',
    '1997',
    '199',
  ];
  for (let i = 0; words.length < count; i++) {
    const a = String.fromCharCode(0x4e00 + ((i * 7919) % 20_000));
    const b = String.fromCharCode(0x4e00 + ((i * 104_729) % 20_000));
    const c = String.fromCharCode(0x4e00 + (i % 20_000));
    words.push(i % 3 === 0 ? a + b + c : `${a}${b}${c}${String.fromCharCode(0x4e00 + ((i >> 3) % 20_000))}`);
  }
  return [...new Set(words)];
}

describe('ShortWordTable', () => {
  it('holds every word exactly, keeps the later value of a word set twice, and misses the rest', () => {
    const words = shortWords(50_000);
    const table = new ShortWordTable(words.length);
    words.forEach((word, i) => {
      table.set(word, 0, word.length, i % 255);
    });
    table.set('十大战略', 0, 4, 7);
    expect(table.size).toBe(words.length);
    words.forEach((word, i) => {
      expect(table.get(word)).toBe(word === '十大战略' ? 7 : i % 255);
    });
    for (const miss of ['一带一', '带一路', 'abd', 'ab\u0001', '十大战', '二带一路'])
      expect(table.get(miss)).toBe(-1);
    expect(() => table.set('一带', 0, 2, 1)).toThrow(ZhtagError);
  });

  it('reads words as ranges of a longer text', () => {
    const text = '实施十大战略和两个确保';
    const table = new ShortWordTable(4);
    table.set(text, 2, 4, 3);
    table.set(text, 7, 4, 5);
    expect([table.get('十大战略'), table.get('两个确保'), table.get('实施十大')]).toEqual([3, 5, -1]);
  });
});

describe('ShortWordCache', () => {
  it('answers only for words it holds, with their values, however many words compete for slots', () => {
    const words = shortWords(20_000);
    const cache = new ShortWordCache(10);
    words.forEach((word, i) => {
      cache.set(word, i % 200);
    });
    let held = 0;
    words.forEach((word, i) => {
      const value = cache.get(word);
      if (value >= 0) {
        held++;
        expect(value).toBe(i % 200);
      }
    });
    // 1024 sets of two: the last two words set in each set stay, the rest are forgotten, none is confused.
    expect(held).toBeGreaterThan(500);
    expect(held).toBeLessThanOrEqual(2048);
    expect(cache.get('ab\u0000')).toBe(-1);
  });

  it('fills only empty slots, and set replaces', () => {
    const cache = new ShortWordCache(9);
    cache.fill('一带一路', 1);
    cache.fill('一带一路', 2);
    expect(cache.get('一带一路')).toBe(1);
    cache.set('一带一路', 3);
    expect(cache.get('一带一路')).toBe(3);
    expect(cache.get('一带一')).toBe(-1);
    expect(() => cache.set('一带', 1)).toThrow(ZhtagError);
  });
});
