import { SURNAMES_1, SURNAMES_2 } from '../ner/lexicon.js';
import type { Entity, Label, Token } from '../types.js';

/**
 * Person rules of the entity stage: names written after a title where the model found none, and
 * short references (张书记) linked to the person named earlier in the document.
 */

/** An entity over `text[start, end)`. */
export function makeEntity(
  text: string,
  start: number,
  end: number,
  label: Label,
  source: string,
  attrs: object = {},
): Entity {
  return { text: text.slice(start, end), start, end, label, source, ...attrs };
}

/** The token that starts at an offset, if one does. */
export type TokenAt = (start: number) => Token | undefined;

/**
 * Binary search of the tokens (in order, never overlapping) for the one starting at `start`: the rules
 * ask about a few places per document, so no index of every token is built.
 */
export function tokenStartingAt(tokens: readonly Token[], start: number): Token | undefined {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((tokens[middle] as Token).start < start) low = middle + 1;
    else high = middle;
  }
  const token = tokens[low];
  return token?.start === start ? token : undefined;
}

const SURNAME_SET = new Set(SURNAMES_1);
/**
 * Characters that start the predicate after a name (王凯在洛阳, 姚兵到企业, 王刚介绍): a third
 * character from this set ends the name at two.
 */
const AFTER_NAME = new Set(
  '在到的和与是出主带作表介陪调会说指参同等汇接对为向从将就也都已又还要今昨讲视率赴看慰考察听致发强提'.split(
    '',
  ),
);
const CJK = /^[\u4e00-\u9fff]$/;

/** Forms of address after a surname (贾先生, 王女士): no given name follows. */
const HONORIFIC = /^(先生|女士|小姐|同志|老师|师傅|大夫|总|老|某)/;

/**
 * Whether a segmenter word that starts a name candidate but ends inside it may begin a name: a name
 * word (nr, unknown x, a place-like ns), or a lone character that is not a function word (王/nr 大为).
 */
export function nameStart(word: Token): boolean {
  if (/^(nr|x|ns|nz)/.test(word.pos)) return true;
  return word.end - word.start === 1 && !/^[pdcuvrfmqatsyeoz]/.test(word.pos);
}

/** The length of the surname `name` starts with (a compound surname first: 欧阳, 司马), or 0. */
export function surnameLengthOf(name: string): number {
  if (SURNAMES_2.includes(name.slice(0, 2))) return 2;
  return SURNAME_SET.has(name.charAt(0)) ? 1 : 0;
}

/**
 * A name written right after a title (市长助理王刚, 记者 陈学桦): a known surname and one or two
 * given-name characters, where the model found no person. Source `rule:title-name`.
 */
export function namesAfterTitles(
  text: string,
  tokenAt: TokenAt,
  titles: Entity[],
  modelPersons: Set<number>,
): Entity[] {
  const out: Entity[] = [];
  for (const title of titles) {
    let start = title.end;
    while (text[start] === ' ' || text[start] === '\u3000') start++;
    if (modelPersons.has(start)) continue;
    const surnameLength = surnameLengthOf(text.slice(start, start + 2));
    if (surnameLength === 0) continue;
    let end = start + surnameLength;
    let given = 0;
    while (given < 2 && CJK.test(text[end] ?? '') && !(given === 1 && AFTER_NAME.has(text[end] ?? ''))) {
      end++;
      given++;
    }
    if (given === 0) continue;
    // A name starts a word (官兵, 查明: a surname character inside a word starts no name).
    const word = tokenAt(start);
    if (!word) continue;
    // A dictionary word that is not a name (张书记强调: 强调/v) is not a name however it starts.
    if (word.end >= end && !word.pos.startsWith('nr') && word.pos !== 'x') continue;
    // The surname character begins a word that is no name (向/p 记者, 都/d 有, 包括/v 李, 文艺/n 著作),
    // or a form of address follows it (贾先生: the surname alone is no full name).
    if (word.end < end && !nameStart(word)) continue;
    // The given name is not a verb, adverb or function word that stands after the surname (主席时|表示).
    const after = tokenAt(start + surnameLength);
    if (after && after.end - after.start >= 2 && /^[vdpcu]/.test(after.pos)) continue;
    if (HONORIFIC.test(text.slice(start + surnameLength))) continue;
    out.push(makeEntity(text, start, end, 'PERSON', 'rule:title-name'));
  }
  return out;
}

/**
 * Short references to a person named earlier: in a surname and a title (张书记, 李省长) the surname
 * becomes a PERSON with `refersTo` (the title stays a TITLE); a full name seen before gets `refersTo`
 * its first mention.
 */
export function linkReferences(text: string, entities: Entity[]): Entity[] {
  const firstByName = new Map<string, Entity>();
  // The first full name (two characters or more) for each surname character, for 张书记 → 张建国.
  const firstBySurname = new Map<string, Entity>();
  const out: Entity[] = [];
  for (let i = 0; i < entities.length; i++) {
    const entity = entities[i] as Entity;
    if (entity.label === 'PERSON') {
      const first = firstByName.get(entity.text);
      if (first) entity.refersTo = { text: first.text, start: first.start, end: first.end };
      else firstByName.set(entity.text, entity);
      const surname = entity.text.charAt(0);
      if (entity.text.length >= 2 && !firstBySurname.has(surname)) firstBySurname.set(surname, entity);
    }
    const previous = out[out.length - 1];
    const surnameStart = entity.start - 1;
    // The model may tag the lone surname (张|书记) as a person: the reference replaces it.
    const loneSurname =
      previous?.label === 'PERSON' && previous.start === surnameStart && previous.end === entity.start;
    if (
      entity.label === 'TITLE' &&
      (entity.official !== 'no' || entity.type === 'other') &&
      surnameStart >= 0 &&
      (!previous || previous.end <= surnameStart || loneSurname)
    ) {
      const surname = text[surnameStart] ?? '';
      const person = firstBySurname.get(surname);
      if (person) {
        // The surname is the person and the title stays a title (张 | 书记), as People's Daily marks it
        // and as titles are never part of a name elsewhere.
        if (loneSurname) out.pop();
        out.push(
          makeEntity(text, surnameStart, entity.start, 'PERSON', 'rule:surname-title', {
            refersTo: { text: person.text, start: person.start, end: person.end },
            title: entity.term ?? entity.text,
          }),
        );
      }
    }
    out.push(entity);
  }
  return out;
}
