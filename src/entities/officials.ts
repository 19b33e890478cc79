import type { Entity, Span } from '../types.js';
import type { Division, PlaceIndex } from './places.js';

/** Where an official's jurisdiction came from, and how sure zhtag is. */
export interface Jurisdiction {
  name: string;
  code: string;
  level: Division['level'];
  /** `explicit`: named with the body (焦作市委); `document`: the document's dominant division. */
  basis: 'explicit' | 'document';
  /** 1 when explicit; else the dominant division's share of the place mentions at that level. */
  confidence: number;
}

/** An official's mention: person + title + body + jurisdiction, as spans plus normalized values. */
export interface Official {
  person: Span;
  title: Span & { name: string };
  titles: Array<Span & { name: string }>;
  organization?: Span & { name: string; kind?: string };
  jurisdiction?: Jurisdiction;
  former?: boolean;
  source: string;
}

/** What may stand between the parts of one official's mention (焦作市委书记、市长 张三). */
const JOINER = /^[\s、兼]*$/;
const LEVEL_BY_PREFIX: Record<string, Division['level']> = {
  省: 'province',
  市: 'prefecture',
  县: 'county',
  区: 'county',
};
const MAX_PARTS = 6;

function spanOf(entity: Entity): Span {
  return { text: entity.text, start: entity.start, end: entity.end };
}

function titleName(entity: Entity): string {
  return String(entity.fullTitle ?? entity.term ?? entity.text);
}

/** The division level a body or title speaks for (省委 → province, 市长 → prefecture), if any. */
function levelOf(name: string): Division['level'] | undefined {
  return LEVEL_BY_PREFIX[name.charAt(0)];
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
    term: bodies.map((b) => String(b.term ?? b.text)).join(''),
    jurisdiction: first.jurisdiction ?? last.jurisdiction,
  };
}

/** A place written before the title (郑州市市长, 河南省副省长) names the jurisdiction itself. */
function placeJurisdiction(
  place: Entity,
  places: PlaceIndex,
): Omit<Jurisdiction, 'basis' | 'confidence'> | undefined {
  const division = places.get(place.code as string | undefined);
  return division && { name: division.name, code: division.code, level: division.level };
}

function resolveJurisdiction(
  organization: Entity | undefined,
  title: string,
  dominantAt: (level: Division['level']) => ReturnType<PlaceIndex['dominant']>,
  places: PlaceIndex,
): Jurisdiction | undefined {
  const explicit =
    organization?.label === 'LOC'
      ? placeJurisdiction(organization, places)
      : (organization?.jurisdiction as Omit<Jurisdiction, 'basis' | 'confidence'> | undefined);
  if (explicit) return { ...explicit, basis: 'explicit', confidence: 1 };
  const body = organization?.label === 'ORG' ? String(organization.term ?? organization.text) : '';
  const level = levelOf(body) ?? levelOf(title);
  if (!level) return undefined;
  const dominant = dominantAt(level);
  if (!dominant) return undefined;
  const { name, code } = dominant.division;
  return { name, code, level, basis: 'document', confidence: Number(dominant.share.toFixed(2)) };
}

/**
 * Links each PERSON to the titles and body written right before it (焦作市委书记葛巧红, 省委书记
 * 楼阳生, 县委书记兼县长李四). A person whose titles are all non-official (记者, 编辑) is not an
 * official. Jurisdiction comes from the body's place, else from the document's dominant division.
 */
export function linkOfficials(text: string, entities: Entity[], places: PlaceIndex): Official[] {
  const officials: Official[] = [];
  const dominant = new Map<Division['level'], ReturnType<PlaceIndex['dominant']>>();
  const dominantAt = (level: Division['level']) => {
    if (!dominant.has(level)) dominant.set(level, places.dominant(entities, level));
    return dominant.get(level);
  };
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
    const official = titles.filter((t) => t.official !== 'no');
    if (official.length === 0) return;
    const main = official[official.length - 1] as Entity;
    const name = titleName(main);
    const record: Official = {
      person: spanOf(person),
      title: { ...spanOf(main), name },
      titles: official.map((t) => ({ ...spanOf(t), name: titleName(t) })),
      source: 'rule:title-person',
    };
    if (organization) {
      record.organization = { ...spanOf(organization), name: String(organization.term ?? organization.text) };
      if (organization.kind !== undefined) record.organization.kind = String(organization.kind);
    }
    const jurisdiction = resolveJurisdiction(organization ?? place, name, dominantAt, places);
    if (jurisdiction) record.jurisdiction = jurisdiction;
    if (/[原前]$/.test(text.slice(Math.max(0, cursor - 1), cursor))) record.former = true;
    officials.push(record);
  });
  return officials;
}
