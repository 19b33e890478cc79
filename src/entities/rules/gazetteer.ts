import type { DictMatch } from '../../dictionary/dictionary.js';
import type { Entity } from '../../types.js';
import type { EntityContext, EntityRule } from '../context.js';
import { entityFromMatch } from '../match.js';
import { titleCandidates } from '../titles.js';

/** Gazetteer matches that line up with token boundaries (soft terms never cut through a word). */
function alignedMatches(context: EntityContext): Entity[] {
  const { text, tokens, soft } = context;
  const starts = new Uint8Array(text.length + 1);
  const ends = new Uint8Array(text.length + 1);
  for (const token of tokens) {
    starts[token.start] = 1;
    ends[token.end] = 1;
  }
  const out: Entity[] = [];
  for (const match of soft) {
    // titles have their own matcher (titles.ts): they may sit inside a segmenter word (本报记者)
    if (match.entry.label === 'TITLE') continue;
    const aligned = starts[match.start] === 1 && ends[match.end] === 1;
    if (aligned) out.push(entityFromMatch(text, match));
  }
  return out;
}

/** The gazetteers' entities (places, organizations) where they fit the words, and the titles (titles.ts). */
export const gazetteer: EntityRule = {
  name: 'gazetteer',
  run(context) {
    const { text, normalized, tokens, soft } = context;
    const titles = soft.filter((match: DictMatch) => match.entry.label === 'TITLE');
    context.gazetteer = [
      ...alignedMatches(context),
      ...titleCandidates({ text, normalized, tokens, entityFromMatch }, titles),
    ];
    context.fromGazetteer = new Set(context.gazetteer);
    context.candidates = context.gazetteer.slice();
  },
};
