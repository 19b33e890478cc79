import type { Dictionary, DictMatch } from '../dictionary/dictionary.js';
import type { NerModel } from '../ner/model.js';
import type { Entity, Token } from '../types.js';
import type { Guidelines } from './guidelines.js';
import type { ModelReadings } from './model-readings.js';
import type { TokenAt } from './names.js';
import type { DocumentPlaces, PlaceIndex } from './places.js';

/** What the entity stage reads. `frozen` are the dictionary entities already fixed (policy, user). */
export interface EntityInput {
  readonly text: string;
  readonly normalized: string;
  readonly tokens: Token[];
  readonly frozen: Entity[];
  readonly dictionary: Dictionary;
  readonly places: PlaceIndex;
  readonly model?: NerModel;
  /** Whose guidelines the entities follow, decided once (`guidelinesOf`). */
  readonly guidelines: Guidelines;
}

/**
 * The one context every entity rule reads and writes (src/entities/rules/): the stage's input, then
 * what earlier rules found. Rules run in the order of `ENTITY_RULES`; each field says which rule
 * fills it.
 */
export interface EntityContext extends EntityInput {
  /** The token starting at an offset. */
  readonly tokenAt: TokenAt;
  /** Soft dictionary matches (gazetteers, titles) over the normalized text. */
  readonly soft: DictMatch[];
  /** Gazetteer and title entities as matched, before any split (`gazetteer`). */
  gazetteer: Entity[];
  /** Entities of the gazetteer (`gazetteer`), looked up by identity. */
  fromGazetteer: Set<Entity>;
  /** Every candidate so far; after `drop-vetoed`, only the kept ones and the rules' additions. */
  candidates: Entity[];
  /** Pieces of titles split at a generic body (党组 + 书记), in order (`title-body`). */
  titleParts: Entity[];
  /** The body split off a title, with the title whole and the rest (`title-body`). */
  splitFrom: Map<Entity, { title: Entity; rest: Entity }>;
  /** Townships found (`township`). */
  townships: Entity[];
  /** Sure names (who's-who or right after an official title), start to end (`same-name`). */
  sureNames: Map<number, number>;
  /** Starts of the persons the model read (`model`). */
  modelPersons: Set<number>;
  /** The model's spans by start (`model`; empty without a model). */
  modelReadings: ModelReadings;
  /** Official titles after `title-after-body` and the offsets where one or a body heading one begins. */
  officialTitles: Entity[];
  officialTitleStarts: Set<number>;
  /** Candidates a rule or veto removes (applied by `drop-vetoed`). */
  dropped: Set<Entity>;
  /** Entities rules add in place of dropped ones (applied by `drop-vetoed`). */
  added: Entity[];
  /** After `select`: the entities, the losers of overlaps, and the document's places. */
  entities: Entity[];
  nested: Entity[];
  where: DocumentPlaces | undefined;
}

/** One named step of the entity stage: a rule that adds candidates, a veto that drops some, or a settling step. */
export interface EntityRule {
  /** Its name (the source of what it adds is `rule:<name>` where it makes new entities). */
  readonly name: string;
  readonly run: (context: EntityContext) => void;
}
