import { describe, expect, it } from 'vitest';
import { tidySpan } from '../../src/entities/tidy.js';
import { expectSpan } from '../helpers.js';

/** Tidies the span of `inner` (its first occurrence) in `text` and returns the text it keeps. */
function tidied(text: string, inner: string, label?: string): string | undefined {
  const start = text.indexOf(inner);
  expect(start).toBeGreaterThanOrEqual(0);
  const span = tidySpan(text, start, start + inner.length, label);
  if (!span) return undefined;
  const out = { text: text.slice(span.start, span.end), ...span };
  expectSpan(text, out);
  return out.text;
}

describe('tidySpan (edges of model spans)', () => {
  it('trims brackets, quotes and spaces at the edges of a name', () => {
    expect(tidied('（记者李敏、王乐）：近年来', '王乐）')).toBe('王乐');
    expect(tidied('【博宝艺术网讯】', '【博宝')).toBe('博宝');
    expect(tidied('导演“张艺谋”的新片', '“张艺谋”')).toBe('张艺谋');
    expect(tidied('作者 李华 写道', ' 李华 ')).toBe('李华');
    expect(tidied('由m.奈特·沙马兰执导', '奈特·')).toBe('奈特');
  });

  it('keeps a bracket pair closed inside the span, drops one wrapping it whole', () => {
    expect(tidied('韩亚（中国）员工', '韩亚（中国）')).toBe('韩亚（中国）');
    expect(tidied('《人民日报》社论', '《人民日报》')).toBe('人民日报');
    expect(tidied('“新华社（北京）”电', '“新华社（北京）”')).toBe('新华社（北京）');
  });

  it('keeps the middle dot inside a transliterated name', () => {
    expect(tidied('友人休•芒罗说', '休•芒罗')).toBe('休•芒罗');
    expect(tidied('克里斯蒂亚诺·罗纳尔多进球', '克里斯蒂亚诺·罗纳尔多')).toBe('克里斯蒂亚诺·罗纳尔多');
  });

  it('widens a person that stops inside a Latin word to the whole word, not an organization', () => {
    expect(tidied('由michaelbrand）担任', 'michae', 'PERSON')).toBe('michaelbrand');
    expect(tidied('部长BrendanO’Connor近日', 'BrendanO', 'PERSON')).toBe('BrendanO');
    expect(tidied('魔术杨MagicYang、雪妍', '杨MagicYa', 'PERSON')).toBe('杨MagicYang');
    expect(tidied('朴茨茅斯vsac米兰', 'ac米兰', 'ORG')).toBe('ac米兰');
    expect(tidied('WCG2011世界总决赛', 'WCG', 'PERSON')).toBe('WCG');
  });

  it('ends a person before a bracket inside the span, not an organization', () => {
    expect(tidied('导演迈克.内维尔(MikeNewell)执导', '迈克.内维尔(MikeNewell)', 'PERSON')).toBe(
      '迈克.内维尔',
    );
    expect(tidied('韩亚（中国）员工', '韩亚（中国）', 'ORG')).toBe('韩亚（中国）');
    expect(tidied('美国总统克林顿（Clinton）说', '克林顿（Clinton）', 'PERSON')).toBe('克林顿');
  });

  it('drops a span of punctuation only', () => {
    expect(tidied('他说：“好。”', '：“')).toBeUndefined();
  });

  it('counts UTF-16 units around characters outside the BMP', () => {
    expect(tidied('𠀋（王乐）', '王乐）')).toBe('王乐');
    expect(tidied('王乐）𠀋', '王乐）')).toBe('王乐');
  });
});
