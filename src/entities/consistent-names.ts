import type { Entity, Token } from '../types.js';
import { makeEntity } from './names.js';

/**
 * Names read the same way throughout a document. A name is *sure* where the who's-who gazetteer
 * (people.tsv) knows it, or where it follows an official title directly (国务委员王小洪). Then:
 * - every other place the document writes that name, on token boundaries, is a PERSON too
 *   (`rule:same-name`): 习近平主席 at the start of a sentence, where the model reads nothing;
 * - a model reading of a person that runs on past a sure name (普京下令 read 普京下, 拉夫罗夫向普京) is
 *   dropped: the sure name is the person.
 */

/**
 * A model PERSON that starts where a sure name starts and runs on past its end into the next word
 * (普京下令 read 普京下: it ends inside 下令) or into another sure name (拉夫罗夫向普京). One that ends
 * where a word ends may be a longer name (陈武元 beside a sure 陈武) and stays. A name guessed after a
 * title (`rule:title-name`: a surname and up to two characters) that runs past a sure name never stays.
 */
export function overrunsSureName(
  entity: Entity,
  sureEnds: ReadonlyMap<number, number>,
  wordEnds: (offset: number) => boolean,
): boolean {
  if (entity.label !== 'PERSON') return false;
  const guessed = entity.source === 'rule:title-name';
  if (entity.source !== 'model' && !guessed) return false;
  const end = sureEnds.get(entity.start);
  if (end === undefined || end >= entity.end) return false;
  // a surname and characters guessed after a title never beat a name known to start there
  if (guessed || !wordEnds(entity.end)) return true;
  for (let at = end; at < entity.end; at++) if (sureEnds.has(at)) return true;
  return false;
}

/** Splits a model PERSON at whitespace inside it (蔡奇　石泰峰: two names of a list). */
export function splitAtSpaces(text: string, entity: Entity): Entity[] {
  if (entity.label !== 'PERSON' || !/[\s\u3000]/.test(entity.text) || /·/.test(entity.text)) return [entity];
  const out: Entity[] = [];
  const pattern = /[^\s\u3000]+/g;
  for (let match = pattern.exec(entity.text); match; match = pattern.exec(entity.text)) {
    if (match[0].length < 2) continue;
    const start = entity.start + match.index;
    out.push(
      makeEntity(text, start, start + match[0].length, 'PERSON', entity.source, { score: entity.score }),
    );
  }
  return out;
}

/**
 * The sure names among the candidates, as a map from start to end (the longest at a start): who's-who
 * matches and persons right after an official title.
 */
export function sureNames(candidates: readonly Entity[], known: readonly Entity[]): Map<number, number> {
  const titleEnds = new Set<number>();
  for (const e of candidates) if (e.label === 'TITLE' && e.official !== 'no') titleEnds.add(e.end);
  const sure = new Map<number, number>();
  const add = (e: Entity) => sure.set(e.start, Math.max(sure.get(e.start) ?? 0, e.end));
  for (const e of known) add(e);
  for (const e of candidates)
    if (
      e.label === 'PERSON' &&
      e.end - e.start >= 2 &&
      e.source !== 'rule:surname-title' &&
      titleEnds.has(e.start)
    )
      add(e);
  return sure;
}

/**
 * The other mentions of the sure names: every occurrence that starts and ends on token boundaries and
 * is not a sure name already.
 */
export function sameNames(
  text: string,
  tokens: readonly Token[],
  sure: ReadonlyMap<number, number>,
): Entity[] {
  if (sure.size === 0) return [];
  const starts = new Uint8Array(text.length + 1);
  const ends = new Uint8Array(text.length + 1);
  for (const token of tokens) {
    starts[token.start] = 1;
    ends[token.end] = 1;
  }
  const names = new Set<string>();
  for (const [start, end] of sure) names.add(text.slice(start, end));
  const out: Entity[] = [];
  for (const name of names) {
    for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + name.length)) {
      if (sure.get(at) === at + name.length) continue;
      if (starts[at] === 1 && ends[at + name.length] === 1)
        out.push(makeEntity(text, at, at + name.length, 'PERSON', 'rule:same-name'));
    }
  }
  return out;
}
