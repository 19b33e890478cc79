import type { Dictionary, DictMatch } from '../dictionary/dictionary.js';
import type { DictEntry } from '../dictionary/entry.js';
import { ABBREVIATION_UNITS, abbreviationInWord } from '../ner/conventions.js';
import type { NerModel } from '../ner/model.js';
import { byPosition, settleOverlaps } from '../overlaps.js';
import type { Entity, Token } from '../types.js';
import { overrunsSureName, sameNames, splitAtSpaces, sureNames } from './consistent-names.js';
import { englishEntities } from './english.js';
import { foreignReading } from './foreign-readings.js';
import { linkReferences, makeEntity, namesAfterTitles, type TokenAt, tokenStartingAt } from './names.js';
import {
  composeOrganizations,
  genericBody,
  nameOrganizations,
  placeBodiesInside,
  sharedBodies,
} from './organizations.js';
import { type Division, DocumentPlaces, type PlaceIndex } from './places.js';
import {
  ambiguousPlace,
  bodiesInsideTitles,
  ModelReadings,
  namesOtherThanPlace,
  rejoinUnnamedBodies,
  surnameThenTitle,
  titleAfterSurname,
  unsureOrganization,
  unsureRegion,
} from './readings.js';
import { tidySpan } from './tidy.js';
import { titleCandidates } from './titles.js';
import { townshipCandidates } from './townships.js';

/** What the entity stage reads. `frozen` are the dictionary entities already fixed (policy, user). */
export interface RecognizeInput {
  text: string;
  normalized: string;
  tokens: Token[];
  frozen: Entity[];
  dictionary: Dictionary;
  places: PlaceIndex;
  model?: NerModel;
  /**
   * Whose guidelines the entities follow (`EntityGuidelines`): `zhtag` reports every body, newspaper
   * and region a reader asks about; `pd1998` and `bio` leave out what those gold sets never mark.
   */
  guidelines?: EntityGuidelines;
  entityFromMatch(text: string, match: DictMatch): Entity;
}

/**
 * `zhtag` (the default): every party and government body, even one named by its kind (市政府 in
 * 市委、市政府), every newspaper (河南日报, kind media) and every region of the gazetteer (黄河, 太行山,
 * 东北). `pd1998` and `bio`: what People's Daily 1998 and the character-BIO news sets mark: a body named
 * only by its kind, a newspaper's title (人民日报/nz) and a region without a division code count only
 * where the model reads them; a body the model reads shorter before a title leaves the rest to the
 * title (省人大 | 常委会副主任).
 */
export type EntityGuidelines = 'zhtag' | 'pd1998' | 'bio';

/** Sources, strongest first, for the tie-break after length. */
const PRIORITY: Record<string, number> = { rule: 3, dictionary: 2, model: 1 };

/** Statistical sources: the NER model and compromise (English). */
const MODELS = new Set(['model', 'compromise']);

function priorityOf(entity: Entity): number {
  if (entity.source.startsWith('rule:')) return PRIORITY.rule ?? 0;
  return MODELS.has(entity.source) ? (PRIORITY.model ?? 0) : (PRIORITY.dictionary ?? 0);
}

/**
 * Splits titles that begin with a generic body (市委书记 → 市委 + 书记, 省委副书记 → 省委 + 副书记) so
 * the body can join a preceding place (焦作 + 市委 → 焦作市委). Returns the pieces, or undefined.
 */
function splitTitle(input: RecognizeInput, title: Entity): { body: Entity; rest: Entity } | undefined {
  const { text, normalized, dictionary } = input;
  for (let cut = Math.min(5, title.end - title.start - 1); cut >= 2; cut--) {
    const body = genericBody(dictionary, normalized.slice(title.start, title.start + cut));
    if (!body) continue;
    const rest = dictionary
      .lookupAll(normalized.slice(title.start + cut, title.end))
      .find((e) => e.label === 'TITLE');
    if (!rest) continue;
    const attrs = { kind: body.attrs.kind, term: body.term, fullTitle: title.text };
    return {
      body: makeEntity(text, title.start, title.start + cut, 'ORG', 'rule:title-body', attrs),
      rest: makeEntity(text, title.start + cut, title.end, 'TITLE', 'rule:title-body', {
        term: rest.term,
        type: rest.type,
        official: rest.attrs.official,
        fullTitle: title.text,
      }),
    };
  }
  return undefined;
}

