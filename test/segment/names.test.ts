import { describe, expect, it } from 'vitest';
import { makeEntity } from '../../src/entities/names.js';
import { createPipeline } from '../../src/index.js';
import { splitTokensAtNames } from '../../src/segment/names.js';
import type { Entity, Token } from '../../src/types.js';
import { expectDoc, expectSpan } from '../helpers.js';

const token = (text: string, start: number, pos = 'n'): Token => ({
  text,
  start,
  end: start + text.length,
  pos,
});

describe('tokens cut at names', () => {
  it('splits a word where a name begins or ends inside it, and leaves the rest alone', () => {
    const text = '任命张三为副市长';
    const tokens = [token('任命', 0, 'v'), token('张三为', 2, 'x'), token('副市长', 5, 'n')];
    const names: Entity[] = [makeEntity(text, 2, 4, 'PERSON', 'model')];
    const cut = splitTokensAtNames(tokens, names, (word) => (word === '为' ? 'p' : 'x'));
    expect(cut.map((t) => [t.text, t.pos])).toEqual([
      ['任命', 'v'],
      ['张三', 'nr'],
      ['为', 'p'],
      ['副市长', 'n'],
    ]);
    for (const t of cut) expectSpan(text, t);
    expect(splitTokensAtNames(tokens, [], () => 'x')).toBe(tokens);
  });

  it('through the pipeline: a person of the who’s-who is one token and one PERSON at every mention', () => {
    const pipeline = createPipeline({ disable: ['keywords'] });
    const doc = pipeline.annotate('中共中央政治局常委、国务院副总理丁薛祥出席。丁薛祥指出，要抓好落实。');
    expectDoc(doc);
    const persons = doc.entities.filter((e) => e.label === 'PERSON').map((e) => [e.text, e.start]);
    expect(persons).toEqual([
      ['丁薛祥', 16],
      ['丁薛祥', 22],
    ]);
    expect(doc.tokens.filter((t) => t.text === '丁薛祥')).toHaveLength(2);
  });
});
