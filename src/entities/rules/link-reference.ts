import type { EntityRule } from '../context.js';
import { linkReferences } from '../names.js';

/** Short references (张书记) point at the person named earlier (`rule:surname-title`). */
export const linkReference: EntityRule = {
  name: 'link-reference',
  run(context) {
    context.entities = linkReferences(context.text, context.entities);
  },
};
