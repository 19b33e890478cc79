import type { EntityRule } from '../context.js';
import { DocumentPlaces } from '../places.js';

/** The document's places (dominant divisions) from the entities kept; the officials use them too. */
export const documentPlaces: EntityRule = {
  name: 'document-places',
  run(context) {
    context.where = new DocumentPlaces(context.places, context.entities);
  },
};
