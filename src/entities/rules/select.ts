import type { EntityRule } from '../context.js';
import { selectEntities } from '../select.js';

/** Settles overlaps by the one rule (select.ts): the frozen dictionary entities first, the losers nested. */
export const select: EntityRule = {
  name: 'select',
  run(context) {
    const { entities, nested } = selectEntities(context.frozen, context.candidates, context.text.length);
    context.entities = entities;
    context.nested = nested;
  },
};
