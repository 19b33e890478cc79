import type { Dictionary } from '../dictionary/dictionary.js';
import type { Guidelines } from '../entities/guidelines.js';
import type { PlaceIndex } from '../entities/places.js';
import { recognizeEntities } from '../entities/recognize.js';
import type { NerModel } from '../ner/model.js';
import type { SegmentEngine } from '../segment/engines.js';
import { splitTokensAtNames } from '../segment/names.js';
import type { Stage, StageDeclaration } from './stage.js';

export const ENTITIES: StageDeclaration = {
  name: 'entities',
  requires: ['normalized', 'tokens', 'entities'],
  assigns: ['entities', 'spans', 'places', 'tokens'],
};

/** What the entity stage is built with. */
export interface EntityStageResources {
  dictionary: Dictionary;
  places: PlaceIndex;
  model: NerModel;
  guidelines: Guidelines;
  /** Tags the pieces of a word cut at a name. */
  engine: SegmentEngine;
}

/**
 * Named entities (PERSON, TITLE, ORG, LOC) beside the frozen dictionary entities: the rules of
 * src/entities/rules/ and the statistical model; the losers of overlaps in `spans.nested`; the tokens
 * cut at the persons' names.
 */
export function entityStage({ dictionary, places, model, guidelines, engine }: EntityStageResources): Stage {
  return {
    ...ENTITIES,
    run(doc) {
      const recognized = recognizeEntities({
        text: doc.text,
        normalized: doc.normalized,
        tokens: doc.tokens,
        frozen: doc.entities,
        dictionary,
        places,
        model,
        guidelines,
      });
      doc.entities = recognized.entities;
      if (recognized.nested.length > 0) doc.spans = { ...doc.spans, nested: recognized.nested };
      doc.places = recognized.where;
      // Words cut where a name begins or ends inside them (segment/names.ts): the entities are read first.
      doc.tokens = splitTokensAtNames(doc.tokens, doc.entities, engine.posOf);
    },
  };
}
