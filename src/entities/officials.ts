import type { Entity, Jurisdiction, NamedSpan, Official, Position, PositionEvent, Span } from '../types.js';
import { surnameLengthOf } from './names.js';
import { type DocumentPlaces, explicitJurisdiction, levelOfName } from './places.js';

export type { Jurisdiction, Official, Position } from '../types.js';

/**
 * Officials: every person the document gives a position, with every position it states for them.
 *
 * A position is read from the entities around a PERSON in the forms political news uses:
 * - titles before the name, each with its own body, chained by 、 or 兼 (中共中央政治局常委、国务院副总理
 *   丁薛祥; 焦作市委副书记、市长李亮: 副书记 @ 焦作市委, 市长 @ 焦作市人民政府);
 * - one chain before a list of names (中央军委委员李尚福、刘振立、苗华), every name holding it;
 * - the title after the name (习近平总书记, 普京总统), and short forms (习主席, 张书记) of a person
 *   named in the document;
 * - foreign positions (俄罗斯总统普京: country 俄罗斯), and 原 / 前 (former), 代 / 代理 (acting);
 * - appointment notices: 任命…为…, 免去…职务, 提名…为…候选人, 当选为…, 调任 / 兼任 / 出任 …
 *   (`event`: appoint, remove, nominate, elect).
 * One `Official` per person and document; a position stated twice is listed once.
 */

/** What may stand between two positions of one chain, or between the last title and the name. */
const CHAIN_GAP = /^[\s\u3000、兼]*$/;
/** What may stand between a title and the name it precedes. */
const NAME_GAP = /^[\s\u3000]*$/;
/** What separates the names of one list (李强、赵乐际; 蔡奇　石泰峰). */
const LIST_GAP = /^(、|[\s\u3000]+)$/;
/** The most entities one chain of positions spans. */
const MAX_CHAIN = 16;

/** Titles whose body is the people's government of their division (市长 of 焦作市 → 焦作市人民政府). */
const GOVERNMENT_HEAD = /^(常务)?副?(省长|市长|县长|区长|州长|盟长|旗长|镇长|乡长|主席)$/;
/** A generic government body named by its kind (市政府, 县人民政府). */
const GOVERNMENT_BODY = /^[省市县区州盟旗镇乡]?(人民)?政府$/;

/** Bodies a title may begin with, split off so that the title is the office alone (省委书记 → 省委 + 书记). */
const TITLE_BODIES: Array<[string, string]> = [
  ['中央政治局', '中共中央政治局'],
  ['政治局', '中共中央政治局'],
  ['中央书记处', '中共中央书记处'],
  ['中央纪委', '中央纪委'],
  ['中央军委', '中央军事委员会'],
  ['军委', '中央军事委员会'],
];
const KIND_PREFIX = /^(省委|市委|县委|区委|州委|盟委|旗委|党委|党组|省政府|市政府|县政府)(?=.)/;

/** A body's party group or committee (市财政局党组): the body is what comes before. */
const PARTY_GROUP = /^(.{2,}?)(党组|党委)$/;

/** Titles that never make an official on their own: the press (记者, 编辑, 主持人). */
const NOT_OFFICIAL_TYPES = new Set(['media']);
/**
 * Titles the lexicon does not mark as public offices that still state a position when written with a
 * name (习近平主席, 张三院士, 董事长李四): chairmen, academic and enterprise positions. Occupations and
 * roles (导演, 学生, 选手) are not positions.
 */
const POSITION_TYPES = new Set(['other', 'academic', 'enterprise']);

/**
 * The body a national title always belongs to when the text names none (习近平总书记 → 中共中央),
 * for a person the document gives no foreign position.
 */
const NATIONAL_BODIES = new Map([
  ['总书记', '中共中央'],
  ['总理', '国务院'],
  ['副总理', '国务院'],
  ['委员长', '全国人大常委会'],
  ['副委员长', '全国人大常委会'],
]);

/** Verbs of appointment before or after a name, and the event each states. */
const BEFORE_NAME: Array<[RegExp, PositionEvent]> = [
  [/(任命|任免|决定任|提请任命)$/, 'appoint'],
  [/提名$/, 'nominate'],
  [/(推选|选举|选)$/, 'elect'],
];
const REMOVE_BEFORE = /免去$/;
const AFTER_NAME: Array<[RegExp, PositionEvent]> = [
  [/^(当选为|当选|被选举为|被选为)/, 'elect'],
  [/^(调任|转任|改任|兼任|出任|担任|任|升任|接任)/, 'appoint'],
];

