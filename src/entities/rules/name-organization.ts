import type { EntityRule } from '../context.js';
import { nameOrganizations } from '../organizations.js';

/** Every ORG gets a normalized `name`; a generic body the document's division (焦作市委). */
export const nameOrganization: EntityRule = {
  name: 'name-organization',
  run(context) {
    if (context.where) nameOrganizations(context.entities, context.where);
  },
};
