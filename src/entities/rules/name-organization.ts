import type { EntityRule } from '../context.js';
import { nameOrganizations } from '../organizations.js';

/**
 * Every ORG gets a normalized `name`; a generic body the document's division (焦作市委). A body the model
 * read that the gazetteer lists with the party's name before it (中央书记处 → 中共中央书记处) takes that name.
 */
export const nameOrganization: EntityRule = {
  name: 'name-organization',
  run(context) {
    const { dictionary, normalized } = context;
    for (const entity of context.entities) {
      if (entity.label !== 'ORG' || entity.term !== undefined) continue;
      const listed = dictionary
        .lookupAll(normalized.slice(entity.start, entity.end))
        .find((e) => e.label === 'ORG');
      if (listed && listed.term === `中共${entity.text}`) entity.name = listed.term;
    }
    if (context.where) nameOrganizations(context.entities, context.where);
  },
};