interface Draft {
  title: Entity;
  bodies: Entity[];
  place?: Entity;
  /** The place of an embassy or consulate (中国驻塞尔维亚大使 → 中国 驻 塞尔维亚). */
  stationedIn?: { from: Entity; to: Entity };
  former?: boolean;
  acting?: boolean;
}

function spanOf(entity: Span): Span {
  return { text: entity.text, start: entity.start, end: entity.end };
}

/** The world gazetteer (countries, states, cities of other countries). */
const WORLD_PLACE = /gazetteer\/world\.tsv:/;

const isCountry = (entity: Entity | undefined) => entity?.label === 'LOC' && entity.type === 'country';

/** Whether a draft position makes its holder an official (记者 alone does not; 主席 with a body does). */
function isOfficial(draft: Draft): boolean {
  const { title } = draft;
  if (NOT_OFFICIAL_TYPES.has(String(title.type))) return false;
  if (title.official !== 'no' || POSITION_TYPES.has(String(title.type))) return true;
  return draft.bodies.length > 0 || isCountry(draft.place) || draft.stationedIn !== undefined;
}

/** The gap before a position, read for 原 / 前 (former) and 代 / 代理 (acting). */
function markOf(gap: string): { rest: string; former?: boolean; acting?: boolean } {
  const former = /(原|前)$/.exec(gap);
  if (former) return { rest: gap.slice(0, former.index), former: true };
  const acting = /(代理|代)$/.exec(gap);
  if (acting) return { rest: gap.slice(0, acting.index), acting: true };
  return { rest: gap };
}

/**
 * The chain of positions written before `entities[index]` (a PERSON), read right to left: each title
 * with the bodies and place written directly before it. Returns the drafts in text order.
 */
function chainBefore(text: string, entities: readonly Entity[], index: number): Draft[] {
  const drafts: Draft[] = [];
  let current: Draft | undefined;
  let cursor = (entities[index] as Entity).start;
  for (let j = index - 1; j >= 0 && index - j <= MAX_CHAIN; j--) {
    const part = entities[j] as Entity;
    const gap = text.slice(part.end, cursor);
    if (part.label === 'TITLE') {
      // 原 / 前 / 代 in the gap belong to the position on the right (主席、前总统尼科利奇)
      const mark = markOf(gap);
      if (current && mark.former) current.former = true;
      if (current && mark.acting) current.acting = true;
      if (!(current ? CHAIN_GAP : NAME_GAP).test(mark.rest)) break;
      current = { title: part, bodies: [] };
      drafts.unshift(current);
    } else if (current && gap === '' && part.label === 'ORG' && !current.place) {
      current.bodies.unshift(part);
    } else if (current && part.label === 'LOC' && !current.place && gap === '') {
      current.place = part;
    } else if (current && part.label === 'LOC' && gap === '驻' && current.place && !current.stationedIn) {
      current.stationedIn = { from: part, to: current.place };
      current.place = undefined;
    } else break;
    cursor = part.start;
  }
  // 原 / 前 / 代 before the first position of the chain
  const first = drafts[0];
  if (first) {
    const head = first.stationedIn?.from ?? first.place ?? first.bodies[0] ?? first.title;
    const before = text.slice(Math.max(0, head.start - 2), head.start);
    if (/[原前]$/.test(before)) first.former = true;
    else if (/代理$|(?<![取替])代$/.test(before)) first.acting = true;
  }
  return drafts;
}

/**
 * The chain of positions written after a verb of appointment (任命张三为|焦作市副市长、…), read left to
 * right from `from` while bodies, places and titles follow one another.
 */
function chainAfter(text: string, entities: readonly Entity[], index: number, from: number): Draft[] {
  const drafts: Draft[] = [];
  let pending: Entity[] = [];
  let place: Entity | undefined;
  let cursor = from;
  for (let j = index; j < entities.length && j - index < MAX_CHAIN; j++) {
    const part = entities[j] as Entity;
    const gap = text.slice(cursor, part.start);
    const joined = pending.length > 0 || place ? gap === '' : CHAIN_GAP.test(gap) || /^(和|及)$/.test(gap);
    if (!joined) break;
    if (part.label === 'TITLE') {
      const draft: Draft = { title: part, bodies: pending };
      if (place) draft.place = place;
      const mark = markOf(gap);
      if (mark.acting) draft.acting = true;
      drafts.push(draft);
      pending = [];
      place = undefined;
    } else if (part.label === 'ORG') pending.push(part);
    else if (part.label === 'LOC' && pending.length === 0 && !place) place = part;
    else break;
    cursor = part.end;
  }
  return drafts;
}

