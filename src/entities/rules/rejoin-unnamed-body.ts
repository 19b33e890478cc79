import type { EntityRule } from '../context.js';
import { rejoinUnnamedBodies } from '../readings.js';

/** A body split off a title that names no level and follows no place keeps the title whole (党组书记). */
export const rejoinUnnamedBody: EntityRule = {
  name: 'rejoin-unnamed-body',
  run(context) {
    rejoinUnnamedBodies(context.candidates, context.splitFrom);
  },
};
