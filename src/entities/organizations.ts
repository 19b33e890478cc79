import type { Dictionary, DictMatch } from '../dictionary/dictionary.js';
import type { DictEntry } from '../dictionary/entry.js';
import type { Entity } from '../types.js';
import type { EntityInput } from './context.js';
import { entityFromMatch } from './match.js';
import { makeEntity, tokenStartingAt } from './names.js';
import { composedName, type DocumentPlaces, explicitJurisdiction, shortName } from './places.js';

/**
 * Organizations of the entity stage: a place and a generic body composed into one (焦作 + 市委), the
 * division inside a body found whole (河南省委), and the normalized `name` of every ORG.
 */

/** A generic body (省委, 市委, 市政府, ...) in the organizations gazetteer. */
export function genericBody(dictionary: Dictionary, form: string): DictEntry | undefined {
  const entry = dictionary.lookupAll(form).find((e) => e.label === 'ORG');
  return entry?.type === 'generic' ? entry : undefined;
}

/**
 * Generic bodies that share the suffix of the place before them (焦作市 | 市人民政府, where the words are
 * 焦作市 / 人民政府): token-aligned gazetteer matches cannot hold them, and they count only as part of
 * that place's organization (`composeOrganizations`).
 */
export function sharedBodies(input: EntityInput, soft: DictMatch[], places: Entity[]): Entity[] {
  const out: Entity[] = [];
  for (const match of soft) {
    if (match.entry.label !== 'ORG' || match.entry.type !== 'generic') continue;
    const place = places.find((p) => p.end === match.start + 1 && p.code !== undefined);
    const atWordEnd =
      match.end === input.text.length || tokenStartingAt(input.tokens, match.end) !== undefined;
    if (place && atWordEnd) out.push(entityFromMatch(input.text, match));
  }
  return out;
}

/** A place directly followed by a generic body (焦作 + 市委, 河南省 + 政府) is one organization. */
export function composeOrganizations(
  input: EntityInput,
  places: Entity[],
  bodies: Entity[],
  organizations: Entity[],
): Entity[] {
  const out: Entity[] = [];
  // Divisions only (a mountain 云台山 ends where 云台山镇 shares its 镇 with 镇党委).
  const byEnd = new Map<number, Entity>();
  for (const place of places)
    if (input.places.get(place.code as string | undefined)) byEnd.set(place.end, place);
  // 中共 + 焦作市委: the party prefix belongs to the body it names.
  const partyByEnd = new Map<number, Entity>();
  for (const org of organizations) if (org.term === '中国共产党') partyByEnd.set(org.end, org);
  for (const body of bodies) {
    // The place may end where the body starts (焦作|市委) or share its suffix character (焦作市|市委).
    // A two-character county shares too (温县 | 县委): `composedName` writes the shared character once.
    const place = byEnd.get(body.start) ?? byEnd.get(body.start + 1);
    const division = place && input.places.get(place.code as string | undefined);
    if (!place || !division) continue;
    const start = partyByEnd.get(place.start)?.start ?? place.start;
    const name = composedName(division, body.term as string);
    out.push(
      makeEntity(input.text, start, body.end, 'ORG', 'rule:place-body', {
        kind: body.kind,
        term: name,
        name,
        jurisdiction: explicitJurisdiction(division),
      }),
    );
  }
  return out;
}

/**
 * An organization found whole (河南省委 is one jieba word, read by the model) that spells a division and
 * a generic body (河南 + 省委, 河南省 + 省委 sharing 省, 温县 + 县人民政府) gets what a composed one has
 * (`composeOrganizations`): the body's kind, the name, and the division as its explicit jurisdiction.
 */
export function placeBodiesInside(input: EntityInput, entities: Entity[], soft: DictMatch[]): void {
  const placesAt = new Map<number, DictMatch[]>();
  for (const match of soft) {
    if (match.entry.label !== 'LOC' || match.entry.attrs.code === undefined) continue;
    placesAt.set(match.start, [...(placesAt.get(match.start) ?? []), match]);
  }
  for (const org of entities) {
    if (org.label !== 'ORG' || org.jurisdiction !== undefined || org.type === 'generic') continue;
    for (const place of placesAt.get(org.start) ?? []) {
      const division = place.end < org.end ? input.places.get(place.entry.attrs.code) : undefined;
      if (!division) continue;
      // The body follows the place (河南 + 省委) or shares its suffix (河南省 + 省委, 温县 + 县人民政府):
      // the organization is one word already, so a two-character county shares as well.
      const body =
        genericBody(input.dictionary, input.normalized.slice(place.end, org.end)) ??
        genericBody(input.dictionary, input.normalized.slice(place.end - 1, org.end));
      if (!body) continue;
      org.name = composedName(division, body.term);
      if (org.kind === undefined && body.attrs.kind !== undefined) org.kind = body.attrs.kind;
      org.jurisdiction = explicitJurisdiction(division);
      break;
    }
  }
}

/**
 * Gives every ORG a normalized `name`: a generic body (市委, 省政府) written alone gets the
 * document's dominant division (焦作市委 in an article about Jiaozuo) with its `jurisdiction`
 * (`basis: document`, `confidence`); other bodies keep their canonical term.
 */
export function nameOrganizations(entities: Entity[], where: DocumentPlaces): void {
  for (const entity of entities) {
    if (entity.label !== 'ORG' || entity.name !== undefined) continue;
    const term = String(entity.term ?? entity.text);
    const generic = entity.type === 'generic' || entity.source === 'rule:title-body';
    const jurisdiction = generic ? where.resolve(term) : undefined;
    const division = jurisdiction && where.index.get(jurisdiction.code);
    if (jurisdiction && division) {
      entity.name = `${shortName(division)}${term}`;
      entity.jurisdiction = jurisdiction;
    } else {
      entity.name = term;
    }
  }
}
