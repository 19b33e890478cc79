import type { EntityRule } from '../context.js';
import { englishEntities } from '../english.js';

/** Names in English inside the Chinese text, read by compromise (source `compromise`). */
export const english: EntityRule = {
  name: 'english',
  run(context) {
    context.candidates.push(...englishEntities(context.text));
  },
};
