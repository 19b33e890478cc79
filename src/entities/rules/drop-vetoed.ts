import type { EntityRule } from '../context.js';

/** Applies the rules' and vetoes' decisions: the dropped candidates go, the added entities join. */
export const dropVetoed: EntityRule = {
  name: 'drop-vetoed',
  run(context) {
    const { dropped } = context;
    const kept = context.candidates.filter((e) => !dropped.has(e));
    for (const e of context.added) if (!dropped.has(e)) kept.push(e);
    context.candidates = kept;
  },
};
