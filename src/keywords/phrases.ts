import type { Entity, Token } from '../types.js';
import { hasHan, isFunctionTag, isNumberLike } from './stopwords.js';

/** A token, or the tokens an entity covers joined into one: entities are never split into parts. */
export interface Unit {
  text: string;
  pos: string;
  start: number;
  end: number;
  /** The entity this unit is, if any. */
  entity?: Entity;
}

/** Tag an entity unit takes, by label. */
const ENTITY_POS: Record<string, string> = { PERSON: 'nr', ORG: 'nt', LOC: 'ns', TITLE: 'n', POLICY: 'nz' };

/** A keyword candidate: a word, an entity or a multi-unit phrase, with its occurrences in the text. */
export interface Candidate {
  term: string;
  kind: 'word' | 'phrase' | 'entity';
  pos: string;
  /** Surface forms of its units (for a phrase), used to estimate the IDF of unseen phrases. */
  parts: string[];
  count: number;
  /** Offset of the first occurrence. */
  first: number;
  label?: string;
  entity?: Entity;
}

/** Tags of words that can close a keyphrase (nouns, verbal and adjectival nouns, abbreviations, Latin). */
const HEAD_TAG = /^(n|nr|nrt|ns|nt|nz|nw|vn|an|j|l|eng|ng)$/;
/** Tags of words that can stand inside a keyphrase before its head. */
const MODIFIER_TAG = /^(n|nr|nrt|ns|nt|nz|nw|vn|an|j|l|eng|ng|a|b|v|vd|f|s)$/;

/**
 * True when a unit may be part of a keyphrase. Entities are keywords on their own, never parts of a
 * longer one: a policy term stays the term it is (十大战略, not 实施十大战略), a person stays a person
 * (葛巧红, not 市委书记葛巧红). The engine's own `nr` may join, as on technical text it is mostly a
 * wrong guess (平方和/nr 优化). A one-character verb is a predicate (居, 为, 可), not part of a name.
 */
function joinsPhrases(unit: Unit): boolean {
  if (unit.entity) return false;
  return MODIFIER_TAG.test(unit.pos) && !(unit.text.length === 1 && unit.pos.startsWith('v'));
}

function headsPhrases(unit: Unit): boolean {
  return !unit.entity && HEAD_TAG.test(unit.pos);
}

/** Options of `collectCandidates`. */
export interface CandidateOptions {
  stopWords: ReadonlySet<string>;
  /** Tags a single word needs to be a candidate (entities always are). */
  allowPos: ReadonlySet<string>;
  /** Most units in a phrase. */
  maxPhraseUnits: number;
  /** Most characters in a phrase. */
  maxPhraseChars: number;
}

/**
 * Joins the tokens each entity covers into one unit. Entities that do not line up with token
 * boundaries are left as tokens.
 */
export function toUnits(tokens: readonly Token[], entities: readonly Entity[]): Unit[] {
  const units: Unit[] = [];
  let e = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    while (e < entities.length && (entities[e] as Entity).end <= token.start) e++;
    const entity = entities[e];
    if (entity && entity.start === token.start) {
      let j = i;
      while (j + 1 < tokens.length && (tokens[j + 1] as Token).end <= entity.end) j++;
      if ((tokens[j] as Token).end === entity.end) {
        units.push({
          text: entity.text,
          pos: ENTITY_POS[entity.label] ?? 'nz',
          start: entity.start,
          end: entity.end,
          entity,
        });
        i = j;
        continue;
      }
    }
    units.push({ text: token.text, pos: tagOf(token), start: token.start, end: token.end });
  }
  return units;
}

/**
 * A token's tag for keyword purposes. Words the engine found with its HMM are in no dictionary and
 * come tagged `x` like punctuation; in Chinese they are mostly new words (names, slogans), so they
 * count as `nw` (new word) and get an estimated IDF.
 */
function tagOf(token: Token): string {
  return token.pos === 'x' && token.text.length >= 2 && hasHan(token.text) ? 'nw' : token.pos;
}

/** A unit that may take part in a keyword at all (not a number, symbol, function or stop word). */
export function isContentUnit(unit: Unit, stopWords: ReadonlySet<string>): boolean {
  // Policy and user terms were listed on purpose; gazetteer entities can still be boilerplate (记者).
  if (unit.entity) return unit.entity.label === 'POLICY' || !stopWords.has(unit.text);
  if (isFunctionTag(unit.pos) || stopWords.has(unit.text) || isNumberLike(unit.text)) return false;
  return unit.pos === 'eng' ? /^[A-Za-z][A-Za-z0-9-]*$/.test(unit.text) : hasHan(unit.text);
}

/** The canonical term of an entity (POLICY aliases map to their term), else its text. */
function entityTerm(entity: Entity): string {
  return typeof entity.term === 'string' ? entity.term : entity.text;
}

/**
 * Candidates of one document: entities whole; words whose tag is allowed (two characters or more,
 * never numbers or stop words); and phrases, the runs of 2..maxPhraseUnits adjacent content units
 * (no punctuation or space between) that end on a noun-like head.
 */
export function collectCandidates(units: readonly Unit[], options: CandidateOptions): Map<string, Candidate> {
  const candidates = new Map<string, Candidate>();
  // Per-unit tests once, in typed arrays: this runs on every document and must stay cheap.
  const count = units.length;
  const content = new Uint8Array(count);
  const joins = new Uint8Array(count);
  const heads = new Uint8Array(count);
  const han = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const unit = units[i] as Unit;
    if (!isContentUnit(unit, options.stopWords)) continue;
    content[i] = 1;
    joins[i] = joinsPhrases(unit) ? 1 : 0;
    heads[i] = headsPhrases(unit) ? 1 : 0;
    han[i] = hasHan(unit.text) ? 1 : 0;
  }
  const seenAgain = (term: string): boolean => {
    const known = candidates.get(term);
    if (known) known.count++;
    return known !== undefined;
  };

  for (let i = 0; i < count; i++) {
    const unit = units[i] as Unit;
    if (!content[i]) continue;
    if (unit.entity) {
      const term = entityTerm(unit.entity);
      if (term.length < 2 || seenAgain(term)) continue;
      const { label } = unit.entity;
      candidates.set(term, {
        term,
        kind: 'entity',
        pos: unit.pos,
        parts: [term],
        count: 1,
        first: unit.start,
        label,
        entity: unit.entity,
      });
      continue;
    }
    if (
      unit.text.length >= 2 &&
      unit.pos !== 'eng' &&
      options.allowPos.has(unit.pos) &&
      !seenAgain(unit.text)
    ) {
      candidates.set(unit.text, {
        term: unit.text,
        kind: 'word',
        pos: unit.pos,
        parts: [unit.text],
        count: 1,
        first: unit.start,
      });
    }
    // Phrases starting here: extend while units stay adjacent content words.
    if (!joins[i]) continue;
    let term = unit.text;
    let anyHan = han[i] === 1;
    for (let j = i + 1; j < count && j - i < options.maxPhraseUnits; j++) {
      const next = units[j] as Unit;
      if (!content[j] || !joins[j] || next.start !== (units[j - 1] as Unit).end) break;
      term += next.text;
      if (term.length > options.maxPhraseChars) break;
      anyHan ||= han[j] === 1;
      if (!heads[j] || !anyHan || seenAgain(term)) continue;
      candidates.set(term, {
        term,
        kind: 'phrase',
        pos: next.pos,
        parts: units.slice(i, j + 1).map((part) => part.text),
        count: 1,
        first: unit.start,
      });
    }
  }
  return candidates;
}
