import { describe, expect, it } from 'vitest';
import {
  overrunsSureName,
  sameNames,
  splitAtSpaces,
  sureNames,
} from '../../src/entities/consistent-names.js';
import { foreignReading } from '../../src/entities/foreign-readings.js';
import { makeEntity } from '../../src/entities/names.js';
import type { Token } from '../../src/types.js';
import { expectSpan } from '../helpers.js';

const token = (text: string, start: number, pos = 'n'): Token => ({
  text,
  start,
  end: start + text.length,
  pos,
});

describe('names read the same at every mention', () => {
  const text = '国务委员王小明出席。王小明指出，王小明同志强调';
  const title = makeEntity(text, 0, 4, 'TITLE', 'dictionaries/gazetteer/titles.tsv:1', { official: 'yes' });
  const person = makeEntity(text, 4, 7, 'PERSON', 'model');
  const tokens = [
    token('国务委员', 0),
    token('王小明', 4, 'nr'),
    token('出席', 7),
    token('。', 9, 'x'),
    token('王小明', 10, 'nr'),
    token('指出', 13),
    token('，', 15, 'x'),
    token('王小明同', 16, 'x'),
    token('志强调', 20, 'x'),
  ];

  it('a name right after an official title is sure; its other mentions on word boundaries are persons', () => {
    const sure = sureNames([title, person], []);
    expect([...sure]).toEqual([[4, 7]]);
    const others = sameNames(text, tokens, sure);
    expect(others.map((e) => [e.text, e.start, e.source])).toEqual([['王小明', 10, 'rule:same-name']]);
    for (const e of others) expectSpan(text, e);
  });

  it('a model reading that runs past a sure name is dropped', () => {
    const sure = new Map([[4, 7]]);
    // 王小明出 ends inside 出席; 王小明出席 ends where a word ends (a longer name, as 陈武元 beside 陈武)
    const ends = (offset: number) => tokens.some((t) => t.end === offset);
    expect(overrunsSureName(makeEntity(text, 4, 8, 'PERSON', 'model'), sure, ends)).toBe(true);
    expect(overrunsSureName(makeEntity(text, 4, 9, 'PERSON', 'model'), sure, ends)).toBe(false);
    expect(overrunsSureName(makeEntity(text, 4, 7, 'PERSON', 'model'), sure, ends)).toBe(false);
    expect(overrunsSureName(makeEntity(text, 4, 9, 'PERSON', 'rule:title-name'), sure, ends)).toBe(true);
    expect(overrunsSureName(makeEntity(text, 4, 9, 'PERSON', 'dictionaries/x.tsv:1'), sure, ends)).toBe(
      false,
    );
    // running into another sure name
    expect(
      overrunsSureName(
        makeEntity(text, 4, 13, 'PERSON', 'model'),
        new Map([
          [4, 7],
          [10, 13],
        ]),
        ends,
      ),
    ).toBe(true);
  });

  it('a model person with a space in it is the names of a list', () => {
    const list = '蔡奇　石泰峰出席';
    const parts = splitAtSpaces(list, makeEntity(list, 0, 6, 'PERSON', 'model'));
    expect(parts.map((e) => e.text)).toEqual(['蔡奇', '石泰峰']);
    for (const e of parts) expectSpan(list, e);
  });

  it('reads East European places and armies the model took for persons as places and bodies', () => {
    const war = '乌军在库皮扬斯克';
    expect(foreignReading(makeEntity(war, 3, 8, 'PERSON', 'model')).label).toBe('LOC');
    expect(foreignReading(makeEntity(war, 0, 2, 'PERSON', 'model')).label).toBe('ORG');
    const musk = '马斯克表示';
    expect(foreignReading(makeEntity(musk, 0, 3, 'PERSON', 'model')).label).toBe('PERSON');
  });
});