/** The title's office alone, and a body its name begins with (中央政治局常委 → 常委 @ 中共中央政治局). */
function officeOf(title: Entity): { name: string; body?: string; kind?: string } {
  // 代市长: the office is 市长 (the position says `acting`)
  const name = String(title.term ?? title.text).replace(/^代(?=[省市县区州镇乡]长$)/, '');
  for (const [prefix, body] of TITLE_BODIES)
    if (name.startsWith(prefix) && name.length > prefix.length)
      return { name: name.slice(prefix.length), body };
  const kind = KIND_PREFIX.exec(name);
  if (kind) return { name: name.slice(kind[0].length), kind: kind[0] };
  return { name };
}

/** Consecutive bodies (市财政局 + 党组) as one organization: 市财政局党组. */
function organizationOf(text: string, bodies: Entity[]): Position['organization'] {
  const first = bodies[0];
  const last = bodies[bodies.length - 1];
  if (!first || !last) return undefined;
  const name = bodies.map((b) => String(b.name ?? b.term ?? b.text)).join('');
  const organization: NonNullable<Position['organization']> = {
    name,
    text: text.slice(first.start, last.end),
    start: first.start,
    end: last.end,
  };
  if (last.kind !== undefined) organization.kind = String(last.kind);
  return organization;
}

/** Turns a draft into a position: the office, its body, the body's division, the country. */
function resolvePosition(
  text: string,
  draft: Draft,
  where: DocumentPlaces,
  inherited: Jurisdiction | undefined,
  source: string,
): Position {
  const office = officeOf(draft.title);
  const title: NamedSpan = { ...spanOf(draft.title), name: office.name };
  const position: Position = { title, source };
  let organization = organizationOf(text, draft.bodies);
  if (!organization && office.body) organization = { name: office.body };
  // A foreign state or province written before the title is the body (西澳州州长, 利雅得省副省长).
  const place = draft.place;
  if (
    !organization &&
    place &&
    !isCountry(place) &&
    place.code === undefined &&
    WORLD_PLACE.test(String(place.source))
  )
    organization = { name: place.text, text: place.text, start: place.start, end: place.end };
  // The body's own division first (修武县云台山镇党委: 云台山镇), then the place written before it.
  const last = draft.bodies[draft.bodies.length - 1];
  let jurisdiction = (last?.jurisdiction ?? draft.bodies[0]?.jurisdiction) as Jurisdiction | undefined;
  if (!jurisdiction && place && !isCountry(place)) {
    const division = where.index.get(place.code as string | undefined);
    if (division) jurisdiction = explicitJurisdiction(division);
  }
  if (!jurisdiction && office.kind) jurisdiction = where.resolve(office.kind);
  if (!organization && office.kind && jurisdiction) {
    const division = where.index.get(jurisdiction.code);
    const short = division ? division.name.replace(/(?<=..)[省市县区]$/, '') : jurisdiction.name;
    organization = { name: `${short}${office.kind}` };
  }
  if (draft.stationedIn) {
    const { from, to } = draft.stationedIn;
    const mission = /领事/.test(office.name) ? '总领事馆' : '大使馆';
    organization = { name: `${from.text}驻${to.text}${mission}` };
  }
  const foreign = isCountry(place) && place?.text !== '中国';
  if (foreign) position.country = String(place?.term ?? place?.text);
  else if (
    !organization &&
    !inherited &&
    draft.bodies.length === 0 &&
    !jurisdiction &&
    levelOfName(office.name)
  )
    jurisdiction = where.resolve(office.name);
  jurisdiction ??= foreign ? undefined : inherited;
  // The head of a people's government: the body is that government (焦作市委副书记、市长 → 焦作市人民政府).
  if (
    !foreign &&
    GOVERNMENT_HEAD.test(office.name) &&
    jurisdiction &&
    (!organization ||
      GOVERNMENT_BODY.test(organization.name.replace(jurisdiction.name, '')) ||
      !organization.start)
  ) {
    const government = `${jurisdiction.name}人民政府`;
    if (!organization || organization.name !== government)
      organization = { name: government, kind: 'government' };
  }
  if (organization) position.organization = organization;
  if (jurisdiction) position.jurisdiction = jurisdiction;
  if (draft.former) position.former = true;
  if (draft.acting || /^代[省市县区州镇乡]长$/.test(String(draft.title.term ?? draft.title.text)))
    position.acting = true;
  return position;
}

