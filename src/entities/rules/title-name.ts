import type { EntityRule } from '../context.js';
import { namesAfterTitles } from '../names.js';

/** A name written right after a title where the model found none (市长助理王刚, `rule:title-name`). */
export const titleName: EntityRule = {
  name: 'title-name',
  run(context) {
    const { text, tokenAt, candidates, modelPersons } = context;
    const titles = candidates.filter((e) => e.label === 'TITLE');
    candidates.push(...namesAfterTitles(text, tokenAt, titles, modelPersons));
  },
};
