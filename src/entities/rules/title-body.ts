import type { Entity } from '../../types.js';
import type { EntityContext, EntityRule } from '../context.js';
import { makeEntity } from '../names.js';
import { genericBody } from '../organizations.js';

/**
 * Splits a title that begins with a generic body (市委书记 → 市委 + 书记, 省委副书记 → 省委 + 副书记) so
 * the body can join a preceding place (焦作 + 市委 → 焦作市委). Returns the pieces, or undefined.
 */
function splitTitle(context: EntityContext, title: Entity): { body: Entity; rest: Entity } | undefined {
  const { text, normalized, dictionary } = context;
  for (let cut = Math.min(5, title.end - title.start - 1); cut >= 2; cut--) {
    const body = genericBody(dictionary, normalized.slice(title.start, title.start + cut));
    if (!body) continue;
    const rest = dictionary
      .lookupAll(normalized.slice(title.start + cut, title.end))
      .find((e) => e.label === 'TITLE');
    if (!rest) continue;
    const attrs = { kind: body.attrs.kind, term: body.term, fullTitle: title.text };
    return {
      body: makeEntity(text, title.start, title.start + cut, 'ORG', 'rule:title-body', attrs),
      rest: makeEntity(text, title.start + cut, title.end, 'TITLE', 'rule:title-body', {
        term: rest.term,
        type: rest.type,
        official: rest.attrs.official,
        fullTitle: title.text,
      }),
    };
  }
  return undefined;
}

/**
 * A gazetteer title that begins with a generic body becomes the body and the rest of the title
 * (`rule:title-body`), placed after the other candidates; the title whole is remembered (`splitFrom`)
 * for `rejoin-unnamed-body`.
 */
export const titleBody: EntityRule = {
  name: 'title-body',
  run(context) {
    const split = new Set<Entity>();
    for (const entity of context.gazetteer) {
      if (entity.label !== 'TITLE') continue;
      const pieces = splitTitle(context, entity);
      if (!pieces) continue;
      split.add(entity);
      context.titleParts.push(pieces.body, pieces.rest);
      context.splitFrom.set(pieces.body, { title: entity, rest: pieces.rest });
    }
    if (split.size === 0) return;
    context.candidates = context.candidates.filter((entity) => !split.has(entity));
    context.candidates.push(...context.titleParts);
  },
};
