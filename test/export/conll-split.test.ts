import { describe, expect, it } from 'vitest';
import { readConll, toConll } from '../../src/export/index.js';
import { createPipeline, type Doc } from '../../src/index.js';

/** A hand-made document: tokens as an engine might cut them, entities ending inside a token. */
function docOf(
  text: string,
  cuts: number[],
  entities: Array<[number, number, Doc['entities'][number]['label']]>,
): Doc {
  const bounds = [0, ...cuts, text.length];
  return {
    id: 'd',
    text,
    tokens: bounds
      .slice(1)
      .map((end, i) => ({ text: text.slice(bounds[i], end), start: bounds[i] as number, end, pos: 'n' })),
    entities: entities.map(([start, end, label]) => ({
      text: text.slice(start, end),
      start,
      end,
      label,
      source: 'test',
    })),
    keywords: [],
  };
}

const rows = (doc: Doc) =>
  (readConll(toConll(doc))[0]?.sentences ?? []).flat().map((t) => `${t.token} ${t.tag}`);

describe('CoNLL splits a token at an entity boundary inside it', () => {
  it('keeps the TITLE of 焦作 | 市委书记 and never grows the ORG', () => {
    const doc = docOf(
      '焦作市委书记葛巧红',
      [2, 6],
      [
        [0, 4, 'ORG'],
        [4, 6, 'TITLE'],
        [6, 9, 'PERSON'],
      ],
    );
    expect(rows(doc)).toEqual(['焦作 B-ORG', '市委 I-ORG', '书记 B-TITLE', '葛巧红 B-PERSON']);
  });

  it('cuts a token holding two entities and text around them, and never inside a surrogate pair', () => {
    const doc = docOf(
      '在𠀀焦作市委书记说',
      [],
      [
        [3, 7, 'ORG'],
        [7, 9, 'TITLE'],
      ],
    );
    expect(rows(doc)).toEqual(['在𠀀 O', '焦作市委 B-ORG', '书记 B-TITLE', '说 O']);
  });

  it('writes every entity of a real annotation as B- then I- tags, the tokens spelling the text', () => {
    const pipeline = createPipeline({ keywords: false });
    const doc = pipeline.annotate({ id: 'x', text: '河南省焦作市委书记葛巧红强调，锚定“两个确保”。' });
    const read = (readConll(toConll(doc))[0]?.sentences ?? []).flat();
    expect(read.map((t) => t.token).join('')).toBe(doc.text);
    const begins = read.filter((t) => t.tag.startsWith('B-')).length;
    expect(begins).toBe(doc.entities.length);
  });
});
