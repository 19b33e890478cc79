import type { Dictionary } from '../dictionary/dictionary.js';
import { policySpans } from '../dictionary/policy-span.js';
import { entityFromMatch } from '../entities/match.js';
import type { SegmentEngine } from '../segment/engines.js';
import { segmentText } from '../segment/segment.js';
import type { Stage, StageDeclaration } from './stage.js';

export const SEGMENT: StageDeclaration = {
  name: 'segment',
  requires: ['normalized'],
  assigns: ['tokens', 'entities', 'spans'],
};

/**
 * Tokens (policy and user terms whole, the rest from the engine), the frozen dictionary terms as
 * entities, and the frozen terms that lost an overlap in `spans.overlapping`.
 */
export function segmentStage(dictionary: Dictionary, engine: SegmentEngine): Stage {
  return {
    ...SEGMENT,
    run(doc) {
      const { text } = doc;
      const segmentation = segmentText(text, doc.normalized, dictionary, engine);
      doc.tokens = segmentation.tokens;
      // A policy term's entity is the term itself inside an alias that quotes or governs it (policy-span.ts).
      doc.entities = policySpans(doc.normalized, segmentation.frozen).map((match) =>
        entityFromMatch(text, match),
      );
      if (segmentation.overlapping.length > 0) {
        doc.spans = { overlapping: segmentation.overlapping.map((match) => entityFromMatch(text, match)) };
      }
    },
  };
}
