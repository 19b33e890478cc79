import type { EntityRule } from '../context.js';
import { townshipCandidates } from '../townships.js';

/** Townships written with their suffix (修武县云台山镇, 五里源乡), from the townships table (townships.ts). */
export const township: EntityRule = {
  name: 'township',
  run(context) {
    const { text, normalized, tokens, places, dictionary } = context;
    if (!places.townships) return;
    const named = context.gazetteer.filter((e) => e.label === 'LOC');
    context.townships = townshipCandidates(text, normalized, tokens, places.townships, named, (word) =>
      dictionary.lookupAll(word).some((e) => e.label === 'TITLE' || e.type === 'generic'),
    );
    context.candidates.push(...context.townships);
  },
};
