import type { Normalizer } from '../normalize.js';
import type { Stage, StageDeclaration } from './stage.js';

export const NORMALIZE: StageDeclaration = { name: 'normalize', requires: [], assigns: ['normalized'] };

/** Maps the text to the dictionaries' simplified, half-width form (same length, same offsets). */
export function normalizeStage(normalizer: Normalizer): Stage {
  return {
    ...NORMALIZE,
    run(doc) {
      doc.normalized = normalizer.normalize(doc.text);
    },
  };
}