/** Gazetteer matches that line up with token boundaries (soft terms never cut through a word). */
function gazetteerCandidates(input: RecognizeInput, soft: DictMatch[]): Entity[] {
  const { text, tokens } = input;
  const starts = new Uint8Array(text.length + 1);
  const ends = new Uint8Array(text.length + 1);
  for (const token of tokens) {
    starts[token.start] = 1;
    ends[token.end] = 1;
  }
  const out: Entity[] = [];
  for (const match of soft) {
    // titles have their own matcher (titles.ts): they may sit inside a segmenter word (本报记者)
    if (match.entry.label === 'TITLE') continue;
    const aligned = starts[match.start] === 1 && ends[match.end] === 1;
    if (aligned) out.push(input.entityFromMatch(text, match));
  }
  return out;
}

/**
 * A title from the lexicon that begins inside or with an organization found by the model or a
 * gazetteer (中共中央政治局|常委 read as 中共 + 中央政治局常委; 海南省人大常委会|副主任 as 海南省 +
 * 人大常委会副主任; 全国政协|委员, 中央纪委|书记): when the rest of the title after the organization is
 * itself a title, the organization and that rest are the reading (People's Daily brackets the body
 * whole, and the official is the body's 常委, as 市委书记 is 市委 + 书记).
 * Returns the titles to drop and the shorter titles to add (`rule:title-after-body`).
 */
function titlesAfterBodies(
  input: RecognizeInput,
  titles: Entity[],
  organizations: Entity[],
): { dropped: Set<Entity>; added: Entity[] } {
  const dropped = new Set<Entity>();
  const added: Entity[] = [];
  // Organizations by end offset: a title is a few characters long, so each one looks up only the
  // offsets inside it (a pairwise scan was quadratic on long documents).
  const byEnd = new Map<number, Entity[]>();
  for (const org of organizations) {
    const list = byEnd.get(org.end);
    if (list) list.push(org);
    else byEnd.set(org.end, [org]);
  }
  const restTitle = (from: number, to: number) =>
    input.dictionary.lookupAll(input.normalized.slice(from, to)).find((entry) => entry.label === 'TITLE');
  for (const title of titles) {
    let split: { body: Entity; rest: DictEntry } | undefined;
    for (let end = title.start + 1; end < title.end && !split; end++) {
      for (const body of byEnd.get(end) ?? []) {
        const rest = body.start <= title.start ? restTitle(end, title.end) : undefined;
        if (rest) {
          split = { body, rest };
          break;
        }
      }
    }
    if (!split) continue;
    const { body, rest } = split;
    dropped.add(title);
    added.push(
      makeEntity(input.text, body.end, title.end, 'TITLE', 'rule:title-after-body', {
        term: rest.term,
        type: rest.type,
        official: rest.attrs.official,
        fullTitle: title.text,
      }),
    );
  }
  return { dropped, added };
}

/**
 * The one rule that settles overlapping entities: the longest wins, then the stronger source
 * (rule > dictionary > model), then the earliest. Frozen dictionary entities (policy and user
 * terms) are placed first and always win. Losers go to `nested`.
 */
export function selectEntities(frozen: Entity[], candidates: Entity[], length: number) {
  const taken = new Uint8Array(length);
  for (const entity of frozen) taken.fill(1, entity.start, entity.end);
  // The same span and label from two sources is one candidate (the stronger one is kept).
  const unique = new Map<string, Entity>();
  for (const entity of candidates) {
    const key = `${entity.start}:${entity.end}:${entity.label}`;
    const seen = unique.get(key);
    if (!seen || priorityOf(entity) > priorityOf(seen)) unique.set(key, entity);
  }
  const { kept, lost } = settleOverlaps([...unique.values()], priorityOf, taken);
  return { entities: [...frozen, ...kept].sort(byPosition), nested: lost };
}