/** Positions of one chain, each inheriting the division of the position before it (焦作市委副书记、市长). */
function resolveChain(
  text: string,
  drafts: readonly Draft[],
  where: DocumentPlaces,
  source: string,
  event?: PositionEvent,
): Position[] {
  const positions: Position[] = [];
  let inherited: Jurisdiction | undefined;
  let previous: Position | undefined;
  for (const draft of drafts) {
    if (!isOfficial(draft) && !event) continue;
    const position = resolvePosition(text, draft, where, inherited, source);
    // A bureau's party group, then the bureau's own office: 市财政局党组书记、局长 → 局长 @ 市财政局.
    const group = previous?.organization?.name.match(PARTY_GROUP);
    if (!position.organization && draft.bodies.length === 0 && group?.[1])
      position.organization = { name: group[1] };
    if (event) position.event = event;
    if (position.jurisdiction && !position.country) inherited = position.jurisdiction;
    positions.push(position);
    previous = position;
  }
  return positions;
}

/** The title written right after a name (习近平总书记, 普京总统), unless it precedes another name. */
function titleAfter(text: string, entities: readonly Entity[], index: number): Draft | undefined {
  const person = entities[index] as Entity;
  const title = entities[index + 1];
  if (title?.label !== 'TITLE' || title.start !== person.end) return undefined;
  const next = entities[index + 2];
  if (next?.label === 'PERSON' && NAME_GAP.test(text.slice(title.end, next.start))) return undefined;
  const draft: Draft = { title, bodies: [] };
  return isOfficial(draft) ? draft : undefined;
}

/** Appointments around a name: 任命张三为…, 免去李四的…职务, 提名…为…候选人, 王五当选为…, 调任 … */
function appointments(
  text: string,
  entities: readonly Entity[],
  index: number,
  where: DocumentPlaces,
): Position[] {
  const person = entities[index] as Entity;
  const before = text.slice(Math.max(0, person.start - 4), person.start);
  const removal = REMOVE_BEFORE.test(before);
  const verb = BEFORE_NAME.find(([pattern]) => pattern.test(before));
  if (removal || verb) {
    const connector = removal
      ? /^(同志)?(的)?/.exec(text.slice(person.end))
      : /^(同志)?为/.exec(text.slice(person.end));
    if (!connector) return [];
    const from = person.end + connector[0].length;
    const drafts = chainAfter(text, entities, index + 1, from);
    const last = drafts[drafts.length - 1];
    if (!last) return [];
    let event: PositionEvent = removal ? 'remove' : (verb?.[1] ?? 'appoint');
    if (!removal && text.startsWith('候选人', last.title.end)) event = 'nominate';
    return resolveChain(text, drafts, where, 'rule:appointment', event);
  }
  const after = text.slice(person.end, person.end + 5);
  for (const [pattern, event] of AFTER_NAME) {
    const match = pattern.exec(after);
    if (!match) continue;
    const drafts = chainAfter(text, entities, index + 1, person.end + match[0].length);
    if (drafts.length > 0) return resolveChain(text, drafts, where, 'rule:appointment', event);
  }
  return [];
}

/** The key under which a position is listed once per person. */
const positionKey = (p: Position) =>
  [p.title.name, p.organization?.name ?? '', p.country ?? '', p.former ? 1 : 0, p.event ?? ''].join('|');

class OfficialsByPerson {
  private readonly byName = new Map<string, Official>();
  /** Per person, the starts of the mentions and the keys of the positions listed. */
  private readonly seen = new Map<string, { mentions: Set<number>; positions: Set<string> }>();

  /** People known or written as foreign (who's-who type `foreign`, a transliterated name). */
  private readonly foreign = new Set<string>();

  add(person: NamedSpan, mention: Span, positions: readonly Position[], foreign = false): void {
    if (foreign) this.foreign.add(person.name);
    let official = this.byName.get(person.name);
    let seen = this.seen.get(person.name);
    if (!official || !seen) {
      official = { person, mentions: [], positions: [] };
      seen = { mentions: new Set(), positions: new Set() };
      this.byName.set(person.name, official);
      this.seen.set(person.name, seen);
    }
    this.mention(person.name, mention);
    for (const position of positions) {
      const key = positionKey(position);
      if (seen.positions.has(key)) continue;
      seen.positions.add(key);
      official.positions.push(position);
    }
  }

