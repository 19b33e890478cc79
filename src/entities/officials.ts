import type { Entity, Span } from '../types.js';
import { type DocumentPlaces, explicitJurisdiction, type Jurisdiction, levelOfName } from './places.js';

export type { Jurisdiction } from './places.js';

/** An official's mention: person + title + body + jurisdiction, as spans plus normalized values. */
export interface Official {
  person: Span;
  title: Span & { name: string };
  titles: Array<Span & { name: string }>;
  organization?: Span & { name: string; kind?: string };
  jurisdiction?: Jurisdiction;
  former?: boolean;
  /** The title follows the name (习近平总书记) instead of preceding it. */
  titleAfterName?: boolean;
  source: string;
}

/** What may stand between the parts of one official's mention (焦作市委书记、市长 张三). */
const JOINER = /^[\s、兼]*$/;
const MAX_PARTS = 6;

function spanOf(entity: Entity): Span {
  return { text: entity.text, start: entity.start, end: entity.end };
}

function titleName(entity: Entity): string {
  return String(entity.fullTitle ?? entity.term ?? entity.text);
}

/** Consecutive bodies (市财政局 + 党组) are one organization: 市财政局党组. */
function joinBodies(text: string, bodies: Entity[]): Entity | undefined {
  const first = bodies[0];
  const last = bodies[bodies.length - 1];
  if (!first || !last || first === last) return first;
  return {
    ...last,
    text: text.slice(first.start, last.end),
    start: first.start,
    end: last.end,
    name: bodies.map((b) => String(b.name ?? b.term ?? b.text)).join(''),
    jurisdiction: first.jurisdiction ?? last.jurisdiction,
  };
}

/**
 * The official's jurisdiction: the place written with the title (郑州市市长), else the body's own
 * (焦作市委, or 省委 resolved from the document), else the title's level in this document (省长).
 */
function resolveJurisdiction(
  organization: Entity | undefined,
  title: string,
  where: DocumentPlaces,
): Jurisdiction | undefined {
  if (organization?.label === 'LOC') {
    const division = where.index.get(organization.code as string | undefined);
    if (division) return explicitJurisdiction(division);
  }
  const attached = organization?.jurisdiction as Jurisdiction | undefined;
  if (attached) return attached;
  return levelOfName(title) ? where.resolve(title) : undefined;
}

/**
 * An official title written directly after the person (习近平总书记, 李强总理), when no other person's
 * mention claims it: the next entity starts where the name ends, and no person follows the title
 * (市长李明 in 张三市长李明 is 李明's).
 */
function titleAfter(text: string, entities: Entity[], index: number): Entity | undefined {
  const person = entities[index] as Entity;
  const title = entities[index + 1];
  if (title?.label !== 'TITLE' || title.start !== person.end || title.official === 'no') return undefined;
  const next = entities[index + 2];
  if (next?.label === 'PERSON' && JOINER.test(text.slice(title.end, next.start))) return undefined;
  return title;
}

/**
 * Links each PERSON to the titles and body written right before it (焦作市委书记葛巧红, 省委书记
 * 楼阳生, 县委书记兼县长李四), or to an official title right after it (习近平总书记). A person whose titles are all non-official (记者, 编辑) is not an
 * official. Jurisdiction comes from the body's place, else from the document's dominant division.
 */
export function linkOfficials(text: string, entities: Entity[], where: DocumentPlaces): Official[] {
  const officials: Official[] = [];
  entities.forEach((person, index) => {
    if (person.label !== 'PERSON' || person.source === 'rule:surname-title') return;
    const titles: Entity[] = [];
    const bodies: Entity[] = [];
    let place: Entity | undefined;
    let cursor = person.start;
    for (let j = index - 1; j >= 0 && index - j <= MAX_PARTS; j--) {
      const part = entities[j] as Entity;
      if (!JOINER.test(text.slice(part.end, cursor))) break;
      if (part.label === 'TITLE' && bodies.length === 0) titles.unshift(part);
      else if (part.label === 'ORG' && titles.length > 0) bodies.unshift(part);
      else if (part.label === 'LOC' && titles.length > 0 && part.code !== undefined) {
        place = part;
        cursor = part.start;
        break;
      } else break;
      cursor = part.start;
    }
    const organization = joinBodies(text, bodies);
    let official = titles.filter((t) => t.official !== 'no');
    // The name first (习近平总书记, 李强总理, 楼阳生书记): a title written right after the person.
    const after = official.length === 0 ? titleAfter(text, entities, index) : undefined;
    if (after) official = [after];
    if (official.length === 0) return;
    const main = official[official.length - 1] as Entity;
    const name = titleName(main);
    const record: Official = {
      person: spanOf(person),
      title: { ...spanOf(main), name },
      titles: official.map((t) => ({ ...spanOf(t), name: titleName(t) })),
      source: 'rule:title-person',
    };
    if (after) record.titleAfterName = true;
    if (organization) {
      record.organization = {
        ...spanOf(organization),
        name: String(organization.name ?? organization.term ?? organization.text),
      };
      if (organization.kind !== undefined) record.organization.kind = String(organization.kind);
    }
    const jurisdiction = resolveJurisdiction(organization ?? place, name, where);
    if (jurisdiction) record.jurisdiction = jurisdiction;
    if (/[原前]$/.test(text.slice(Math.max(0, cursor - 1), cursor))) record.former = true;
    officials.push(record);
  });
  return officials;
}
