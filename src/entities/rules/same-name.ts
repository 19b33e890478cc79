import { sameNames, sureNames } from '../consistent-names.js';
import type { EntityRule } from '../context.js';

/**
 * A name the who's-who knows, or read right after an official title, is read so at every mention
 * (`rule:same-name`, consistent-names.ts); the sure names are kept for the `overruns-sure-name` veto.
 */
export const sameName: EntityRule = {
  name: 'same-name',
  run(context) {
    const { candidates, text, tokens } = context;
    context.sureNames = sureNames(
      candidates,
      context.gazetteer.filter((e) => e.label === 'PERSON'),
    );
    candidates.push(...sameNames(text, tokens, context.sureNames));
  },
};
