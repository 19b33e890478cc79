import { overrunsSureName as overruns } from '../consistent-names.js';
import type { EntityContext } from '../context.js';
import { veto } from './veto.js';

/** Whether a word ends at an offset: a token starts there, or the text ends or has a space there. */
const wordEnds = (context: EntityContext) => (offset: number) =>
  offset >= context.text.length ||
  /\s/.test(context.text.charAt(offset)) ||
  context.tokenAt(offset) !== undefined;

/**
 * A model person that starts where a sure name starts and runs on into the next word or another sure
 * name (普京下令 read 普京下): the sure name is the person.
 */
export const overrunsSureName = veto(
  'overruns-sure-name',
  (e, context) => context.sureNames.size > 0 && overruns(e, context.sureNames, wordEnds(context)),
  { gazetteerOnly: false },
);
