import { overrunsSureName as overruns } from '../consistent-names.js';
import { veto } from './veto.js';

/** A model person that starts where a sure name starts and runs on past it (普京下): the sure name is the person. */
export const overrunsSureName = veto('overruns-sure-name', (e, context) => overruns(e, context.sureNames), {
  gazetteerOnly: false,
});
