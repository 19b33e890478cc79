import { describe, expect, it } from 'vitest';
import { englishEntities } from '../../src/entities/english.js';
import { createPipeline } from '../../src/index.js';
import { expectDoc } from '../helpers.js';

const pipeline = createPipeline();
const view = (text: string) => {
  const doc = pipeline.annotate(text);
  expectDoc(doc);
  return doc.entities.filter((e) => e.source === 'compromise').map((e) => [e.text, e.label]);
};

describe('English names, places and organizations through compromise', () => {
  it('reads an English press release with the same labels and exact offsets', () => {
    expect(
      view(
        'President Bill Clinton met Boris Yeltsin in Moscow. The United Nations and Microsoft Corporation agreed.',
      ),
    ).toEqual([
      ['President', 'TITLE'],
      ['Bill Clinton', 'PERSON'],
      ['Boris Yeltsin', 'PERSON'],
      ['Moscow', 'LOC'],
      ['United Nations', 'ORG'],
      ['Microsoft Corporation', 'ORG'],
    ]);
  });

  it('finds English names inside Chinese text, after emoji and Extension B characters', () => {
    // compromise or the statistical model (which since its MSR features often reads it first): either
    // way one PERSON with exact offsets after the surrogate pairs
    const text = '😀𠀀美国总统Bill Clinton访问北京。';
    const doc = pipeline.annotate(text);
    expectDoc(doc);
    const person = doc.entities.find((e) => e.label === 'PERSON');
    expect([person?.text, person?.start, person?.source]).toEqual([
      'Bill Clinton',
      text.indexOf('Bill'),
      expect.stringMatching(/^(compromise|model)$/),
    ]);
  });

  it('compromise itself reads the English name inside Chinese text, with offsets past the surrogate pairs', () => {
    const text = '😀𠀀美国总统Bill Clinton访问北京。';
    const found = englishEntities(text).map((e) => [e.text, e.label, e.start, e.end, e.source]);
    expect(found).toEqual([['Bill Clinton', 'PERSON', 8, 20, 'compromise']]);
    expect(text.slice(8, 20)).toBe('Bill Clinton');
  });

  it('leaves Chinese-only text to the other stages', () => {
    expect(view('焦作市委书记葛巧红接受记者采访。')).toEqual([]);
  });
});