  private mention(name: string, mention: Span): void {
    const seen = this.seen.get(name);
    if (!seen || seen.mentions.has(mention.start)) return;
    seen.mentions.add(mention.start);
    this.byName.get(name)?.mentions.push(spanOf(mention));
  }

  /** A person's other mentions in the document, and one form of each office (the one with its body). */
  finish(entities: readonly Entity[]): Official[] {
    const out: Official[] = [];
    for (const e of entities)
      if (e.label === 'PERSON') {
        const name = referent(e) ?? e.text;
        if (this.byName.has(name)) this.mention(name, e);
      }
    for (const official of this.byName.values()) {
      official.mentions.sort((a, b) => a.start - b.start);
      // 习近平总书记 → 总书记 @ 中共中央, unless the person holds a foreign position here.
      if (!this.foreign.has(official.person.name) && !official.positions.some((p) => p.country))
        for (const position of official.positions) {
          const body = NATIONAL_BODIES.get(position.title.name);
          if (body && !position.organization) position.organization = { name: body };
        }
      const seen = new Set<string>();
      official.positions = official.positions.filter((p) => {
        const key = positionKey(p);
        return !seen.has(key) && Boolean(seen.add(key));
      });
      // 张书记 after 焦作市委书记张建国: the short form is the office already listed.
      official.positions = official.positions.filter(
        (p) =>
          p.source !== 'rule:short-form' ||
          !official.positions.some(
            (q) => q !== p && q.source !== 'rule:short-form' && q.title.name === p.title.name,
          ),
      );
      out.push(official);
    }
    return out.sort((a, b) => a.person.start - b.person.start);
  }
}

/**
 * A foreign person: the who's-who says so, or the name is no Chinese name: a middle dot, more than two
 * characters after the surname (普拉昌达, 武切维奇), or two characters without a known surname (舒默).
 * Three characters without a listed surname are taken as Chinese (rare surnames: 习近平).
 */
function isForeignName(person: Entity): boolean {
  if (person.type === 'foreign') return true;
  if (person.type === 'official') return false;
  const name = person.text;
  const surname = surnameLengthOf(name);
  if (name.includes('·') || name.length - Math.max(surname, 1) > 2) return true;
  return surname === 0 && name.length !== 3;
}

function referent(entity: Entity): string | undefined {
  const refers = entity.refersTo as { text?: string } | undefined;
  return refers?.text;
}

/** Links each PERSON to the positions the text states for them; one `Official` per person. */
export function linkOfficials(text: string, entities: Entity[], where: DocumentPlaces): Official[] {
  const officials = new OfficialsByPerson();
  const persons = new Map<string, Entity>();
  for (const e of entities)
    if (e.label === 'PERSON' && e.text.length >= 2 && !persons.has(e.text)) persons.set(e.text, e);
  const personOf = (entity: Entity): NamedSpan => {
    const name = referent(entity) ?? entity.text;
    const first = persons.get(name) ?? entity;
    return { ...spanOf(first), name };
  };
  for (let index = 0; index < entities.length; index++) {
    const person = entities[index] as Entity;
    if (person.label !== 'PERSON') continue;
    const short = person.source === 'rule:surname-title';
    if (short && !referent(person)) continue;
    const positions = resolveChain(text, chainBefore(text, entities, index), where, 'rule:title-person');
    const listed = positions.length > 0;
    const after = titleAfter(text, entities, index);
    if (after)
      positions.push(...resolveChain(text, [after], where, short ? 'rule:short-form' : 'rule:person-title'));
    positions.push(...appointments(text, entities, index, where));
    if (positions.length === 0) continue;
    officials.add(personOf(person), person, positions, isForeignName(person));
    if (!listed) continue;
    // One chain before a list of names: 中央军委委员李尚福、刘振立、苗华、张升民
    const shared = positions.filter((p) => p.source === 'rule:title-person');
    let cursor = person.end;
    for (let j = index + 1; j < entities.length; j++) {
      const next = entities[j] as Entity;
      if (next.label !== 'PERSON' || !LIST_GAP.test(text.slice(cursor, next.start))) break;
      // 王凯、李强总理: a name with its own title after it is not one of the list
      if (titleAfter(text, entities, j)) break;
      officials.add(
        personOf(next),
        next,
        shared.map((p) => ({ ...p, source: 'rule:name-list' })),
        isForeignName(next),
      );
      cursor = next.end;
    }
  }
  return officials.finish(entities);
}
