import type { Dictionary } from '../dictionary/dictionary.js';
import type { Entity, Jurisdiction } from '../types.js';
import type { Division } from './division.js';
import type { TownshipIndex } from './townships.js';

export type { Jurisdiction } from '../types.js';
export type { Division } from './division.js';

const LEVELS = new Set(['province', 'prefecture', 'county', 'township']);

/** Divisions by code, built once per pipeline from the gazetteer entries that carry a code. */
export class PlaceIndex {
  private readonly byCode = new Map<string, Division>();
  /** Provinces by their one-character abbreviation (豫 → 河南省). */
  readonly byAbbreviation = new Map<string, Division>();

  /** `townships`: the township-level divisions below the gazetteer's counties, when loaded. */
  constructor(
    dictionary: Dictionary,
    readonly townships?: TownshipIndex,
  ) {
    for (const entry of dictionary.entries()) {
      const { code, parent } = entry.attrs;
      const level = entry.level ?? '';
      if (entry.label !== 'LOC' || code === undefined || !LEVELS.has(level) || this.byCode.has(code))
        continue;
      // geo.tsv aliases (怀川 → 焦作市) carry the code but not the division's own name.
      const name = entry.attrs.refersTo ?? entry.term;
      const division: Division = { name, code, level: level as Division['level'] };
      if (parent !== undefined) division.parent = parent;
      this.byCode.set(code, division);
      for (const abbreviation of entry.attrs.abbr?.split('|') ?? []) {
        if (abbreviation !== '' && !this.byAbbreviation.has(abbreviation))
          this.byAbbreviation.set(abbreviation, division);
      }
    }
  }

  get(code: string | undefined): Division | undefined {
    if (code === undefined) return undefined;
    return this.byCode.get(code) ?? (code.length === 9 ? this.townships?.division(code) : undefined);
  }

  /** The division and its ancestors, nearest first. */
  lineage(code: string | undefined): Division[] {
    const out: Division[] = [];
    for (let division = this.get(code); division && out.length < 5; division = this.get(division.parent)) {
      out.push(division);
    }
    return out;
  }

  /**
   * The document's dominant division at a level: every LOC mention counts for its division and
   * the divisions above it. Returns the winner and its share of the mentions at that level.
   */
  dominant(entities: Entity[], level: Division['level']): { division: Division; share: number } | undefined {
    const counts = new Map<string, number>();
    let total = 0;
    for (const entity of entities) {
      if (entity.label !== 'LOC') continue;
      const at = this.lineage(entity.code as string | undefined).find((d) => d.level === level);
      if (!at) continue;
      counts.set(at.code, (counts.get(at.code) ?? 0) + 1);
      total++;
    }
    let best: [string, number] | undefined;
    for (const entry of counts) if (!best || entry[1] > best[1]) best = entry;
    const division = best && this.get(best[0]);
    return division && best ? { division, share: best[1] / total } : undefined;
  }
}

/** Where a jurisdiction came from, and how sure zhtag is. */

const LEVEL_BY_PREFIX: Record<string, Division['level']> = {
  省: 'province',
  市: 'prefecture',
  县: 'county',
  区: 'county',
};

/** The division level a generic body or title speaks for (省委 → province, 市长 → prefecture), if any. */
export function levelOfName(name: string): Division['level'] | undefined {
  return LEVEL_BY_PREFIX[name.charAt(0)];
}

/** A division's name without its suffix, as it prefixes a body (焦作市 → 焦作, 河南省 → 河南). */
export function shortName(division: Division): string {
  return division.name.length > 2 ? division.name.replace(/[省市县区]$/, '') : division.name;
}

/** A jurisdiction named with the body or title itself (焦作市委, 郑州市市长): sure. */
export function explicitJurisdiction(division: Division): Jurisdiction {
  return {
    name: division.name,
    code: division.code,
    level: division.level,
    basis: 'explicit',
    confidence: 1,
  };
}

/**
 * The name of a body composed with a division: 焦作 + 市委, or sharing the division's last character with
 * the body (温县 + 县政府 → 温县政府, 云台山镇 + 镇党委 → 云台山镇党委).
 */
export function composedName(division: Division, body: string): string {
  const short = shortName(division);
  return short.endsWith(body.charAt(0)) ? `${short}${body.slice(1)}` : `${short}${body}`;
}

/** One document's places: the dominant division per level, computed once, for generic bodies and titles. */
export class DocumentPlaces {
  private readonly cache = new Map<Division['level'], ReturnType<PlaceIndex['dominant']>>();

  constructor(
    readonly index: PlaceIndex,
    private readonly entities: Entity[],
  ) {}

  /** The jurisdiction a generic body or title (省委, 市长) has in this document, if the document says. */
  resolve(name: string): Jurisdiction | undefined {
    const level = levelOfName(name);
    if (!level) return undefined;
    if (!this.cache.has(level)) this.cache.set(level, this.index.dominant(this.entities, level));
    const dominant = this.cache.get(level);
    if (!dominant) return undefined;
    const { name: division, code } = dominant.division;
    return { name: division, code, level, basis: 'document', confidence: Number(dominant.share.toFixed(2)) };
  }
}
