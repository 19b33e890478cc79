import type { Entity } from '../../types.js';
import type { EntityContext, EntityRule } from '../context.js';

/**
 * A veto: a rule that drops the candidates for which `drops` holds (applied by `drop-vetoed`), by
 * default only those of the gazetteer. A veto looks at each candidate alone and changes nothing else.
 */
export function veto(
  name: string,
  drops: (entity: Entity, context: EntityContext) => boolean,
  { gazetteerOnly = true }: { gazetteerOnly?: boolean } = {},
): EntityRule {
  return {
    name,
    run(context) {
      const { fromGazetteer, dropped } = context;
      for (const entity of context.candidates)
        if ((!gazetteerOnly || fromGazetteer.has(entity)) && drops(entity, context)) dropped.add(entity);
    },
  };
}
