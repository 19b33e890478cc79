/**
 * Where the gazetteer and the model read a span differently: which reading an entity keeps. Every rule
 * here was chosen on the selection split (a model trained on People's Daily Jan 1–17, scored through the
 * pipeline on Jan 18–20); see each for its count.
 */
import type { Entity } from '../types.js';
import type { EntityInput } from './context.js';
import { entityFromMatch } from './match.js';
import type { ModelReadings } from './model-readings.js';
import { makeEntity, nameStart, surnameLengthOf, type TokenAt, tokenStartingAt } from './names.js';
import { levelOfName } from './places.js';

/** Suffixes that make a written place name explicit (焦作市, 威信县, 浦东新区). */
const PLACE_SUFFIX = /[省市县区州旗盟镇乡村]$/;

/**
 * A gazetteer place that may just be a word: written as one segmenter word that the core dictionary
 * lists as something else (威信 "prestige" for 威信县, 城区 "urban district"), without an
 * explicit suffix. Such a match is a place only where the model also reads one there. A word the core
 * dictionary does not know (`x`: found by the HMM, 怀川 in 怀川大地) has no other reading.
 */
export function ambiguousPlace(entity: Entity, tokenAt: TokenAt): boolean {
  if (entity.label !== 'LOC' || (entity.text.length >= 3 && PLACE_SUFFIX.test(entity.text))) return false;
  const token = tokenAt(entity.start);
  return token !== undefined && token.end === entity.end && !token.pos.startsWith('ns') && token.pos !== 'x';
}

/**
 * A gazetteer region without a division code (type `region` of geo.tsv: 东北, 华东地区, 淮河流域) that
 * the model does not read as a place on the same span. Such names are directions or parts
 * of longer names as often as places (People's Daily tags 东北 and 西北 f or s, never ns; it marks 淮河
 * in 淮河流域 and 华东 in 华东地区), and the model, which reads the gazetteer as a feature, tells them
 * apart: on the selection days (model trained on Jan 1–17, scored on Jan 18–20) the rule-only matches
 * were right once and wrong 7 times. Divisions (with a code) stay: the officials and the document's
 * places need them. Applied under the gold sets' guidelines only: zhtag's report every region.
 */
export function unsureRegion(entity: Entity, model: ModelReadings): boolean {
  if (entity.label !== 'LOC' || entity.code !== undefined || entity.type !== 'region') return false;
  return !model.reads(entity, 'LOC');
}

/**
 * A gazetteer place without a division code (a world city or country, a river) that the model reads,
 * on the same span, as an organization or a person: the name stands for a team, a club or a body
 * (巴塞罗那 the football club, 华盛顿 the man), and the model, which reads the gazetteer as a feature,
 * saw the context. Divisions with a code keep the gazetteer's reading.
 */
export function namesOtherThanPlace(entity: Entity, model: ModelReadings): boolean {
  if (entity.label !== 'LOC' || entity.code !== undefined) return false;
  return model.reads(entity, 'ORG') || model.reads(entity, 'PERSON');
}

/**
 * A person the model read as a surname and a lexicon title (王大夫, 李教授, 张书记): the surname is the
 * person and the title a title (王 | 大夫, source `rule:surname-title`), as People's Daily marks them
 * and as a title is never part of a name elsewhere; `linkReferences` then points the surname at a full
 * name of the document (张书记 → 张建国). Not where the surname character is a word of its own that
 * starts no name (向/p 记者). Returns the two, or undefined.
 */
export function surnameThenTitle(input: EntityInput, start: number, end: number): Entity[] | undefined {
  const written = input.normalized.slice(start, end);
  const surname = surnameLengthOf(written);
  if (surname === 0 || surname >= written.length) return undefined;
  const form = written.slice(surname);
  const entry = input.dictionary.lookupAll(form).find((candidate) => candidate.label === 'TITLE');
  if (!entry) return undefined;
  const word = tokenStartingAt(input.tokens, start);
  if (word && word.end === start + surname && !nameStart(word)) return undefined;
  return [
    makeEntity(input.text, start, start + surname, 'PERSON', 'rule:surname-title', { title: entry.term }),
    entityFromMatch(input.text, { start: start + surname, end, form, entry }),
  ];
}

/**
 * The lexicon title in the rest of a segmenter word whose surname the model read alone (吴厂长, 李教授
 * as one word; the model reads 吴, as People's Daily marks such names): `surnameThenTitle` for a model
 * that stops at the surname. Returns the title, or undefined.
 */
