import type { EntityRule } from '../context.js';
import { composeOrganizations, sharedBodies } from '../organizations.js';

/** A place directly followed by a generic body is one organization (焦作 + 市委, `rule:place-body`). */
export const placeBody: EntityRule = {
  name: 'place-body',
  run(context) {
    const { gazetteer } = context;
    // Townships compose with their bodies too (云台山镇 + 镇党委).
    const places = [
      ...gazetteer.filter((e) => e.label === 'LOC'),
      ...context.townships.filter((e) => e.code !== undefined),
    ];
    const bodies = [
      ...context.titleParts.filter((e) => e.label === 'ORG'),
      ...gazetteer.filter((e) => e.label === 'ORG' && e.type === 'generic'),
      ...sharedBodies(context, context.soft, places),
    ];
    context.candidates.push(
      ...composeOrganizations(
        context,
        places,
        bodies,
        gazetteer.filter((e) => e.label === 'ORG'),
      ),
    );
  },
};
