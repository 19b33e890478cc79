import type { DictEntry } from '../../dictionary/entry.js';
import type { Entity } from '../../types.js';
import type { EntityRule } from '../context.js';
import { makeEntity } from '../names.js';

/**
 * A title from the lexicon that begins inside or with an organization found by the model or a
 * gazetteer (中共中央政治局|常委 read as 中共 + 中央政治局常委; 海南省人大常委会|副主任 as 海南省 +
 * 人大常委会副主任; 全国政协|委员, 中央纪委|书记): when the rest of the title after the organization is
 * itself a title, the organization and that rest are the reading (People's Daily brackets the body
 * whole, and the official is the body's 常委, as 市委书记 is 市委 + 书记). The title is dropped and the
 * shorter one added (`rule:title-after-body`).
 */
export const titleAfterBody: EntityRule = {
  name: 'title-after-body',
  run(context) {
    const { candidates, dictionary, normalized, text } = context;
    const titles = candidates.filter((e) => e.label === 'TITLE' && !e.source.startsWith('rule:'));
    // Organizations by end offset: a title is a few characters long, so each one looks up only the
    // offsets inside it (a pairwise scan was quadratic on long documents).
    const byEnd = new Map<number, Entity[]>();
    for (const org of candidates) {
      if (org.label !== 'ORG') continue;
      const list = byEnd.get(org.end);
      if (list) list.push(org);
      else byEnd.set(org.end, [org]);
    }
    const restTitle = (from: number, to: number) =>
      dictionary.lookupAll(normalized.slice(from, to)).find((entry) => entry.label === 'TITLE');
    for (const title of titles) {
      let split: { body: Entity; rest: DictEntry } | undefined;
      for (let end = title.start + 1; end < title.end && !split; end++) {
        for (const body of byEnd.get(end) ?? []) {
          const rest = body.start <= title.start ? restTitle(end, title.end) : undefined;
          if (rest) {
            split = { body, rest };
            break;
          }
        }
      }
      if (!split) continue;
      const { body, rest } = split;
      context.dropped.add(title);
      context.added.push(
        makeEntity(text, body.end, title.end, 'TITLE', 'rule:title-after-body', {
          term: rest.term,
          type: rest.type,
          official: rest.attrs.official,
          fullTitle: title.text,
        }),
      );
    }
  },
};