export function titleAfterSurname(input: EntityInput, start: number, end: number): Entity | undefined {
  const word = tokenStartingAt(input.tokens, start);
  if (!word || word.end <= end) return undefined;
  const written = input.normalized.slice(start, end);
  if (surnameLengthOf(written) !== written.length) return undefined;
  const form = input.normalized.slice(end, word.end);
  const entry = input.dictionary.lookupAll(form).find((candidate) => candidate.label === 'TITLE');
  return entry ? entityFromMatch(input.text, { start: end, end: word.end, form, entry }) : undefined;
}

/**
 * A gazetteer organization written alone (not composed with a place) that the model does not read as
 * that organization, and that heads no official title (市政府 | 秘书长, 党委 | 书记, where the officials
 * need the body): a short name or alias (工商银行, 中共 in 比赛中共获) is then a word, not a name; under
 * the gold sets' guidelines (`strict`) so is a body named by its kind or a newspaper's title. People's
 * Daily marks neither a body named by its kind (市委、市政府将…, 在党支部的带领下) nor a newspaper's title
 * (人民日报/nz), and the model, which reads the gazetteer as a feature, learnt that; on the selection
 * days (a model trained on Jan 1–17, scored on Jan 18–20) such matches were right 0 times and wrong 45.
 */
export function unsureOrganization(
  entity: Entity,
  model: ModelReadings,
  officialTitleStarts: ReadonlySet<number>,
  strict: boolean,
): boolean {
  if (entity.label !== 'ORG') return false;
  // A specific body written by its full name (中国工商银行, not 工商银行 or 工行) names one organization;
  // under zhtag's guidelines so does a body named by its kind and a newspaper.
  const byKind = entity.type === 'generic' || entity.type === 'newspaper';
  if (entity.text === entity.term && (!byKind || !strict)) return false;
  return !model.reads(entity, 'ORG') && !officialTitleStarts.has(entity.end);
}

/**
 * A gazetteer organization the model reads shorter, where what is left of it and the official title
 * after it make a lexicon title (省人大常委会|副主任 read as 省人大 + 常委会副主任): People's Daily marks
 * the model's body (省人大) and leaves 常委会 to the office, and the official keeps a body and a title.
 * On the selection days (Jan 18–20) all 3 such gazetteer matches were wrong. The caller asks only
 * under the gold sets' guidelines: zhtag's keep the body the office belongs to (省人大常委会). Returns
 * the organizations and titles to drop and the longer titles to add (`rule:title-after-body`, as in
 * `titlesAfterBodies`).
 */
export function bodiesInsideTitles(
  input: EntityInput,
  organizations: readonly Entity[],
  model: ModelReadings,
  officialTitles: readonly Entity[],
): { dropped: Set<Entity>; added: Entity[] } {
  const dropped = new Set<Entity>();
  const added: Entity[] = [];
  for (const org of organizations) {
    const title = officialTitles.find((t) => t.start === org.end);
    if (!title) continue;
    for (const end of model.ends(org.start, 'ORG')) {
      if (end >= org.end) continue;
      const rest = input.dictionary
        .lookupAll(input.normalized.slice(end, title.end))
        .find((entry) => entry.label === 'TITLE');
      if (!rest) continue;
      dropped.add(org);
      dropped.add(title);
      added.push(
        makeEntity(input.text, end, title.end, 'TITLE', 'rule:title-after-body', {
          term: rest.term,
          type: rest.type,
          official: rest.attrs.official,
          fullTitle: input.text.slice(end, title.end),
        }),
      );
      break;
    }
  }
  return { dropped, added };
}

/**
 * A body split off a title (党组 | 书记, 镇党委 | 书记) that names no level (省委, 市委, 县委 name the
 * document's province, city, county; 党组, 党委, 党支部, 镇党委 name nobody) and follows no place or body
 * it would belong to (云台山镇 + 镇党委, 市财政局 + 党组): the title stays whole (党组书记), as People's
 * Daily leaves such a body unmarked (selection days Jan 18–20: 2 such bodies, both wrong). Edits `kept`.
 */
export function rejoinUnnamedBodies(
  kept: Entity[],
  splitFrom: ReadonlyMap<Entity, { title: Entity; rest: Entity }>,
) {
  if (splitFrom.size === 0) return;
  const ends = new Set<number>();
  for (const e of kept) if (e.label === 'ORG' || (e.label === 'LOC' && e.code !== undefined)) ends.add(e.end);
  const rejoined = new Set<Entity>();
  for (const [body, { title, rest }] of splitFrom) {
    if (levelOfName(String(body.term ?? body.text)) !== undefined) continue;
    if (ends.has(body.start) || ends.has(body.start + 1)) continue;
    rejoined.add(body).add(rest);
    kept.push(title);
  }
  for (let i = kept.length - 1; i >= 0; i--) if (rejoined.has(kept[i] as Entity)) kept.splice(i, 1);
}