/**
 * A place directly followed by 地区 ("region"), as one place: People's Daily 1998 marks 亚太地区,
 * 中东地区, 张家口地区 whole (154 times in the training days Jan 1–20, against 44 times the place alone
 * before 地区), and the model has learnt which: where it reads the place and stops before 地区, it is
 * right more often than this rule (selection days Jan 18–20, model trained on Jan 1–17: 华东|地区,
 * 张北|地区, 苏联|地区 and three more were the place alone, 北京地区 and one more whole). So the rule
 * only joins 地区 to a gazetteer place the model does not read as a place (`rule:place-region`). The
 * `bio` convention leaves 地区 out instead.
 */
function placesWithRegion(text: string, candidates: readonly Entity[]): Entity[] {
  const out: Entity[] = [];
  const seen = new Set<number>();
  for (const place of candidates)
    if (place.label === 'LOC' && place.source === 'model')
      seen.add(place.start * (text.length + 1) + place.end);
  for (const place of candidates) {
    if (place.label !== 'LOC' || !text.startsWith('地区', place.end)) continue;
    const key = place.start * (text.length + 1) + place.end;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(makeEntity(text, place.start, place.end + 2, 'LOC', 'rule:place-region', { place: place.text }));
  }
  return out;
}

/**
 * One-character abbreviations of provinces written as a word of their own or run together (豫/ns 企, 川/j
 * 渝/j 两地, 豫港/ns 合作, 湘鄂赣/j 三省): every character is the province (豫 → 河南省 410000), as People's
 * Daily tags a lone abbreviation (`j`) and the character-BIO sets tag 欧 美 (`rule:place-abbreviation`).
 * Countries (美, 俄) are left to the model: the core dictionary tags words such as 美德 and 赞美 `ns`.
 */
function abbreviatedProvinces(input: RecognizeInput): Entity[] {
  const out: Entity[] = [];
  const { text, normalized, tokens, places } = input;
  for (const token of tokens) {
    if (token.end - token.start > 4 || !(token.pos === 'j' || token.pos === 'ns')) continue;
    let all = true;
    for (let i = token.start; i < token.end && all; i++)
      all = places.byAbbreviation.has(normalized.charAt(i));
    if (!all) continue;
    for (let i = token.start; i < token.end; i++) {
      const division = places.byAbbreviation.get(normalized.charAt(i)) as Division;
      out.push(
        makeEntity(text, i, i + 1, 'LOC', 'rule:place-abbreviation', {
          refersTo: division.name,
          code: division.code,
          level: division.level,
        }),
      );
    }
  }
  return out;
}

/** Countries that ordinary words abbreviate to one character (访华, 中方, 美军, 访俄): the country. */
const ABBREVIATED_COUNTRIES = new Map([
  ['中', '中国'],
  ['华', '中国'],
  ['美', '美国'],
  ['日', '日本'],
  ['俄', '俄罗斯'],
  ['英', '英国'],
  ['法', '法国'],
  ['德', '德国'],
  ['韩', '韩国'],
  ['朝', '朝鲜'],
]);

/**
 * The place a segmenter word abbreviates inside itself (华 in 访华, 中 in 中药, 京 in 抵京, 沪 in 赴沪):
 * the character is that place (`rule:abbreviation-in-word`), as People's Daily's `pd1998` reading and the
 * character-BIO sets mark it. The words are the closed list of `abbreviationInWord` (src/ner/conventions.ts);
 * the model reads most of them (52 of 68 on the selection days, a model trained on Jan 1–17), this
 * rule the rest (14 right, 0 wrong there).
 */
