import type { Entity } from '../../types.js';
import type { EntityRule } from '../context.js';
import { selectEntities } from '../select.js';

/** A body's name in the organizations gazetteer (the source of its entity). */
const ORGANIZATIONS = /gazetteer\/orgs\.tsv:/;

/**
 * Policy terms inside the full name of a body the gazetteer lists (全面深化改革 in 中央全面深化改革委员会):
 * the body is the entity there; the term stays a token of its own and goes to `nested`.
 */
function policiesInsideBodies(frozen: readonly Entity[], candidates: readonly Entity[]): Set<Entity> {
  const inside = new Set<Entity>();
  const bodies = candidates.filter((e) => e.label === 'ORG' && ORGANIZATIONS.test(e.source));
  if (bodies.length === 0) return inside;
  for (const term of frozen)
    if (
      term.label === 'POLICY' &&
      bodies.some(
        (b) => b.start <= term.start && term.end <= b.end && b.end - b.start > term.end - term.start,
      )
    )
      inside.add(term);
  return inside;
}

/** Settles overlaps by the one rule (select.ts): the frozen dictionary entities first, the losers nested. */
export const select: EntityRule = {
  name: 'select',
  run(context) {
    const inside = policiesInsideBodies(context.frozen, context.candidates);
    const frozen = inside.size > 0 ? context.frozen.filter((e) => !inside.has(e)) : context.frozen;
    const { entities, nested } = selectEntities(frozen, context.candidates, context.text.length);
    context.entities = entities;
    context.nested = inside.size > 0 ? [...nested, ...inside] : nested;
  },
};
