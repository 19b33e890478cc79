import type { NerConvention } from '../ner/model.js';

/**
 * Whose annotation guidelines the entities follow: the option `guidelines` of `createPipeline`.
 *
 * `zhtag` (the default): every party and government body, even one named by its kind (市政府 in
 * 市委、市政府), every newspaper (河南日报, kind media) and every region of the gazetteer (黄河, 太行山,
 * 东北). `pd1998` and `bio`: what People's Daily 1998 and the character-BIO news sets mark: a body named
 * only by its kind, a newspaper's title (人民日报/nz) and a region without a division code count only
 * where the model reads them; a body the model reads shorter before a title leaves the rest to the
 * title (省人大 | 常委会副主任). `bio` also reads a place and 政府 or 地区 as the place alone.
 */
export const ENTITY_GUIDELINES = ['zhtag', 'pd1998', 'bio'] as const;
export type EntityGuidelines = (typeof ENTITY_GUIDELINES)[number];

/**
 * What a set of guidelines decides, in one place: the entity rules read these fields and never the
 * guidelines' name or the model's convention.
 */
export interface Guidelines {
  readonly name: EntityGuidelines;
  /**
   * Leave out what the gold sets never mark: a body named by its kind or a newspaper's title that the
   * model does not read, a region without a division code the model does not read, and a body the model
   * reads shorter before a title (`pd1998`, `bio`).
   */
  readonly onlyWhatGoldMarks: boolean;
  /** Join 地区 to a place the model does not read whole (亚太地区): not in the BIO sets (`bio`). */
  readonly placeWithRegion: boolean;
  /** The convention the statistical model predicts in (`bio`: 中国 + 政府, 邓小平 + 理论). */
  readonly modelConvention: NerConvention;
}

const GUIDELINES: Record<EntityGuidelines, Guidelines> = {
  zhtag: { name: 'zhtag', onlyWhatGoldMarks: false, placeWithRegion: true, modelConvention: 'pd1998' },
  pd1998: { name: 'pd1998', onlyWhatGoldMarks: true, placeWithRegion: true, modelConvention: 'pd1998' },
  bio: { name: 'bio', onlyWhatGoldMarks: true, placeWithRegion: false, modelConvention: 'bio' },
};

/** The decisions of a set of guidelines (default `zhtag`). */
export function guidelinesOf(name: EntityGuidelines = 'zhtag'): Guidelines {
  return GUIDELINES[name];
}