function abbreviationsInWords(input: RecognizeInput): Entity[] {
  const out: Entity[] = [];
  const { text, normalized, tokens, places } = input;
  for (const token of tokens) {
    // every listed word has two units, one of them an abbreviation: most words fail before a slice
    if (
      token.end - token.start !== 2 ||
      !(
        ABBREVIATION_UNITS.has(normalized.charCodeAt(token.start)) ||
        ABBREVIATION_UNITS.has(normalized.charCodeAt(token.start + 1))
      )
    )
      continue;
    const at = abbreviationInWord(normalized.slice(token.start, token.end));
    if (at < 0) continue;
    const start = token.start + at;
    const character = normalized.charAt(start);
    const division = places.byAbbreviation.get(character);
    const country = ABBREVIATED_COUNTRIES.get(character);
    const attributes = division
      ? { refersTo: division.name, code: division.code, level: division.level }
      : country
        ? { refersTo: country }
        : {};
    out.push(makeEntity(text, start, start + 1, 'LOC', 'rule:abbreviation-in-word', attributes));
  }
  return out;
}

/** The entity stage: gazetteers, composition rules and the statistical model, settled by one rule. */
export function recognizeEntities(input: RecognizeInput): {
  entities: Entity[];
  nested: Entity[];
  where: DocumentPlaces;
} {
  const soft = input.dictionary.findSoft(input.normalized);
  const gazetteer = [
    ...gazetteerCandidates(input, soft),
    ...titleCandidates(
      input,
      soft.filter((match) => match.entry.label === 'TITLE'),
    ),
  ];
  const candidates: Entity[] = [];
  const titles: Entity[] = [];
  // The body split off a title (党组 of 党组书记), with the title whole and the rest.
  const splitFrom = new Map<Entity, { title: Entity; rest: Entity }>();
  for (const entity of gazetteer) {
    if (entity.label !== 'TITLE') {
      candidates.push(entity);
      continue;
    }
    const split = splitTitle(input, entity);
    if (split) {
      titles.push(split.body, split.rest);
      splitFrom.set(split.body, { title: entity, rest: split.rest });
    } else candidates.push(entity);
  }
  candidates.push(...titles);
  const named = gazetteer.filter((e) => e.label === 'LOC');
  const townships = input.places.townships
    ? townshipCandidates(input.text, input.normalized, input.tokens, input.places.townships, named, (word) =>
        input.dictionary.lookupAll(word).some((e) => e.label === 'TITLE' || e.type === 'generic'),
      )
    : [];
  candidates.push(...townships);
  // Townships compose with their bodies too (云台山镇 + 镇党委).
  const places = [...named, ...townships.filter((e) => e.code !== undefined)];
  const bodies = [
    ...titles.filter((e) => e.label === 'ORG'),
    ...gazetteer.filter((e) => e.label === 'ORG' && e.type === 'generic'),
    ...sharedBodies(input, soft, places),
  ];
  candidates.push(
    ...composeOrganizations(
      input,
      places,
      bodies,
      gazetteer.filter((e) => e.label === 'ORG'),
    ),
  );
  const modelPersons = new Set<number>();
  // The model segments for itself: it was trained on jieba's tags without HMM, and the pipeline's
  // tokens (HMM on, dictionary terms frozen) give it different features (measured: PERSON recall
  // on example.dev 0.62 with our tokens, 0.74 with its own).
  if (input.model) {
    // A name never ends in a title of two characters or more: the model's 向记者 is 向 + 记者.
    const titleEnds = new Map<number, number>();
    for (const e of gazetteer)
      if (e.label === 'TITLE' && e.end - e.start >= 2)
        titleEnds.set(e.end, Math.max(titleEnds.get(e.end) ?? 0, e.end - e.start));
    // It reads the normalized text (same offsets): traditional characters as simplified, and the dot
    // variants of transliterated names as People's Daily's ·.
    for (const predicted of input.model.predict(input.normalized)) {
      const span = tidySpan(input.text, predicted.start, predicted.end, predicted.label);
      if (!span) continue;
      const surnameAndTitle = predicted.label === 'PERSON' && surnameThenTitle(input, span.start, span.end);
      if (surnameAndTitle) {
        candidates.push(...surnameAndTitle);
        modelPersons.add(span.start);
        continue;
      }
      const titleLength = predicted.label === 'PERSON' ? (titleEnds.get(span.end) ?? 0) : 0;
      if (titleLength > 0 && titleLength < span.end - span.start) continue;
      const title = predicted.label === 'PERSON' && titleAfterSurname(input, span.start, span.end);
      if (title) candidates.push(title);
      candidates.push(
        ...splitAtSpaces(
          input.text,
          foreignReading(
            makeEntity(input.text, span.start, span.end, predicted.label, 'model', {
              score: Number(predicted.score.toFixed(3)),
            }),
          ),
        ),
      );
      if (predicted.label === 'PERSON') modelPersons.add(span.start);
    }
  }
  candidates.push(...englishEntities(input.text));
  candidates.push(...abbreviatedProvinces(input));
  candidates.push(...abbreviationsInWords(input));
  if (input.model?.convention !== 'bio') candidates.push(...placesWithRegion(input.text, candidates));
  // A name the who's-who knows, or read right after an official title, is read so at every mention.
  const sure = sureNames(
    candidates,
    gazetteer.filter((e) => e.label === 'PERSON'),
  );
  candidates.push(...sameNames(input.text, input.tokens, sure));
  // The token at an offset, for the rules that ask what word stands at a place.
  const tokenAt: TokenAt = (start) => tokenStartingAt(input.tokens, start);
  const modelReadings = new ModelReadings(candidates);
  const split = titlesAfterBodies(
    input,
    candidates.filter((e) => e.label === 'TITLE' && !e.source.startsWith('rule:')),
    candidates.filter((e) => e.label === 'ORG'),
  );
  const fromGazetteer = new Set(gazetteer);
  const officialTitles = [...candidates, ...split.added].filter(
    (e) => e.label === 'TITLE' && e.official !== 'no' && !split.dropped.has(e),
  );
  // Where an official's title or a body heading one begins: bodies chain (市财政局 + 党组 + 书记).
  const officialTitleStarts = new Set(officialTitles.map((e) => e.start));
  const organizationsFromEnd = candidates
    .filter((e) => e.label === 'ORG')
    .sort((a, b) => b.end - a.end || b.start - a.start);
  for (const org of organizationsFromEnd)
    if (officialTitleStarts.has(org.end)) officialTitleStarts.add(org.start);
  // What the gold sets never mark goes under their guidelines only (`EntityGuidelines`).
  const strict = input.guidelines === 'pd1998' || input.guidelines === 'bio';
  const inside = strict
    ? bodiesInsideTitles(
        input,
        candidates.filter((e) => fromGazetteer.has(e) && e.label === 'ORG' && !modelReadings.reads(e, 'ORG')),
        modelReadings,
        officialTitles,
      )
    : { dropped: new Set<Entity>(), added: [] };
  const kept = candidates.filter(
    (e) =>
      !split.dropped.has(e) &&
      !inside.dropped.has(e) &&
      !overrunsSureName(e, sure) &&
      !(fromGazetteer.has(e) && ambiguousPlace(e, tokenAt) && !modelReadings.reads(e, 'LOC')) &&
      !(
        input.model &&
        fromGazetteer.has(e) &&
        (unsureOrganization(e, modelReadings, officialTitleStarts, strict) ||
          (strict && unsureRegion(e, modelReadings)) ||
          namesOtherThanPlace(e, modelReadings))
      ),
  );
  kept.push(...split.added.filter((e) => !inside.dropped.has(e)), ...inside.added);
  rejoinUnnamedBodies(kept, splitFrom);
  const allTitles = kept.filter((e) => e.label === 'TITLE');
  kept.push(...namesAfterTitles(input.text, tokenAt, allTitles, modelPersons));
  const { entities, nested } = selectEntities(input.frozen, kept, input.text.length);
  // The document's places (dominant divisions) come from the entities kept; officials use them too.
  const where = new DocumentPlaces(input.places, entities);
  placeBodiesInside(input, entities, soft);
  nameOrganizations(entities, where);
  return { entities: linkReferences(input.text, entities), nested, where };
}
