import type { EntityRule } from '../context.js';
import { placeBodiesInside } from '../organizations.js';

/** An organization found whole that spells a division and a body (河南省委) gets the body's kind and name. */
export const placeBodyInside: EntityRule = {
  name: 'place-body-inside',
  run(context) {
    placeBodiesInside(context, context.entities, context.soft);
  },
};
